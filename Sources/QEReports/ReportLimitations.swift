import QEFormats
import QEResults
import QEValidation

/// The limitations section: what this data cannot support, said plainly and computed from the
/// data (machines, sizes, runs, checks that were not made), followed by every warning of the
/// judgement.
enum ReportLimitations {
    static func statements(
        judgement: ClaimDocument, pool: ResultsPool, distributions: [WorkloadDistribution],
        memory: MemorySection?, environment: [InputEnvironment]
    ) -> [String] {
        var statements: [String] = []

        // Machines.
        let machines = Set(environment.map { [$0.host ?? "", $0.cpu ?? "", $0.cores.map(String.init) ?? ""] })
        if let first = environment.first {
            var parts: [String] = []
            if let cpu = first.cpu { parts.append(cpu) }
            if let cores = first.cores { parts.append(ProseText.count(cores, "core")) }
            if let os = first.os { parts.append(os) }
            if let toolchain = first.toolchain { parts.append(toolchain) }
            if let build = first.build { parts.append("\(build) build") }
            let described = parts.isEmpty ? "a machine the results do not describe" : parts.joined(separator: ", ")
            let whereMeasured = machines.count == 1
                ? "Measured on one machine (\(described)\(first.host.map { ", host \($0)" } ?? ""))"
                : "Measured on \(machines.count) machines (the first: \(described)), pooled as if they were one"
            statements.append(
                "\(whereMeasured). Other CPUs, core counts, cache sizes, memory systems, compilers or build settings can give different speedups; this report says nothing about them.")
        }
        if environment.contains(where: { $0.build?.hasPrefix("debug") == true }) {
            statements.append("Some timings come from a debug build: they say little about optimised code.")
        }

        // Sizes.
        let sized = distributions.filter { !$0.parameters.isEmpty }
        if sized.isEmpty {
            statements.append("The results do not record the workloads' input sizes, so the sizes these speedups hold for are unknown.")
        } else {
            let list = sized.map { workload in
                workload.name + " (" + workload.parameters.keys.sorted().map { "\($0) \(workload.parameters[$0] ?? "")" }.joined(separator: ", ") + ")"
            }
            statements.append(
                "Only these inputs were measured: \(ProseText.list(list)). Speedups at other sizes are not measured and cannot be inferred from these: which variant wins can change with the size.")
        }

        // Runs.
        let runCounts = judgement.benchmarks.map { min($0.baseline.runs, $0.candidate.runs) }
        if let fewest = runCounts.min(), let most = runCounts.max() {
            let runs = fewest == most ? ProseText.count(fewest, "run") : "\(fewest) to \(most) runs"
            if fewest < ComparisonMethod.minimumRunsForBootstrap {
                statements.append(
                    "Only \(runs) per variant: the intervals cannot account for run-to-run variation, which is often the largest source of error; measure 3 or more runs (separate processes).")
            } else {
                statements.append(
                    "\(runs.prefix(1).uppercased() + runs.dropFirst()) per variant, in separate processes: the intervals include the variation between runs on this machine, but not between boots, days or machines.")
            }
        }
        let warmedUp = judgement.benchmarks.allSatisfy { benchmark in
            [benchmark.baselineVariant, benchmark.candidateVariant].allSatisfy { variant in
                pool.runs(name: benchmark.name, variant: variant).allSatisfy { !$0.warmup.isEmpty }
            }
        }
        statements.append(
            "The timings are wall times of single iterations\(warmedUp ? " after warm-up" : " (warm-up not recorded for every run)"), each benchmark measured on its own: they do not show end-to-end application time, cold starts, behaviour under concurrent load, or energy.")

        // Claims.
        if judgement.benchmarks.contains(where: { $0.claim.high.isFinite && $0.verdict == .holds }) {
            statements.append(
                "A holds verdict says the speedup reaches the claimed minimum; it does not confirm the claimed maximum, which the interval may not reach.")
        }
        for benchmark in judgement.benchmarks where benchmark.verdict == .inconclusive {
            statements.append(
                "\(benchmark.name): the data cannot decide the claim\(benchmark.moreData.map { "; \($0.summary)" } ?? "").")
        }
        statements.append(
            "The \(ProseText.count(judgement.benchmarks.count, "interval")) hold together with \(PercentText.percent(judgement.confidence)) confidence: about one report in \(Int((1 / (1 - judgement.confidence)).rounded())) made this way has at least one interval that misses the true speedup.")
        if !judgement.notJudged.isEmpty {
            statements.append("Not judged: \(judgement.notJudged.joined(separator: "; ")).")
        }

        // Memory.
        if memory == nil {
            statements.append("The results have no memory figures for both variants: this report says nothing about memory.")
        } else if memory?.claim == nil {
            statements.append("Memory figures are shown but no memory claim was judged.")
        }

        // Warnings of the judgement.
        for warning in judgement.warnings { statements.append("Warning: \(sentence(warning))") }
        for benchmark in judgement.benchmarks {
            for warning in benchmark.warnings { statements.append("Warning (\(benchmark.name)): \(sentence(warning))") }
        }
        return statements
    }

    /// `text` ending with one full stop.
    static func sentence(_ text: String) -> String {
        text.hasSuffix(".") ? text : text + "."
    }
}
