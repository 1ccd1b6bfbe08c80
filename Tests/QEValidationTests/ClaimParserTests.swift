import QEValidation
import Testing

@Suite("Claim grammar")
struct ClaimParserTests {
    @Test(arguments: [
        ("2.49x-7.47x", 2.49, 7.47), ("2.49-7.47", 2.49, 7.47), ("2.49x–7.47x", 2.49, 7.47), (" 2.49X - 7.47X ", 2.49, 7.47),
        ("3x", 3, Double.infinity), ("3", 3, .infinity), (">=2.49x", 2.49, .infinity), ("≥ 2.49", 2.49, .infinity),
        ("50x-100x", 50, 100), ("1x-1x", 1, 1),
    ])
    func acceptedForms(text: String, low: Double, high: Double) throws {
        #expect(try ClaimParser.parseRange(text) == ClaimedRange(low: low, high: high))
    }

    @Test func perWorkloadClaims() throws {
        let claims = try ClaimParser.parse(["2.49x-7.47x", "coverage-analysis=50x-100x", "pattern-adaptation = 10x-40x"])
        #expect(claims.global == ClaimedRange(low: 2.49, high: 7.47))
        #expect(claims.claim(for: "coverage-analysis") == ClaimedRange(low: 50, high: 100))
        #expect(claims.claim(for: "pattern-adaptation") == ClaimedRange(low: 10, high: 40))
        #expect(claims.claim(for: "other") == ClaimedRange(low: 2.49, high: 7.47))
        #expect(claims.namedByUser == ["coverage-analysis", "pattern-adaptation"])
    }

    @Test(arguments: ["", "x", "fast", "2.5x-1x", "0x", "-3x", "2x-3x-4x", "=3x", ">=2x-3x", "nan", "inf", "1e400"])
    func malformedClaimsSayWhatIsAccepted(text: String) {
        do {
            _ = try ClaimParser.parse(text)
            Issue.record("'\(text)' was accepted")
        } catch {
            #expect(error.description.contains("accepted forms"))
            #expect(text.isEmpty || error.description.contains("'\(text)'"))
        }
    }

    @Test func memoryReductionsArePercentages() throws {
        #expect(try ClaimParser.parseMemoryReduction("50%-75%") == ClaimedRange(low: 0.5, high: 0.75))
        #expect(try ClaimParser.parseMemoryReduction("50-75") == ClaimedRange(low: 0.5, high: 0.75))
        #expect(try ClaimParser.parseMemoryReduction(">=60%") == ClaimedRange(low: 0.6))
        #expect(throws: ClaimParser.ParseError.self) { try ClaimParser.parseMemoryReduction("120%") }
    }

    @Test func claimsFilesInJSONAndYAML() throws {
        let json = try ClaimsFile.parse(#"{"default": "3x", "a": "2x-4x", "b": {"low": 10, "high": 40}}"#, path: "c.json")
        #expect(json.global == ClaimedRange(low: 3))
        #expect(json.perWorkload == ["a": ClaimedRange(low: 2, high: 4), "b": ClaimedRange(low: 10, high: 40)])
        let yaml = try ClaimsFile.parse("'*': 2.49x-7.47x\ncoverage-analysis: 50x-100x\n", path: "c.yaml")
        #expect(yaml.global == ClaimedRange(low: 2.49, high: 7.47))
        #expect(yaml.perWorkload["coverage-analysis"] == ClaimedRange(low: 50, high: 100))
        for bad in ["[1, 2]", "a: [", "a: fast", "{}", "b: {high: 3}"] {
            #expect(throws: ClaimsFile.LoadError.self, "\(bad)") { try ClaimsFile.parse(bad, path: "bad.yaml") }
        }
    }
}

@Suite("Verdict rules of DESIGN §4")
struct ClaimedRangeTests {
    let claim = ClaimedRange(low: 2.49, high: 7.47)

    @Test func verdicts() {
        #expect(claim.verdict(low: 2.5, high: 3) == .holds)
        #expect(claim.verdict(low: 2.49, high: 3) == .holds, "L = LOW holds")
        #expect(claim.verdict(low: 3, high: 9) == .holds, "reaching past HIGH without being wholly above it")
        #expect(claim.verdict(low: 7.47, high: 9) == .holds)
        #expect(claim.verdict(low: 7.5, high: 9) == .exceeds)
        #expect(claim.verdict(low: 1, high: 2.48) == .refuted)
        #expect(claim.verdict(low: 2, high: 2.49) == .inconclusive, "U = LOW is not below it")
        #expect(claim.verdict(low: 2, high: 3) == .inconclusive)
        #expect(ClaimedRange(low: 3).verdict(low: 100, high: 200) == .holds, "an open-ended claim is never exceeded")
    }

    @Test func overall() {
        #expect(OverallVerdict([.holds, .exceeds]) == .validated)
        #expect(OverallVerdict([.holds, .refuted, .inconclusive]) == .notValidated)
        #expect(OverallVerdict([.holds, .inconclusive]) == .inconclusive)
    }
}
