import QEFormats
import QEResults
import QEValidation

/// One workload's iterations, both variants on one time axis: every iteration a point (spread
/// vertically so they do not hide each other), over a box of the quartiles with Tukey's
/// whiskers and the median.
public struct DistributionPlot {
    var distribution: WorkloadDistribution
    /// The iterations of each variant, in the distribution's unit.
    var baselineSamples: [Double]
    var candidateSamples: [Double]

    /// At most this many points per variant are drawn (evenly through the sorted values); the
    /// boxes always use every iteration.
    static let maximumPoints = 2000

    public init(distribution: WorkloadDistribution, baselineSamples: [Double], candidateSamples: [Double]) {
        self.distribution = distribution
        self.baselineSamples = baselineSamples
        self.candidateSamples = candidateSamples
    }

    /// The plot as inline SVG.
    public func svg() -> String {
        let width = 860.0
        let labelWidth = 110.0
        let rowHeight = 62.0
        let top = 12.0
        let height = top + 2 * rowHeight + 44
        let unit = distribution.unit
        let scale = PlotScale.fitting(
            [distribution.baseline.pooled.min, distribution.baseline.pooled.max, distribution.candidate.pooled.min, distribution.candidate.pooled.max],
            start: labelWidth + 10, end: width - 20)
        var canvas = SVGCanvas(width: width, height: height)
        let axisY = top + 2 * rowHeight

        canvas.beginGroup(class: "axis")
        for tick in scale.ticks(count: 6) {
            let x = scale.position(tick)
            canvas.line(x1: x, y1: top, x2: x, y2: axisY, class: "grid")
            canvas.text(DurationText.tick(tick, unit: unit), x: x, y: axisY + 16, class: "tick", anchor: "middle")
        }
        canvas.line(x1: scale.start, y1: axisY, x2: scale.end, y2: axisY, class: "axis-line")
        canvas.text("time per iteration\(scale.logarithmic ? " (log scale)" : "")", x: (scale.start + scale.end) / 2, y: axisY + 36, class: "axis-label", anchor: "middle")
        canvas.endGroup()

        let rows: [(WorkloadDistribution.Variant, [Double], String)] = [
            (distribution.baseline, baselineSamples, "baseline"), (distribution.candidate, candidateSamples, "candidate"),
        ]
        for (index, (variant, samples, role)) in rows.enumerated() {
            let y = top + rowHeight * (Double(index) + 0.5)
            canvas.beginGroup(class: "variant \(role)", attributes: [("data-variant", variant.variant)])
            canvas.text(variant.variant, x: labelWidth, y: y + 4, class: "label", anchor: "end")
            for (pointIndex, value) in Self.thinned(samples).enumerated() {
                canvas.circle(x: scale.position(value), y: y + 20 * SVGCanvas.jitter(pointIndex), radius: 2.2, class: "point")
            }
            let box = variant.pooled
            let summary = "\(variant.variant): median \(DurationText(reference: box.median, sourceUnit: unit).format(box.median)), quartiles \(DurationText(reference: box.q1, sourceUnit: unit).format(box.q1))–\(DurationText(reference: box.q1, sourceUnit: unit).format(box.q3)), \(box.n) iterations"
            canvas.line(x1: scale.position(box.lowerWhisker), y1: y, x2: scale.position(box.q1), y2: y, class: "whisker")
            canvas.line(x1: scale.position(box.q3), y1: y, x2: scale.position(box.upperWhisker), y2: y, class: "whisker")
            canvas.line(x1: scale.position(box.lowerWhisker), y1: y - 8, x2: scale.position(box.lowerWhisker), y2: y + 8, class: "whisker")
            canvas.line(x1: scale.position(box.upperWhisker), y1: y - 8, x2: scale.position(box.upperWhisker), y2: y + 8, class: "whisker")
            canvas.rect(x: scale.position(box.q1), y: y - 14, width: scale.position(box.q3) - scale.position(box.q1), height: 28, class: "box", title: summary)
            canvas.line(x1: scale.position(box.median), y1: y - 14, x2: scale.position(box.median), y2: y + 14, class: "median", title: summary)
            canvas.endGroup()
        }
        return canvas.svg(
            label: "\(distribution.name): time per iteration of \(distribution.baseline.variant) and \(distribution.candidate.variant)",
            class: "plot-distribution")
    }

    /// `samples` sorted, thinned evenly to at most ``maximumPoints``.
    static func thinned(_ samples: [Double]) -> [Double] {
        guard samples.count > maximumPoints else { return samples }
        let sorted = samples.sorted()
        return (0..<maximumPoints).map { sorted[$0 * (sorted.count - 1) / (maximumPoints - 1)] }
    }
}
