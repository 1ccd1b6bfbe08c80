import QEFormats
import QEValidation

/// The sentences the gate's renderers share: the methods used, and where each side came from.
enum GateLegend {
    static func methods(_ document: GateDocument) -> [String] {
        MethodLegend.gateLines(
            methods: Set(document.benchmarks.map(\.speedup.method)), runStatistic: runStatistic(document),
            replicates: document.bootstrapReplicates, seed: document.seed)
    }

    /// What stands for a run in the document's unpaired-runs intervals.
    static func runStatistic(_ document: GateDocument) -> String {
        switch document.runStatistic {
        case .minimum: return "each run's fastest iteration"
        case .median: return "each run's median"
        case .geometricMean: return "each run's geometric mean"
        }
    }

    /// What the baseline and results columns show.
    static func times(_ document: GateDocument) -> String {
        let runBased = document.benchmarks.contains { $0.baselineRunValues != nil }
        let pooled = document.benchmarks.contains { $0.baselineRunValues == nil }
        var parts: [String] = []
        if runBased {
            parts.append("the baseline and results columns are the times compared: the geometric mean over runs of \(runStatistic(document))")
        }
        if pooled {
            parts.append(runBased ? "medians for the HL and HB rows" : "the baseline and results columns are medians")
        }
        return parts.joined(separator: "; ")
    }

    /// What the interval level guarantees, in one sentence.
    static func family(_ document: GateDocument) -> String {
        let k = document.benchmarks.count
        let level = PercentText.percent(document.intervalConfidence)
        let bound = PercentText.percent(1 - (1 - document.intervalConfidence) / 2)
        let alpha = PercentText.percent(1 - document.confidence)
        if k == 1 {
            return "The interval is two-sided \(level): each end is a one-sided \(bound) bound, so a regression verdict (or a pass) is wrong with probability at most \(alpha)"
        }
        return "Intervals are \(level) each: each end is a one-sided \(bound) bound (Bonferroni over \(k) benchmarks), so the regression verdicts together are wrong with probability at most \(alpha), and so are the passes"
    }

    static func baseline(_ document: GateDocument) -> String {
        var parts = [document.baseline.path]
        if let provenance = document.baseline.provenance {
            var recorded = "recorded \(provenance.recordedAt)"
            if let commit = provenance.gitCommit { recorded += " at commit \(commit.prefix(12))" }
            recorded += ", " + (provenance.signedOffBy.map { "signed off by \($0)" } ?? "not signed off")
            parts.append(recorded)
        } else {
            parts.append("a plain results file (no provenance)")
        }
        parts.append(machine(document.baseline.environment))
        return parts.joined(separator: " — ")
    }

    static func results(_ document: GateDocument) -> String {
        var parts = [document.results.path]
        if let commit = document.results.environment.gitCommit { parts.append("commit \(commit.prefix(12))") }
        parts.append(machine(document.results.environment))
        return parts.joined(separator: " — ")
    }

    static func machine(_ environment: GateDocument.Environment) -> String {
        let parts = [
            environment.cpu, environment.cores.map { "\($0) core\($0 == 1 ? "" : "s")" }, environment.os,
            environment.toolchain, environment.build.map { "\($0) build" },
        ].compactMap { $0 }
        return parts.isEmpty ? "machine not recorded" : parts.joined(separator: ", ")
    }
}
