import Foundation
import QEResults
import QETestSupport
import Testing

/// `swift test` logs made on Linux by Swift 6.3.1 (`scripts/fixtures/xctest/make-fixtures.sh`),
/// and the macOS form of the same lines (no macOS machine here: the lines below follow what
/// Apple's XCTest prints, `-[Module.Class test]` names and its extra fields).
@Suite("Importing XCTest measure logs")
struct XCTestLogImportTests {
    @Test func linuxLogOneRunPerTestCase() throws {
        let file = try ResultsInput.load(path: ImportFixtures.path("xctest/linux-run1.log"))
        #expect(file.suite == "xctest")
        #expect(file.unit == .seconds)
        #expect(file.benchmarks.map(\.key.description) == ["SumPerformanceTests.testSumBaseline (default)", "SumPerformanceTests.testSumCandidate (default)"])
        let baseline = try #require(file.benchmark(name: "SumPerformanceTests.testSumBaseline", variant: "default"))
        #expect(baseline.runs.map(\.samples) == [[0.001218, 0.000991, 0.000674, 0.000761, 0.000670, 0.006275, 0.000684, 0.000675, 0.000670, 0.004731]])
        #expect(baseline.runs[0].startedAt == "2026-12-06 08:44:52.613")
        #expect(baseline.sampleKind == .iteration)
        #expect(file.createdAt == "2026-12-06 08:44:52.609")
        #expect(ResultsInput.warnings(for: file, path: "x.log").isEmpty)
    }

    @Test func repeatedLogsAreMoreRuns() throws {
        let paths = (1...3).map { ImportFixtures.path("xctest/linux-run\($0).log") }
        let file = try ResultsInput.load(paths: paths)
        #expect(file.benchmarks.map(\.runs.count) == [3, 3])
        let candidate = try #require(file.benchmark(name: "SumPerformanceTests.testSumCandidate", variant: "default"))
        #expect(candidate.runs[2].samples == [0.001091, 0.000874, 0.000374, 0.000347, 0.000368, 0.000553, 0.000365, 0.000342, 0.000343, 0.000340])

        // The same logs one after another in one file: the same runs.
        let scratch = try ScratchDirectory()
        let joined = try paths.flatMap { try Array(Data(contentsOf: URL(fileURLWithPath: $0))) }
        let path = try scratch.write(joined, to: "all.log")
        let concatenated = try ResultsInput.load(path: path)
        #expect(concatenated.benchmarks.map(\.runs) == file.benchmarks.map(\.runs))
    }

    @Test func namePatternPairsTheVariants() throws {
        let pattern = try NamePattern("testSum(?<variant>Baseline|Candidate)")
        let file = try ResultsInput.load(path: ImportFixtures.path("xctest/linux-run2.log"), options: ImportOptions(namePattern: pattern))
        #expect(file.benchmarks.map(\.key.description) == ["SumPerformanceTests.testSum (Baseline)", "SumPerformanceTests.testSum (Candidate)"])
    }

    @Test(arguments: ["xctest/linux-run1.log", "xctest/linux-run2.log", "xctest/linux-run3.log"])
    func detected(relative: String) throws {
        #expect(try ResultsInput.detectFormat(path: ImportFixtures.path(relative)) == .xctest)
    }

    // MARK: - macOS and bad input

    private static let macOSLog = """
        Test Suite 'Selected tests' started at 2026-11-30 10:00:00.000
        Test Case '-[SumKitTests.SumPerformanceTests testSumBaseline]' started.
        /Users/ada/SumKit/Tests/SumKitTests/SumPerformanceTests.swift:9: Test Case '-[SumKitTests.SumPerformanceTests testSumBaseline]' measured [Time, seconds] average: 0.001, relative standard deviation: 5.311%, values: [0.001218, 0.001100, 0.001090], performanceMetricID:com.apple.XCTPerformanceMetric_WallClockTime, baselineName: "", baselineAverage: , polarity: prefers smaller, maxPercentRegression: 10.000%, maxPercentRelativeStandardDeviation: 10.000%, maxRegression: 0.100, maxStandardDeviation: 0.100
        Test Case '-[SumKitTests.SumPerformanceTests testSumBaseline]' passed (0.412 seconds).
        Test Case '-[SumKitTests.SumPerformanceTests testSumCandidate]' started.
        <unknown>:0: Test Case '-[SumKitTests.SumPerformanceTests testSumCandidate]' measured [Clock Monotonic Time, s] average: 0.000, relative standard deviation: 4.000%, values: [0.000401, 0.000399], performanceMetricID:com.apple.dt.XCTMetric_Clock.time.monotonic, baselineName: "", baselineAverage: , polarity: prefers smaller, maxPercentRegression: 10.000%, maxPercentRelativeStandardDeviation: 10.000%, maxRegression: 0.100, maxStandardDeviation: 0.100
        <unknown>:0: Test Case '-[SumKitTests.SumPerformanceTests testSumCandidate]' measured [CPU Time, s] average: 0.000, relative standard deviation: 4.000%, values: [0.000380, 0.000381], performanceMetricID:com.apple.dt.XCTMetric_CPU.time, baselineName: "", baselineAverage: , polarity: prefers smaller, maxPercentRegression: 10.000%, maxPercentRelativeStandardDeviation: 10.000%, maxRegression: 0.100, maxStandardDeviation: 0.100
        Test Case '-[SumKitTests.SumPerformanceTests testSumCandidate]' passed (0.101 seconds).

        """

