import QEValidation

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

    /// The gate's short name for `method`: UR, HB, HL.
    static func abbreviation(_ method: GateMethod) -> String {
        switch method {
        case .auto: return "auto"
        case .unpairedRuns: return "UR"
        case .hierarchicalBootstrap: return "HB"
        case .hodgesLehmann: return "HL"
        }
    }

    /// One sentence per gate method, for the notes under a table.
    static func legend(_ method: GateMethod) -> String {
        switch method {
        case .auto: return ""
        case .unpairedRuns: return "UR: Welch t interval on the log of each run's statistic (runs are the units, not paired)"
        case .hierarchicalBootstrap: return "HB: hierarchical bootstrap of the ratio of mean times, runs then iterations"
        case .hodgesLehmann: return "HL: Hodges–Lehmann on pooled log times (cannot see run-to-run variation)"
        }
    }
}
