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
        [IntervalMethod.hodgesLehmann, .hierarchicalBootstrap, .pairedRuns].filter(methods.contains).map { method in
            switch method {
            case .hodgesLehmann: return "HL: Hodges–Lehmann on log times with the Bauer interval (iterations pooled)"
            case .pairedRuns: return "PR: t interval on the per-run log speedups of paired runs"
            case .hierarchicalBootstrap, .unpairedRuns: return bootstrap(replicates: replicates, seed: seed)
            }
        }
    }

    /// For the gate: one explanation per method used, unpaired runs first; `runStatistic` says
    /// what stands for a run ("each run's fastest iteration").
    static func gateLines(methods: Set<IntervalMethod>, runStatistic: String, replicates: Int, seed: UInt64) -> [String] {
        [IntervalMethod.unpairedRuns, .hierarchicalBootstrap, .hodgesLehmann].filter(methods.contains).map { method in
            switch method {
            case .unpairedRuns: return "UR: Welch t interval on the log of \(runStatistic) (runs are the units, not paired)"
            case .hodgesLehmann: return "HL: Hodges–Lehmann on pooled log times (cannot see run-to-run variation)"
            case .hierarchicalBootstrap, .pairedRuns: return bootstrap(replicates: replicates, seed: seed)
            }
        }
    }

    private static func bootstrap(replicates: Int, seed: UInt64) -> String {
        "HB: hierarchical bootstrap of the ratio of mean times, runs then iterations (B = \(replicates), seed \(seed))"
    }
}
