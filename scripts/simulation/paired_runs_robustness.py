#!/usr/bin/env python3
"""Coverage and width of the paired-runs speedup interval (PairedRunsSpeedup.swift) with each
per-run level (RunLogLevel.swift), on clean and on contaminated data.

The design of DESIGN.md section 3: 5 runs x 30 iterations per variant, lognormal noise
(within-run CV 1%, 3%, 8% or 10%), a run effect (CV 5%) shared by both variants of a run, a
true speedup of 3. The interval is the t interval (4 df) on the per-run log speedups
d_k = level(baseline run k) - level(candidate run k), at 95%.

Contamination (slow iterations of a factor F, as preemption makes them):
  both-2-of-30     2 of the 30 iterations of every run of both variants
  one-2-of-30      2 of the 30 iterations of one variant per run (chosen at random)
  candidate-2-of-30  2 of the 30 iterations of every candidate run (a biased, one-sided hit)
  binomial-2/30    each iteration independently with probability 2/30
The contaminated experiments reuse the clean experiments' draws, so a width ratio compares the
same experiment with and without the slow iterations.

Seeded (NumPy PCG64): the same tables every run. About a minute on one core.
Usage: python3 scripts/simulation/paired_runs_robustness.py
"""

import numpy as np
from scipy import stats

import robust_rules as rules

SEED = 20261127
EXPERIMENTS = 10_000
RUNS, ITERATIONS = 5, 30
RUN_EFFECT_CV = 0.05
TRUE_LOG_SPEEDUP = np.log(3.0)
T_QUANTILE = stats.t.ppf(0.975, RUNS - 1)


def experiments(rng, cv):
    """Log times, shape (variant, experiment, run, iteration); variant 0 is the baseline."""
    shared = rules.log_sigma(RUN_EFFECT_CV) * rng.standard_normal((EXPERIMENTS, RUNS, 1))
    sigma = rules.log_sigma(cv)
    logs = np.empty((2, EXPERIMENTS, RUNS, ITERATIONS))
    logs[0] = TRUE_LOG_SPEEDUP + shared + sigma * rng.standard_normal((EXPERIMENTS, RUNS, ITERATIONS))
    logs[1] = shared + sigma * rng.standard_normal((EXPERIMENTS, RUNS, ITERATIONS))
    return logs


def two_of_thirty(rng):
    """A 0/1 mask of shape (experiment, run, iteration) with 2 random iterations per run."""
    order = np.argsort(rng.random((EXPERIMENTS, RUNS, ITERATIONS)), axis=-1)[..., :2]
    mask = np.zeros((EXPERIMENTS, RUNS, ITERATIONS))
    np.put_along_axis(mask, order, 1.0, axis=-1)
    return mask


def contaminate(rng, logs, scheme, factor):
    slow = np.log(factor)
    logs = logs.copy()
    if scheme == "both-2-of-30":
        logs[0] += slow * two_of_thirty(rng)
        logs[1] += slow * two_of_thirty(rng)
    elif scheme == "one-2-of-30":
        mask = two_of_thirty(rng)
        baseline_hit = (rng.random((EXPERIMENTS, RUNS)) < 0.5)[..., None]
        logs[0] += slow * mask * baseline_hit
        logs[1] += slow * mask * ~baseline_hit
    elif scheme == "candidate-2-of-30":
        logs[1] += slow * two_of_thirty(rng)
    elif scheme == "binomial-2/30":
        logs += slow * (rng.random(logs.shape) < 2 / 30)
    else:
        raise ValueError(scheme)
    return logs


def interval(logs, level):
    d = level(logs[0]) - level(logs[1])
    centre = d.mean(axis=-1)
    half = T_QUANTILE * d.std(axis=-1, ddof=1) / np.sqrt(RUNS)
    return centre - half, centre + half


def main():
    rng = np.random.default_rng(SEED)
    scenarios = [("both-2-of-30", 20), ("one-2-of-30", 20), ("candidate-2-of-30", 20),
                 ("binomial-2/30", 20), ("binomial-2/30", 5), ("binomial-2/30", 2)]
    print(f"{EXPERIMENTS:,} experiments per row; coverage of the true speedup by the 95% interval;"
          " width = mean of log(high/low); ratio = mean contaminated width / mean clean width\n")
    header = "| within-run CV | run level | clean coverage | clean width | " + " | ".join(
        f"{scheme} x{factor}: coverage, ratio" for scheme, factor in scenarios) + " |"
    print(header)
    print("|---" * (4 + len(scenarios)) + "|")
    for cv in [0.01, 0.03, 0.08, 0.10]:
        clean = experiments(rng, cv)
        contaminated = [contaminate(rng, clean, scheme, factor) for scheme, factor in scenarios]
        for name, level in rules.RUN_LEVELS.items():
            low, high = interval(clean, level)
            clean_width = np.mean(high - low)
            cells = [f"{cv:.0%}", name, f"{np.mean((low <= TRUE_LOG_SPEEDUP) & (TRUE_LOG_SPEEDUP <= high)):.1%}",
                     f"{clean_width:.4f}"]
            for logs in contaminated:
                low, high = interval(logs, level)
                coverage = np.mean((low <= TRUE_LOG_SPEEDUP) & (TRUE_LOG_SPEEDUP <= high))
                cells.append(f"{coverage:.1%}, {np.mean(high - low) / clean_width:.2f}")
            print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
