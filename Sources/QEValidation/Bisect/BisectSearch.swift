/// The binary search of a bisection over commits 0…n: commit 0 is known good, commit n known
/// bad, and the first bad commit is one of 1…n.
///
/// Each classification narrows the range (lastGood, firstBad]; a commit that is `skip`ped or
/// `undecided` is set aside and the nearest untried commit to the middle is tried instead,
/// alternately above and below it (as `git bisect skip` moves off a commit it cannot test).
/// The search ends when one commit is left, or when every commit strictly inside the range has
/// been set aside.
///
/// Assumes the slowdown, once in, stays: every commit after a bad one is bad.
public struct BisectSearch: Sendable, Equatable {
    /// n: the commits after good, up to and including bad.
    public let candidates: Int
    /// The newest commit known good (0: the good end).
    public private(set) var lastGood = 0
    /// The oldest commit known bad (n: the bad end).
    public private(set) var firstBad: Int
    /// Commits that were skipped or undecided.
    public private(set) var setAside: Set<Int> = []

    /// - Parameter candidates: n ≥ 1.
    public init(candidates: Int) {
        self.candidates = max(candidates, 1)
        firstBad = self.candidates
    }

    /// Whether the first bad commit is known: `firstBad` is right after `lastGood`.
    public var isNarrowedToOne: Bool { firstBad - lastGood == 1 }

    /// The commit to test next, or nil when the search is over.
    /// - Complexity: O(firstBad − lastGood).
    public func nextCandidate() -> Int? {
        guard !isNarrowedToOne else { return nil }
        let middle = lastGood + (firstBad - lastGood) / 2
        for offset in 0..<(firstBad - lastGood) {
            for index in offset == 0 ? [middle] : [middle + offset, middle - offset]
            where index > lastGood && index < firstBad && !setAside.contains(index) {
                return index
            }
        }
        return nil
    }

    /// Records how commit `index` (inside the current range) was classified.
    public mutating func record(_ classification: BisectClassification, at index: Int) {
        guard index > lastGood && index < firstBad else { return }
        switch classification {
        case .good: lastGood = index
        case .bad: firstBad = index
        case .undecided, .skip: setAside.insert(index)
        }
    }
}
