/// Reads what `swift test` (or `xcodebuild test`) prints for XCTest `measure { }` blocks, on
/// Linux (swift-corelibs-xctest) and macOS (Apple's XCTest):
///
///     /…/SumTests.swift:9: Test Case 'SumTests.testSum' measured [Time, seconds] average: 0.078, relative standard deviation: 16.317%, values: [0.057171, 0.083462, …], performanceMetricID:org.swift.XCTPerformanceMetric_WallClockTime, …
///     <unknown>:0: Test Case '-[SumKitTests.SumTests testSum]' measured [Time, seconds] average: 0.316, relative standard deviation: 0.759%, values: [0.320914, …], performanceMetricID:com.apple.XCTPerformanceMetric_WallClockTime, baselineName: "", …
///
/// **One sample** is one execution of the measured block (XCTest runs it 10 times by default),
/// its wall time in **seconds** as XCTest prints it, to the microsecond. **One test case's
/// values are one run** (XCTest runs them one after another in one process); the same test
/// case measured again further down the log (logs of several `swift test` invocations put
/// together) or in another file is another run. Only wall-clock metrics are read — `[Time,
/// seconds]` and the metrics API's `[Clock Monotonic Time, s]`; CPU, memory and storage
/// metrics are not times of the block and are left out.
///
/// A test that failed for any reason other than XCTest's own limit on the relative standard
/// deviation (swift-corelibs-xctest fails a measurement above 10%, which is noise that
/// qe-validate analyses rather than an error) is refused: its timings are of a failing test.
/// A log cut off in the middle of a line is refused, as is a value of 0 (a block faster than a
/// microsecond: give it more work per iteration).
///
/// **Default naming**: name = the test as `Class.testMethod` (`SumTests.testSum`; the macOS
/// form `-[Module.Class testMethod]` loses its module), variant = `default`. `--name-pattern`
/// is searched in the name as printed (`SumTests.testSum`, `-[SumKitTests.SumTests testSum]`).
enum XCTestLogImporter {
    /// The wall-clock metrics: `[name, unit]` as XCTest prints them.
    private static let wallClockMetrics: Set<String> = ["Time, seconds", "Clock Monotonic Time, s"]

    static func read(_ bytes: [UInt8], source: String) throws(ResultsError) -> ImportedResults {
        func fail(_ problem: ResultsError.Problem, _ line: Int, _ message: String) -> ResultsError {
            ResultsError(file: source, problem: problem, detail: "line \(line): \(message)")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ResultsError(file: source, problem: .malformedText, detail: "not UTF-8 text (expected the output of swift test)")
        }
        let lines = text.lines
        if let last = lines.lastIndex(where: { !String($0).trimmingSpaces.isEmpty }), !text.endsWithLineBreak {
            throw fail(.malformedText, last + 1, "the last line has no line break: the file looks cut off (swift test ends every line)")
        }

        var results = ImportedResults(format: .xctest, unit: .seconds, benchmarks: [])
        var index: [String: Int] = [:]
        /// The test case running (between its `started` and its end), and what it did.
        var current: (name: String, startedAt: String?, measured: Int?, failure: String?)?
        for (offset, rawLine) in lines.enumerated() {
            let number = offset + 1
            let line = rawLine.hasSuffix("\r") ? String(rawLine.dropLast()) : String(rawLine)
            if let started = caseEvent(line, "started") {
                current = (started.name, started.rest.hasPrefix(" at ") ? String(started.rest.dropFirst(4)) : nil, nil, nil)
                if results.createdAt == nil { results.createdAt = current?.startedAt }
                continue
            }
            if let ended = caseEvent(line, "failed") ?? caseEvent(line, "passed") {
                if let running = current, running.name == ended.name, let measured = running.measured, let failure = running.failure {
                    throw fail(.invalidValue, measured,
                               "test \(running.name) failed (\(failure)); the timings of a failing test are not judged")
                }
                current = nil
                continue
            }
            if let range = line.range(of: ": error: "), current != nil {
                let message = String(line[range.upperBound...]).trimmingSpaces
                if !message.contains("The relative standard deviation of the measurements is"), current?.failure == nil {
                    current?.failure = message
                }
                continue
            }
            guard let measurement = try measurement(line, number: number, fail: fail) else { continue }
            guard wallClockMetrics.contains(measurement.metric) else { continue }
            if current?.name == measurement.test { current?.measured = number }
            let run = BenchmarkRun(samples: measurement.values, startedAt: current?.name == measurement.test ? current?.startedAt : nil)
            results.append(run: run, to: measurement.test, orAdd: naming(measurement.test), index: &index)
        }
        if let running = current, let measured = running.measured, let failure = running.failure {
            throw fail(.invalidValue, measured, "test \(running.name) failed (\(failure)); the timings of a failing test are not judged")
        }
        guard !results.benchmarks.isEmpty else {
            throw ResultsError(file: source, problem: .noBenchmarks,
                               detail: "no XCTest measurements (lines \"Test Case '…' measured [Time, seconds] … values: […]\", as swift test prints for measure { } blocks)")
        }
        return results
    }

