import QEFormats
import QEResults
import QEValidation

/// One workload's runs side by side: for each run (a separate process) the iterations of both
/// variants in two columns with their medians, on a shared vertical time axis, and the run's
/// speedup beneath when the runs are paired — so a run that differs from the others shows.
public struct RunsPlot {
    var distribution: WorkloadDistribution
    /// Per run, the iterations of each variant (run k of both is column pair k).
    var baselineRuns: [[Double]]
    var candidateRuns: [[Double]]

    public init(distribution: WorkloadDistribution, baselineRuns: [[Double]], candidateRuns: [[Double]]) {
        self.distribution = distribution
        self.baselineRuns = baselineRuns
        self.candidateRuns = candidateRuns
    }

    /// The plot as inline SVG.
    public func svg() -> String {
        let width = 860.0
        let left = 84.0
        let right = 16.0
        let top = 14.0
        let plotHeight = 190.0
        let height = top + plotHeight + (distribution.runSpeedups == nil ? 40 : 58)
        let unit = distribution.unit
        let scale = PlotScale.fitting(
            [distribution.baseline.pooled.min, distribution.baseline.pooled.max, distribution.candidate.pooled.min, distribution.candidate.pooled.max],
            start: top + plotHeight, end: top)
        var canvas = SVGCanvas(width: width, height: height)
        let runCount = max(baselineRuns.count, candidateRuns.count, 1)
        let groupWidth = (width - left - right) / Double(runCount)

        canvas.beginGroup(class: "axis")
        for tick in scale.ticks(count: 4) {
            let y = scale.position(tick)
            canvas.line(x1: left, y1: y, x2: width - right, y2: y, class: "grid")
            canvas.text(DurationText.tick(tick, unit: unit), x: left - 6, y: y + 4, class: "tick", anchor: "end")
        }
        canvas.line(x1: left, y1: top, x2: left, y2: top + plotHeight, class: "axis-line")
        canvas.endGroup()

        let maximumPerColumn = max(DistributionPlot.maximumPoints / runCount, 50)
        for run in 0..<runCount {
            let groupLeft = left + groupWidth * Double(run)
            canvas.beginGroup(class: "run", attributes: [("data-run", String(run + 1))])
            if run % 2 == 1 {
                canvas.rect(x: groupLeft, y: top, width: groupWidth, height: plotHeight, class: "run-band")
            }
            let columns: [([[Double]], String, String, Double)] = [
                (baselineRuns, "baseline", distribution.baseline.variant, 0.32), (candidateRuns, "candidate", distribution.candidate.variant, 0.68),
            ]
            for (runs, role, variant, offset) in columns where run < runs.count {
                let x = groupLeft + groupWidth * offset
                let spread = min(groupWidth * 0.13, 14)
                var samples = runs[run]
                if samples.count > maximumPerColumn {
                    let sorted = samples.sorted()
                    samples = (0..<maximumPerColumn).map { sorted[$0 * (sorted.count - 1) / (maximumPerColumn - 1)] }
                }
                canvas.beginGroup(class: "variant \(role)", attributes: [("data-variant", variant)])
                for (index, value) in samples.enumerated() {
                    canvas.circle(x: x + spread * SVGCanvas.jitter(index), y: scale.position(value), radius: 2, class: "point")
                }
                let box = role == "baseline" ? distribution.baseline.runs[safe: run]?.box : distribution.candidate.runs[safe: run]?.box
                if let box {
                    let y = scale.position(box.median)
                    canvas.line(
                        x1: x - spread - 4, y1: y, x2: x + spread + 4, y2: y, class: "median",
                        title: "run \(run + 1), \(variant): median \(DurationText(reference: box.median, sourceUnit: unit).format(box.median)), \(box.n) iterations")
                }
                canvas.endGroup()
            }
            let centre = groupLeft + groupWidth / 2
            canvas.text(runCount > 24 ? String(run + 1) : "run \(run + 1)", x: centre, y: top + plotHeight + 16, class: "tick", anchor: "middle")
            if let speedups = distribution.runSpeedups, run < speedups.count {
                canvas.text(RatioText.ratio(speedups[run]), x: centre, y: top + plotHeight + 32, class: "run-speedup", anchor: "middle")
            }
            canvas.endGroup()
        }
        let note = distribution.runSpeedups == nil ? "runs (not paired)" : "runs; beneath each: its speedup (ratio of geometric means)"
        canvas.text(note, x: (left + width - right) / 2, y: height - 6, class: "axis-label", anchor: "middle")
        return canvas.svg(
            label: "\(distribution.name): \(runCount) runs side by side, \(distribution.baseline.variant) and \(distribution.candidate.variant)",
            class: "plot-runs")
    }
}
