import QEResults
import QETestSupport
import Testing

/// The optional `sampleKind` member of a benchmark: written only for batch means, read back,
/// absent in older files (which hold single iterations).
@Suite("Sample kind in results files")
struct SampleKindTests {
    private static let header = #"{"schema": "qe-validate/results@1", "suite": "s", "unit": "ns", "benchmarks": ["#

    @Test func batchMeansAreWrittenAndReadBack() throws {
        let scratch = try ScratchDirectory()
        let file = ResultsFile(suite: "s", unit: .nanoseconds, benchmarks: [
            Benchmark(name: "w", variant: "a", runs: [BenchmarkRun(samples: [1, 2])], sampleKind: .batchMean),
            Benchmark(name: "w", variant: "b", runs: [BenchmarkRun(samples: [3])]),
        ])
        let path = scratch.file("r.json")
        try file.write(to: path)
        let text = String(decoding: file.jsonBytes(), as: UTF8.self)
        #expect(text.contains(#""sampleKind": "batch-mean""#))
        #expect(!text.contains(#""iteration""#), "single iterations are the default and not written")
        let read = try ResultsFile.read(from: path)
        #expect(read == file)
        #expect(read.benchmarks.map(\.sampleKind) == [.batchMean, .iteration])
    }

    @Test func filesWithoutTheMemberHoldIterations() throws {
        let text = Self.header + #"{"name": "w", "variant": "a", "runs": [{"samples": [1]}]}]}"#
        let file = try ResultsFile(jsonBytes: Array(text.utf8), source: "old.json")
        #expect(file.benchmarks[0].sampleKind == .iteration)
        let explicit = Self.header + #"{"name": "w", "variant": "a", "sampleKind": "iteration", "runs": [{"samples": [1]}]}]}"#
        #expect(try ResultsFile(jsonBytes: Array(explicit.utf8), source: "x.json").benchmarks[0].sampleKind == .iteration)
    }

    @Test func anUnknownKindIsADataError() throws {
        let text = Self.header + #"{"name": "w", "variant": "a", "sampleKind": "median", "runs": [{"samples": [1]}]}]}"#
        let error = try #require(throws: ResultsError.self) { try ResultsFile(jsonBytes: Array(text.utf8), source: "k.json") }
        #expect(error.category == .invalidData)
        #expect(error.description == #"k.json: benchmark w (a): benchmarks[0].sampleKind: unknown sample kind "median"; accepted: iteration, batch-mean, histogram-iteration, histogram-batch-mean"#)
    }

    @Test func warningsNameTheBatchedBenchmarks() {
        let file = ResultsFile(suite: "s", unit: .nanoseconds, benchmarks: [
            Benchmark(name: "w", variant: "a", runs: [BenchmarkRun(samples: [1])], sampleKind: .batchMean),
            Benchmark(name: "w", variant: "b", runs: [BenchmarkRun(samples: [1])]),
        ])
        let warnings = ResultsInput.warnings(for: file, path: "r.json")
        #expect(warnings == ["r.json: the samples of w (a) are means of batches of iterations, not single iterations (as the tool reports them); intervals and tests describe batch means, which vary less than single iterations"])
    }

    @Test func histogramKindsRoundTripAndAreWarnedAbout() throws {
        let file = ResultsFile(suite: "s", unit: .nanoseconds, benchmarks: [
            Benchmark(name: "w", variant: "a", runs: [BenchmarkRun(samples: [1, 1, 2])], sampleKind: .histogramIteration),
            Benchmark(name: "w", variant: "b", runs: [BenchmarkRun(samples: [1.5])], sampleKind: .histogramBatchMean),
        ])
        let text = String(decoding: file.jsonBytes(), as: UTF8.self)
        #expect(text.contains(#""sampleKind": "histogram-iteration""#))
        #expect(text.contains(#""sampleKind": "histogram-batch-mean""#))
        #expect(try ResultsFile(jsonBytes: file.jsonBytes(), source: "r.json") == file)
        #expect(ResultsInput.warnings(for: file, path: "r.json") == [
            "r.json: the samples of w (b) are means of batches of iterations, not single iterations (as the tool reports them); intervals and tests describe batch means, which vary less than single iterations",
            "r.json: every sample was rounded to an HDR histogram's precision (the tool keeps no other record: about 3 significant digits); equal values are common, differences smaller than a histogram bucket cannot be seen, and the samples' time order is lost (drift within a run cannot be judged)",
        ])
        #expect(SampleKind.allCases.filter(\.isBatchMean) == [.batchMean, .histogramBatchMean])
        #expect(SampleKind.allCases.filter(\.isRoundedToHistogram) == [.histogramIteration, .histogramBatchMean])
    }
}
