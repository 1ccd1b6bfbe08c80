#!/usr/bin/env bash
# Renders a report's HTML page (qe-validate report → NAME.html) in headless Chromium, with the
# network cut off, and checks it as a reader's browser shows it:
#   - the page has no script and names nothing to load (no src/href/url()/@import to anywhere);
#   - the overall verdict and the verdict table are there, with the verdicts of NAME.json;
#   - every plot (the speedup intervals, and per workload the distributions and the runs) is
#     laid out with a non-zero size and has drawn elements;
#   - for a sweep's report: the sweep's points table with each point's verdict, and its log-log
#     plot with every run's value and each fitted curve drawn, per variant and metric;
#   - the page requested nothing: no network request initiated by the page in Chromium's net log,
#     no resource in the page's resource timing, no request refused by its Content-Security-Policy.
# Then it takes a full-page screenshot (default: NAME.png beside the page) for a person to look
# at. (The page has no script, so it looks the same with JavaScript off; Chromium's headless
# screenshot itself needs JavaScript on, so it is not switched off here.)
#
# Usage: scripts/check-report-html.sh reports/flash-attention.html [screenshot.png]
# Installs Debian's chromium when it is missing (apt-get; as root, or with sudo). The README's test
# command runs it on the committed report (scripts/pages/check.sh); the Swift tests check the
# page's structure without a browser.
set -euo pipefail
. "$(dirname "$0")/lib/headless-chromium.sh"

