import Foundation
import QEResults
import QETestSupport
import Testing

/// package-benchmark 1.38.1 output (`scripts/fixtures/package-benchmark/make-fixtures.sh`): one
/// baseline exported in every format, so the formats that keep every measurement must give the
/// same samples.
@Suite("Importing package-benchmark output")
struct PackageBenchmarkImportTests {
    private static let folder = "package-benchmark/fixture/"
    private static let baselineFile = folder + "fixture.SumBenchmarks.sum_(variant:_baseline).wallClock.histogram"

    private func load(_ relative: String) throws -> ResultsFile {
        try ResultsInput.load(path: ImportFixtures.path(relative))
    }

    @Test func baselineResultsExpandTheHistograms() throws {
        let file = try load(Self.folder + "results.json")
        #expect(file.suite == "package-benchmark")
        #expect(file.unit == .nanoseconds)
        #expect(file.benchmarks.map(\.key.description) == ["sum of 64 (default)", "sum (baseline)", "sum (candidate)"])
        let baseline = try #require(file.benchmark(name: "sum", variant: "baseline"))
        #expect(baseline.runs.count == 1 && baseline.sampleCount == 1000)
        // The highest value of each bucket, ascending: 10999 is the bucket [10992, 10999].
        #expect(baseline.runs[0].samples.prefix(3) == [10999, 10999, 10999])
        #expect(baseline.runs[0].samples.suffix(2) == [11042815, 20004863])
        #expect(Set(baseline.runs[0].samples).count == 35, "ties: 1000 measurements in 35 buckets")
        #expect(baseline.sampleKind == .histogramIteration)
        #expect(baseline.parameters.isEmpty)
        let candidate = try #require(file.benchmark(name: "sum", variant: "candidate"))
        #expect(candidate.runs[0].samples.prefix(3) == [4603, 4611, 4611])
        #expect(candidate.runs[0].samples.last == 4065279)
        // scalingFactor .kilo: each measurement is 1000 sums, divided by 1000.
        let scaled = try #require(file.benchmark(name: "sum of 64", variant: "default"))
        #expect(scaled.sampleCount == 200)
        #expect(scaled.runs[0].samples.prefix(3) == [15.247, 15.247, 15.255])
        #expect(scaled.runs[0].samples.last == 4192.255)
        #expect(scaled.sampleKind == .histogramBatchMean)
        #expect(file.environment.host == "vm")
        #expect(file.environment.cores == 2)
        #expect(file.environment.cpu == "x86_64")
        let warnings = ResultsInput.warnings(for: file, path: "r.json")
        #expect(warnings.count == 2)
        #expect(warnings[0].hasPrefix("r.json: the samples of sum of 64 (default) are means of batches"))
        #expect(warnings[1].hasPrefix("r.json: every sample was rounded to an HDR histogram's precision"))
    }

    @Test func jmhExportHoldsTheSameSamplesInMicroseconds() throws {
        let baseline = try load(Self.folder + "results.json")
        let jmh = try load(Self.folder + "fixture.jmh.json")
        #expect(jmh.unit == .microseconds)
        #expect(jmh.benchmarks.map(\.key.description) == ["sum (candidate)", "sum (baseline)", "sum_of_64 (default)"])
        for variant in ["baseline", "candidate"] {
            let fromJMH = try #require(jmh.benchmark(name: "sum", variant: variant)).runs[0].samples
            let fromBaseline = try #require(baseline.benchmark(name: "sum", variant: variant)).runs[0].samples
            #expect(fromJMH.count == fromBaseline.count)
            #expect(zip(fromJMH, fromBaseline).allSatisfy { abs($0 * 1000 - $1) < 1e-6 }, "\(variant)")
        }
        #expect(jmh.benchmark(name: "sum", variant: "baseline")?.runs[0].samples.prefix(2) == [10.999, 10.999])
        // The export does not record the scaling factor: these are batch totals.
        #expect(jmh.benchmark(name: "sum_of_64", variant: "default")?.runs[0].samples.first == 15.247)
        #expect(jmh.benchmarks.allSatisfy { $0.sampleKind == .histogramIteration })
    }

    @Test(arguments: [".json", ".samples.tsv"])
    func singleBenchmarkExportsHoldTheSameSamples(suffix: String) throws {
        let file = try load(Self.baselineFile + suffix)
        let baseline = try load(Self.folder + "results.json")
        #expect(file.benchmarks.map(\.key.description) == ["sum (baseline)"])
        #expect(file.unit == .nanoseconds)
        #expect(file.benchmarks[0].runs == baseline.benchmark(name: "sum", variant: "baseline")?.runs)
        #expect(file.benchmarks[0].sampleKind == .histogramIteration)
    }

    @Test func twoBaselinesAreTwoRuns() throws {
        let file = try ResultsInput.load(paths: [ImportFixtures.path(Self.folder + "results.json"),
                                                 ImportFixtures.path("package-benchmark/second/results.json")])
        #expect(file.benchmarks.map(\.runs.count) == [2, 2, 2])
        let candidate = try #require(file.benchmark(name: "sum", variant: "candidate"))
        #expect(candidate.runs[1].samples.first == 4607)
        #expect(candidate.runs[1].samples.last == 12099583)
    }

