/// How ``JSONParser`` turns a number's digits into a double. Both are exact (correctly
/// rounded); they differ in speed, which `scripts/bench/results-reader.sh` measures.
package enum JSONNumberConversion: Sendable {
    /// ``DecimalConversion`` for the common shapes of timing data (up to 19 significant digits,
    /// exponent within ±27), C `strtod` for the rest. The default.
    case decimalFastPath
    /// C `strtod` for every number, on a NUL-terminated copy of its literal.
    case strtodOnly
}
