import ArgumentParser
import QETestSupport
import Testing

@testable import QEValidateCommands

/// Every numeric option has a documented range; outside it — huge, infinite, NaN, negative —
/// the command line is refused (exit 64) with the range, before anything is read or measured.
@Suite("Numeric option ranges", .tags(.slow), .skippedWhenFast)
struct NumericOptionTests {
    static let sample = "examples/flash-attention-sample.json"

    /// The exit code and message of parsing `arguments`; nil when they parse.
    static func refusal(_ arguments: [String]) -> (code: Int32, message: String)? {
        do {
            _ = try QEValidate.parseAsRoot(arguments)
            return nil
        } catch {
            return (QEValidate.exitCode(for: error).rawValue, QEValidate.message(for: error))
        }
    }

    @Test(arguments: [
        (["compare", sample, "--replicates", "4294967296"], "--replicates must be between 100 and 1,000,000 (got 4294967296)"),
        (["compare", sample, "--replicates", "9223372036854775807"], "--replicates must be between 100 and 1,000,000"),
        (["compare", sample, "--replicates", "99"], "--replicates must be between 100 and 1,000,000 (got 99)"),
        (["compare", sample, "--confidence", "1"], "--confidence must be strictly between 0.5 and 1 (got 1)"),
        (["compare", sample, "--confidence", "nan"], "--confidence must be strictly between 0.5 and 1 (got NaN)"),
        (["compare", sample, "--confidence", "inf"], "--confidence must be strictly between 0.5 and 1 (got ∞)"),
        (["gate", "--baseline", "b.json", "r.json", "--confidence", "0.3"], "--confidence must be strictly between 0.5 and 1"),
        (["report", "r.json", "--claim", "2x", "--replicates", "10000000"], "--replicates must be between 100 and 1,000,000"),
        (["run", "--timeout", "inf"], "--timeout must be above 0 and at most 86,400 s (got ∞ s)"),
        (["run", "--timeout", "1e12"], "--timeout must be above 0 and at most 86,400 s (got 1e+12 s)"),
        (["run", "--timeout", "0"], "--timeout must be above 0 and at most 86,400 s"),
        (["run", "--runs", "0"], "--runs must be between 1 and 1,000 (got 0)"),
        (["run", "--runs", "4294967296"], "--runs must be between 1 and 1,000"),
        (["run", "--iterations", "2000000"], "--iterations must be between 1 and 1,000,000"),
        (["run", "--warmup=-1"], "--warmup must be between 0 and 1,000,000 (got -1)"),
        (["--claim", "2x", "--until-decided", "--budget", "inf"], "--budget must be above 0 and at most 604,800 s"),
        (["variance", sample, "--target-width", "150%"], "--target-width must be above 0 and at most 100% (got 150%)"),
        (["variance", sample, "--target-width", "0%"], "--target-width must be above 0 and at most 100%"),
        (["variance", sample, "--run-overhead", "100000s"], "--run-overhead must be between 0 and 86,400 s"),
        (["verify", "r.json", "--tolerance", "0.5"], "--tolerance must be at least 0 and below 0.01"),
        (["gate-calibration", "--simulations", "0"], "--simulations must be between 1 and 1,000,000"),
    ])
    func outOfRangeValuesAreUsageErrorsStatingTheRange(arguments: [String], message: String) throws {
        let refusal = try #require(Self.refusal(arguments), "\(arguments) parsed")
        #expect(refusal.code == 64)
        #expect(refusal.message.contains(message), "\(refusal.message)")
    }

    @Test func numbersTooLargeForTheirTypeAreUsageErrors() throws {
        let refusal = try #require(Self.refusal(["compare", Self.sample, "--replicates", "99999999999999999999"]))
        #expect(refusal.code == 64)
        #expect(refusal.message.contains("--replicates"))
    }

    @Test func valuesInRangeParse() {
        #expect(Self.refusal(["compare", Self.sample, "--replicates", "1000000", "--confidence", "0.999"]) == nil)
        #expect(Self.refusal(["run", "--timeout", "86400", "--runs", "1000", "--warmup", "0"]) == nil)
        #expect(Self.refusal(["variance", Self.sample, "--target-width", "100%", "--run-overhead", "0"]) == nil)
    }
}
