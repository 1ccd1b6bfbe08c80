/// Short names of the speedup methods for tables, and the sentences that explain them.
enum MethodLegend {
    static func abbreviation(_ method: String) -> String {
        switch ComparisonMethod(rawValue: method) {
        case .hodgesLehmann: return "HL"
        case .hierarchicalBootstrap: return "HB"
        case .pairedRuns: return "PR"
        case .auto, nil: return method
        }
    }

    /// One explanation per method used, in a fixed order.
    static func lines(methods: Set<String>, replicates: Int, seed: UInt64) -> [String] {
        var legend: [String] = []
        if methods.contains(ComparisonMethod.hodgesLehmann.rawValue) {
            legend.append("HL: Hodges–Lehmann on log times with the Bauer interval (iterations pooled)")
        }
        if methods.contains(ComparisonMethod.hierarchicalBootstrap.rawValue) {
            legend.append("HB: hierarchical bootstrap of the ratio of mean times, runs then iterations (B = \(replicates), seed \(seed))")
        }
        if methods.contains(ComparisonMethod.pairedRuns.rawValue) {
            legend.append("PR: t interval on the per-run log speedups of paired runs")
        }
        return legend
    }
}
