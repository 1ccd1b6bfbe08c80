import QEValidation

/// Short names of the interval methods for tables, and the sentences that explain them under
/// a table.
enum MethodLegend {
    /// HL, HB, PR, UR.
    static func abbreviation(_ method: IntervalMethod) -> String {
        switch method {
        case .hodgesLehmann: return "HL"
        case .hierarchicalBootstrap: return "HB"
        case .pairedRuns: return "PR"
        case .unpairedRuns: return "UR"
        }
    }

    /// For compare and claims: one explanation per method used, in a fixed order.
    static func lines(methods: Set<IntervalMethod>, replicates: Int, seed: UInt64) -> [String] {
        var legend: [String] = []
        if methods.contains(.hodgesLehmann) {
            legend.append("HL: Hodges–Lehmann on log times with the Bauer interval (iterations pooled)")
        }
        if methods.contains(.hierarchicalBootstrap) {
            legend.append("HB: hierarchical bootstrap of the ratio of mean times, runs then iterations (B = \(replicates), seed \(seed))")
        }
        if methods.contains(.pairedRuns) {
            legend.append("PR: t interval on the per-run log speedups of paired runs")
        }
        return legend
    }

    /// For the gate: one explanation per method used, unpaired runs first; `runStatistic` says
    /// what stands for a run ("each run's fastest iteration").
    static func gateLines(methods: Set<IntervalMethod>, runStatistic: String, replicates: Int, seed: UInt64) -> [String] {
        var legend: [String] = []
        if methods.contains(.unpairedRuns) {
            legend.append("UR: Welch t interval on the log of \(runStatistic) (runs are the units, not paired)")
        }
        if methods.contains(.hierarchicalBootstrap) {
            legend.append("HB: hierarchical bootstrap of the ratio of mean times, runs then iterations (B = \(replicates), seed \(seed))")
        }
        if methods.contains(.hodgesLehmann) {
            legend.append("HL: Hodges–Lehmann on pooled log times (cannot see run-to-run variation)")
        }
        return legend
    }
}
