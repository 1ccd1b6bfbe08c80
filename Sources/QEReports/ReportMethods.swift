import QEFormats
import QEValidation

/// The methods section: what was computed, how, and why, one statement each — written from the
/// judgement itself, so it names the methods each workload actually used.
enum ReportMethods {
    static func statements(judgement: ClaimDocument, request: ReportRequest) -> [String] {
        guard let first = judgement.benchmarks.first else { return [] }
        let baseline = first.baselineVariant
        let candidate = first.candidateVariant
        let k = judgement.benchmarks.count
        var statements: [String] = []
        statements.append(
            "Speedup = \(baseline) time ÷ \(candidate) time, per iteration (wall time, in \(judgement.unit)): above 1 means \(candidate) is faster.")
        if k == 1 {
            statements.append("One workload was judged: its speedup interval has confidence \(PercentText.percent(judgement.intervalConfidence)).")
        } else {
            statements.append(
                "Family of \(k) workloads: each speedup interval has confidence \(PercentText.percent(judgement.intervalConfidence)), so that all \(k) hold together with confidence \(PercentText.percent(judgement.confidence)) (Bonferroni); the one-sided p-values are also given adjusted by Holm's method.")
        }
        func names(_ method: IntervalMethod) -> String {
            ProseText.list(judgement.benchmarks.filter { $0.speedup.method == method }.map(\.name))
        }
        let used = Set(judgement.benchmarks.map(\.speedup.method))
        if used.contains(.pairedRuns) {
            statements.append(
                "Paired runs (\(names(.pairedRuns))): run k of both variants came from the same process, so for each run dₖ = mean log \(baseline) time − mean log \(candidate) time; the speedup is exp(mean dₖ) with the t interval on the dₖ, K − 1 degrees of freedom (R: exp(t.test(d)$conf.int)). Shifts of the machine between runs hit both variants of a run alike and cancel; runs are the independent units.")
        }
        if used.contains(.hierarchicalBootstrap) {
            statements.append(
                "Hierarchical bootstrap (\(names(.hierarchicalBootstrap))): runs resampled with replacement, then iterations within each resampled run (Kalibera & Jones 2013); the percentile interval of the ratio of mean times, B = \(judgement.bootstrapReplicates) replicates, seed \(judgement.seed).")
        }
        if used.contains(.hodgesLehmann) {
            statements.append(
                "Hodges–Lehmann (\(names(.hodgesLehmann))): exp of the Hodges–Lehmann shift of log(\(baseline)) − log(\(candidate)) over the pooled iterations, with the Bauer/Moses interval that inverts the rank-sum test (R: wilcox.test(log(b), log(c), conf.int = TRUE)). It pools iterations and cannot see run-to-run variation.")
        }
        if request.method == .auto {
            statements.append(
                "Method chosen automatically per workload: paired runs when run k of both variants came from the same process and there are 3 or more runs, the hierarchical bootstrap for 3 or more unpaired runs, Hodges–Lehmann otherwise.")
        } else {
            statements.append("Method asked for: \(request.method.rawValue).")
        }
        statements.append(
            "Verdict per workload, with the speedup interval [L, U] and the claimed range [LOW, HIGH]: holds when L ≥ LOW (and the interval is not wholly above HIGH), exceeds when L > HIGH, refuted when U < LOW, inconclusive when L < LOW ≤ U — then with an estimate of the runs that would likely decide. Overall: validated when every workload holds or exceeds, not-validated when any is refuted, inconclusive otherwise.")
        statements.append(
            "p (≤ claimed minimum): the one-sided p-value of \"the speedup is at most the claimed minimum\", on the data the interval uses (one-sample t on the dₖ for paired runs, Mann–Whitney on shifted log times otherwise); small means the minimum is met.")
        statements.append(
            "Also computed, as cross-checks: the two-sided Mann–Whitney U test of the pooled iterations (exact below 50 per side without ties, normal approximation with tie and continuity correction otherwise, as R's wilcox.test); the median of each side with its exact order-statistic interval and the mean with its t interval.")
        statements.append(
            "Run-to-run variation of each side: the Kruskal–Wallis test of \"all runs alike\" and the share of the variance that lies between runs (variance components, Kalibera & Jones 2013).")
        statements.append(
            "Plots: boxes are the quartiles (R's quantile type 7), whiskers reach the most extreme iteration within 1.5 × IQR of the box; every iteration is drawn as a point. The per-run speedup is exp(dₖ), the ratio of the run's geometric mean times.")
        statements.append(
            "Every number is computed from the raw data embedded in this report with the options recorded in it (seed \(request.seed), \(request.bootstrapReplicates) bootstrap replicates): the same data and options give the same numbers, and qe-validate verify recomputes them and compares them with what this report states.")
        return statements
    }
}
