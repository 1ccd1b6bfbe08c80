import Foundation
import QEValidation
import QETestSupport
import Testing

@testable import QEValidateCommands

/// One file, one default interval: compare --method auto chooses the interval --claim chooses.
@Suite("Method choice in compare and --claim", .tags(.slow), .skippedWhenFast)
struct MethodChoiceTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/flash-attention-sample.json").path

    @Test func compareAndClaimGiveTheSamePairedInterval() throws {
        let comparison = try CompareCommand.parse([Self.sample]).makeDocument()
        let claim = try ValidateCommand.parse(["--claim", "2x", "--workload", "code-embedding", "--results", Self.sample]).judge()
        let compared = try #require(comparison.benchmarks.first { $0.name == "code-embedding" })
        let claimed = try #require(claim.benchmarks.first)
        #expect(compared.speedup.method == .pairedRuns)
        #expect(claimed.speedup.method == .pairedRuns)
        #expect(compared.speedup.low == claimed.speedup.low && compared.speedup.high == claimed.speedup.high)
    }

    @Test func twoFilesAreNotPairedSoTheBootstrapIsUsed() throws {
        let comparison = try CompareCommand.parse([Self.sample, Self.sample]).makeDocument()
        #expect(comparison.benchmarks.allSatisfy { $0.speedup.method == .hierarchicalBootstrap })
    }

    @Test(arguments: [
        (true, 5, 5, ComparisonMethod.pairedRuns), (false, 5, 5, .hierarchicalBootstrap), (true, 2, 2, .hodgesLehmann),
        (false, 3, 2, .hodgesLehmann), (true, 3, 3, .pairedRuns),
    ])
    func autoResolvesTheSameWayEverywhere(paired: Bool, baselineRuns: Int, candidateRuns: Int, method: ComparisonMethod) {
        #expect(ComparisonMethod.auto.resolved(paired: paired, baselineRuns: baselineRuns, candidateRuns: candidateRuns) == method)
        #expect(ComparisonMethod.hodgesLehmann.resolved(paired: paired, baselineRuns: baselineRuns, candidateRuns: candidateRuns) == .hodgesLehmann)
    }
}
