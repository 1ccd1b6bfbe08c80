import Foundation
import QEStatistics

/// A file of simulated histories (`scripts/changepoints/simulate.py`), one per line, read whole
/// and scanned in place, lines in parallel.
enum SimulatedHistoryFile {
    /// Why the file could not be read: one line naming the file (and the line) and the problem.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Every history of the file at `path`, in order.
    /// - Throws: ``Failure`` for an unreadable file, or the first malformed line.
    static func read(_ path: String) throws(Failure) -> [SimulatedHistoryReader.Line] {
        guard let data = FileManager.default.contents(atPath: path) else { throw Failure(description: "\(path): cannot read the file") }
        let lines = data.withUnsafeBytes { SimulatedHistoryReader.lines(of: $0) }
        let parsed = lines.concurrentMap { line in
            data.withUnsafeBytes { bytes in
                Result { () throws(SimulatedHistoryReader.Malformed) in
                    SimulatedHistoryReader.Line(number: line.number, history: try SimulatedHistoryReader.read(UnsafeRawBufferPointer(rebasing: bytes[line.range])))
                }
            }
        }
        var histories: [SimulatedHistoryReader.Line] = []
        histories.reserveCapacity(parsed.count)
        for (index, result) in parsed.enumerated() {
            switch result {
            case let .success(line): histories.append(line)
            case let .failure(error): throw Failure(description: "\(path):\(lines[index].number): not a simulated history: \(error.reason)")
            }
        }
        guard !histories.isEmpty else { throw Failure(description: "\(path): no history in the file") }
        return histories
    }
}
