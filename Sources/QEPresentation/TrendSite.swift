import Foundation
import QEFormats
import QEResults
import QEValidation

/// The trend pages of `history report --out DIR`: a static, self-contained site built from a
/// `history detect` document. `index.html` lists every series with its latest level against the
/// previous one and a small trend line; `series-N.html` shows one series: every commit's runs as
/// points, each level between change points with its interval, the change points marked and
/// linked to their commits, and the table of change points.
///
/// Every page is one HTML file with inline CSS and inline SVG: no script, nothing to load (a
/// Content-Security-Policy of `default-src 'none'` says so to the browser); the only links are
/// between the pages and to the commits (`commitURL`, with `{sha}` replaced by the commit).
public struct TrendSite: Sendable {
    /// One page: its file name in the site's directory and its HTML.
    public struct Page: Sendable, Equatable {
        public var fileName: String
        public var html: String
    }

    public var document: ChangeDocument
    /// A URL with `{sha}` where the commit goes (`https://github.com/o/r/commit/{sha}`).
    public var commitURL: String?
    /// When the pages were made (shown at the foot of each).
    public var generatedAt: Date

    public static let commitPlaceholder = "{sha}"

    public init(document: ChangeDocument, commitURL: String? = nil, generatedAt: Date) {
        self.document = document
        self.commitURL = commitURL
        self.generatedAt = generatedAt
    }

    /// The file name of series `index` (0-based position in the document).
    public static func fileName(ofSeries index: Int) -> String { "series-\(index + 1).html" }

    /// Every page: the index first, then one per series in the document's order.
    /// - Complexity: O(points + runs) over the document.
    public func pages() -> [Page] {
        [Page(fileName: "index.html", html: indexPage())]
            + document.series.indices.map { Page(fileName: Self.fileName(ofSeries: $0), html: seriesPage($0)) }
    }

    /// The link to `commit`, or nil without a commit URL.
    func link(to commit: String) -> String? {
        guard let commitURL else { return nil }
        let encoded = commit.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? commit
        return commitURL.replacingOccurrences(of: Self.commitPlaceholder, with: encoded)
    }

    private func commitCell(_ commit: String) -> String {
        let short = HTMLText.escape(ChangeRows.shortCommit(commit))
        guard let url = link(to: commit) else { return "<code>\(short)</code>" }
        return "<a href=\"\(HTMLText.escape(url))\"><code>\(short)</code></a>"
    }

