/// The report page's stylesheet, inline in its `<style>` element: the page loads nothing.
enum ReportHTMLStyle {
    static let css = """
        :root { --holds: #2e7d32; --exceeds: #1565c0; --refuted: #c62828; --inconclusive: #b26a00;
                --baseline: #4c72b0; --candidate: #dd8452; --ink: #1d1d1f; --muted: #5f6368; --rule: #d7dbe0; }
        * { box-sizing: border-box; }
        body { font: 15px/1.5 -apple-system, "Segoe UI", "DejaVu Sans", Helvetica, Arial, sans-serif; color: var(--ink);
               max-width: 980px; margin: 0 auto; padding: 24px 20px 60px; background: #fff; }
        h1 { font-size: 26px; line-height: 1.25; margin: 0 0 12px; }
        h2 { font-size: 20px; margin: 36px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); }
        h3 { font-size: 16px; margin: 24px 0 6px; }
        p, li { max-width: 75ch; }
        code, pre, .mono { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 13px; }
        pre { background: #f5f6f8; padding: 10px 12px; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
        table { border-collapse: collapse; margin: 10px 0; font-size: 14px; }
        th, td { border-bottom: 1px solid var(--rule); padding: 5px 10px; text-align: left; vertical-align: top; }
        th { font-weight: 600; background: #f5f6f8; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        #verdicts td, table.variation td, table.memory td { white-space: nowrap; }
        .overall { display: inline-block; font-weight: 700; font-size: 18px; padding: 4px 12px; border-radius: 4px; color: #fff; }
        .overall.verdict-validated { background: var(--holds); }
        .overall.verdict-not-validated { background: var(--refuted); }
        .overall.verdict-inconclusive { background: var(--inconclusive); }
        td.verdict { font-weight: 700; text-transform: uppercase; font-size: 13px; }
        .verdict-holds { color: var(--holds); } .verdict-exceeds { color: var(--exceeds); }
        .verdict-refuted { color: var(--refuted); } .verdict-inconclusive { color: var(--inconclusive); }
        .reason { font-size: 16px; }
        .muted, figcaption { color: var(--muted); font-size: 13px; }
        figure { margin: 14px 0 22px; }
        svg { max-width: 100%; height: auto; display: block; font-size: 12px; }
        svg text { fill: var(--ink); font-family: inherit; }
        svg .tick, svg .note, svg .legend, svg .axis-label { fill: var(--muted); font-size: 11px; }
        svg .label { font-size: 13px; font-weight: 600; }
        svg .grid { stroke: #eceef1; stroke-width: 1; }
        svg .axis-line { stroke: #9aa0a6; stroke-width: 1; }
        svg .reference { stroke: #5f6368; stroke-width: 1; stroke-dasharray: 4 3; }
        svg .claim { fill: #dfeedd; stroke: #9cc29a; stroke-width: 1; }
        svg .interval { stroke: var(--ink); stroke-width: 3; stroke-linecap: round; }
        svg .estimate { fill: #fff; stroke: var(--ink); stroke-width: 2.5; }
        svg .verdict-holds .interval, svg .verdict-holds .estimate { stroke: var(--holds); }
        svg .verdict-exceeds .interval, svg .verdict-exceeds .estimate { stroke: var(--exceeds); }
        svg .verdict-refuted .interval, svg .verdict-refuted .estimate { stroke: var(--refuted); }
        svg .verdict-inconclusive .interval, svg .verdict-inconclusive .estimate { stroke: var(--inconclusive); }
        svg .verdict-label { font-weight: 700; font-size: 12px; }
        svg .verdict-holds .verdict-label { fill: var(--holds); } svg .verdict-exceeds .verdict-label { fill: var(--exceeds); }
        svg .verdict-refuted .verdict-label { fill: var(--refuted); } svg .verdict-inconclusive .verdict-label { fill: var(--inconclusive); }
        svg .point { fill-opacity: 0.45; stroke: none; }
        svg .baseline .point { fill: var(--baseline); } svg .candidate .point { fill: var(--candidate); }
        svg .box { fill-opacity: 0.18; stroke-width: 1.5; }
        svg .baseline .box { fill: var(--baseline); stroke: var(--baseline); } svg .candidate .box { fill: var(--candidate); stroke: var(--candidate); }
        svg .whisker { stroke: #5f6368; stroke-width: 1.2; }
        svg .median { stroke: var(--ink); stroke-width: 2.5; }
        svg .run-band { fill: #f6f7f9; stroke: none; }
        svg .run-speedup { font-size: 11px; font-weight: 600; }
        .key { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin: 0 4px 0 10px; vertical-align: baseline; }
        .key.baseline { background: var(--baseline); } .key.candidate { background: var(--candidate); }
        .digest { word-break: break-all; }
        @media print { body { max-width: none; } h2 { break-after: avoid; } figure { break-inside: avoid; } }
        """
}
