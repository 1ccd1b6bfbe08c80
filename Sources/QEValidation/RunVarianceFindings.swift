import QEFormats
import QEResults

/// Plain-language findings of a run-to-run variance analysis: what stands out, what drifts,
/// whether the warm-up is long enough, and what it would take to reach the target width.
/// Runs are counted from 1 here, as people count them ("run 3 of 5"); JSON indexes count from 0.
enum RunVarianceFindings {
    static func sentences(for entry: BenchmarkVariance, unit: TimeUnit, options: RunVarianceOptions) -> [String] {
        var sentences: [String] = []
        let label = entry.label
        let durations = DurationText(reference: entry.median, sourceUnit: unit)
        let others = entry.runs - 1
        sentences += entry.outlyingFinding

        for index in entry.runsThatStandOut {
            let run = entry.perRun[index]
            guard let relative = run.relativeToOthers else { continue }
            let otherMedians = entry.perRun.filter { $0.index != index }.map(\.median).sorted()
            let reference = otherMedians.isEmpty ? run.median : Self.median(otherMedians)
            sentences.append(
                "run \(index + 1) of \(label) is \(PercentText.magnitude(relative)) \(relative > 0 ? "slower" : "faster") than the other \(ProseText.number(others)) (median \(durations.format(run.median)) against \(durations.format(reference)))")
        }

        // Runs that differ measurably but by less than the minimum effect are left to the table.
        let medians = entry.perRun.map(\.median)
        let medianSpread = (medians.min() ?? 0) > 0 ? (medians.max() ?? 0) / (medians.min() ?? 1) - 1 : 0
        if let kruskal = entry.kruskalWallis, kruskal.p < options.alpha, entry.runsThatStandOut.isEmpty,
            medianSpread >= options.minimumEffect
        {
            var details = ["Kruskal–Wallis p \(PValueText.relation(kruskal.p))"]
            if let share = entry.betweenRunShare { details.append("\(PercentText.magnitude(share)) of the variance is between runs") }
            if let low = medians.min(), let high = medians.max() {
                details.append("run medians \(durations.format(low)) to \(durations.format(high)), \(PercentText.magnitude(medianSpread)) apart")
            }
            sentences.append(
                "the runs of \(label) differ more than their iterations explain (\(details.joined(separator: "; "))), with no single run standing out")
        }

        if entry.drift.detected, let change = entry.drift.change, let p = entry.drift.pHolm ?? entry.drift.p {
            let verb = change > 0 ? "rise" : "fall"
            let test = entry.runs == 1 ? "Mann–Kendall trend test" : "seasonal Kendall test over \(entry.runs) runs"
            let adjusted = entry.drift.pHolm == nil ? "" : ", Holm-adjusted"
            sentences.append(
                "\(label) drifts within runs: times \(verb) \(PercentText.magnitude(change)) from the first to the last third of a run (\(test), p \(PValueText.relation(p))\(adjusted))")
        }

        if entry.warmup.sufficient == false {
            sentences.append("the warm-up of \(label) looks too short: \(entry.warmup.reason)")
        }

        let planned = entry.plannedFigures
        if let plan = planned.plan, let current = plan.currentWidth, current > plan.targetWidth {
            let level = PercentText.percent(plan.confidence)
            let without = entry.findingsUse == .robust ? " of the iterations that are not outlying" : ""
            let target = "a \(level) interval for the mean\(without) within ±\(PercentText.setting(plan.targetWidth / 2))"
            let now = "now ±\(PercentText.magnitude(current / 2)) from \(entry.runs) runs"
            if let runs = planned.runsNeeded {
                var advice = ""
                if let share = planned.betweenRunShare, share >= 0.5 {
                    advice = "; most of the variance is between runs, so add runs rather than iterations"
                }
                if !entry.runsThatStandOut.isEmpty {
                    let which = entry.runsThatStandOut.map { "\($0 + 1)" }.joined(separator: " and ")
                    advice += " (run \(which), which stand\(entry.runsThatStandOut.count == 1 ? "s" : "") out, \(entry.runsThatStandOut.count == 1 ? "is" : "are") part of this estimate)"
                }
                let iterations = "\(plan.iterationsPerRun) iteration\(plan.iterationsPerRun == 1 ? "" : "s")"
                sentences.append("\(label): about \(runs) runs of \(iterations) would give \(target) (\(now))\(advice)")
            } else {
                sentences.append("\(label): more than a million runs would be needed for \(target) (\(now))")
            }
        }

        if entry.runs == 1 {
            sentences.append("\(label) has a single run: \(singleRunAdvice)")
        } else if entry.runs == 2, let kruskal = entry.kruskalWallis, kruskal.p < options.alpha {
            sentences.append("\(label) has two runs that differ (Kruskal–Wallis p \(PValueText.relation(kruskal.p))): with two, neither can be said to be the odd one; measure 3 or more runs")
        }
        return sentences
    }

    static let singleRunAdvice = "how much runs differ cannot be told; measure 3 or more runs"

    static func median(_ sorted: [Double]) -> Double {
        let n = sorted.count
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }
}
