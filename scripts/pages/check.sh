#!/usr/bin/env bash
# Checks every kind of HTML page qe-validate writes in headless Chromium, as part of the README's
# test command: the committed report (scripts/check-report-html.sh), the report of the committed
# dim-64 kernel sweep (its points, crossover, fits and log-log plot; judged from the file, nothing
# measured), and the trend pages of a seeded demo history (scripts/pages/demo-history.py →
# history add → history report, checked against history detect by scripts/check-trend-html.sh).
# Uses the debug build `swift test` leaves; everything it writes goes to a temporary directory,
# removed afterwards.
#
# Usage: scripts/pages/check.sh [QE_VALIDATE_BINARY]
set -euo pipefail
cd "$(dirname "$0")/../.."
binary=${1:-.build/debug/qe-validate}
[ -x "$binary" ] || swift build --product qe-validate
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

echo "== report page: reports/flash-attention.html"
scripts/check-report-html.sh reports/flash-attention.html "$scratch/report.png"

echo "== report page of a sweep: reports/kernel-sweep-dim64.json"
mkdir "$scratch/sweep-report"
"$binary" report reports/kernel-sweep-dim64.json --claim 1.1x --out "$scratch/sweep-report" --name kernel-sweep \
  --date 2026-12-06T00:00:00Z >/dev/null || [ $? -eq 1 ]  # exit 1: the claim is refuted at the smallest sizes
scripts/check-report-html.sh "$scratch/sweep-report/kernel-sweep.html" "$scratch/sweep-report.png"

echo "== trend pages of a demo history"
python3 scripts/pages/demo-history.py "$scratch/history"
store="sqlite:$scratch/history.sqlite"
"$binary" history add "$scratch"/history/*.json --store "$store" --branch main >/dev/null
"$binary" history report --store "$store" --out "$scratch/trends" >/dev/null
"$binary" history detect --store "$store" --format json --output "$scratch/changes.json"
scripts/check-trend-html.sh "$scratch/trends" "$scratch/changes.json"
