#!/usr/bin/env bash
# qe-validate's performance, measured in release builds, side by side with its peers on this
# machine: SciPy end to end, R in process, and the hierarchical bootstrap on its own.
# Needs python3 with NumPy and SciPy, and R (apt-get install -y r-base-core) for the R line.
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/ensure-deps.sh
swift build -c release --product qe-validate >/dev/null
swift build -c release --product qe-validate-bench >/dev/null
bin=.build/release
out=bench-out
mkdir -p "$out"

echo "## Machine"
echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //') ($(nproc) cores)"
echo "- OS: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
echo "- $(swift --version 2>/dev/null | head -1)"
echo "- Python $(python3 -c 'import sys, scipy; print(sys.version.split()[0], "SciPy", scipy.__version__)')"
command -v Rscript >/dev/null && echo "- $(Rscript -e 'cat(R.version.string)')"
echo

echo "## End to end: 10^6 samples per side, compare --format json vs json.load + scipy.stats.mannwhitneyu"
[ -f "$out/large-1e6.json" ] || python3 scripts/bench/make_large_results.py 1000000 "$out/large-1e6.json"
python3 scripts/bench/time_commands.py 5 \
  qe-validate "$bin/qe-validate compare $out/large-1e6.json --format json" \
  scipy "python3 scripts/bench/scipy_compare.py $out/large-1e6.json"
echo

echo "## Hodges–Lehmann estimate and 95% interval in process"
"$bin/qe-validate-bench" hodges-lehmann 10000 5
if command -v Rscript >/dev/null; then
  Rscript scripts/bench/r_hodges_lehmann.R 10000 3
else
  echo "(R not installed: apt-get install -y r-base-core for the R figure)"
fi
"$bin/qe-validate-bench" hodges-lehmann 1000000 3
echo

echo "## Hierarchical bootstrap: 10 runs x 1,000 iterations per side, B = 10,000"
"$bin/qe-validate-bench" bootstrap 10 1000 10000 3
