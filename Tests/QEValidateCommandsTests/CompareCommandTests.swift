import Foundation
import QEResults
import QEStatistics
import QETestSupport
import QEValidation
import Testing

@Suite("qe-validate compare")
struct CompareCommandTests {
    /// The verdict document, decoded loosely so the test reads what a user's script would.
    static func json(_ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The verdict document decoded exactly (JSONSerialization rounds some doubles on Linux).
    static func document(_ path: String) throws -> ComparisonDocument {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return try decoder.decode(ComparisonDocument.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    static func benchmarks(_ document: [String: Any]) throws -> [[String: Any]] {
        try #require(document["benchmarks"] as? [[String: Any]])
    }

    @Test(.tags(.slow), .skippedWhenFast) func oneFileWithFewRunsUsesHodgesLehmannAndMatchesTheStatistics() async throws {
        let scratch = try ScratchDirectory()
        let file = SyntheticResults.file(speedups: ["alpha": 3.0, "beta": 1.0], runs: 1, iterations: 40)
        let input = scratch.file("results.json")
        try file.write(to: input)
        let output = scratch.file("verdict.json")
        let status = await CommandRunner.run(["compare", input, "--format", "json", "--output", output])
        #expect(status == 0)
        let document = try Self.json(output)
        #expect(document["schema"] as? String == "qe-validate/verdict@1")
        #expect(document["confidence"] as? Double == 0.95)
        let benchmarks = try Self.benchmarks(document)
        #expect(benchmarks.map { $0["name"] as? String } == ["alpha", "beta"])
        let alpha = benchmarks[0]
        let speedup = try #require(alpha["speedup"] as? [String: Any])
        #expect(speedup["method"] as? String == "hodges-lehmann")
        #expect(alpha["verdict"] as? String == "faster")
        for key in ["name", "baseline", "candidate", "speedup", "timeRatio", "mannWhitney", "verdict"] {
            #expect(alpha[key] != nil, "missing \(key)")
        }
        // The command reports exactly what the statistics layer computes.
        let expected = try SpeedupEstimate.hodgesLehmann(
            baseline: file.benchmarks[0].runs[0].samples, candidate: file.benchmarks[1].runs[0].samples)
        let exact = try Self.document(output).benchmarks[0]
        #expect(exact.speedup.estimate == expected.estimate)
        #expect(exact.speedup.low == expected.low)
        #expect(exact.speedup.high == expected.high)
        #expect(exact.timeRatio.low == 1 / expected.high)
        #expect(exact.mannWhitney.method == .exact)
        #expect(exact.mannWhitney.p == expected.test.pValue)
        #expect(exact.mannWhitney.u == expected.test.u)
        #expect(exact.baseline.n == 40)
        #expect(exact.baseline.runs == 1)
        #expect(exact.baseline.median == (try Summary(file.benchmarks[0].runs[0].samples)).median)
        // beta has no real difference: its interval must contain 1.
        let beta = try #require(benchmarks[1]["speedup"] as? [String: Any])
        let (low, high) = (try #require(beta["low"] as? Double), try #require(beta["high"] as? Double))
        #expect(low < 1 && high > 1)
        #expect(benchmarks[1]["verdict"] as? String == "indistinguishable")
    }

    @Test func threeRunsPerSideUseTheHierarchicalBootstrapReproducibly() async throws {
        let scratch = try ScratchDirectory()
        let input = scratch.file("results.json")
        try SyntheticResults.file(speedups: ["gamma": 2.0], runs: 4, iterations: 25).write(to: input)
        let first = scratch.file("first.json")
        let second = scratch.file("second.json")
        let reseeded = scratch.file("reseeded.json")
        let bootstrap = ["--method", "hierarchical-bootstrap", "--replicates", "2000"]
        #expect(await CommandRunner.run(["compare", input, "--format", "json", "-o", first] + bootstrap) == 0)
        #expect(await CommandRunner.run(["compare", input, "--format", "json", "-o", second] + bootstrap) == 0)
        #expect(await CommandRunner.run(["compare", input, "--format", "json", "-o", reseeded, "--seed", "99"] + bootstrap) == 0)
        let a = try String(contentsOfFile: first, encoding: .utf8)
        let b = try String(contentsOfFile: second, encoding: .utf8)
        #expect(a == b, "the same seed must give the same document")
        let speedup = try #require(try Self.benchmarks(Self.json(first))[0]["speedup"] as? [String: Any])
        #expect(speedup["method"] as? String == "hierarchical-bootstrap")
        #expect(speedup["replicates"] as? Int == 2000)
        let estimate = try #require(speedup["estimate"] as? Double)
        #expect(abs(estimate - 2.0) < 0.1)
        let other = try #require(try Self.benchmarks(Self.json(reseeded))[0]["speedup"] as? [String: Any])
        #expect(other["estimate"] as? Double == estimate, "the estimate does not depend on the seed")
        #expect(other["low"] as? Double != speedup["low"] as? Double, "the interval does")
    }

    @Test func twoFilesAreMatchedByNameAndVariant() async throws {
        let scratch = try ScratchDirectory()
        let old = SyntheticResults.file(speedups: ["delta": 1.0, "epsilon": 1.0], runs: 1, iterations: 30, seed: 1)
        var new = SyntheticResults.file(speedups: ["delta": 1.0, "zeta": 1.0], runs: 1, iterations: 30, seed: 2)
        // Make the new delta baseline twice as fast as the old one.
        for index in new.benchmarks.indices where new.benchmarks[index].key == BenchmarkKey(name: "delta", variant: "baseline") {
            new.benchmarks[index].runs = new.benchmarks[index].runs.map { BenchmarkRun(samples: $0.samples.map { $0 / 2 }) }
        }
        let oldPath = scratch.file("old.json")
        let newPath = scratch.file("new.json")
        try old.write(to: oldPath)
        try new.write(to: newPath)
        let output = scratch.file("verdict.json")
        #expect(await CommandRunner.run(["compare", oldPath, newPath, "--format", "json", "-o", output]) == 0)
        let document = try Self.json(output)
        let benchmarks = try Self.benchmarks(document)
        // delta (baseline) and delta (flash) match; epsilon and zeta have no partner.
        #expect(benchmarks.count == 2)
        let baselinePair = try #require(benchmarks.first { $0["baselineVariant"] as? String == "baseline" })
        let speedup = try #require(baselinePair["speedup"] as? [String: Any])
        let estimate = try #require(speedup["estimate"] as? Double)
        #expect(abs(estimate - 2) < 0.1)
        let warnings = try #require(document["warnings"] as? [String])
        #expect(warnings.contains { $0.contains("epsilon") })
    }

    @Test(arguments: ["text", "markdown", "csv"])
    func humanAndTableFormatsNameEveryBenchmark(format: String) async throws {
        let scratch = try ScratchDirectory()
        let input = scratch.file("results.json")
        try SyntheticResults.file(speedups: ["alpha": 3.0, "beta": 1.0], runs: 1, iterations: 20).write(to: input)
        let output = scratch.file("out.\(format)")
        #expect(await CommandRunner.run(["compare", input, "--format", format, "-o", output]) == 0)
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.contains("alpha") && text.contains("beta"))
        switch format {
        case "text":
            #expect(text.contains("speedup [95% CI]"))
            #expect(text.contains("HL: Hodges–Lehmann"))
            #expect(text.contains("3.0") || text.contains("2.9"))
        case "markdown":
            #expect(text.contains("|---|"))
        default:
            let lines = text.split(separator: "\n")
            #expect(lines.count == 3)
            #expect(lines[0].hasPrefix("name,baseline_variant,candidate_variant,unit"))
        }
    }

    @Test func tooFewSamplesAreSaidPlainly() async throws {
        let scratch = try ScratchDirectory()
        let input = scratch.file("results.json")
        try SyntheticResults.file(speedups: ["tiny": 2.0], runs: 1, iterations: 3).write(to: input)
        let output = scratch.file("verdict.json")
        #expect(await CommandRunner.run(["compare", input, "--format", "json", "-o", output]) == 0)
        let benchmark = try Self.benchmarks(Self.json(output))[0]
        let warnings = try #require(benchmark["warnings"] as? [String])
        #expect(warnings.contains { $0.contains("too few samples for a 95% speedup interval") })
        #expect(warnings.contains { $0.contains("too few samples for a 95% median interval") })
        let speedup = try #require(benchmark["speedup"] as? [String: Any])
        #expect(try #require(speedup["achievedConfidence"] as? Double) < 0.95)
    }
}

@Suite("compare: runs that differ")
struct CompareRunVariationTests {
    /// Runs shifted by up to 40% of each other (both variants of a run alike): with the pooled
    /// Hodges–Lehmann interval the user must be told it is too narrow; the bootstrap resamples
    /// runs and needs no warning; the paired-runs interval (auto, one file) cancels the shifts.
    @Test func pooledIntervalWarnsWhenRunsDiffer() async throws {
        let scratch = try ScratchDirectory()
        let file = SyntheticResults.shiftingRuns(
            SyntheticResults.file(speedups: ["drift": 2.0], runs: 4, iterations: 30), step: 0.1)
        let input = scratch.file("results.json")
        try file.write(to: input)
        let pooled = scratch.file("pooled.json")
        let bootstrapped = scratch.file("bootstrapped.json")
        #expect(await CommandRunner.run(["compare", input, "--method", "hodges-lehmann", "--format", "json", "-o", pooled]) == 0)
        #expect(await CommandRunner.run([
            "compare", input, "--format", "json", "-o", bootstrapped, "--method", "hierarchical-bootstrap", "--replicates", "1000",
        ]) == 0)
        let paired = scratch.file("paired.json")
        #expect(await CommandRunner.run(["compare", input, "--format", "json", "-o", paired]) == 0)
        let pooledBenchmark = try CompareCommandTests.document(pooled).benchmarks[0]
        #expect(pooledBenchmark.warnings.contains { $0.contains("differ from each other") && $0.contains("too narrow") })
        let runs = try #require(pooledBenchmark.baselineRuns)
        #expect(runs.kruskalWallisP < 0.001)
        #expect(runs.betweenRunShare > 0.5)
        let bootstrapBenchmark = try CompareCommandTests.document(bootstrapped).benchmarks[0]
        #expect(bootstrapBenchmark.speedup.method == .hierarchicalBootstrap)
        #expect(!bootstrapBenchmark.warnings.contains { $0.contains("differ from each other") })
        // Honest about run-to-run variation: the bootstrap interval is the wider one.
        let pooledWidth = pooledBenchmark.speedup.high / pooledBenchmark.speedup.low
        let bootstrapWidth = bootstrapBenchmark.speedup.high / bootstrapBenchmark.speedup.low
        #expect(bootstrapWidth > pooledWidth)
        let pairedBenchmark = try CompareCommandTests.document(paired).benchmarks[0]
        #expect(pairedBenchmark.speedup.method == .pairedRuns)
        #expect(!pairedBenchmark.warnings.contains { $0.contains("differ from each other") })
        #expect(pairedBenchmark.speedup.high / pairedBenchmark.speedup.low < bootstrapWidth)
    }
}
