/// The binary search of a bisection over commits 0…n: commit 0 is known good, commit n known
/// bad, and the first bad commit is one of 1…n.
///
/// Each classification narrows the range (lastGood, firstBad]. A commit that is `skip`ped is
/// set aside for good; one that is `undecided` is set aside too, and the nearest untried commit
/// to the middle is tried instead, alternately above and below it (as `git bisect skip` moves
/// off a commit it cannot test). When only set-aside commits are left inside the range, an
/// undecided one (the nearest to the middle) is measured once more, its earlier rounds kept
/// (``isContinuing(_:)``; ``BisectJudge/step(_:final:continuing:)``). The search ends when one
/// commit is left, or when nothing inside the range can be tried again.
///
/// Assumes the slowdown, once in, stays: every commit after a bad one is bad.
public struct BisectSearch: Sendable, Equatable {
    /// n: the commits after good, up to and including bad.
    public let candidates: Int
    /// The newest commit known good (0: the good end).
    public private(set) var lastGood = 0
    /// The oldest commit known bad (n: the bad end).
    public private(set) var firstBad: Int
    /// Commits that could not be built or measured.
    public private(set) var skipped: Set<Int> = []
    /// How many times each undecided commit was measured without a decision.
    public private(set) var undecided: [Int: Int] = [:]

    /// How many times an undecided commit is measured before it is given up.
    public static let attempts = 2

    /// - Parameter candidates: n ≥ 1.
    public init(candidates: Int) {
        self.candidates = max(candidates, 1)
        firstBad = self.candidates
    }

    /// Commits set aside: skipped or undecided.
    public var setAside: Set<Int> { skipped.union(undecided.keys) }

    /// Whether the first bad commit is known: `firstBad` is right after `lastGood`.
    public var isNarrowedToOne: Bool { firstBad - lastGood == 1 }

    /// The commit to test next, or nil when the search is over.
    /// - Complexity: O(firstBad − lastGood).
    public func nextCandidate() -> Int? {
        guard !isNarrowedToOne else { return nil }
        let middle = lastGood + (firstBad - lastGood) / 2
        let aside = setAside
        if let untried = nearest(to: middle, where: { !aside.contains($0) }) { return untried }
        return nearest(to: middle) { (undecided[$0] ?? Self.attempts) < Self.attempts }
    }

    /// The commit inside the range nearest to `middle` (then above before below) that `allowed`.
    private func nearest(to middle: Int, where allowed: (Int) -> Bool) -> Int? {
        for offset in 0..<(firstBad - lastGood) {
            for index in offset == 0 ? [middle] : [middle + offset, middle - offset]
            where index > lastGood && index < firstBad && allowed(index) {
                return index
            }
        }
        return nil
    }

    /// Whether measuring commit `index` now continues an earlier measurement that left it
    /// `undecided`.
    public func isContinuing(_ index: Int) -> Bool {
        undecided[index] != nil
    }

    /// Records how commit `index` (inside the current range) was classified.
    public mutating func record(_ classification: BisectClassification, at index: Int) {
        guard index > lastGood && index < firstBad else { return }
        switch classification {
        case .good: lastGood = index
        case .bad: firstBad = index
        case .skip: skipped.insert(index)
        case .undecided: undecided[index, default: 0] += 1
        }
    }
}
