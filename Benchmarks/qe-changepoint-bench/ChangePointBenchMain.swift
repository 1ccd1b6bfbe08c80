import Foundation
import QEStatistics
import QEValidation

/// Change-point detection over simulated histories, for `scripts/changepoints/compare.py`. Not a
/// test: it detects and times, it asserts nothing. Build in release.
///
///     qe-changepoint-bench HISTORIES.jsonl [--max-p P] [--min-change FRACTION]
///
/// Reads one history per line (`scripts/changepoints/simulate.py`: `id`, `points` with `commit`,
/// `time` in seconds since 1970 and `runs`; ``SimulatedHistoryReader``), detects its change
/// points with `ChangeJudge` (as `qe-validate history detect` does), and prints one JSON line
/// per history: `id`, `seconds` (the detection alone, from the raw samples) and `changePoints`
/// (`index`, `estimate`, `low`, `high`, `p`, `direction`; ``DetectionLine``).
///
///     qe-changepoint-bench --load-store URL HISTORIES.jsonl
///
/// records the histories in a history store instead (``SimulatedHistoryStoreLoader``), for
/// timing `qe-validate history detect --store URL` end to end.
///
/// A malformed line stops it with one line on standard error naming the file, the line and the
/// problem (exit 65).
@main
struct ChangePointBenchMain {
    static func main() async {
        var arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "--load-store", arguments.count == 3 {
            let histories = read(arguments[2]).map { $0.history }
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
        guard arguments.count == 1 else { usage() }
        let judge: ChangeJudge
        do { judge = try ChangeJudge(options: options) } catch { fail("\(error)") }
        let path = arguments[0]
        // Histories are read and judged concurrently, as `history detect` judges series.
        let records = read(path).concurrentMap { line -> Result<[UInt8], LineFailure> in
            let start = ContinuousClock.now
            let judged: ChangeDocument.Series
            do { judged = try judge.detect(line.history.series) } catch {
                return .failure(LineFailure(line: line.number, message: "\(error)"))
            }
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            return .success(DetectionLine.bytes(id: line.history.id, seconds: seconds, changePoints: judged.changePoints))
        }
        var output: [UInt8] = []
        for record in records {
            switch record {
            case let .success(bytes): output.append(contentsOf: bytes)
            case let .failure(failure): fail("\(path):\(failure.line): \(failure.message)")
            }
        }
        output.withUnsafeBytes { FileHandle.standardOutput.write(Data($0)) }
    }

    struct LineFailure: Error {
        var line: Int
        var message: String
    }

    /// Every history of the file at `path`, or a one-line error naming the file and the line.
    static func read(_ path: String) -> [SimulatedHistoryReader.Line] {
        do { return try SimulatedHistoryFile.read(path) } catch { fail(error.description) }
    }

    static func usage() -> Never {
        fail("usage: qe-changepoint-bench HISTORIES.jsonl [--max-p P] [--min-change FRACTION] | --load-store URL HISTORIES.jsonl", code: 64)
    }

    static func fail(_ message: String, code: Int32 = 65) -> Never {
        FileHandle.standardError.write(Data("qe-changepoint-bench: \(message)\n".utf8))
        exit(code)
    }
}
