import QEFormats

/// The one sentence that says why the gate's verdict is what it is.
enum GateReason {
    static func sentence(verdict: GateOverallVerdict, benchmarks: [GateBenchmark], confidence: Double) -> String {
        func change(_ benchmark: GateBenchmark) -> String {
            "\(benchmark.label) takes \(PercentText.change(ratio: benchmark.timeRatio.estimate)) \(PercentText.changeInterval(benchmark.timeRatio.low, benchmark.timeRatio.high)) against a threshold of +\(PercentText.percent(benchmark.threshold))"
        }
        let level = PercentText.percent(confidence)
        let improvements = benchmarks.filter { $0.verdict == .improvement }.map(\.label)
        let improved = improvements.isEmpty ? "" : "; improved beyond the threshold: \(improvements.joined(separator: ", "))"
        switch verdict {
        case .regression:
            let regressions = benchmarks.filter { $0.verdict == .regression }
            return "\(regressions.map(change).joined(separator: "; ")) — slower than allowed (\(level) confident, for all gated benchmarks together)."
        case .inconclusive:
            let open = benchmarks.filter { $0.verdict == .inconclusive }
            return "no regression found, but the data cannot decide for \(open.map(change).joined(separator: "; ")); --on-inconclusive fail makes that fatal."
        case .passed:
            let open = benchmarks.filter { $0.verdict == .inconclusive }
            if open.isEmpty {
                return "every benchmark's time is within its threshold of the baseline (\(level) confident, \(benchmarks.count == 1 ? "one benchmark" : "all \(benchmarks.count) together"))\(improved)."
            }
            return "no regression found; \(open.count) of \(benchmarks.count) benchmark\(benchmarks.count == 1 ? "" : "s") inconclusive (\(open.map(\.label).joined(separator: ", "))), passed under --on-inconclusive pass\(improved)."
        }
    }
}