    @Test func macOSNamesAndWallClockMetricsOnly() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write(Self.macOSLog, to: "mac.log")
        #expect(try ResultsInput.detectFormat(path: path) == .xctest)
        let file = try ResultsInput.load(path: path)
        #expect(file.benchmarks.map(\.key.description) == ["SumPerformanceTests.testSumBaseline (default)", "SumPerformanceTests.testSumCandidate (default)"])
        #expect(file.benchmarks[0].runs.map(\.samples) == [[0.001218, 0.001100, 0.001090]])
        #expect(file.benchmarks[1].runs.map(\.samples) == [[0.000401, 0.000399]], "the CPU-time line is not a wall time")
        #expect(file.benchmarks[0].runs[0].startedAt == nil, "macOS prints no start time")
        let pattern = try NamePattern(#"^-\[SumKitTests\.(?<name>\w+) testSum(?<variant>\w+)\]$"#)
        let named = try ResultsInput.load(path: path, options: ImportOptions(namePattern: pattern))
        #expect(named.benchmarks.map(\.key.description) == ["SumPerformanceTests (Baseline)", "SumPerformanceTests (Candidate)"])
    }

    @Test func crlfLineEndings() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write(Self.macOSLog.replacingOccurrences(of: "\n", with: "\r\n"), to: "crlf.log")
        #expect(try ResultsInput.load(path: path).benchmarks.map(\.sampleCount) == [3, 2])
    }

    @Test func aRelativeStandardDeviationFailureIsNoise() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("""
            Test Case 'T.testA' started at 2026-12-01 10:00:00.000
            /x/T.swift:9: Test Case 'T.testA' measured [Time, seconds] average: 0.002, relative standard deviation: 47.026%, values: [0.001, 0.003], performanceMetricID:org.swift.XCTPerformanceMetric_WallClockTime, maxPercentRelativeStandardDeviation: 10.000%, maxStandardDeviation: 0.100
            /x/T.swift:9: error: T.testA : failed: The relative standard deviation of the measurements is 47.026% which is higher than the max allowed of 10.000%.
            Test Case 'T.testA' failed (0.1 seconds)

            """, to: "rsd.log")
        #expect(try ResultsInput.load(path: path).benchmarks[0].runs[0].samples == [0.001, 0.003])
    }

    @Test(arguments: [
        ("""
         Test Case 'T.testA' started at 2026-12-01 10:00:00.000
         /x/T.swift:8: error: T.testA : XCTAssertEqual failed: ("1") is not equal to ("2")
         /x/T.swift:9: Test Case 'T.testA' measured [Time, seconds] average: 0.002, relative standard deviation: 1%, values: [0.001, 0.003], performanceMetricID:x
         Test Case 'T.testA' failed (0.1 seconds)

         """, "line 3: test T.testA failed (T.testA : XCTAssertEqual failed"),
        ("Test Case 'T.testA' measured [Time, seconds] average: 0.002, values: [0.001, 0.000000], x\n", "value 0.000000 of T.testA is not positive"),
        ("Test Case 'T.testA' measured [Time, seconds] average: 0.002, values: [0.001, abc], x\n", "value \"abc\" of T.testA is not a number"),
        ("Test Case 'T.testA' measured [Time, seconds] average: 0.002, values: [], x\n", "T.testA has no values"),
        ("Test Case 'T.testA' measured [Time, seconds] average: 0.002, values: [0.001, 0.00\n", "are not closed with ']'"),
        ("Test Case 'T.testA' measured [Time, seconds] average: 0.002, values: [0.001]", "the last line has no line break"),
        ("Test Case 'T.testA' measured [Memory Physical, kB] average: 2, values: [2, 3], x\n", "no XCTest measurements"),
    ])
    func malformed(text: String, words: String) throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write(text, to: "bad.log")
        let error = try #require(throws: ResultsError.self) { try ResultsInput.load(path: path, options: ImportOptions(format: .xctest)) }
        #expect(error.category == .invalidData)
        #expect(error.description.hasPrefix(path + ": "), "\(error)")
        #expect(error.description.contains(words), "\(error)")
    }
}
