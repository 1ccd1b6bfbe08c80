import Foundation
import QETestSupport
import Testing

/// Every command's output on the committed examples, byte for byte, against the files in
/// `Golden/` (made by `scripts/golden/capture.py`, which explains the one normalisation: a
/// case's output directory is written as `{OUT}`). A change of output fails here; regenerate
/// the golden files only for a deliberate change, and say which in the commit.
@Suite("Golden outputs of the committed examples")
struct GoldenOutputTests {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        var name: String
        var arguments: [String]
        var files: [String]?

        var testDescription: String { name }
    }

    struct Expected: Decodable {
        var status: Int32
        var stderr: String
    }

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static let cases: [Case] = {
        struct Cases: Decodable { var cases: [Case] }
        let data = (try? Data(contentsOf: golden.appendingPathComponent("cases.json"))) ?? Data()
        return (try? JSONDecoder().decode(Cases.self, from: data).cases) ?? []
    }()

    @Test func theCasesAreThere() {
        #expect(Self.cases.count >= 40)
    }

    @Test(.tags(.slow), .skippedWhenFast, arguments: cases)
    func outputIsUnchanged(_ testCase: Case) throws {
        let expected = try #require(
            try JSONDecoder().decode([String: Expected].self, from: Data(contentsOf: Self.golden.appendingPathComponent("expected.json")))[testCase.name])
        let scratch = try ScratchDirectory()
        let arguments = testCase.arguments.map { $0.replacingOccurrences(of: "{OUT}", with: scratch.path) }
        let run = try CapturedRun.run(try ExecutableTests.executable(), arguments, in: Self.repository.path)
        func normalised(_ bytes: [UInt8]) -> String {
            String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: scratch.path, with: "{OUT}")
        }
        #expect(run.status == expected.status, "\(testCase.name): exit status")
        #expect(normalised(run.error) == expected.stderr, "\(testCase.name): standard error")
        let stdout = try String(contentsOf: Self.golden.appendingPathComponent(testCase.name), encoding: .utf8)
        #expect(normalised(run.output) == stdout, "\(testCase.name): standard output differs from Golden/\(testCase.name)")
        for file in testCase.files ?? [] {
            let written = Array(try Data(contentsOf: URL(fileURLWithPath: scratch.file(file))))
            let golden = try String(contentsOf: Self.golden.appendingPathComponent("\(testCase.name).files/\(file)"), encoding: .utf8)
            #expect(normalised(written) == golden, "\(testCase.name): \(file) differs from its golden file")
        }
    }
}
