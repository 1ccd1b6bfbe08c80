/// Why a results file could not be read, validated or written.
///
/// ``description`` is one line that starts with the file's path, then names the benchmark, the
/// run and the sample where that applies, then the problem:
///
///     results.json: benchmark test-similarity (flash), run 2, sample 7: non-finite sample NaN
///
/// ``exitCode`` is the sysexits code the process should end with (DESIGN §4).
public struct ResultsError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem it is. The message says which value, where.
    public enum Problem: Hashable, Sendable {
        /// The file does not exist. Exit 66.
        case noSuchFile
        /// The file exists but cannot be read (a directory, no permission, an I/O error). Exit 66.
        case unreadable
        /// The bytes are not JSON (RFC 8259): a syntax error, truncation, invalid UTF-8. Exit 65.
        case malformedJSON
        /// `"schema"` is missing or is not `qe-validate/results@1`. Exit 65.
        case wrongSchema
        /// `"unit"` is not one of `ns`, `us`, `ms`, `s`. Exit 65.
        case unknownUnit
        /// A required key is missing. Exit 65.
        case missingKey
        /// A value has the wrong JSON type (a string where a number belongs, ...). Exit 65.
        case wrongType
        /// A value has the right type but is not allowed (an empty name, a negative byte count,
        /// a fractional core count). Exit 65.
        case invalidValue
        /// `"benchmarks"` is empty. Exit 65.
        case noBenchmarks
        /// A benchmark has no runs. Exit 65.
        case noRuns
        /// A run has no samples. Exit 65.
        case noSamples
        /// A number is NaN or infinite, or too large for a double (e.g. `1e400`). Exit 65.
        case nonFinite
        /// A sample or warm-up time is zero or negative. Exit 65.
        case nonPositive
        /// Two benchmarks share (`name`, `variant`). Exit 65.
        case duplicateBenchmark
        /// The file could not be written. Exit 73.
        case cannotWrite
        /// The file is none of the formats qe-validate reads (its own results, or another
        /// tool's output that ``ResultsInput`` imports), or not the format that was named. Exit 65.
        case unrecognizedFormat
        /// A text format (CSV, Go benchmark output) has a line that the format does not allow,
        /// or the text is cut off. Exit 65.
        case malformedText
        /// The file holds only summary statistics (means, medians, ...) where raw timings are
        /// needed; the message says how to make the tool keep them. Exit 65.
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

    /// The process exit code for this error: 66 (`EX_NOINPUT`) when the file is missing or
    /// unreadable, 73 (`EX_CANTCREAT`) when it cannot be written, 64 (`EX_USAGE`) for a wrong
    /// setting, 65 (`EX_DATAERR`) otherwise.
    public var exitCode: Int32 {
        switch problem {
        case .invalidSetting: return 64
        case .noSuchFile, .unreadable: return 66
        case .cannotWrite: return 73
        case .malformedJSON, .wrongSchema, .unknownUnit, .missingKey, .wrongType, .invalidValue,
            .noBenchmarks, .noRuns, .noSamples, .nonFinite, .nonPositive, .duplicateBenchmark,
            .unrecognizedFormat, .malformedText, .aggregatesOnly:
            return 65
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
