#!/bin/sh
# How often the 95% interval of a scaling fit's exponent (QEStatistics' ScalingFit, the run
# bootstrap) covers the true exponent: seeded, the same table on every run.
#
#   scripts/simulation/scaling_coverage.sh [EXPERIMENTS] [REPLICATES] [SEED]
#
# Defaults: 1000 experiments per scenario, 1000 bootstrap replicates, seed 2026 (about 7 min
# of CPU in a release build). The table goes into scripts/simulation/README.md.
set -eu
cd "$(dirname "$0")/../.."
swift build -c release --product qe-scaling-simulation >&2
.build/release/qe-scaling-simulation "${1:-1000}" "${2:-1000}" "${3:-2026}"
