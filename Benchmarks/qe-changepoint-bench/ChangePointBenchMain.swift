import Foundation
import QEStatistics
import QEValidation

/// Change-point detection over simulated histories, for `scripts/changepoints/compare.py`. Not a
/// test: it detects and times, it asserts nothing. Build in release.
///
///     qe-changepoint-bench HISTORIES.jsonl [--max-p P] [--min-change FRACTION]
///
/// Reads one history per line (`scripts/changepoints/simulate.py`: `id`, `points` with `commit`,
/// `time` in seconds since 1970 and `runs`), detects its change points with `ChangeJudge` (as
/// `qe-validate history detect` will), and prints one JSON line per history: `id`, `seconds`
/// (the detection alone, from the raw samples) and `changePoints` (`index`, `estimate`, `low`,
/// `high`, `p`, `direction`).
///
///     qe-changepoint-bench --load-store URL HISTORIES.jsonl
///
/// records the histories in a history store instead (``SimulatedHistoryStoreLoader``), for
/// timing `qe-validate history detect --store URL` end to end.
@main
struct ChangePointBenchMain {
    static func main() async {
        var arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "--load-store", arguments.count == 3 {
            guard let data = FileManager.default.contents(atPath: arguments[2]) else { usage() }
            let lines = data.split(separator: UInt8(ascii: "\n")).filter { !$0.isEmpty }.map { Array($0) }
            var histories: [(id: String, series: ChangeSeries)] = []
            for line in lines {
                guard let history = line.withUnsafeBufferPointer({ try? SimulatedHistoryReader.read($0) }) else { fail("a line is not a simulated history") }
                histories.append(history)
            }
            do { try await SimulatedHistoryStoreLoader.load(histories, into: arguments[1]) } catch { fail("\(error)") }
            return
        }
        var options = ChangeOptions()
        func value(after flag: String) -> Double? {
            guard let position = arguments.firstIndex(of: flag), position + 1 < arguments.count else { return nil }
            defer { arguments.removeSubrange(position...(position + 1)) }
            return Double(arguments[position + 1])
        }
        if let maxP = value(after: "--max-p") { options.maxP = maxP }
        if let minChange = value(after: "--min-change") { options.minChange = minChange }
        guard arguments.count == 1, let handle = FileHandle(forReadingAtPath: arguments[0]) else { usage() }
        let judge: ChangeJudge
        do { judge = try ChangeJudge(options: options) } catch { fail("\(error)") }
        let data = handle.readDataToEndOfFile()
        let lines = data.split(separator: UInt8(ascii: "\n")).filter { !$0.isEmpty }.map { Array($0) }
        // Histories are read and judged concurrently, as `history detect` judges series.
        let records = lines.concurrentMap { line -> Data? in
            let parsed = line.withUnsafeBufferPointer { try? SimulatedHistoryReader.read($0) }
            guard let (id, series) = parsed else { return nil }
            let start = ContinuousClock.now
            guard let judged = try? judge.detect(series) else { return nil }
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            let changePoints = judged.changePoints.map { change -> [String: Any] in
                ["index": change.index, "estimate": change.change.estimate, "low": change.change.low,
                 "high": change.change.high, "p": change.p, "direction": change.direction.rawValue]
            }
            let record: [String: Any] = ["id": id, "seconds": seconds, "changePoints": changePoints]
            return try? JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
        }
        var output = Data()
        for record in records {
            guard let record else { fail("a line is not a simulated history, or its samples cannot be judged") }
            output.append(record)
            output.append(UInt8(ascii: "\n"))
        }
        FileHandle.standardOutput.write(output)
    }

    static func usage() -> Never {
        fail("usage: qe-changepoint-bench HISTORIES.jsonl [--max-p P] [--min-change FRACTION] | --load-store URL HISTORIES.jsonl", code: 64)
    }

    static func fail(_ message: String, code: Int32 = 65) -> Never {
        FileHandle.standardError.write(Data("qe-changepoint-bench: \(message)\n".utf8))
        exit(code)
    }
}
