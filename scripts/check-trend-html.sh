#!/usr/bin/env bash
# Renders the trend pages of `qe-validate history report --out DIR` in headless Chromium, with
# the network cut off, and checks them as a reader's browser shows them:
#   - no page has a script or names anything to load (links to other pages and to commits are
#     navigation, allowed; no src, no url(), no @import);
#   - the index lists every series of CHANGES.json (the `history detect --format json` output for
#     the same store and options), each with a drawn trend line;
#   - every series page is laid out, its trend plot has a drawn point for every run of every
#     commit, a level line per segment, and the change points marked on the plot and listed in
#     its table are exactly those of CHANGES.json (commit and direction, in order);
#   - no page requested anything from the network (Chromium's net log, resource timing, and the
#     Content-Security-Policy's refusals).
#
# Usage:
#   qe-validate history report --out trends
#   qe-validate history detect --format json --output trends-changes.json
#   scripts/check-trend-html.sh trends trends-changes.json
# Installs Debian's chromium when it is missing. Screenshot-free; the Swift tests check the
# pages' structure without a browser.
set -euo pipefail
. "$(dirname "$0")/lib/headless-chromium.sh"

if [ $# -ne 2 ] || [ ! -d "$1" ] || [ ! -f "$2" ]; then
  echo "usage: $0 DIR CHANGES.json" >&2
  exit 64
fi
site=$(realpath "$1")
changes=$(realpath "$2")
[ -f "$site/index.html" ] || { echo "$0: $site/index.html not found" >&2; exit 66; }

chromium_ensure
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chromium_flags "$work"

pages=$(python3 -c "
import json, sys
print(' '.join(['index.html'] + ['series-%d.html' % (i + 1) for i in range(len(json.load(open(sys.argv[1]))['series']))]))
" "$changes")

# The probe frames every page and measures what the browser laid out (the pages have no script).
{
  echo '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>'
  for page in $pages; do
    echo "<iframe class=\"page\" data-page=\"$page\" src=\"file://$site/$page\" style=\"width:1100px;height:1600px;border:0\"></iframe>"
  done
  cat <<'PROBE'
<pre id="result"></pre>
<script>
var frames = Array.from(document.querySelectorAll('iframe.page')), loaded = 0;
function drawn(w, e) {
  var b = e.getBBox(), s = w.getComputedStyle(e);
  return (b.width > 0 || b.height > 0) && s.display !== 'none' && s.visibility !== 'hidden' && parseFloat(s.opacity) > 0;
}
function measure() {
  var out = {};
  frames.forEach(function (frame) {
    var page = {};
    try {
      var w = frame.contentWindow, d = frame.contentDocument;
      page.title = d.title;
      page.scripts = d.scripts.length;
      page.height = d.documentElement.scrollHeight;
      page.resources = w.performance.getEntriesByType('resource').map(function (e) { return e.name; });
      page.rows = Array.from(d.querySelectorAll('#series tbody tr')).map(function (tr) {
        var line = tr.querySelector('svg.sparkline polyline, svg.sparkline circle');
        return { series: tr.dataset.series, changePoints: tr.dataset.changePoints, name: tr.cells[0].textContent,
                 trend: line ? drawn(w, line) : false, height: tr.getBoundingClientRect().height };
      });
      var svg = d.querySelector('figure.plot svg.trend');
      if (svg) {
        var box = svg.getBoundingClientRect();
        page.plot = { width: box.width, height: box.height,
          points: Array.from(svg.querySelectorAll('.point')).filter(function (e) { return drawn(w, e); }).length,
          levels: Array.from(svg.querySelectorAll('.segment-level')).filter(function (e) { return drawn(w, e); }).length,
          marked: Array.from(svg.querySelectorAll('g.change-point')).map(function (g) {
            var line = g.querySelector('.change-line');
            return { commit: g.dataset.commit, direction: g.classList.contains('regression') ? 'regression' : 'improvement',
                     drawn: line ? drawn(w, line) : false, stroke: line ? w.getComputedStyle(line).stroke : null };
          }),
          pointFill: svg.querySelector('.point') ? w.getComputedStyle(svg.querySelector('.point')).fill : null };
      }
      page.listed = Array.from(d.querySelectorAll('#change-points tr.change-point')).map(function (tr) {
        return { commit: tr.dataset.commit, direction: tr.dataset.direction, height: tr.getBoundingClientRect().height };
      });
    } catch (e) { page.error = String(e); }
    out[frame.dataset.page] = page;
  });
  document.getElementById('result').textContent = JSON.stringify(out);
}
frames.forEach(function (frame) { frame.addEventListener('load', function () { if (++loaded === frames.length) measure(); }); });
</script>
</body></html>
PROBE
} > "$work/probe.html"

chromium "${CHROMIUM_FLAGS[@]}" --allow-file-access-from-files --virtual-time-budget=20000 \
  --log-net-log="$work/netlog.json" --enable-logging=stderr --v=0 \
  --dump-dom "file://$work/probe.html" > "$work/dom.html" 2> "$work/chromium.log" || {
  echo "check-trend-html: chromium failed:" >&2; tail -20 "$work/chromium.log" >&2; exit 70; }
chromium_page_requests "$work/netlog.json" "$work/chromium.log" > "$work/requests.txt"

PAGE_CHECK_LIB="$(dirname "$0")/lib" python3 - "$site" "$changes" "$work/dom.html" "$work/requests.txt" <<'CHECK'
import html as htmllib, json, os, re, sys
sys.path.insert(0, os.environ['PAGE_CHECK_LIB'])
from page_loads import loads

site, changes_path, dom_path, requests_path = sys.argv[1:5]
changes = json.load(open(changes_path, encoding='utf-8'))
failures = []

series = changes['series']
names = ['index.html'] + ['series-%d.html' % (i + 1) for i in range(len(series))]
for name in names:
    text = open(os.path.join(site, name), encoding='utf-8').read()
    found = loads(text, allow_links=True)
    if found:
        failures.append('%s names things to load or run: %s' % (name, '; '.join(found[:5])))
    if "content=\"default-src 'none'" not in text:
        failures.append("%s has no Content-Security-Policy of default-src 'none'" % name)

dom = open(dom_path, encoding='utf-8').read()
match = re.search(r'<pre id="result">(.*?)</pre>', dom, re.S)
probe = json.loads(htmllib.unescape(match.group(1))) if match and match.group(1).strip() else {}
if not probe:
    failures.append('the probe found nothing: the pages did not load')
for name in names:
    page = probe.get(name, {})
    if page.get('error'):
        failures.append('%s: the probe failed: %s' % (name, page['error']))
    if page.get('scripts'):
        failures.append('%s has %d script(s)' % (name, page['scripts']))
    if page.get('resources'):
        failures.append('%s loaded resources: %s' % (name, page['resources'][:3]))

rows = probe.get('index.html', {}).get('rows', [])
if len(rows) != len(series):
    failures.append('the index lists %d series, history detect %d' % (len(rows), len(series)))
for row, one in zip(rows, series):
    if row['name'] != '%s/%s' % (one['suite'], one['name']) or int(row['changePoints']) != len(one['changePoints']):
        failures.append('index row %s shows %r with %s change points; history detect: %s/%s with %d'
                        % (row['series'], row['name'], row['changePoints'], one['suite'], one['name'], len(one['changePoints'])))
    if not row['trend'] or not row['height']:
        failures.append('index row %s: no trend line drawn' % row['series'])

points_drawn = 0
for index, one in enumerate(series):
    name = names[index + 1]
    page = probe.get(name, {})
    plot = page.get('plot')
    expected = [(c['commit'], c['direction']) for c in one['changePoints']]
    if not plot or plot['width'] <= 0 or plot['height'] <= 0:
        failures.append('%s: the trend plot is not laid out' % name)
        continue
    runs = sum(min(len(p['runs']), 20) for p in one['points'])
    if plot['points'] != runs or runs == 0:
        failures.append('%s: %d points drawn, %d runs in the series' % (name, plot['points'], runs))
    if not plot.get('pointFill') or plot['pointFill'] in ('none', 'rgb(0, 0, 0)'):
        failures.append('%s: the points have no colour: the stylesheet did not apply' % name)
    if plot['levels'] != len(one['segments']):
        failures.append('%s: %d level lines drawn, %d segments' % (name, plot['levels'], len(one['segments'])))
    marked = [(m['commit'], m['direction']) for m in plot['marked']]
    if marked != expected:
        failures.append('%s: change points marked %s, history detect says %s' % (name, marked, expected))
    if not all(m['drawn'] and m['stroke'] not in (None, 'none') for m in plot['marked']):
        failures.append('%s: a change point marker is not drawn' % name)
    listed = [(l['commit'], l['direction']) for l in page.get('listed', [])]
    if listed != expected:
        failures.append('%s: change points listed %s, history detect says %s' % (name, listed, expected))
    points_drawn += plot['points']

requests = [line.strip() for line in open(requests_path, encoding='utf-8') if line.strip()]
if requests:
    failures.append('the pages made network requests: %s' % requests[:5])

if failures:
    print('check-trend-html: %s: FAILED' % site)
    for failure in failures:
        print('  - ' + failure)
    sys.exit(1)
total = sum(len(s['changePoints']) for s in series)
print('check-trend-html: %s: ok' % site)
print('  %d series on the index, each with a trend line; %d points drawn on the series pages' % (len(series), points_drawn))
print('  change points marked and listed as history detect finds them: %d' % total)
print('  no script, nothing to load; the pages made no network request')
CHECK
