import Foundation
import QETestSupport
import Testing

/// Issue 12, case 2: an output that is one of the inputs (by device and inode, whatever the
/// name) is refused with exit 64 before anything is read, and the input is left as it was.
@Suite("An output that is an input")
struct OutputIsInputTests {
    static let example = OutputPathTests.example

    /// A scratch directory holding `a.json` and `b.json` (copies of the example).
    static func inputs() throws -> ScratchDirectory {
        let scratch = try ScratchDirectory()
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: example)))
        try scratch.write(bytes, to: "a.json")
        try scratch.write(bytes, to: "b.json")
        return scratch
    }

    static func unchanged(_ scratch: ScratchDirectory) throws -> Bool {
        let original = try Data(contentsOf: URL(fileURLWithPath: example))
        return try ["a.json", "b.json"].allSatisfy { try Data(contentsOf: URL(fileURLWithPath: scratch.file($0))) == original }
    }

    /// Command lines in which `A` and `B` stand for the inputs' paths and `DIR` for their directory.
    @Test(arguments: [
        ["gate", "--baseline", "A", "B", "--allow-foreign-machine", "-o", "A"],
        ["gate", "--baseline", "A", "B", "--allow-foreign-machine", "-o", "B"],
        ["compare", "A", "-o", "A"],
        ["compare", "A", "B", "--output", "B"],
        ["validate", "--claim", "2x", "--results", "A", "B", "--output", "B"],
        ["--claim", "2x", "--results", "A", "--save-results", "A"],
        ["variance", "A", "B", "-o", "A"],
        ["baseline", "show", "A", "-o", "A"],
        ["baseline", "update", "A", "--to", "A"],
        ["import", "results", "A", "--out", "A"],
        ["report", "A", "--claim", "2x", "--name", "a", "--out", "DIR"],
        ["report", "B", "--claim", "2x", "--baseline", "A", "--allow-foreign-machine", "--name", "a", "--out", "DIR"],
    ])
    func refusedWith64(template: [String]) async throws {
        let scratch = try Self.inputs()
        let names = ["A": scratch.file("a.json"), "B": scratch.file("b.json"), "DIR": scratch.path]
        #expect(await CommandRunner.run(template.map { names[$0] ?? $0 }) == 64)
        #expect(try Self.unchanged(scratch))
        #expect(try scratch.contents() == ["a.json", "b.json"], "nothing written")
    }

    @Test func linksAndOtherSpellingsAreTheSameFile() throws {
        let scratch = try Self.inputs()
        #expect(link(scratch.file("a.json"), scratch.file("hard.json")) == 0)
        #expect(symlink("b.json", scratch.file("soft.json")) == 0)
        for (inputs, output) in [
            ([scratch.file("a.json")], scratch.file("hard.json")),
            ([scratch.file("a.json"), scratch.file("b.json")], scratch.file("soft.json")),
            ([scratch.file("a.json")], scratch.path + "/./../" + URL(fileURLWithPath: scratch.path).lastPathComponent + "/a.json"),
        ] {
            let result = try ChildRun.run(["compare"] + inputs + ["-o", output])
            #expect(result.status == 64)
            #expect(result.stderr.hasPrefix("qe-validate: error: \(output): the output is also an input ("))
            #expect(try Self.unchanged(scratch))
        }
    }

    @Test func standardOutputAppendedToAnInputIsTheInput() throws {
        let scratch = try Self.inputs()
        let result = try ChildRun.run(["compare", scratch.file("a.json"), "-o", "/dev/stdout"], script: "exec >> '\(scratch.file("a.json"))'")
        #expect(result.status == 64)
        #expect(result.stderr.contains("the output is also an input"))
        #expect(try Self.unchanged(scratch))
    }

    @Test func theCheckComesBeforeAnyInputIsRead() throws {
        let scratch = try Self.inputs()
        // Reading the missing file first would exit 66.
        let result = try ChildRun.run(["compare", scratch.file("missing.json"), scratch.file("a.json"), "-o", scratch.file("a.json")])
        #expect(result.status == 64)
        #expect(try Self.unchanged(scratch))
    }

    @Test func twoOutputsOfOneFileAreRefused() async throws {
        let scratch = try Self.inputs()
        let out = scratch.file("out.txt")
        #expect(await CommandRunner.run(["--claim", "2x", "--results", scratch.file("a.json"), "--output", out, "--save-results", out]) == 64)
        #expect(try scratch.contents() == ["a.json", "b.json"])
    }

    @Test func distinctFilesAndDevicesAreFine() async throws {
        let scratch = try Self.inputs()
        #expect(await CommandRunner.run(["compare", scratch.file("a.json"), "-o", scratch.file("verdict.txt")]) == 0)
        #expect(await CommandRunner.run(["compare", scratch.file("a.json"), "-o", "/dev/null"]) == 0)
    }
}
