import Foundation
import QEResults

/// Times reading one results file three ways, in one process, side by side (build in release):
///
/// - `strict`: `ResultsFile(jsonBytes:source:)`, the project's reader (strict parser with its
///   exact fast number conversion, typed decoding with key-path errors, validation);
/// - `strict-strtod`: the same reader converting every number with C `strtod`;
/// - `json-decoder`: Foundation's `JSONDecoder` into `Decodable` structs of the same schema,
///   then the same `ResultsFile` and the same validation.
///
/// Two files of N samples per side are made in memory: whole nanoseconds (`13367000`, what the
/// harness writes) and seconds written as Swift prints them (`0.013367000123456789`, the form
/// of tools that report seconds).
///
///     qe-results-bench [SAMPLES_PER_SIDE] [REPEATS]
///
/// Prints one line per reader and file: `reader=… file=… samples=… median_seconds=… min_seconds=…`.
@main
struct ResultsReaderBenchmark {
    static func main() throws {
        let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
        let perSide = arguments.first ?? 1_000_000
        let repeats = arguments.count > 1 ? arguments[1] : 5
        for (label, unit, scale) in [("ns", "ns", 1.0), ("s", "s", 1e-9)] {
            let bytes = file(perSide: perSide, unit: unit, scale: scale)
            var results: [String: Double] = [:]
            for (reader, read) in readers {
                let (median, minimum) = try time(repeats: repeats) { try read(bytes) }
                results[reader] = median
                print("reader=\(reader) file=\(label) samples=\(2 * perSide) bytes=\(bytes.count) median_seconds=\(format(median)) min_seconds=\(format(minimum))")
            }
            if let strict = results["strict"], let decoder = results["json-decoder"], let strtod = results["strict-strtod"] {
                print("ratio file=\(label) json-decoder/strict=\(format(decoder / strict)) strict-strtod/strict=\(format(strtod / strict))")
            }
        }
    }

    static let readers: [(String, @Sendable ([UInt8]) throws -> ResultsFile)] = [
        ("strict", { try ResultsFile(jsonBytes: $0, source: "bench") }),
        ("strict-strtod", { try ResultsFile(jsonBytes: $0, source: "bench", numberConversion: .strtodOnly) }),
        ("json-decoder", { try JSONDecoderResults.read($0) }),
    ]

    /// A results file with two benchmarks of `perSide` lognormal samples (seeded).
    static func file(perSide: Int, unit: String, scale: Double) -> [UInt8] {
        var generator = SplitMix64(seed: 20_261_126)
        func samples(median: Double) -> String {
            (0..<perSide).map { _ in
                let u1 = Double(generator.next() >> 11) / 9_007_199_254_740_992 + 1e-300
                let u2 = Double(generator.next() >> 11) / 9_007_199_254_740_992
                let z = (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
                let nanoseconds = (median * exp(0.1 * z)).rounded()
                return scale == 1 ? String(Int(nanoseconds)) : (nanoseconds * scale + 1.234567e-12).description
            }.joined(separator: ",")
        }
        let text = """
            {"schema":"qe-validate/results@1","suite":"reader-benchmark","unit":"\(unit)","benchmarks":[
            {"name":"large","variant":"baseline","runs":[{"samples":[\(samples(median: 13.4e6))]}]},
            {"name":"large","variant":"flash","runs":[{"samples":[\(samples(median: 3.8e6))]}]}]}
            """
        return Array(text.utf8)
    }

    static func time(repeats: Int, _ body: () throws -> ResultsFile) throws -> (median: Double, min: Double) {
        var seconds: [Double] = []
        for _ in 0..<max(repeats, 1) {
            let start = DispatchTime.now().uptimeNanoseconds
            let file = try body()
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            precondition(file.benchmarks.count == 2)
        }
        seconds.sort()
        return (seconds[seconds.count / 2], seconds[0])
    }

    static func format(_ value: Double) -> String { String(format: "%.4f", value) }
}

/// SplitMix64 (Steele, Lea & Flood 2014): the seeded generator of the benchmark's data.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
