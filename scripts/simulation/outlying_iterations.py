#!/usr/bin/env python3
"""Calibrates the outlying-iteration rule (OutlyingIterationRule.swift) by simulation.

1. Clean runs: iterations lognormal with a coefficient of variation of 1%, 3% or 10%, runs of
   10 to 500 iterations. Reports the share of iterations flagged and the share of runs with any
   iteration flagged, for the standard k = 5 and for k = 4 and 6 (why 5).
2. Planted slow iterations: 2 of 30, 4 of 100 or 8 of 200 iterations made x1.5 ... x20 slower;
   reports the share of planted iterations flagged.

Seeded (NumPy PCG64), so it prints the same tables every time. About a minute on one core.
Usage: python3 scripts/simulation/outlying_iterations.py
"""

import numpy as np

import robust_rules as rules

SEED = 20261126
CVS = [0.01, 0.03, 0.10]
RUN_LENGTHS = [10, 20, 30, 50, 100, 200, 500]
ITERATIONS_PER_CELL = 4_000_000


def clean_rates(rng, n, cv, ks):
    runs = max(1, ITERATIONS_PER_CELL // n)
    sigma = rules.log_sigma(cv)
    flagged = {k: 0 for k in ks}
    runs_with_any = {k: 0 for k in ks}
    done = 0
    while done < runs:
        chunk = min(20_000, runs - done)
        logs = sigma * rng.standard_normal((chunk, n))
        for k in ks:
            mask = rules.outlying(logs, k=k)
            flagged[k] += int(mask.sum())
            runs_with_any[k] += int(mask.any(axis=1).sum())
        done += chunk
    return {k: (flagged[k] / (runs * n), runs_with_any[k] / runs) for k in ks}, runs


def detection(rng, n, planted, cv, factor, runs=20_000):
    sigma = rules.log_sigma(cv)
    logs = sigma * rng.standard_normal((runs, n))
    logs[:, :planted] += np.log(factor)
    mask = rules.outlying(logs)
    return mask[:, :planted].mean(), mask[:, planted:].mean()


def main():
    rng = np.random.default_rng(SEED)
    ks = [4.0, 5.0, 6.0]
    print("## Clean lognormal runs: share of iterations flagged / share of runs with any flagged\n")
    print("| iterations per run | CV | runs simulated | " + " | ".join(f"k = {k:g}" for k in ks) + " |")
    print("|---|---|---|" + "---|" * len(ks))
    for n in RUN_LENGTHS:
        for cv in CVS:
            rates, runs = clean_rates(rng, n, cv, ks)
            cells = " | ".join(f"{it:.1e} / {run:.2%}" for it, run in (rates[k] for k in ks))
            print(f"| {n} | {cv:.0%} | {runs:,} | {cells} |")
    print("\n## Planted slow iterations (k = 5): share of planted iterations flagged"
          " (share of the other iterations flagged)\n")
    factors = [1.2, 1.5, 2, 3, 5, 20]
    print("| run | CV | " + " | ".join(f"x{f:g}" for f in factors) + " |")
    print("|---|---|" + "---|" * len(factors))
    for n, planted in [(30, 2), (100, 4), (200, 8), (30, 6)]:
        for cv in CVS:
            cells = []
            for factor in factors:
                hit, false = detection(rng, n, planted, cv, factor)
                cells.append(f"{hit:.1%} ({false:.0e})")
            print(f"| {planted} of {n} | {cv:.0%} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
