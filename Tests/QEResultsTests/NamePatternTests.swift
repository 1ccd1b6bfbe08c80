import Foundation
import QEResults
import QETestSupport
import Testing

/// The linear-time `--name-pattern` matcher: the same captures as Swift's backtracking `Regex`
/// on ordinary patterns, no blow-up on the patterns that make backtracking exponential, and a
/// clear refusal of what it does not support.
@Suite("Name patterns")
struct NamePatternTests {
    /// What Swift's `Regex` finds: the `name` and `variant` groups of the first match.
    private func reference(_ pattern: String, _ text: String) throws -> (name: String?, variant: String?)? {
        let regex = try Regex(pattern)
        guard let match = try regex.firstMatch(in: text) else { return nil }
        let name = pattern.contains("(?<name>") ? match.output["name"]?.substring.map(String.init) : nil
        let variant = pattern.contains("(?<variant>") ? match.output["variant"]?.substring.map(String.init) : nil
        return (name, variant)
    }

    /// A one-benchmark CSV whose benchmark is named `text`, read with `pattern`: the (name,
    /// variant) it gets, or nil when the pattern does not match.
    private func named(_ pattern: String, _ text: String) throws -> (name: String, variant: String)? {
        let scratch = try ScratchDirectory()
        let quoted = "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        let path = try scratch.write("name,value,unit\n\(quoted),1,ns\n", to: "n.csv")
        do {
            let file = try ResultsInput.load(path: path, options: ImportOptions(namePattern: try NamePattern(pattern)))
            return (file.benchmarks[0].name, file.benchmarks[0].variant)
        } catch let error as ResultsError where error.description.contains("does not match --name-pattern") {
            return nil
        }
    }