    private func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLText.escape(title))</title>
        <style>
        \(TrendPageStyle.css)</style>
        </head>
        <body>
        \(body)<footer>Made by qe-validate history report on \(HTMLText.escape(ISO8601Text.string(from: generatedAt)))\(document.store.map { " from " + HTMLText.escape($0) } ?? "").</footer>
        </body>
        </html>

        """
    }

    /// The latest level against the one before it: (latest, previous) segments.
    static func latestLevels(_ series: ChangeDocument.Series) -> (latest: ChangeDocument.Segment, previous: ChangeDocument.Segment?)? {
        guard let latest = series.segments.last else { return nil }
        return (latest, series.segments.dropLast().last)
    }

    func indexPage() -> String {
        var body = "<h1>Benchmark trends</h1>\n<p class=\"summary\">\(HTMLText.escape(ChangeRows.summary(document))). "
        body += HTMLText.escape(ChangeRows.legend(document)) + ".</p>\n"
        body += "<table id=\"series\">\n<thead><tr><th>benchmark</th><th>variant</th><th>machine</th><th>branch</th><th>commits</th>"
        body += "<th>latest level</th><th>previous level</th><th>change</th><th>trend</th></tr></thead>\n<tbody>\n"
        for (index, series) in document.series.enumerated() {
            let regressed = series.changePoints.last?.direction == .regression
            body += "<tr data-series=\"\(index + 1)\" data-change-points=\"\(series.changePoints.count)\"\(regressed ? " class=\"regressed\"" : "")>"
            body += "<td><a href=\"\(Self.fileName(ofSeries: index))\">\(HTMLText.escape("\(series.suite)/\(series.name)"))</a></td>"
            body += "<td>\(HTMLText.escape(series.variant))</td><td><code>\(HTMLText.escape(ChangeRows.shortMachine(series.machine)))</code></td>"
            body += "<td>\(HTMLText.escape(series.branch))</td><td class=\"number\">\(series.points.count)</td>"
            if let levels = Self.latestLevels(series) {
                let text = DurationText(reference: levels.latest.level.estimate, sourceUnit: series.unit)
                body += "<td class=\"number\">\(HTMLText.escape(text.format(levels.latest.level.estimate)))</td>"
                if let previous = levels.previous {
                    let change = series.changePoints.last?.change.estimate ?? levels.latest.level.estimate / previous.level.estimate
                    body += "<td class=\"number\">\(HTMLText.escape(text.format(previous.level.estimate)))</td>"
                    body += "<td class=\"number \(change > 1 ? "slower" : "faster")\">\(HTMLText.escape(PercentText.change(ratio: change)))</td>"
                } else {
                    body += "<td class=\"number\">–</td><td class=\"number\">no change</td>"
                }
            } else {
                body += "<td class=\"number\">–</td><td class=\"number\">–</td><td class=\"number\">–</td>"
            }
            body += "<td class=\"trend\">\(TrendSparkline(series: series).svg())</td></tr>\n"
        }
        body += "</tbody>\n</table>\n"
        return page(title: "Benchmark trends", body: body)
    }

    func seriesPage(_ index: Int) -> String {
        let series = document.series[index]
        var body = "<p class=\"nav\"><a href=\"index.html\">All series</a></p>\n"
        body += "<h1>\(HTMLText.escape(series.label))</h1>\n"
        body += "<p class=\"summary\">Machine <code>\(HTMLText.escape(series.machine))</code>, branch \(HTMLText.escape(series.branch)), "
        body += "\(ProseText.count(series.points.count, "commit")), \(ProseText.count(series.changePoints.count, "change point")).</p>\n"
        body += "<figure class=\"plot\" data-plot=\"trend\" data-series=\"\(index + 1)\">\n"
        body += TrendSeriesPlot(series: series, link: link(to:)).svg()
        body += "\n<figcaption>Each dot is one run (its median time); each line is the level of the commits between change points, "
        body += "the band its \(PercentText.percent(document.series[index].segments.first?.level.confidence ?? 0.95)) interval; "
        body += "a dashed line marks a change point (red: slower, green: faster); hollow dots are commits that stand out from their neighbours and are not taken for a change.</figcaption>\n</figure>\n"
        body += "<h2>Change points</h2>\n"
        if series.changePoints.isEmpty {
            body += "<p id=\"no-change-points\">None: the history is at one level.</p>\n"
        } else {
            body += "<table id=\"change-points\">\n<thead><tr><th>commit</th><th>previous</th><th>date</th><th>direction</th><th>change</th>"
            body += "<th>\(PercentText.percent(series.changePoints[0].change.confidence)) interval</th><th>p</th></tr></thead>\n<tbody>\n"
            for point in series.changePoints {
                body += "<tr class=\"change-point \(point.direction.rawValue)\" id=\"change-\(point.index)\" data-commit=\"\(HTMLText.escape(point.commit))\" data-index=\"\(point.index)\" data-direction=\"\(point.direction.rawValue)\">"
                body += "<td>\(commitCell(point.commit))</td><td>\(commitCell(point.previousCommit))</td>"
                body += "<td>\(HTMLText.escape(ISO8601Text.string(from: point.time)))</td><td class=\"direction\">\(point.direction.rawValue)</td>"
                body += "<td class=\"number\">\(HTMLText.escape(PercentText.change(ratio: point.change.estimate)))</td>"
                body += "<td class=\"number\">\(HTMLText.escape(PercentText.changeInterval(point.change.low, point.change.high)))</td>"
                body += "<td class=\"number\">\(HTMLText.escape(PValueText.value(point.p)))</td></tr>\n"
            }
            body += "</tbody>\n</table>\n"
        }
        body += "<h2>Levels</h2>\n<table id=\"segments\">\n<thead><tr><th>from</th><th>to</th><th>commits</th><th>level</th><th>interval</th></tr></thead>\n<tbody>\n"
        for segment in series.segments {
            let text = DurationText(reference: segment.level.estimate, sourceUnit: series.unit)
            body += "<tr class=\"segment\"><td>\(commitCell(segment.firstCommit))</td><td>\(commitCell(segment.lastCommit))</td>"
            body += "<td class=\"number\">\(segment.end - segment.start + 1)</td><td class=\"number\">\(HTMLText.escape(text.format(segment.level.estimate)))</td>"
            body += "<td class=\"number\">[\(HTMLText.escape(text.format(segment.level.low))), \(HTMLText.escape(text.format(segment.level.high)))]</td></tr>\n"
        }
        body += "</tbody>\n</table>\n"
        return page(title: series.label, body: body)
    }
}