if [ $# -lt 1 ] || [ ! -f "$1" ]; then
  echo "usage: $0 NAME.html [screenshot.png]" >&2
  exit 64
fi
html=$(realpath "$1")
json="${html%.html}.json"
shot=$(realpath -m "${2:-${html%.html}.png}")
[ -f "$json" ] || { echo "$0: $json not found: the page is checked against its report's JSON" >&2; exit 66; }

chromium_ensure

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# No network: every connection goes to a proxy on a closed loopback port, and no host name
# resolves (scripts/lib/headless-chromium.sh); the net log check below tells the page's requests
# from the browser's by their initiator.
chromium_flags "$work"
flags=("${CHROMIUM_FLAGS[@]}")

# The probe: a page of the checker's own that frames the report and measures what the browser
# laid out (the report itself has no script).
cat > "$work/probe.html" <<PROBE
<!DOCTYPE html>
<html><head><meta charset="utf-8"></head><body>
<iframe id="report" src="file://$html" style="width:1100px;height:4000px;border:0"></iframe>
<pre id="result"></pre>
<script>
document.getElementById('report').addEventListener('load', function () {
  var out = {};
  try {
    var w = this.contentWindow, d = this.contentDocument;
    out.title = d.title;
    out.scripts = d.scripts.length;
    out.height = d.documentElement.scrollHeight;
    var overall = d.getElementById('overall-verdict');
    out.overall = overall ? { verdict: overall.dataset.verdict, text: overall.textContent.trim(),
                              background: w.getComputedStyle(overall).backgroundColor } : null;
    out.rows = Array.from(d.querySelectorAll('#verdicts tbody tr')).map(function (tr) {
      var cell = tr.querySelector('td.verdict');
      return { workload: tr.dataset.workload, verdict: tr.dataset.verdict,
               text: cell ? cell.textContent.trim() : null, color: cell ? w.getComputedStyle(cell).color : null,
               height: tr.getBoundingClientRect().height };
    });
    var visible = function (e) {
      var b = e.getBBox(), s = w.getComputedStyle(e);
      return (b.width > 0 || b.height > 0) && s.display !== 'none' && s.visibility !== 'hidden' && parseFloat(s.opacity) > 0;
    };
    out.plots = Array.from(d.querySelectorAll('figure.plot')).map(function (figure) {
      var svg = figure.querySelector('svg');
      var box = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
      var drawn = 0, kinds = {};
      if (svg) svg.querySelectorAll('circle, rect, line, path, polyline, polygon, text').forEach(function (e) {
        if (visible(e)) { drawn++; kinds[e.tagName] = (kinds[e.tagName] || 0) + 1; }
      });
      var point = svg && svg.querySelector('.point');
      // The sweep plot: per fitted variant, its drawn points and fitted-curve segments.
      var fits = svg ? Array.from(svg.querySelectorAll('g.variant[data-variant]')).map(function (g) {
        var count = function (selector) { return Array.from(g.querySelectorAll(selector)).filter(visible).length; };
        return { variant: g.dataset.variant, points: count('.point'), segments: count('.fit'),
                 stroke: (g.querySelector('.fit') ? w.getComputedStyle(g.querySelector('.fit')).stroke : null) };
      }) : [];
      return { plot: figure.dataset.plot, workload: figure.dataset.workload || null, width: box.width, height: box.height,
               drawn: drawn, kinds: kinds, pointFill: point ? w.getComputedStyle(point).fill : null, fits: fits };
    });
    out.sweepRows = Array.from(d.querySelectorAll('table.sweep-points tbody tr')).map(function (tr) {
      return { point: tr.dataset.point, verdict: tr.dataset.verdict || null, height: tr.getBoundingClientRect().height };
    });
    out.resources = w.performance.getEntriesByType('resource').map(function (e) { return e.name; });
  } catch (e) { out.error = String(e); }
  document.getElementById('result').textContent = JSON.stringify(out);
});
</script>
</body></html>
PROBE

chromium "${flags[@]}" --allow-file-access-from-files --virtual-time-budget=10000 \
  --log-net-log="$work/netlog.json" --enable-logging=stderr --v=0 \
  --dump-dom "file://$work/probe.html" > "$work/dom.html" 2> "$work/chromium.log" || {
  echo "check-report-html: chromium failed:" >&2; tail -20 "$work/chromium.log" >&2; exit 70; }

height=$(python3 -c "
import html, json, re, sys
dom = open(sys.argv[1], encoding='utf-8').read()
m = re.search(r'<pre id=\"result\">(.*?)</pre>', dom, re.S)
print(json.loads(html.unescape(m.group(1))).get('height', 4000) if m and m.group(1) else 4000)
" "$work/dom.html")
chromium "${flags[@]}" --window-size="1100,$((height + 40))" \
  --screenshot="$shot" "file://$html" > /dev/null 2> "$work/screenshot.log" || {
  echo "check-report-html: chromium could not take the screenshot:" >&2; tail -20 "$work/screenshot.log" >&2; exit 70; }

PAGE_CHECK_LIB="$(dirname "$0")/lib" python3 - "$html" "$json" "$work/dom.html" "$work/netlog.json" "$work/chromium.log" "$shot" <<'CHECK'
import html as htmllib, json, os, re, sys
sys.path.insert(0, os.environ['PAGE_CHECK_LIB'])
from page_loads import loads

page_path, json_path, dom_path, netlog_path, log_path, shot = sys.argv[1:7]
failures, notes = [], []
report = json.load(open(json_path, encoding='utf-8'))
judgement = report['judgement']
expected = [(b['name'], b['verdict']) for b in judgement['benchmarks']]

# 1. Nothing to load, no script: every attribute and stylesheet of the page as written.
page = open(page_path, encoding='utf-8').read()
found = loads(page)
if found:
    failures.append('the page names things to load or run: ' + '; '.join(found[:10]))
if not re.search(r"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'", page):
    failures.append("the page has no Content-Security-Policy of default-src 'none'")

# 2. What the browser laid out.
dom = open(dom_path, encoding='utf-8').read()
match = re.search(r'<pre id="result">(.*?)</pre>', dom, re.S)
if not match or not match.group(1).strip():
    failures.append('the probe found nothing: the page did not load in the frame')
    probe = {}
else:
    probe = json.loads(htmllib.unescape(match.group(1)))
if probe.get('error'):
    failures.append('the probe failed: ' + probe['error'])
if probe.get('scripts'):
    failures.append('the page has %d script(s)' % probe['scripts'])
overall = probe.get('overall') or {}
if overall.get('verdict') != judgement['verdict'] or overall.get('text', '').lower() != judgement['verdict']:
    failures.append('overall verdict shown as %r, the report says %r' % (overall.get('text'), judgement['verdict']))
elif overall.get('background') in (None, 'rgba(0, 0, 0, 0)'):
    failures.append('the overall verdict has no colour: the stylesheet did not apply')
rows = probe.get('rows', [])
shown = [(r['workload'], r['verdict']) for r in rows]
if shown != expected:
    failures.append('verdict table shows %s, the report says %s' % (shown, expected))
for row in rows:
    if (row.get('text') or '').lower() != row['verdict'] or not row.get('height'):
        failures.append('verdict cell of %s reads %r (expected %r, visible)' % (row['workload'], row.get('text'), row['verdict']))
plots = probe.get('plots', [])
workloads = [name for name, _ in expected]
wanted = [('speedups', None)] + [(kind, name) for name in workloads for kind in ('distribution', 'runs')]
present = [(p['plot'], p['workload']) for p in plots]
for plot in wanted:
    if plot not in present:
        failures.append('missing plot %s%s' % (plot[0], ' of ' + plot[1] if plot[1] else ''))
for p in plots:
    label = p['plot'] + (' of ' + p['workload'] if p['workload'] else '')
    minimum = 3 * len(workloads) if p['plot'] == 'speedups' else 20
    if p['width'] <= 0 or p['height'] <= 0:
        failures.append('plot %s has no size' % label)
    if p['drawn'] < minimum:
        failures.append('plot %s has %d drawn elements (at least %d expected)' % (label, p['drawn'], minimum))
    if p['plot'] != 'speedups' and (not p.get('pointFill') or p['pointFill'] in ('none', 'rgb(0, 0, 0)')):
        failures.append('plot %s: points have no variant colour (%s)' % (label, p.get('pointFill')))
# A sweep's report: the points table with each point's verdict, and the log-log plot with, per
# variant and metric fitted against the swept parameter, every run's value drawn and the fitted
# curve drawn (40 segments).
sweep = (report.get('sweep') or {}).get('sweep')
if sweep:
    shown_points = [(r['verdict'], bool(r['height'])) for r in probe.get('sweepRows', [])]
    expected_points = [(p.get('verdict'), True) for p in sweep['points']]
    if shown_points != expected_points:
        failures.append('sweep points table shows %s, the report says %s' % (shown_points, expected_points))
    parameter = sweep.get('along') or (sweep['scaling'][0]['parameter'] if sweep['scaling'] else None)
    plotted = [e for metric in ('time', 'workingSetBytes') for e in sweep['scaling']
               if e['metric'] == metric and e['parameter'] == parameter]
    sweep_plots = [p for p in plots if p['plot'] == 'sweep']
    if plotted and len(sweep_plots) != 1:
        failures.append('the sweep has fits but the page has %d sweep plot(s)' % len(sweep_plots))
    for p in sweep_plots:
        drawn_fits = [(f['variant'], f['points'], f['segments']) for f in p['fits']]
        wanted_fits = [(e['variant'], sum(len(v) for v in e['values']), 40) for e in plotted]
        if drawn_fits != wanted_fits:
            failures.append('sweep plot draws (variant, points, fitted segments) %s, the report has %s' % (drawn_fits, wanted_fits))
        for f in p['fits']:
            if not f.get('stroke') or f['stroke'] in ('none', 'rgb(0, 0, 0)'):
                failures.append('sweep plot: the fitted curve of %s has no variant colour (%s)' % (f['variant'], f.get('stroke')))
if probe.get('resources'):
    failures.append('the page loaded resources: %s' % probe['resources'][:5])

# 3. The network, as Chromium saw it: requests a page initiated (the browser's own service
#    requests have the initiator "not an origin" and are not the page's).
netlog = json.load(open(netlog_path, encoding='utf-8'))
types = {value: key for key, value in netlog['constants']['logEventTypes'].items()}
page_requests, browser_requests = set(), set()
for event in netlog['events']:
    params = event.get('params') or {}
    if types.get(event['type']) != 'URL_REQUEST_START_JOB' or 'url' not in params:
        continue
    url = params['url']
    if url.startswith(('file:', 'data:', 'about:', 'chrome:', 'blob:')):
        continue
    (browser_requests if params.get('initiator') == 'not an origin' else page_requests).add(url)
if page_requests:
    failures.append('the page requested: %s' % sorted(page_requests)[:5])
refused = [line for line in open(log_path, encoding='utf-8', errors='replace') if 'Refused to' in line]
if refused:
    failures.append('the Content-Security-Policy refused requests: %s' % refused[0].strip()[:200])

plot_count = len(plots)
points = sum(p['kinds'].get('circle', 0) for p in plots)
if failures:
    print('check-report-html: %s: FAILED' % page_path)
    for failure in failures:
        print('  - ' + failure)
    sys.exit(1)
print('check-report-html: %s: ok' % page_path)
print('  overall verdict %s; verdict table: %s' % (judgement['verdict'], ', '.join('%s %s' % row for row in shown)))
print('  %d plots laid out, each with drawn elements (%d circles in all)' % (plot_count, points))
if sweep:
    print('  sweep: %d points in the table; the log-log plot draws %s' % (
        len(sweep['points']), ', '.join('%s %d points and its fit' % (f['variant'], f['points'])
                                        for p in plots if p['plot'] == 'sweep' for f in p['fits'])))
print('  no script, nothing to load; the page made no network request (%d request(s) of Chromium\'s own services, blocked)' % len(browser_requests))
print('  screenshot: %s' % shot)
CHECK
