import QEFormats
import QEValidation

/// The trend of one series as inline SVG: commits along the horizontal axis (oldest left), time
/// up the vertical one; every run of every commit a dot, each level between change points a line
/// with its interval as a band, each change point a dashed line between its two commits, linked
/// to the commit (or to its row of the page's table without a commit URL).
struct TrendSeriesPlot {
    var series: ChangeDocument.Series
    var link: (String) -> String?

    static let width = 960.0
    static let maximumRunsPerCommit = 20

    func svg() -> String {
        let width = Self.width
        let left = 84.0, right = 16.0, top = 14.0, plotHeight = 260.0
        let height = top + plotHeight + 36
        let unit = series.unit
        var values = series.points.flatMap(\.runs) + series.points.map(\.level)
        values += series.segments.flatMap { [$0.level.low, $0.level.high] }
        let scale = PlotScale.fitting(values, start: top + plotHeight, end: top)
        let count = max(series.points.count, 1)
        let step = (width - left - right) / Double(count)
        func x(_ index: Double) -> Double { left + step * (index + 0.5) }
        var canvas = SVGCanvas(width: width, height: height)

        canvas.beginGroup(class: "axis")
        for tick in scale.ticks(count: 4) {
            let y = scale.position(tick)
            canvas.line(x1: left, y1: y, x2: width - right, y2: y, class: "grid")
            canvas.text(DurationText.tick(tick, unit: unit), x: left - 6, y: y + 4, class: "tick", anchor: "end")
        }
        canvas.line(x1: left, y1: top, x2: left, y2: top + plotHeight, class: "axis-line")
        let labelEvery = max(1, count / 8)
        for index in stride(from: 0, to: series.points.count, by: labelEvery) {
            canvas.text(ChangeRows.shortCommit(series.points[index].commit).prefix(7).description, x: x(Double(index)), y: top + plotHeight + 16, class: "tick", anchor: "middle")
        }
        canvas.endGroup()

        canvas.beginGroup(class: "segments")
        for segment in series.segments {
            let x1 = x(Double(segment.start) - 0.5), x2 = x(Double(segment.end) + 0.5)
            let text = DurationText(reference: segment.level.estimate, sourceUnit: unit)
            let title = "level \(text.format(segment.level.estimate)) [\(text.format(segment.level.low)), \(text.format(segment.level.high))], commits \(segment.start + 1)–\(segment.end + 1)"
            let high = scale.position(segment.level.high), low = scale.position(segment.level.low)
            canvas.rect(x: x1, y: high, width: x2 - x1, height: low - high, class: "segment-band", title: title)
            let y = scale.position(segment.level.estimate)
            canvas.line(x1: x1, y1: y, x2: x2, y2: y, class: "segment-level", title: title)
        }
        canvas.endGroup()

        canvas.beginGroup(class: "runs")
        let spread = min(step * 0.3, 6)
        for (index, point) in series.points.enumerated() {
            canvas.beginGroup(class: point.outlying ? "commit outlying" : "commit", attributes: [("data-commit", point.commit), ("data-index", String(index))])
            let text = DurationText(reference: point.level, sourceUnit: unit)
            var runs = point.runs
            if runs.count > Self.maximumRunsPerCommit {
                let sorted = runs.sorted()
                runs = (0..<Self.maximumRunsPerCommit).map { sorted[$0 * (sorted.count - 1) / (Self.maximumRunsPerCommit - 1)] }
            }
            for (run, value) in runs.enumerated() {
                canvas.circle(
                    x: x(Double(index)) + spread * SVGCanvas.jitter(run), y: scale.position(value), radius: 2.2, class: "point",
                    title: "\(ChangeRows.shortCommit(point.commit)): run \(run + 1) \(text.format(value)); commit level \(text.format(point.level))")
            }
            canvas.endGroup()
        }
        canvas.endGroup()

        canvas.beginGroup(class: "change-points")
        for change in series.changePoints {
            let position = x(Double(change.index) - 0.5)
            let title = "\(change.direction.rawValue) at \(ChangeRows.shortCommit(change.commit)): \(PercentText.change(ratio: change.change.estimate)) \(PercentText.changeInterval(change.change.low, change.change.high)), p \(PValueText.relation(change.p))"
            canvas.beginLink(link(change.commit) ?? "#change-\(change.index)", title: title)
            canvas.beginGroup(class: "change-point \(change.direction.rawValue)", attributes: [("data-commit", change.commit), ("data-index", String(change.index))])
            canvas.line(x1: position, y1: top, x2: position, y2: top + plotHeight, class: "change-line")
            canvas.rect(x: position - 5, y: top, width: 10, height: plotHeight, class: "change-target")
            canvas.endGroup()
            canvas.endLink()
        }
        canvas.endGroup()
        return canvas.svg(label: "\(series.label): every run of every commit, the levels and the change points", class: "trend")
    }
}
