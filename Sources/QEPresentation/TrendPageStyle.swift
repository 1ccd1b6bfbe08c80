/// The stylesheet of the trend pages, inline in each page (nothing to load).
enum TrendPageStyle {
    static let css = """
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2430; margin: 24px auto; max-width: 1000px; padding: 0 12px; }
        h1 { font-size: 22px; } h2 { font-size: 17px; margin-top: 28px; }
        table { border-collapse: collapse; margin: 8px 0; }
        th, td { padding: 4px 10px; border-bottom: 1px solid #dde2ea; text-align: left; vertical-align: middle; }
        td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
        .slower, tr.regression td.direction { color: #b42318; font-weight: 600; }
        .faster, tr.improvement td.direction { color: #067647; font-weight: 600; }
        tr.regressed td:first-child { border-left: 4px solid #d92d20; }
        .summary { color: #475467; } footer { margin-top: 32px; color: #667085; font-size: 12px; }
        svg { display: block; overflow: visible; font-size: 11px; }
        .grid { stroke: #eaecf0; stroke-width: 1; } .axis-line { stroke: #98a2b3; stroke-width: 1; }
        .tick { fill: #667085; }
        .point { fill: #2e6fdb; fill-opacity: 0.7; stroke: none; }
        .outlying .point { fill: #ffffff; stroke: #2e6fdb; stroke-width: 1; }
        .segment-band { fill: #f79009; fill-opacity: 0.18; stroke: none; }
        .segment-level { stroke: #dc6803; stroke-width: 2; }
        .change-line { stroke-width: 1.5; stroke-dasharray: 4 3; }
        .regression .change-line, .change-line.regression { stroke: #d92d20; }
        .improvement .change-line, .change-line.improvement { stroke: #079455; }
        .change-target { fill: #000000; fill-opacity: 0; }
        .spark { fill: none; stroke: #2e6fdb; stroke-width: 1.2; }
        .sparkline .segment-level { stroke-width: 1.5; }

        """
}
