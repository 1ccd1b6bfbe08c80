import Foundation
import QEPresentation
import QEValidation
import Testing

/// `history list` in each of its forms.
@Suite("History listing rendering")
struct HistoryListingRenderingTests {
    static let listing = HistoryListing(series: [
        HistoryListing.Series(suite: "flash-attention", name: "test-similarity", variant: "flash", machine: "0123456789abcdef",
                              branch: "main", points: [
                                  HistoryListing.Point(commit: "3f2a9c1b7d4e5f60718293a4b5c6d7e8f9012345", time: "2026-11-26T15:00:00Z",
                                                       runs: 5, iterations: 150, median: 13_367_000, low: 13_300_000, high: 13_412_000),
                                  HistoryListing.Point(commit: "4a2a9c1b7d4e5f60718293a4b5c6d7e8f9012345", time: "2026-11-27T15:00:00Z",
                                                       runs: 1, iterations: 3, median: 13_500_000, low: nil, high: nil),
                              ]),
    ])

    @Test func textShowsEachSeriesAndItsPoints() throws {
        let text = try render(Self.listing, as: .text)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "flash-attention/test-similarity (flash) on machine 0123456789abcdef, branch main: 2 commits")
        #expect(lines[1].hasPrefix("commit") && lines[1].hasSuffix("median [95% CI]"))
        #expect(lines[2].hasPrefix("3f2a9c1b7d4e  2026-11-26T15:00:00Z"), "commits shortened to 12 digits")
        #expect(lines[2].hasSuffix("13.37ms [13.30, 13.41]"))
        #expect(lines[3].hasSuffix("13.50ms [too few]"))
        #expect(lines.last?.hasPrefix("[too few]: fewer than 6 iterations") == true)
    }

    @Test func markdownHasATablePerSeries() throws {
        let markdown = try render(Self.listing, as: .markdown)
        #expect(markdown.contains("### flash-attention/test-similarity (flash) on machine 0123456789abcdef, branch main: 2 commits"))
        #expect(markdown.contains("| `3f2a9c1b7d4e` | 2026-11-26T15:00:00Z | 5 | 150 | 13.37ms [13.30, 13.41] |"))
    }

    @Test func csvHasARowPerPointInNanoseconds() throws {
        let csv = try render(Self.listing, as: .csv)
        #expect(csv == """
            suite,name,variant,machine,branch,commit,time,runs,iterations,median_ns,low_ns,high_ns
            flash-attention,test-similarity,flash,0123456789abcdef,main,3f2a9c1b7d4e5f60718293a4b5c6d7e8f9012345,2026-11-26T15:00:00Z,5,150,13367000.0,13300000.0,13412000.0
            flash-attention,test-similarity,flash,0123456789abcdef,main,4a2a9c1b7d4e5f60718293a4b5c6d7e8f9012345,2026-11-27T15:00:00Z,1,3,13500000.0,,

            """)
    }

    @Test func jsonIsHistoryAtOneWithNullIntervals() throws {
        let json = try render(Self.listing, as: .json)
        #expect(json.contains("\"schema\" : \"qe-validate/history@1\""))
        #expect(json.contains("\"low\" : null"), "a point without an interval keeps its keys")
        let decoded = try DocumentJSON.decoder().decode(HistoryListing.self, from: Data(json.utf8))
        #expect(decoded == Self.listing)
    }

    @Test func anEmptyListingSaysSo() throws {
        let empty = HistoryListing(series: [])
        #expect(try render(empty, as: .text) == "No series: the store holds no point that the filter takes.\n")
        #expect(try render(empty, as: .csv).split(separator: "\n").count == 1)
    }
}
