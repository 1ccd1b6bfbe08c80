import QEFormats
import QEValidation

/// The speedup of every judged workload against its claimed range: one row per workload, the
/// claimed range shaded, the simultaneous interval as a bar coloured by its verdict, the
/// estimate as a dot, on a logarithmic axis with a dashed line at 1x (no speedup).
public struct SpeedupIntervalPlot {
    var benchmarks: [ClaimedBenchmark]
    var intervalConfidence: Double

    public init(benchmarks: [ClaimedBenchmark], intervalConfidence: Double) {
        self.benchmarks = benchmarks
        self.intervalConfidence = intervalConfidence
    }

    /// The plot as inline SVG.
    public func svg() -> String {
        let labelWidth = 170.0
        let verdictWidth = 110.0
        let width = 860.0
        let rowHeight = 40.0
        let top = 34.0
        let bottom = 44.0
        let height = top + rowHeight * Double(benchmarks.count) + bottom
        var values = [1.0]
        for benchmark in benchmarks {
            values += [benchmark.speedup.low, benchmark.speedup.high, benchmark.speedup.estimate, benchmark.claim.low]
            if benchmark.claim.high.isFinite { values.append(benchmark.claim.high) }
        }
        let finite = values.filter { $0.isFinite && $0 > 0 }
        let scale = PlotScale(
            low: (finite.min() ?? 0.5) / 1.3, high: (finite.max() ?? 2) * 1.3,
            start: labelWidth + 10, end: width - verdictWidth - 10, logarithmic: true)
        var canvas = SVGCanvas(width: width, height: height)
        let axisY = top + rowHeight * Double(benchmarks.count)

        // Grid and axis.
        canvas.beginGroup(class: "axis")
        for tick in scale.ticks() {
            let x = scale.position(tick)
            canvas.line(x1: x, y1: top - 6, x2: x, y2: axisY, class: "grid")
            canvas.text(RatioText.tick(tick), x: x, y: axisY + 18, class: "tick", anchor: "middle")
        }
        canvas.line(x1: scale.start, y1: axisY, x2: scale.end, y2: axisY, class: "axis-line")
        canvas.text("speedup (\(PercentText.percent(intervalConfidence)) simultaneous intervals, log scale)", x: (scale.start + scale.end) / 2, y: axisY + 38, class: "axis-label", anchor: "middle")
        if scale.contains(1) {
            let x = scale.position(1)
            canvas.line(x1: x, y1: top - 10, x2: x, y2: axisY, class: "reference")
            canvas.text("1x: no speedup", x: x + 4, y: top - 14, class: "note")
        }
        canvas.endGroup()

        // Legend, at the right (the 1x line is usually at the left).
        let legend = scale.end - 290
        canvas.rect(x: legend, y: 6, width: 22, height: 10, class: "claim")
        canvas.text("claimed range", x: legend + 28, y: 15, class: "legend")
        canvas.line(x1: legend + 140, y1: 11, x2: legend + 166, y2: 11, class: "interval")
        canvas.circle(x: legend + 153, y: 11, radius: 4, class: "estimate")
        canvas.text("interval and estimate", x: legend + 174, y: 15, class: "legend")

        for (index, benchmark) in benchmarks.enumerated() {
            let y = top + rowHeight * (Double(index) + 0.5)
            let verdict = benchmark.verdict.rawValue
            canvas.beginGroup(class: "row verdict-\(verdict)", attributes: [("data-workload", benchmark.name), ("data-verdict", verdict)])
            canvas.text(benchmark.name, x: labelWidth, y: y + 4, class: "label", anchor: "end")
            let claimHigh = benchmark.claim.high.isFinite ? scale.position(benchmark.claim.high) : scale.end
            canvas.rect(
                x: scale.position(benchmark.claim.low), y: y - 11, width: claimHigh - scale.position(benchmark.claim.low), height: 22,
                class: "claim", title: "claimed \(benchmark.claim)")
            if !benchmark.claim.high.isFinite {
                canvas.text("→", x: scale.end - 12, y: y + 4, class: "note")
            }
            let low = scale.position(benchmark.speedup.low)
            let high = scale.position(benchmark.speedup.high)
            let interval = "\(benchmark.name): \(RatioText.ratio(benchmark.speedup.estimate)) \(RatioText.interval(benchmark.speedup.low, benchmark.speedup.high)), \(verdict)"
            canvas.line(x1: low, y1: y, x2: high, y2: y, class: "interval", title: interval)
            canvas.line(x1: low, y1: y - 7, x2: low, y2: y + 7, class: "interval")
            canvas.line(x1: high, y1: y - 7, x2: high, y2: y + 7, class: "interval")
            canvas.circle(x: scale.position(benchmark.speedup.estimate), y: y, radius: 5, class: "estimate", title: interval)
            canvas.text(verdict.uppercased(), x: width - verdictWidth + 6, y: y + 4, class: "verdict-label")
            canvas.endGroup()
        }
        return canvas.svg(
            label: "Speedup intervals against the claimed ranges: " + benchmarks.map { "\($0.name) \($0.verdict.rawValue)" }.joined(separator: ", "),
            class: "plot-speedups")
    }
}