    @Test(arguments: [
        ("fixture.SumBenchmarks.sum_(variant:_baseline).wallClock.histogram.txt", "histogram export"),
        ("fixture.SumBenchmarks.sum_(variant:_baseline).wallClock.histogram.percentiles.tsv", "histogramPercentiles export"),
        ("fixture.influx.csv", "influx export"),
        ("fixture.json", "jsonSmallerIsBetter"),
    ])
    func summaryExportsAreRefused(name: String, words: String) throws {
        let path = ImportFixtures.path(Self.folder + name)
        let error = try #require(throws: ResultsError.self) { try ResultsInput.load(path: path) }
        #expect(error.problem == .aggregatesOnly)
        #expect(error.category == .invalidData)
        #expect(error.description.hasPrefix(path + ": package-benchmark's"))
        #expect(error.description.contains(words), "\(error)")
        #expect(error.description.contains("raw timings are needed"))
        #expect(error.description.contains("results.json"))
    }

    @Test func samplesRoundedToWholeMicrosecondsAreRefused() throws {
        let path = ImportFixtures.path(Self.folder + "fixture.SumBenchmarks.sum_of_64.wallClock.histogram.samples.tsv")
        #expect(try ResultsInput.detectFormat(path: path) == .packageBenchmark)
        let error = try #require(throws: ResultsError.self) { try ResultsInput.load(path: path) }
        #expect(error.category == .invalidData)
        #expect(error.description.hasPrefix(path + ": line 1: the values are whole μs, rounded by the export"))
    }

    @Test(arguments: [".json", ".samples.tsv"])
    func throughputIsNotATime(suffix: String) throws {
        let path = ImportFixtures.path(Self.folder + "fixture.SumBenchmarks.sum_(variant:_baseline).throughput.histogram" + suffix)
        let error = try #require(throws: ResultsError.self) { try ResultsInput.load(path: path) }
        #expect(error.category == .invalidData)
        #expect(error.description.contains("is not a time") || error.description.contains("is not the wall-clock metric"), "\(error)")
    }

    @Test(arguments: ["results.json", "fixture.jmh.json", "fixture.SumBenchmarks.sum_(variant:_candidate).wallClock.histogram.json",
                      "fixture.SumBenchmarks.sum_(variant:_candidate).wallClock.histogram.samples.tsv", "fixture.json",
                      "fixture.SumBenchmarks.sum_of_64.wallClock.histogram.samples.tsv"])
    func detected(name: String) throws {
        #expect(try ResultsInput.detectFormat(path: ImportFixtures.path(Self.folder + name)) == .packageBenchmark)
    }

    // MARK: - Bad input

    private static func histogram(counts: String, total: Int) -> String {
        #"{"counts": \#(counts), "_totalCount": \#(total), "unitMagnitude": 0, "subBucketHalfCountMagnitude": 10, "numberOfSignificantValueDigits": 3}"#
    }

    @Test(arguments: [
        (histogram(counts: "[0, 2, 1]", total: 4), "the counts add up to 3 but _totalCount is 4"),
        (histogram(counts: "[0, 0]", total: 0), "the histogram is empty"),
        (histogram(counts: "[0, -1]", total: 0), "counts[1]: expected a whole number from 0"),
        (histogram(counts: "[0, 1.5]", total: 1), "counts[1]: expected a whole number"),
        (#"{"counts": [1], "_totalCount": 1, "subBucketHalfCountMagnitude": 10}"#, "missing \"unitMagnitude\""),
        (histogram(counts: "[3]", total: 3), "non-positive sample 0"),
    ])
    func malformedHistogram(text: String, words: String) throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write(text, to: "b.T.x.wallClock.histogram.json")
        let error = try #require(throws: ResultsError.self) { try ResultsInput.load(path: path) }
        #expect(error.category == .invalidData)
        #expect(error.description.hasPrefix(path + ": "), "\(error)")
        #expect(error.description.contains(words), "\(error)")
    }

    @Test func aHistogramWhoseFileNameHidesTheMetricIsRefused() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write(Self.histogram(counts: "[0, 2]", total: 2), to: "renamed.json")
        let error = try #require(throws: ResultsError.self) { try ResultsInput.load(path: path) }
        #expect(error.description.contains("cannot tell the benchmark and metric from the file's name"))
    }

    @Test func aBaselineWithoutWallClockIsRefused() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write(#"""
            {"baselineName": "b", "machine": {"hostname": "h"}, "results": [{"target": "T", "name": "n"},
             [{"metric": {"throughput": {}}, "tags": {}, "scalingFactor": 1, "statistics": {"histogram": \#(Self.histogram(counts: "[0, 2]", total: 2))}}]]}
            """#, to: "results.json")
        let error = try #require(throws: ResultsError.self) { try ResultsInput.load(path: path) }
        #expect(error.description.hasPrefix(path + ": benchmark \"n\" of T has no wallClock metric (it measured throughput)"), "\(error)")
    }

    @Test func otherTagsStayInTheName() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write(#"""
            {"baselineName": "b", "machine": {}, "results": [{"target": "T", "name": "sort (size: 64, variant: quick)"},
             [{"metric": {"wallClock": {}}, "tags": {"variant": "quick", "size": "64"}, "scalingFactor": 1, "statistics": {"histogram": \#(Self.histogram(counts: "[0, 2, 1]", total: 3))}}]]}
            """#, to: "results.json")
        let file = try ResultsInput.load(path: path)
        #expect(file.benchmarks.map(\.key.description) == ["sort (size: 64) (quick)"])
        #expect(file.benchmarks[0].parameters == ["size": "64"])
        #expect(file.benchmarks[0].runs[0].samples == [1, 1, 2])
    }
}
