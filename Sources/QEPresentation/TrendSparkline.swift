import QEValidation

/// A small trend line of one series for the index page: the commits' levels, the level of each
/// stretch between change points, and the change points as ticks (red slower, green faster).
struct TrendSparkline {
    var series: ChangeDocument.Series

    func svg() -> String {
        let width = 160.0, height = 36.0, pad = 3.0
        var canvas = SVGCanvas(width: width, height: height)
        let scale = PlotScale.fitting(series.points.map(\.level), start: height - pad, end: pad)
        let count = max(series.points.count - 1, 1)
        func x(_ index: Double) -> Double { pad + (width - 2 * pad) * index / Double(count) }
        if series.points.count > 1 {
            canvas.polyline(series.points.enumerated().map { (x(Double($0.offset)), scale.position($0.element.level)) }, class: "spark")
        } else if let only = series.points.first {
            canvas.circle(x: width / 2, y: scale.position(only.level), radius: 2, class: "point")
        }
        for segment in series.segments {
            let y = scale.position(segment.level.estimate)
            canvas.line(x1: x(Double(segment.start)), y1: y, x2: x(Double(segment.end)), y2: y, class: "segment-level")
        }
        for change in series.changePoints {
            let position = x(Double(change.index) - 0.5)
            canvas.line(x1: position, y1: 0, x2: position, y2: height, class: "change-line \(change.direction.rawValue)")
        }
        return canvas.svg(label: "\(series.label): trend of \(series.points.count) commits", class: "sparkline")
    }
}
