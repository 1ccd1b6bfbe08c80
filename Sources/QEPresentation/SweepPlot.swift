import Foundation
import QEFormats
import QEResults
import QEValidation

/// A sweep's growth on log-log axes: one panel for time, one for the working set, each with
/// every run's value (or the one figure) per size and variant and the fitted curve a + b·nᵏ
/// through them, one curve per variant and slice of the other parameters.
///
/// A standalone SVG document (with its namespace and its own stylesheet), so the same bytes
/// can be a file of its own or sit inline in a page.
public struct SweepPlot: Sendable {
    var document: SweepDocument

    public init(document: SweepDocument) {
        self.document = document
    }

    static let panelWidth = 480.0
    static let panelHeight = 300.0
    static let left = 72.0
    static let bottom = 46.0
    static let top = 28.0
    static let right = 140.0

    /// The parameter the plot is drawn against (the crossover's, else the first fitted); nil
    /// when the sweep has no fit to draw, and then there is no plot.
    public var parameter: String? { layout?.parameter }

    /// The parameter and the panels (time, working set) that have fits against it.
    private var layout: (parameter: String, panels: [ScalingEntry.Metric])? {
        let parameter = document.along ?? document.scaling.first?.parameter
        let panels: [ScalingEntry.Metric] = [.time, .workingSetBytes].filter { metric in
            document.scaling.contains { $0.metric == metric && $0.parameter == parameter }
        }
        guard let parameter, !panels.isEmpty else { return nil }
        return (parameter, panels)
    }

    /// The SVG text of a file of its own (with the SVG namespace); nil when the sweep has no
    /// fit to draw.
    public func svg() -> String? {
        guard let inline = inlineSVG() else { return nil }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\"" + inline.dropFirst("<svg".count)
    }

    /// The SVG element for a page (a report's HTML): no namespace, which an HTML parser does
    /// not need and which would name an address; the stylesheet inside, its rules scoped to
    /// `.plot-sweep`. nil when the sweep has no fit to draw.
    public func inlineSVG() -> String? {
        guard let (parameter, panels) = layout else { return nil }
        let width = Self.panelWidth * Double(panels.count)
        var canvas = SVGCanvas(width: width, height: Self.panelHeight)
        for (index, metric) in panels.enumerated() {
            let entries = document.scaling.filter { $0.metric == metric && $0.parameter == parameter }
            draw(entries, metric: metric, parameter: parameter, offset: Self.panelWidth * Double(index), on: &canvas)
        }
        let variants = [document.baselineVariant] + (document.candidateVariant.map { [$0] } ?? [])
        let label = "\(variants.joined(separator: " and ")): \(panels.map(SweepTableRows.metricName).joined(separator: " and ")) against \(parameter), log-log, with the fitted a + b·n^k"
        var svg = canvas.svg(label: label, class: "plot-sweep")
        // The stylesheet goes after the title.
        if let title = svg.range(of: "</title>\n") {
            svg.insert(contentsOf: "<style>\(Self.style)</style>\n", at: title.upperBound)
        }
        return svg + "\n"
    }