    @Test(arguments: [
        (#"test_sdpa\[(?<name>.+)-(?<variant>baseline|flash)\]"#, "test_sdpa[small-flash]"),
        (#"BM_Sum_(?<variant>[A-Za-z]+)/(?<name>\d+)"#, "BM_Sum_Baseline/16384"),
        (#"^Benchmark(?<variant>[A-Za-z]+)"#, "BenchmarkCandidate-2"),
        (#"(?<name>.+)-(?<variant>.+)"#, "a-b-c-d"),
        (#"(?<name>.+?)-(?<variant>.+)"#, "a-b-c-d"),
        (#"(?<name>a|ab)(?<variant>c|bcd)"#, "abcd"),
        (#"(?<variant>x*)(?<name>x+)"#, "xxxx"),
        (#"(?<variant>x+?)(?<name>x+)"#, "xxxx"),
        (#"(?<name>\w+)\s+(?<variant>\S+)$"#, "sum   fast-path"),
        (#"(?<name>[^/]+)/(?<variant>[0-9]{2,3})\b"#, "sort/1234 sort/987 x"),
        (#"(?<name>\d{3,})"#, "ab12cd4567"),
        (#"(?<variant>a{2})(?<name>a{1,2}?)"#, "aaaaa"),
        (#"(?:(?<name>ab)|a)+(?<variant>c)"#, "ababac"),
        (#"\bsum(?<variant>\w*)"#, "xsum sumFast"),
        (#"(?<name>[a-c\-]+)(?<variant>[.])"#, "q-abc-.x"),
        (#"(?P<name>té+)(?'variant'ß)"#, "xtéééß"),
        (#"^(?<name>)$"#, ""),
        (#"(?<name>x)"#, "no match here"),
    ])
    func agreesWithSwiftRegex(pattern: String, text: String) throws {
        let compiled = try NamePattern(pattern)
        let spelled = pattern.replacingOccurrences(of: "(?P<", with: "(?<")
            .replacingOccurrences(of: "(?'variant'", with: "(?<variant>").replacingOccurrences(of: "(?'name'", with: "(?<name>")
        let expected = try reference(spelled, text)
        // Through the importer, so that the test sees what users see.
        if text.isEmpty { return }  // a CSV name cannot be empty; the pattern compiled
        let result = try named(pattern, text)
        #expect((result == nil) == (expected == nil), "\(pattern) on \(text)")
        guard let result, let expected else { return }
        if compiled.capturesName {
            #expect(result.name == expected.name, "\(pattern) on \(text)")
        }
        if compiled.capturesVariant {
            #expect(result.variant == expected.variant, "\(pattern) on \(text)")
        }
    }

    /// Exponential for a backtracking engine (40 characters: about 10¹² steps); linear here, so
    /// these return at once, with the answer a backtracking engine would eventually give.
    @Test func catastrophicPatternsAreLinear() throws {
        let long = String(repeating: "a", count: 40) + "!"
        #expect(try named(#"^(?<name>(a+)+)$"#, long) == nil)
        #expect(try named(#"(?<name>(a|a)*)b"#, long) == nil)
        #expect(try named(#"(?<name>(a*)*)!"#, long)?.name == String(repeating: "a", count: 40))
        #expect(try named(#"^(?<name>(\w+\s?)*)$"#, String(repeating: "ab ", count: 30) + "!") == nil)
        let hostileName = String(repeating: "x", count: 5000)
        #expect(try named(#"(?<name>(x+x+)+)y"#, hostileName) == nil)
    }

    @Test(arguments: [
        (#"(?<name>a)\1"#, "a backreference"),
        (#"(?<name>a)(?=b)"#, "lookahead"),
        (#"(?<=a)(?<name>b)"#, "lookbehind"),
        (#"(?<name>a++)"#, "a possessive quantifier"),
        (#"(?i)(?<name>a)"#, "the group option"),
        (#"(?<name>\p{L})"#, "a Unicode property class"),
        (#"(?<name>[[:alpha:]])"#, "a POSIX class"),
    ])
    func unsupportedConstructsAreRefused(pattern: String, what: String) {
        let error = #expect(throws: NamePatternError.self) { try NamePattern(pattern) }
        #expect(error?.description.hasPrefix("--name-pattern '\(pattern)': not a valid regular expression: \(what)") == true, "\(String(describing: error))")
        #expect(error?.description.contains("not supported (name patterns are matched in linear time") == true)
    }

    @Test(arguments: [
        (#"(?<name>a"#, "a '(' without its ')'"),
        (#"(?<name>a))"#, "unbalanced ')'"),
        (#"(?<name>[a-"#, "a '[' without its ']'"),
        (#"(?<name>*a)"#, "a quantifier with nothing to repeat"),
        (#"(?<name>a{3,2})"#, "the maximum is below the minimum"),
        (#"(?<name>a{5000})"#, "a count above 1000"),
        (#"(?<name>[z-a])"#, "backwards"),
        (#"(?<name>a)(?<name>b)"#, "a second (?<name>...) group"),
        (#"(?<name>a**)"#, "a quantifier after a quantifier"),
        (#"(?<name>\"#, "a '\\' at the end"),
    ])
    func invalidPatternsSayWhy(pattern: String, reason: String) {
        let error = #expect(throws: NamePatternError.self) { try NamePattern(pattern) }
        #expect(error?.description.contains(reason) == true, "\(String(describing: error))")
    }

    @Test func hugeCountedRepetitionsAreRefused() {
        let error = #expect(throws: NamePatternError.self) { try NamePattern(#"(?<name>(((a{1000}){1000}){1000}))"#) }
        #expect(error?.description.contains("too large") == true)
    }

    @Test func literalBracesAndEscapes() throws {
        #expect(try named(#"(?<name>a{x})"#, "a{x}")?.name == "a{x}")
        #expect(try named(#"(?<name>\{\}\.\$)"#, "{}.$")?.name == "{}.$")
        #expect(try named("(?<name>a\tb)", "a\tb")?.name == "a\tb")
    }
}
