import Foundation
import QEValidation
import Testing
@testable import qe_changepoint_bench

@Suite("qe-changepoint-bench: reading simulated histories")
struct SimulatedHistoryReaderTests {
    static let history = #"{"id":"changes-quiet-0","scenario":"quiet","changes":[{"index":3,"ratio":1.05}],"points":[{"commit":"c0000","time":1767225600,"runs":[[30749387,29972770],[2.5e7,3.25E+7,1e3]]},{"commit":"c0001","time":1767229200.5,"runs":[[1,-2.5]]}]}"#

    /// A scratch file holding `text`.
    static func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("histories-\(UUID().uuidString).jsonl").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("a history's commits, times and every run's samples are read exactly; other members are skipped")
    func readsAHistory() throws {
        let path = try Self.file(Self.history + "\n\n" + Self.history.replacingOccurrences(of: "quiet-0", with: "quiet-1") + "\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let lines = try SimulatedHistoryFile.read(path)
        #expect(lines.map(\.number) == [1, 3])
        #expect(lines.map(\.history.id) == ["changes-quiet-0", "changes-quiet-1"])
        let series = lines[0].history.series
        #expect(series.name == "changes-quiet-0")
        #expect(series.points.map(\.commit) == ["c0000", "c0001"])
        #expect(series.points.map(\.time) == [Date(timeIntervalSince1970: 1_767_225_600), Date(timeIntervalSince1970: 1_767_229_200.5)])
        #expect(series.points[0].runs == [[30_749_387, 29_972_770], [2.5e7, 3.25e7, 1e3]])
        #expect(series.points[1].runs == [[1, -2.5]])
    }

    @Test("a run written with spaces, signs, decimals or nothing reads as the plain form does")
    func readsRunsInEveryForm() throws {
        let text = #"{"id":"x","points":[{"commit":"c","time":0,"runs":[[1,2,3],[ 1 , 2,3 ],[4,5.5,6],[7,8,-9],[],[10, 11],[1e1,12]]}]}"#
        let path = try Self.file(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let runs = try SimulatedHistoryFile.read(path)[0].history.series.points[0].runs
        #expect(runs == [[1, 2, 3], [1, 2, 3], [4, 5.5, 6], [7, 8, -9], [], [10, 11], [10, 12]])
    }

    @Test("integers of more than 15 digits and decimals are converted exactly as Double(_:) converts them")
    func readsLongNumbersExactly() throws {
        let digits = "12345678901234567890"
        let text = #"{"id":"x","points":[{"commit":"c","time":0,"runs":[[\#(digits),0.1,123456789012345]]}]}"#
        let path = try Self.file(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let runs = try SimulatedHistoryFile.read(path)[0].history.series.points[0].runs
        #expect(runs == [[try #require(Double(digits)), 0.1, 123_456_789_012_345]])
    }

    @Test("a malformed line is refused with the file, the line and the problem", arguments: [
        (#"{"id":"x","points":[{"commit":"c","time":0,"runs":[[1,2]]}]"#, "the line ends"),
        (#"{"id":"x","points":[{"commit":"c","time":0,"runs":[[1,,2]]}]}"#, "a number expected"),
        (#"{"id":"x","points":[{"commit":"c","time":0,"runs":[[1,2,]]}]}"#, "a number expected"),
        (#"{"id":"x","points":[{"commit":"c","time":0,"runs":[[1,2"#, "the line ends"),
        (#"{"id":"x","points":[{"commit":"c","runs":[[1]]}]}"#, "a point without"),
        (#"{"points":[]}"#, "no \"id\""),
        (#"{"id":"a\"b","points":[]}"#, "a string with an escape"),
        (#"{"id":"x","points":[]} trailing"#, "text after"),
        (#"[1, 2]"#, "'{' expected at byte 1"),
    ])
    func refusesMalformedLines(line: String, problem: String) throws {
        let path = try Self.file(Self.history + "\n" + line + "\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try SimulatedHistoryFile.read(path)
            Issue.record("accepted \(line)")
        } catch {
            #expect(error.description.hasPrefix("\(path):2: not a simulated history: "))
            #expect(error.description.contains(problem), "\(error.description)")
            #expect(!error.description.contains("\n"))
        }
    }

    @Test("a missing or empty file is refused with its name")
    func refusesMissingAndEmptyFiles() throws {
        let empty = try Self.file("\n")
        defer { try? FileManager.default.removeItem(atPath: empty) }
        #expect(throws: SimulatedHistoryFile.Failure.self) { try SimulatedHistoryFile.read(empty) }
        do { _ = try SimulatedHistoryFile.read(empty) } catch { #expect(error.description == "\(empty): no history in the file") }
        do { _ = try SimulatedHistoryFile.read(empty + ".missing") } catch { #expect(error.description == "\(empty).missing: cannot read the file") }
    }

    @Test("an output line is byte for byte what JSONSerialization writes with sorted keys")
    func outputLineMatchesJSONSerialization() throws {
        /// A change point as the judge makes it (decoded: its initialiser is the judge's).
        func change(_ index: Int, _ direction: String, _ estimate: Double, _ low: Double, _ high: Double, _ p: Double) throws -> ChangeDocument.ChangePoint {
            let json = #"{"commit":"b","previousCommit":"a","index":\#(index),"time":0,"direction":"\#(direction)","change":{"estimate":\#(estimate),"low":\#(low),"high":\#(high),"confidence":0.95},"p":\#(p)}"#
            return try JSONDecoder().decode(ChangeDocument.ChangePoint.self, from: Data(json.utf8))
        }
        let changes = [
            try change(77, "improvement", 0.8881946940954067, 0.88, 1, 8.374183593485022e-53),
            try change(116, "regression", 1.042493836260023, 1.0333057573801145, 2.5, 0.00017375463017495232),
        ]
        for (id, seconds) in [("changes-quiet-0", 0.0008351700000000001), ("a/b \"c\"\\\n\u{1}é", 3.0)] {
            let object: [String: Any] = [
                "id": id, "seconds": seconds,
                "changePoints": changes.map { change -> [String: Any] in
                    ["index": change.index, "estimate": change.change.estimate, "low": change.change.low,
                     "high": change.change.high, "p": change.p, "direction": change.direction.rawValue]
                },
            ]
            var expected = [UInt8](try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
            expected.append(UInt8(ascii: "\n"))
            #expect(DetectionLine.bytes(id: id, seconds: seconds, changePoints: changes) == expected,
                    "\(String(decoding: DetectionLine.bytes(id: id, seconds: seconds, changePoints: changes), as: UTF8.self))")
        }
    }
}
