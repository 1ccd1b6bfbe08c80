import QEFormats
import QEValidation

/// The runs that differ from each other in a claim's judgement, said once for every workload
/// rather than once per variant: "runs differ from each other in 8 of 10 variants (Kruskal–Wallis
/// p < 0.001); the paired-runs interval treats runs as the units". Each variant's figures stay in
/// the JSON and in `qe-validate variance`.
enum DifferingRunsSummary {
    /// The one sentence; nil when no variant's runs differ.
    static func sentence(_ document: ClaimDocument) -> String? {
        let differing = document.benchmarks.flatMap(\.differingRuns)
        guard let largestP = differing.map(\.kruskalWallisP).max() else { return nil }
        let variants = 2 * document.benchmarks.count
        let p = largestP < 0.001 ? "p < 0.001" : "p ≤ \(PValueText.value(largestP))"
        let methods = IntervalMethod.allCases.filter { method in differing.contains { $0.method == method } }.map(\.rawValue)
        let intervals = methods.count == 1 ? "the \(methods[0]) interval treats" : "the \(ProseText.list(methods)) intervals treat"
        return "runs differ from each other in \(differing.count) of \(variants) variants (Kruskal–Wallis \(p)); \(intervals) runs as the units"
    }

    /// `benchmark`'s warnings without those the summary says.
    static func otherWarnings(_ benchmark: ClaimedBenchmark) -> [String] {
        let said = Set(benchmark.differingRuns.map(\.sentence))
        return benchmark.warnings.filter { !said.contains($0) }
    }
}
