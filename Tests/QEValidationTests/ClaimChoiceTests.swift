import QETestSupport
import QEValidation
import Testing

/// Which claims are judged: the built-in suite's, a claims file's, and each --claim over them.
@Suite("Claim choice")
struct ClaimChoiceTests {
    static let catalogue: ClaimChoice.Catalogue = [
        "flash-attention": ["test-similarity": ClaimedRange(low: 2.49, high: 7.47), "coverage-analysis": ClaimedRange(low: 50, high: 100)],
        "other": ["w": ClaimedRange(low: 2)],
    ]

    @Test func builtinClaimsAreTheDataSuitesAndNoneIsRequired() throws {
        let claims = try ClaimChoice.claims(texts: [], source: "builtin", suite: "flash-attention", catalogue: Self.catalogue)
        #expect(claims.claim(for: "coverage-analysis") == ClaimedRange(low: 50, high: 100))
        #expect(claims.claim(for: "w") == nil)
        #expect(claims.namedByUser.isEmpty)
    }

    @Test func eachClaimOverridesTheBuiltinOnes() throws {
        let claims = try ClaimChoice.claims(
            texts: ["coverage-analysis=10x"], source: "builtin", suite: "flash-attention", catalogue: Self.catalogue)
        #expect(claims.claim(for: "coverage-analysis") == ClaimedRange(low: 10))
        #expect(claims.claim(for: "test-similarity") == ClaimedRange(low: 2.49, high: 7.47))
        #expect(claims.namedByUser == ["coverage-analysis"])
    }

    @Test func aSuiteWithoutBuiltinClaimsIsAUsageErrorNamingTheSuites() {
        #expect(throws: ClaimChoice.UnknownSuite(suite: "sorting", known: ["flash-attention", "other"])) {
            try ClaimChoice.claims(texts: [], source: "builtin", suite: "sorting", catalogue: Self.catalogue)
        }
        #expect(ClaimChoice.UnknownSuite(suite: "sorting", known: ["a", "b"]).description.contains("built-in suites: a, b"))
    }

    @Test func aClaimsFileIsRead() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("{\"default\": \"3x\", \"w\": \"5x-6x\"}", to: "claims.json")
        let claims = try ClaimChoice.claims(texts: [], source: path, suite: "any", catalogue: Self.catalogue)
        #expect(claims.claim(for: "x") == ClaimedRange(low: 3))
        #expect(claims.claim(for: "w") == ClaimedRange(low: 5, high: 6))
    }
}
