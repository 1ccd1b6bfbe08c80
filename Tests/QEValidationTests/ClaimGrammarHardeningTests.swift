import Foundation
import QETestSupport
import Testing

@testable import QEValidation

/// Issue 12, cases 9–12: claims are decimal numbers within a stated range, memory claims are
/// percentages with their own messages, and a claims file can neither name a workload that is
/// not there nor expand without end.
@Suite("Claims: numbers, percentages and claims files")
struct ClaimGrammarHardeningTests {
    static func message(_ body: () throws -> Any) -> String {
        do {
            _ = try body()
            return "accepted"
        } catch {
            return "\(error)"
        }
    }

    @Test(arguments: ["0x10", "0x1p1", "0X10x", "0x10-0x20", "1_000x", "+2x", "2,5x", "inf", "nan", "infinity", "1e", "e3", "."])
    func onlyDecimalNumbersAreClaims(text: String) {
        let message = Self.message { try ClaimParser.parseRange(text) }
        #expect(message.hasPrefix("cannot read the claim '\(text)': "), "\(message)")
        #expect(message.contains("decimal numbers only"))
    }

    @Test func hexadecimalIsNotReadAsANumber() {
        #expect(Self.message { try ClaimParser.parseRange("0x10") }.contains("'0x10' is not a decimal number"))
        #expect(Self.message { try ClaimParser.parseRange("0x1p1") }.contains("'0x1p1' is not a decimal number"))
    }

    @Test func exponentsAreDecimalAndKeepTheirSign() throws {
        #expect(try ClaimParser.parseRange("1e-3x-2x") == ClaimedRange(low: 0.001, high: 2))
        #expect(try ClaimParser.parseRange("2.5E1x") == ClaimedRange(low: 25))
        #expect(try ClaimParser.parseRange(">=1e+2") == ClaimedRange(low: 100))
        #expect(try ClaimParser.parseRange(".5x-1.x") == ClaimedRange(low: 0.5, high: 1))
    }

    @Test(arguments: [("1e-320x", "1e-320x is outside the speedups a claim may name"), ("1e400x", "1e400x is outside"),
                      ("2e6x", "2e6x is outside"), ("0x", "a speedup must be positive, got 0x"),
                      ("-3x", "a speedup must be positive, got -3x"), ("2x--3x", "a speedup must be positive, got -3x")])
    func numbersOutsideTheRangeSaySo(text: String, words: String) {
        let message = Self.message { try ClaimParser.parseRange(text) }
        #expect(message.contains(words), "\(message)")
        #expect(!message.contains("'1e' is not a number"))
    }

    @Test func memoryClaimsArePercentagesWithTheirOwnMessages() throws {
        #expect(try ClaimParser.parseMemoryReduction("12.5%-50%") == ClaimedRange(low: 0.125, high: 0.5))
        #expect(try ClaimParser.parseMemoryReduction("0%") == ClaimedRange(low: 0))
        let speedup = Self.message { try ClaimParser.parseMemoryReduction("2x") }
        #expect(speedup == "cannot read the memory claim '2x': '2x' is a speedup; a memory claim is a reduction in percent, such as 50%; \(ClaimParser.acceptedMemoryForms)")
        for (text, words) in [("150%", "a memory reduction is at most 100%, got 150%"), ("-5%", "cannot be negative"),
                              ("75%-50%", "the upper end 50% is below the lower end 75%"), ("0x10%", "'0x10%' is not a decimal percentage"),
                              ("50%-2x", "'2x' is a speedup")] {
            let message = Self.message { try ClaimParser.parseMemoryReduction(text) }
            #expect(message.hasPrefix("cannot read the memory claim '\(text)': "), "\(message)")
            #expect(message.contains(words), "\(message)")
            #expect(!message.contains("speedup must be positive") && !message.contains("50x"), "\(message)")
        }
    }

    @Test func aClaimsFileIsDecimalToo() {
        for text in ["a: 0x10", "a: {low: 0x10}", "a: {low: 2, high: 0x1p1}", "default: .inf"] {
            let message = Self.message { try ClaimsFile.parse(text, path: "c.yaml") }
            #expect(message.hasPrefix("c.yaml: "), "\(text): \(message)")
            #expect(message.contains("not a decimal number"), "\(text): \(message)")
        }
    }

    @Test func aClaimsFileNamesWorkloadsTheResultsMustHave() throws {
        let claims = try ClaimsFile.parse(#"{"default": "2x", "coverage-analysys": "100x-200x"}"#, path: "c.json")
        #expect(claims.namedByUser == ["coverage-analysys"])
    }

    @Test func theClosestNameIsFound() {
        let names = ["test-similarity", "code-embedding", "defect-matching", "coverage-analysis", "pattern-adaptation"]
        #expect(ClosestName.closest(to: "coverage-analysys", among: names) == "coverage-analysis")
        #expect(ClosestName.closest(to: "codeembedding", among: names) == "code-embedding")
        #expect(ClosestName.distance("kitten", "sitting") == 3)
        #expect(ClosestName.distance("", "abc") == 3)
    }

    @Test func anAliasBombIsRefusedWithoutExpandingIt() {
        #expect(HostileClaimsFiles.aliasBomb.utf8.count < 1200)
        let message = Self.message { try ClaimsFile.parse(HostileClaimsFiles.aliasBomb, path: "bomb.yaml") }
        #expect(message == "bomb.yaml: more than \(ClaimsFile.maximumNodes) values once YAML aliases are expanded; a claims file names a few workloads")
    }

    @Test func aFewAliasesAreFine() throws {
        let claims = try ClaimsFile.parse("a: &usual 2x-3x\nb: *usual\n", path: "c.yaml")
        #expect(claims.perWorkload == ["a": ClaimedRange(low: 2, high: 3), "b": ClaimedRange(low: 2, high: 3)])
    }

    @Test func aLargeClaimsFileIsRefused() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("default: 2x\n" + String(repeating: "# padding\n", count: 110_000), to: "c.yaml")
        let error = try #require(throws: ClaimsFile.LoadError.self) { try ClaimsFile.load(path: path) }
        #expect(error.description == "\(path): a claims file is at most 1024 KiB; this one is larger")
        #expect(!error.isMissing)
    }

    @Test func aDeviceIsNotAClaimsFile() {
        let error = #expect(throws: ClaimsFile.LoadError.self) { try ClaimsFile.load(path: "/dev/zero") }
        #expect(error?.description == "/dev/zero: cannot read: is a character device, not a file; give a regular file or a pipe")
    }
}