    /// Whether the text looks like XCTest output with measurements.
    static func isXCTestLog(_ text: String) -> Bool {
        text.contains("' measured [") && text.contains("values: [")
    }

    /// `Test Case 'NAME' EVENT…`: the name and what follows the event word.
    private static func caseEvent(_ line: String, _ event: String) -> (name: String, rest: Substring)? {
        guard line.hasPrefix("Test Case '"), let close = line.range(of: "' \(event)") else { return nil }
        let name = line[line.index(line.startIndex, offsetBy: "Test Case '".count)..<close.lowerBound]
        return (String(name), line[close.upperBound...])
    }

    /// The test, metric and values of a `measured` line; nil for other lines.
    private static func measurement(_ line: String, number: Int,
                                    fail: (ResultsError.Problem, Int, String) -> ResultsError) throws(ResultsError) -> (test: String, metric: String, values: [Double])? {
        guard let caseStart = line.range(of: "Test Case '"), let measured = line.range(of: "' measured [", range: caseStart.upperBound..<line.endIndex) else {
            return nil
        }
        let test = String(line[caseStart.upperBound..<measured.lowerBound])
        guard let metricEnd = line.range(of: "] ", range: measured.upperBound..<line.endIndex) else {
            throw fail(.malformedText, number, "the metric of \(test) is not closed with ']': the line looks cut off")
        }
        let metric = String(line[measured.upperBound..<metricEnd.lowerBound])
        guard let valuesStart = line.range(of: "values: [", range: metricEnd.upperBound..<line.endIndex) else {
            throw fail(.malformedText, number, "\(test) has no \"values: [\" list: the line looks cut off")
        }
        guard let valuesEnd = line.range(of: "]", range: valuesStart.upperBound..<line.endIndex) else {
            throw fail(.malformedText, number, "the values of \(test) are not closed with ']': the line looks cut off")
        }
        let fields = line[valuesStart.upperBound..<valuesEnd.lowerBound].split(separator: ",").map { String($0).trimmingSpaces }
        guard !fields.isEmpty, fields != [""] else {
            throw fail(.noSamples, number, "\(test) has no values")
        }
        var values: [Double] = []
        values.reserveCapacity(fields.count)
        for field in fields {
            guard let value = DecimalText.number(field) else {
                throw fail(.wrongType, number, "value \(JSONStringEscaper.quoted(field)) of \(test) is not a number")
            }
            guard value > 0 else {
                throw fail(.nonPositive, number,
                           "value \(field) of \(test) is not positive (XCTest prints times to the microsecond: give a faster block more work per iteration)")
            }
            guard value.isFinite else {
                throw fail(.nonFinite, number, "value \(field) of \(test) is beyond the range of a double")
            }
            values.append(value)
        }
        return (test, metric, values)
    }

    /// `SumTests.testSum` for both `SumTests.testSum` (Linux) and `-[SumKitTests.SumTests testSum]`
    /// (macOS).
    private static func naming(_ test: String) -> ImportedBenchmark {
        var name = test
        if test.hasPrefix("-["), test.hasSuffix("]"), let space = test.firstIndex(of: " ") {
            let classPart = test[test.index(test.startIndex, offsetBy: 2)..<space]
            let method = test[test.index(after: space)..<test.index(before: test.endIndex)]
            let className = classPart.split(separator: ".").last.map(String.init) ?? String(classPart)
            name = "\(className).\(method)"
        }
        return ImportedBenchmark(toolName: test, name: name, variant: nil, qualifiedName: name, runs: [], sampleKind: .iteration)
    }
}
