#!/usr/bin/env python3
"""The peer of `qe-validate compare --format json` in the end-to-end benchmark: load the same
results file and run scipy.stats.mannwhitneyu (asymptotic), printing the result as JSON."""
import json
import sys

from scipy import stats

with open(sys.argv[1]) as handle:
    document = json.load(handle)
sides = {b["variant"]: [s for run in b["runs"] for s in run["samples"]] for b in document["benchmarks"]}
result = stats.mannwhitneyu(sides["baseline"], sides["flash"], alternative="two-sided", method="asymptotic")
print(json.dumps({"u": float(result.statistic), "p": float(result.pvalue)}))