    private func draw(_ entries: [ScalingEntry], metric: ScalingEntry.Metric, parameter: String, offset: Double, on canvas: inout SVGCanvas) {
        let sizes = entries.flatMap(\.sizes)
        let values = entries.flatMap { $0.values.flatMap { $0 } }
        let x = PlotScale(
            low: (sizes.min() ?? 1) / 1.15, high: (sizes.max() ?? 1) * 1.15, start: offset + Self.left,
            end: offset + Self.panelWidth - Self.right, logarithmic: true)
        let y = PlotScale(
            low: (values.min() ?? 1) / 1.3, high: (values.max() ?? 1) * 1.3, start: Self.panelHeight - Self.bottom,
            end: Self.top, logarithmic: true)
        canvas.beginGroup(class: "axis")
        for tick in metric == .time ? y.ticks(count: 4) : Self.binaryTicks(low: y.low, high: y.high) {
            canvas.line(x1: x.start, y1: y.position(tick), x2: x.end, y2: y.position(tick), class: "grid")
            let text = metric == .time ? DurationText.tick(tick, unit: document.unit) : ByteText.format(Int(tick.rounded()))
            canvas.text(text, x: x.start - 6, y: y.position(tick) + 4, class: "tick", anchor: "end")
        }
        for tick in Set(sizes).sorted() {
            canvas.line(x1: x.position(tick), y1: y.start, x2: x.position(tick), y2: y.start + 4, class: "axis-line")
            canvas.text(NumberText.plain(tick), x: x.position(tick), y: y.start + 17, class: "tick", anchor: "middle")
        }
        canvas.line(x1: x.start, y1: y.start, x2: x.end, y2: y.start, class: "axis-line")
        canvas.line(x1: x.start, y1: y.start, x2: x.start, y2: y.end, class: "axis-line")
        canvas.text(parameter, x: (x.start + x.end) / 2, y: Self.panelHeight - 8, class: "axis-label", anchor: "middle")
        canvas.text(
            metric == .time ? "time per iteration" : "working set", x: x.start, y: Self.top - 10, class: "axis-label")
        canvas.endGroup()
        for entry in entries {
            let role = entry.variant == document.baselineVariant ? "baseline" : "candidate"
            canvas.beginGroup(class: "variant \(role)", attributes: [("data-variant", entry.variant)])
            for (size, runs) in zip(entry.sizes, entry.values) {
                for (index, value) in runs.enumerated() {
                    let jitter = runs.count > 1 ? 2.5 * SVGCanvas.jitter(index) : 0
                    canvas.circle(x: x.position(size) + jitter, y: y.position(value), radius: 2.2, class: "point")
                }
            }
            let low = entry.sizes.min() ?? 1
            let high = entry.sizes.max() ?? 1
            let steps = 40
            var previous: (Double, Double)?
            for step in 0...steps {
                let size = low * pow(high / low, Double(step) / Double(steps))
                let point = (x.position(size), y.position(entry.intercept + entry.coefficient * pow(size, entry.exponent.estimate)))
                if let previous { canvas.line(x1: previous.0, y1: previous.1, x2: point.0, y2: point.1, class: "fit") }
                previous = point
            }
            var label = "\(entry.variant) k=\(NumberText.fixed(entry.exponent.estimate, decimals: 2))"
            if !entry.at.isEmpty { label += " (\(SweepGrid.describe(entry.at)))" }
            if let previous { canvas.text(label, x: previous.0 + 4, y: previous.1 + 4, class: "fit-label") }
            canvas.endGroup()
        }
    }

    /// Powers of two between `low` and `high`, every second or fourth one when there would be
    /// more than eight: byte counts read best as 1 MiB, 4 MiB, 16 MiB.
    static func binaryTicks(low: Double, high: Double) -> [Double] {
        guard low > 0, high > low else { return [] }
        let first = Int(ceil(log2(low)))
        let last = Int(floor(log2(high)))
        guard first <= last else { return [] }
        let step = last - first >= 16 ? 4 : (last - first >= 8 ? 2 : 1)
        return stride(from: first, through: last, by: step).map { pow(2, Double($0)) }
    }

    static let style = """
        .plot-sweep { font: 11px sans-serif; background: #fff; } \
        .plot-sweep .grid { stroke: #e4e4e4; } .plot-sweep .axis-line { stroke: #555; } \
        .plot-sweep .tick, .plot-sweep .axis-label, .plot-sweep .fit-label { fill: #333; } \
        .plot-sweep .point { fill-opacity: 0.5; stroke: none; } .plot-sweep .fit { stroke-width: 1.5; } \
        .plot-sweep .baseline .point { fill: #c0392b; } .plot-sweep .baseline .fit { stroke: #c0392b; } \
        .plot-sweep .candidate .point { fill: #2471a3; } .plot-sweep .candidate .fit { stroke: #2471a3; } \
        .plot-sweep .baseline .fit-label { fill: #c0392b; } .plot-sweep .candidate .fit-label { fill: #2471a3; }
        """
}
