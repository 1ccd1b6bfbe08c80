
/// Builds the text of an inline SVG image: elements with coordinates rounded to 0.1 px (so the
/// same data give the same bytes), text escaped, styling by CSS class (the page's stylesheet).
/// No `xmlns` is needed inside HTML, so the image names no URL at all.
struct SVGCanvas {
    let width: Double
    let height: Double
    private(set) var body = ""

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// `value` rounded to a tenth, without a trailing `.0`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded)
    }

    private static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(HTMLText.escape($0.1))\"" }.joined()
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, class name: String, title: String? = nil) {
        element("line", [("x1", Self.number(x1)), ("y1", Self.number(y1)), ("x2", Self.number(x2)), ("y2", Self.number(y2)), ("class", name)], title: title)
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, class name: String, title: String? = nil) {
        element("rect", [("x", Self.number(x)), ("y", Self.number(y)), ("width", Self.number(max(width, 0.5))), ("height", Self.number(max(height, 0.5))), ("class", name)], title: title)
    }

    mutating func circle(x: Double, y: Double, radius: Double, class name: String, title: String? = nil) {
        element("circle", [("cx", Self.number(x)), ("cy", Self.number(y)), ("r", Self.number(radius)), ("class", name)], title: title)
    }

    mutating func text(_ content: String, x: Double, y: Double, class name: String, anchor: String = "start") {
        body += "<text x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" class=\"\(HTMLText.escape(name))\" text-anchor=\"\(anchor)\">\(HTMLText.escape(content))</text>\n"
    }

    /// Starts a group (`<g class=…>`); close it with ``endGroup()``.
    mutating func beginGroup(class name: String, attributes extra: [(String, String)] = []) {
        body += "<g" + Self.attributes([("class", name)] + extra) + ">\n"
    }

    mutating func endGroup() {
        body += "</g>\n"
    }

    /// Starts a link (`<a href=…>`) around what follows; close it with ``endLink()``. A link
    /// navigates when followed; it loads nothing.
    mutating func beginLink(_ href: String, title: String? = nil) {
        body += "<a" + Self.attributes([("href", href)]) + ">\n"
        if let title { body += "<title>\(HTMLText.escape(title))</title>\n" }
    }

    mutating func endLink() {
        body += "</a>\n"
    }

    /// A line through `points` (x, y).
    mutating func polyline(_ points: [(Double, Double)], class name: String) {
        let coordinates = points.map { "\(Self.number($0.0)),\(Self.number($0.1))" }.joined(separator: " ")
        element("polyline", [("points", coordinates), ("class", name)], title: nil)
    }

    private mutating func element(_ name: String, _ pairs: [(String, String)], title: String?) {
        if let title {
            body += "<\(name)\(Self.attributes(pairs))><title>\(HTMLText.escape(title))</title></\(name)>\n"
        } else {
            body += "<\(name)\(Self.attributes(pairs))/>\n"
        }
    }

    /// The complete `<svg>` element, with a title for screen readers and as a tooltip.
    func svg(label: String, class name: String) -> String {
        "<svg class=\"\(HTMLText.escape(name))\" viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(label))\" preserveAspectRatio=\"xMinYMin meet\">\n<title>\(HTMLText.escape(label))</title>\n"
            + body + "</svg>"
    }

    /// A deterministic offset in [−1, 1) for the `index`-th point (the golden-ratio sequence),
    /// to spread points without randomness.
    static func jitter(_ index: Int) -> Double {
        let value = Double(index) * 0.618_033_988_749_895
        return 2 * (value - value.rounded(.down)) - 1
    }
}
