/// Why a results file could not be read, validated or written.
///
/// ``description`` is one line that starts with the file's path, then names the benchmark, the
/// run and the sample where that applies, then the problem:
///
///     results.json: benchmark test-similarity (flash), run 2, sample 7: non-finite sample NaN
///
/// ``category`` says what kind of failure it is, which decides the exit status (DESIGN §4).
public struct ResultsError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem it is. The message says which value, where.
    public enum Problem: Hashable, Sendable {
        /// The file does not exist. (Missing input.)
        case noSuchFile
        /// The file exists but cannot be read (a directory, no permission, an I/O error). (Missing input.)
        case unreadable
        /// The bytes are not JSON (RFC 8259): a syntax error, truncation, invalid UTF-8. (Invalid data.)
        case malformedJSON
        /// `"schema"` is missing or is not `qe-validate/results@1`. (Invalid data.)
        case wrongSchema
        /// `"unit"` is not one of `ns`, `us`, `ms`, `s`. (Invalid data.)
        case unknownUnit
        /// A required key is missing. (Invalid data.)
        case missingKey
        /// A value has the wrong JSON type (a string where a number belongs, ...). (Invalid data.)
        case wrongType
        /// A value has the right type but is not allowed (an empty name, a negative byte count,
        /// a fractional core count). (Invalid data.)
        case invalidValue
        /// `"benchmarks"` is empty. (Invalid data.)
        case noBenchmarks
        /// A benchmark has no runs. (Invalid data.)
        case noRuns
        /// A run has no samples. (Invalid data.)
        case noSamples
        /// A number is NaN or infinite, or too large for a double (e.g. `1e400`). (Invalid data.)
        case nonFinite
        /// A sample or warm-up time is zero or negative. (Invalid data.)
        case nonPositive
        /// Two benchmarks share (`name`, `variant`). (Invalid data.)
        case duplicateBenchmark
        /// The file could not be written. (Cannot write.)
        case cannotWrite
        /// The file is none of the formats qe-validate reads (its own results, or another
        /// tool's output that ``ResultsInput`` imports), or not the format that was named. (Invalid data.)
        case unrecognizedFormat
        /// A text format (CSV, Go benchmark output) has a line that the format does not allow,
        /// or the text is cut off. (Invalid data.)
        case malformedText
        /// The file holds only summary statistics (means, medians, ...) where raw timings are
        /// needed; the message says how to make the tool keep them. (Invalid data.)
        case aggregatesOnly
        /// A setting that governs reading is wrong (`QE_VALIDATE_MAX_INPUT_SIZE` is not a size):
        /// nothing was read. Exit 64.
        case invalidSetting
    }

    /// The path of the file, as given by the caller.
    public var file: String
    /// What kind of problem it is.
    public var problem: Problem
    /// The message after the path: where (benchmark, run, sample or key path) and what.
    public var detail: String

    /// Creates an error.
    public init(file: String, problem: Problem, detail: String) {
        self.file = file
        self.problem = problem
        self.detail = detail
    }

    /// Invalid usage for a wrong setting, missing input when the file is missing or unreadable,
    /// cannot write when it cannot be written, invalid data otherwise.
    public var category: FailureCategory {
        switch problem {
        case .invalidSetting: return .invalidUsage
        case .noSuchFile, .unreadable: return .missingInput
        case .cannotWrite: return .cannotWrite
        case .malformedJSON, .wrongSchema, .unknownUnit, .missingKey, .wrongType, .invalidValue,
            .noBenchmarks, .noRuns, .noSamples, .nonFinite, .nonPositive, .duplicateBenchmark,
            .unrecognizedFormat, .malformedText, .aggregatesOnly:
            return .invalidData
        }
    }

    /// `FILE: detail`, on one line: control characters that came from the data (a benchmark
    /// name with a newline, say) are shown escaped, as `\n` or `\u{1}`.
    public var description: String {
        var text = ""
        for scalar in "\(file): \(detail)".unicodeScalars {
            switch scalar {
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                text += "\\u{\(String(scalar.value, radix: 16))}"
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text
    }
}
