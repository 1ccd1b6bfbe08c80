import Foundation
import QEValidation
import Testing

@Suite("Bisection search")
struct BisectSearchTests {
    /// Runs the search against a history whose first bad commit is `firstBad`, with the
    /// commits in `untestable` skipped; returns the search at the end and the commits tested.
    private func search(
        candidates: Int, firstBad: Int, untestable: Set<Int> = [], undecidedOnce: Set<Int> = []
    ) -> (BisectSearch, [Int]) {
        var search = BisectSearch(candidates: candidates)
        var tested: [Int] = []
        while let next = search.nextCandidate() {
            let firstTime = !tested.contains(next)
            tested.append(next)
            let classification: BisectClassification = untestable.contains(next) ? .skip
                : (undecidedOnce.contains(next) && firstTime ? .undecided : (next >= firstBad ? .bad : .good))
            search.record(classification, at: next)
            #expect(tested.count <= 2 * candidates, "the search does not end")
            if tested.count > 2 * candidates { break }
        }
        return (search, tested)
    }

    @Test(arguments: 1...33)
    func findsEveryFirstBadCommitInCeilLog2Steps(candidates: Int) {
        let halvings = candidates <= 1 ? 0 : Int(ceil(log2(Double(candidates))))
        for firstBad in 1...candidates {
            let (result, tested) = search(candidates: candidates, firstBad: firstBad)
            #expect(result.isNarrowedToOne)
            #expect(result.firstBad == firstBad)
            #expect(result.lastGood == firstBad - 1)
            #expect(tested.count <= halvings, "\(tested.count) steps for \(candidates) commits")
            #expect(Set(tested).count == tested.count, "a commit was tested twice")
        }
    }

    @Test func aSkippedCommitIsReplacedByItsNeighbour() {
        // 15 commits: the middle one (7) cannot be built; 8 is tried next, then the search goes on.
        let (result, tested) = search(candidates: 15, firstBad: 11, untestable: [7])
        #expect(tested.first == 7)
        #expect(tested.dropFirst().first == 8)
        #expect(result.isNarrowedToOne && result.firstBad == 11)
        #expect(result.setAside == [7])
    }

    @Test func neighboursAlternateAboveAndBelow() {
        let (_, tested) = search(candidates: 16, firstBad: 2, untestable: [8, 9, 7, 10])
        #expect(Array(tested.prefix(5)) == [8, 9, 7, 10, 6])
    }

    @Test func anUntestableFirstBadCommitLeavesTheSmallestRange() {
        // The first bad commit (6) and its parent (5) cannot be built: 5, 6 or 7 may be the first
        // bad one, and nothing inside (4, 7] is left to test.
        let (result, _) = search(candidates: 12, firstBad: 6, untestable: [5, 6])
        #expect(!result.isNarrowedToOne)
        #expect(result.lastGood == 4)
        #expect(result.firstBad == 7)
        #expect(result.nextCandidate() == nil)
    }

    @Test func anUndecidedFirstBadCommitIsMeasuredAgainOnceItsNeighboursAreKnown() {
        // 15 commits, 11 the first bad one and undecided at first: 12 and 10 are tried instead,
        // then 11 again.
        let (result, tested) = search(candidates: 15, firstBad: 11, undecidedOnce: [11])
        #expect(tested == [7, 11, 12, 9, 10, 11])
        #expect(result.isNarrowedToOne && result.firstBad == 11)
        #expect(result.undecided == [11: 1])
    }

    @Test func aCommitUndecidedTwiceIsGivenUp() {
        var search = BisectSearch(candidates: 3)
        #expect(!search.isContinuing(2))
        search.record(.undecided, at: 2)
        #expect(search.nextCandidate() == 1)
        #expect(!search.isContinuing(1))
        search.record(.good, at: 1)
        #expect(search.nextCandidate() == 2)
        // Measured again, it continues its rounds.
        #expect(search.isContinuing(2))
        search.record(.undecided, at: 2)
        #expect(search.nextCandidate() == nil)
        #expect(search.lastGood == 1 && search.firstBad == 3)
    }

    @Test func oneCandidateIsNamedWithoutATest() {
        let search = BisectSearch(candidates: 1)
        #expect(search.isNarrowedToOne)
        #expect(search.nextCandidate() == nil)
        #expect(search.firstBad == 1)
    }

    @Test func classificationsOutsideTheRangeAreIgnored() {
        var search = BisectSearch(candidates: 10)
        search.record(.good, at: 5)
        search.record(.bad, at: 3)
        search.record(.good, at: 0)
        search.record(.bad, at: 10)
        #expect(search.lastGood == 5 && search.firstBad == 10)
    }
}
