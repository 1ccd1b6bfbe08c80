import QEFormats

/// The one sentence that says why the overall verdict is what it is.
enum ClaimReason {
    static func sentence(verdict: OverallVerdict, benchmarks: [ClaimedBenchmark], confidence: Double) -> String {
        let level = PercentText.percent(confidence)
        func interval(_ benchmark: ClaimedBenchmark) -> String {
            "\(RatioText.ratio(benchmark.speedup.estimate)) \(RatioText.interval(benchmark.speedup.low, benchmark.speedup.high))"
        }
        switch verdict {
        case .validated:
            let exceeding = benchmarks.filter { $0.verdict == .exceeds }.map(\.name)
            return "every workload's speedup interval (\(level) simultaneous) reaches its claimed minimum"
                + (exceeding.isEmpty ? "." : "; \(exceeding.joined(separator: ", ")) \(exceeding.count == 1 ? "is" : "are") even faster than claimed.")
        case .notValidated:
            let refuted = benchmarks.filter { $0.verdict == .refuted }
            let details = refuted.map { "\($0.name) measured \(interval($0)) against a claimed \($0.claim)" }
            return "\(details.joined(separator: "; ")) — confidently below the claimed minimum."
        case .inconclusive:
            let open = benchmarks.filter { $0.verdict == .inconclusive }
            let details = open.map { benchmark in
                "\(benchmark.name) measured \(interval(benchmark)) against a claimed \(benchmark.claim)"
                    + (benchmark.moreData.map { " (\($0.summary))" } ?? "")
            }
            return "the data cannot decide for \(details.joined(separator: "; "))."
        }
    }
}
