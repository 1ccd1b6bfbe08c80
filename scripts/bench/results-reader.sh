#!/usr/bin/env bash
# Reading a qe-validate/results@1 file of 2 x 10^6 samples, in a release build, three ways side by
# side in one process: the strict reader (its own parser with the exact fast number conversion),
# the same reader with C strtod for every number (what DecimalConversion saves), and Foundation's
# JSONDecoder into Decodable structs of the same schema (then the same validation). Medians of
# REPEATS runs, per file: whole nanoseconds, and seconds as Swift prints them.
#
#   scripts/bench/results-reader.sh [SAMPLES_PER_SIDE=1000000] [REPEATS=5]
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --product qe-results-bench >/dev/null
echo "## Machine"
echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //') ($(nproc) cores)"
echo "- $(swift --version 2>/dev/null | head -1)"
echo
echo "## Reading a results file (median and fastest of the repeats, seconds)"
.build/release/qe-results-bench "${1:-1000000}" "${2:-5}"
