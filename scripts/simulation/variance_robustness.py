#!/usr/bin/env python3
"""Classical against robust variance components (RobustVarianceComponents.swift) on a quiet
file and the same file with preempted iterations, as issue 19 describes.

Quiet: 5 runs x 30 lognormal iterations (within-run CV 3% or 8%, between-run CV 2%).
Busy: the same draws with 4 of the 150 iterations (random runs and places) made x20, or
x3, slower. For each, on times (not logs), as `qe-validate variance` computes them: the
within-run CV (sqrt(MSW) / mean), the runs of 30 iterations needed for a 95% interval 2% wide
(+-1%), and the typical time (geometric mean of run means). Robust: the same, with the
outlying iterations (robust_rules.outlying) left out of each run.

Seeded (NumPy PCG64). Usage: python3 scripts/simulation/variance_robustness.py
"""

import math

import numpy as np
from scipy import stats

import robust_rules as rules

SEED = 20261128
EXPERIMENTS = 2_000
RUNS, ITERATIONS = 5, 30


def components(runs):
    """MSW, sigma_b^2 (ANOVA, unequal sizes) and the mean of the run means."""
    sizes = np.array([len(r) for r in runs], dtype=float)
    means = np.array([np.mean(r) for r in runs])
    n, k = sizes.sum(), len(runs)
    grand = np.concatenate(runs).mean()
    msw = sum(((r - m) ** 2).sum() for r, m in zip(runs, means)) / (n - k)
    msb = (sizes * (means - grand) ** 2).sum() / (k - 1)
    n0 = (n - (sizes ** 2).sum() / n) / (k - 1)
    return msw, max(0.0, (msb - msw) / n0), means


def runs_needed(msw, between, mean, width=0.02, per_run=ITERATIONS, confidence=0.95):
    variance = between + msw / per_run
    runs = max(2, math.ceil((2 * stats.norm.ppf(1 - (1 - confidence) / 2)) ** 2 * variance / (width * mean) ** 2))
    while 2 * stats.t.ppf(1 - (1 - confidence) / 2, runs - 1) * math.sqrt(variance / runs) / mean > width:
        runs += 1
    return runs


def figures(runs):
    msw, between, means = components(runs)
    mean = means.mean()
    return math.sqrt(msw) / mean, runs_needed(msw, between, mean), math.exp(np.mean(np.log(means)))


def trimmed(runs):
    return [r[~rules.outlying(np.log(r))] for r in runs]


def main():
    rng = np.random.default_rng(SEED)
    print(f"{EXPERIMENTS:,} experiments per row; medians over experiments (busy / quiet ratios per experiment)\n")
    print("| within CV | slow | figures | within CV quiet, busy | runs for +-1% quiet, busy | busy/quiet runs (median; share within 3x) | typical time busy/quiet |")
    print("|---|---|---|---|---|---|---|")
    for cv in [0.03, 0.08]:
        sigma_w, sigma_b = rules.log_sigma(cv), rules.log_sigma(0.02)
        for factor in [20, 3]:
            rows = {"classical": [], "robust": []}
            for _ in range(EXPERIMENTS):
                logs = sigma_b * rng.standard_normal((RUNS, 1)) + sigma_w * rng.standard_normal((RUNS, ITERATIONS))
                quiet = np.exp(logs)
                slow = logs.copy().reshape(-1)
                slow[rng.choice(RUNS * ITERATIONS, 4, replace=False)] += math.log(factor)
                busy = np.exp(slow.reshape(RUNS, ITERATIONS))
                quiet_runs, busy_runs = list(quiet), list(busy)
                rows["classical"].append((figures(quiet_runs), figures(busy_runs)))
                rows["robust"].append((figures(trimmed(quiet_runs)), figures(trimmed(busy_runs))))
            for name, pairs in rows.items():
                q = np.array([p[0] for p in pairs])
                b = np.array([p[1] for p in pairs])
                ratio = b[:, 1] / q[:, 1]
                print(f"| {cv:.0%} | 4 of 150 x{factor} | {name} | {np.median(q[:, 0]):.1%}, {np.median(b[:, 0]):.1%}"
                      f" | {np.median(q[:, 1]):.0f}, {np.median(b[:, 1]):.0f}"
                      f" | {np.median(ratio):.2f}; {np.mean((ratio <= 3) & (ratio >= 1 / 3)):.1%}"
                      f" | {np.median(b[:, 2] / q[:, 2]):.4f} |")


if __name__ == "__main__":
    main()
