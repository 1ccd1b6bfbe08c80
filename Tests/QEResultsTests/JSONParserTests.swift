import Foundation
import QETestSupport
import Testing
@testable import QEResults

private func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
    try JSONParser.parse(text).root
}

private func syntaxError(_ text: String) -> JSONSyntaxError? {
    do {
        _ = try JSONParser.parse(text)
        return nil
    } catch {
        return error
    }
}

@Suite("JSON parser")
struct JSONParserTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try parse(#" { "a": [1, 2.5, -3e2], "b": [], "c": ["x", 1], "d": {"e": null}, "f": true, "g": false, "h": "\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00" } "#)
        guard case let .object(object) = value else { Issue.record("not an object"); return }
        #expect(object.keys == ["a", "b", "c", "d", "f", "g", "h"])
        #expect(object["a"] == .numbers([1, 2.5, -300]))
        #expect(object["b"] == .array([]))
        #expect(object["c"] == .array([.string("x"), .number(1)]))
        #expect(object["d"] == .object({ var inner = JSONObject(); _ = inner.insert(.null, forKey: "e"); return inner }()))
        #expect(object["f"] == .bool(true))
        #expect(object["g"] == .bool(false))
        #expect(object["h"] == .string("\"\\/\u{8}\u{C}\n\r\té😀"))
    }

    @Test func arraysThatStopBeingNumericKeepEveryElement() throws {
        #expect(try parse(#"[1, 2, "three", 4]"#) == .array([.number(1), .number(2), .string("three"), .number(4)]))
        #expect(try parse("[null, 1]") == .array([.null, .number(1)]))
        #expect(try parse("[[1], [2, 3]]") == .array([.numbers([1]), .numbers([2, 3])]))
        #expect(try parse("[1, NaN]").numberArray?.count == 2)
    }

    @Test(arguments: [
        "13367000", "1.2345678901234567e-05", "0.1", "1e308", "1.7976931348623157e308", "5e-324",
        "2.2250738585072014e-308", "9007199254740993", "123456789012345678901234567890",
        "0.30000000000000004", "1E+2", "-0.0", "3.14159265358979323846264338327950288",
        "0.000000000000000000000000000000000001", "7e-28", "1.5e27", "18446744073709551615",
    ])
    func numbersMatchTheStandardLibrary(_ literal: String) throws {
        guard let expected = Double(literal) else { Issue.record("bad test literal"); return }
        let value = try parse(literal)
        #expect(value == .number(expected))
        if case let .number(parsed) = value { #expect(parsed.bitPattern == expected.bitPattern) }
    }

    @Test(.tags(.slow), .skippedWhenFast) func randomDoublesRoundTripThroughTheWriter() throws {
        // Every finite double written in its shortest form (or as an integer) reads back to the
        // same bits: 200,000 random bit patterns plus 200,000 timing-like values.
        var generator = SplitMix64(state: 20261126)
        var values: [Double] = []
        while values.count < 200_000 {
            let value = Double(bitPattern: generator.next())
            if value.isFinite { values.append(value) }
        }
        for _ in 0..<200_000 {
            values.append(exp(Double.random(in: -25...25, using: &generator)))
        }
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONNumberFormatter.append(value, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
        guard case let .numbers(parsed) = try JSONParser.parse(bytes).root else {
            Issue.record("not an array of numbers")
            return
        }
        #expect(parsed.map(\.bitPattern) == values.map(\.bitPattern))
    }

    @Test func decimalConversionAgreesWithStrtod() {
        // Significands of up to 19 digits and exponents within ±27: the integer path, with
        // halfway cases (…5 at the 19th digit) every third value.
        var generator = SplitMix64(state: 42)
        var mismatches: [String] = []
        for index in 0..<300_000 {
            let digits = Int.random(in: 1...19, using: &generator)
            var significand = UInt64.random(in: 1...(digits == 19 ? 9_999_999_999_999_999_999 : UInt64(pow(10, Double(digits))) - 1),
                                            using: &generator)
            if index % 3 == 0 { significand = significand / 10 * 10 + 5 }
            let exponent = Int.random(in: -27...27, using: &generator)
            let literal = "\(significand)e\(exponent)"
            let reference = strtod(literal, nil)
            if DecimalConversion.double(significand: significand, exponent: exponent) != reference {
                mismatches.append(literal)
            }
        }
        #expect(mismatches.isEmpty, "first: \(mismatches.prefix(3))")
        // Exact midpoints between adjacent doubles round to even.
        #expect(DecimalConversion.double(significand: 9_007_199_254_740_993, exponent: 0) == 9_007_199_254_740_992)
        #expect(DecimalConversion.double(significand: 9_007_199_254_740_995, exponent: 0) == 9_007_199_254_740_996)
        #expect(DecimalConversion.double(significand: 1, exponent: 400) == nil)
    }

    @Test func recordsNonFiniteNumbersWithTheirPathAndLiteral() throws {
        let document = try JSONParser.parse(#"{"runs": [{"samples": [1, NaN, -Infinity, 1e400]}], "x": inf, "y": [true, +Infinity]}"#)
        let paths = document.nonFiniteNumbers.map { "\($0.path)=\($0.literal)" }
        #expect(paths == ["runs[0].samples[1]=NaN", "runs[0].samples[2]=-Infinity", "runs[0].samples[3]=1e400",
                          "x=inf", "y[1]=+Infinity"])
        guard case let .object(object) = document.root, case let .array(runs)? = object["runs"],
              case let .object(run) = runs[0], case let .numbers(samples)? = run["samples"] else {
            Issue.record("unexpected shape")
            return
        }
        #expect(samples[0] == 1)
        #expect(samples[1].isNaN)
        #expect(samples[2] == -.infinity)
        #expect(samples[3] == .infinity)
    }

    @Test(arguments: [
        ("[01]", "line 1, column 2: a number may not have a leading zero"),
        ("[1,]", "line 1, column 4: expected a value, found ']'"),
        ("[+1]", "line 1, column 2: a number may not start with '+'"),
        ("[.5]", "line 1, column 2: expected a value, found '.'"),
        ("[1.]", "line 1, column 4: expected a digit after the decimal point, found ']'"),
        ("[1e]", "line 1, column 4: expected a digit in the exponent, found ']'"),
        ("[-]", "line 1, column 3: expected a digit after '-', found ']'"),
        ("[1 2]", "line 1, column 4: expected ',' or ']' after an array element, found '2'"),
        ("{'a': 1}", "line 1, column 2: expected a key in double quotes, found '''"),
        ("{\"a\" 1}", "line 1, column 6: expected ':' after the key \"a\", found '1'"),
        ("{\"a\": 1,}", "line 1, column 9: expected a key in double quotes, found '}'"),
        ("{\"a\": 1, \"a\": 2}", "line 1, column 10: duplicate key \"a\" in an object"),
        ("// comment\n{}", "line 1, column 1: expected a value, found '/'"),
        ("{}\n{}", "line 2, column 1: unexpected '{' after the end of the JSON value"),
        ("[True]", "line 1, column 2: invalid literal 'True'"),
        ("[undefined]", "line 1, column 2: invalid literal 'undefined'"),
        ("\"a\tb\"", "line 1, column 3: control character U+0009 must be escaped in a string"),
        ("\"\\x\"", "line 1, column 2: invalid escape '\\x' in a string"),
        ("\"\\u12\"", "line 1, column 2: '\\u' must be followed by four hexadecimal digits"),
        ("\"\\ud800\"", "line 1, column 2: lone high surrogate \\uD800 in a string"),
        ("\"\\udc00\"", "line 1, column 2: lone low surrogate \\uDC00 in a string"),
        ("[\n  1,\n  2", "line 3, column 4: unexpected end of file, expected ',' or ']' after an array element (is the file truncated?)"),
        ("{\"abc", "line 1, column 2: unexpected end of file in a string that starts here (is the file truncated?)"),
        ("[tru", "line 1, column 5: unexpected end of file, expected a value (is the file truncated?)"),
        ("", "line 1, column 1: the file is empty: no JSON value"),
        ("  \n ", "line 2, column 2: the file is empty: no JSON value"),
        ("[\"é\", x]", "line 1, column 7: invalid literal 'x'"),
    ])
    func rejectsWhatRFC8259Rejects(_ text: String, _ message: String) {
        #expect(syntaxError(text)?.description == message)
    }

    @Test func rejectsInvalidUTF8AndDeepNesting() {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse([UInt8(ascii: "\""), 0xC3, 0x28, UInt8(ascii: "\"")]) }
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse([0xFF]) }
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(syntaxError(deep)?.message == "arrays and objects nested deeper than 512 levels")
        let fine = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(syntaxError(fine) == nil)
    }

    @Test func keyPathsReadLikeJq() {
        let path = JSONPath.root.appending("benchmarks").appending(index: 1).appending("runs").appending(index: 0)
            .appending("samples")
        #expect(path.description == "benchmarks[1].runs[0].samples")
        #expect(JSONPath.root.appending("parameters").appending("block size").description == #"parameters["block size"]"#)
        #expect(JSONPath.root.description == "(top level)")
    }
}
