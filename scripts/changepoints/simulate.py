#!/usr/bin/env python3
"""Seeded simulated benchmark histories with known change points, for calibrating
`qe-validate history detect` and comparing it with Apache Otava and MongoDB's e-divisive.

Each history is a series of commits; each commit has runs (separate processes) of iterations
(per-iteration times in ns). The noise model, on the log scale, of iteration j of run r of
commit i:

    log t = log T + level(i) + drift(i) + commit(i) + run(i, r) + iteration(i, r, j)

- iteration: normal, sd `within` (lognormal iterations), and with probability `preempt` an
  iteration slowed 1.5-3x (a preempted iteration);
- run: normal, sd `between` (run-to-run shifts shared by the run's iterations); with
  probability `slow_run` the whole run is slowed 1.1-1.4x (a noisy neighbour); on a bimodal
  machine the run lands in a second mode, `bimodal_shift` slower, with probability `bimodal_p`;
- commit: normal, sd `commit` (the machine's state when the commit was measured), and with
  probability `outlier` the whole commit (every run) is 1.15-1.5x slower or faster;
- drift: an AR(1) process over commits (coefficient `drift_phi`, stationary sd `drift`);
- level: the true level, a step function whose steps are the planted change points.

Writes JSON Lines: one history per line, {"id", "scenario", "changes": [{"index", "ratio"}],
"points": [{"commit", "time", "runs": [[ns, ...], ...]}]}. The same arguments give the same
file on every machine (numpy's PCG64 seeded per history).
"""
import argparse
import json
import math
import sys

import numpy as np

NOISE = {
    # Quiet dedicated machine.
    "quiet": dict(within=0.02, between=0.015, commit=0.01),
    # A typical CI runner (this project's machine: robust 2-5% per iteration, 2-3% per run).
    "typical": dict(within=0.05, between=0.03, commit=0.015, preempt=0.02),
    "slow-runs": dict(within=0.05, between=0.03, commit=0.015, preempt=0.02, slow_run=0.08),
    "bimodal": dict(within=0.03, between=0.015, commit=0.01, bimodal_p=0.3, bimodal_shift=0.06),
    "outlying-commits": dict(within=0.05, between=0.03, commit=0.015, preempt=0.02, outlier=0.02),
    "drift": dict(within=0.05, between=0.03, commit=0.01, preempt=0.02, drift=0.006, drift_phi=0.9),
    "everything": dict(within=0.05, between=0.03, commit=0.015, preempt=0.02, slow_run=0.05,
                       bimodal_p=0.2, bimodal_shift=0.05, outlier=0.01, drift=0.004, drift_phi=0.9),
}


def draw_history(rng, noise, commits, runs, iterations, changes):
    level = np.zeros(commits)
    for index, ratio in changes:
        level[index:] += math.log(ratio)
    drift = np.zeros(commits)
    if noise.get("drift", 0) > 0:
        phi = noise["drift_phi"]
        innovation = noise["drift"] * math.sqrt(1 - phi * phi)
        state = rng.normal(0, noise["drift"])
        for i in range(commits):
            state = phi * state + rng.normal(0, innovation)
            drift[i] = state
    base = math.log(rng.uniform(1e6, 1e8))
    commit = rng.normal(0, noise["commit"], commits)
    outlying = rng.uniform(size=commits) < noise.get("outlier", 0)
    signs = np.where(rng.uniform(size=commits) < 0.5, 1.0, -1.0)
    commit += outlying * signs * np.log(rng.uniform(1.15, 1.5, commits))
    counts = np.full(commits, runs) if np.isscalar(runs) else rng.integers(runs[0], runs[1] + 1, commits)
    owner = np.repeat(np.arange(commits), counts)
    total = len(owner)
    shift = rng.normal(0, noise["between"], total)
    shift += (rng.uniform(size=total) < noise.get("slow_run", 0)) * np.log(rng.uniform(1.1, 1.4, total))
    shift += (rng.uniform(size=total) < noise.get("bimodal_p", 0)) * math.log(1 + noise.get("bimodal_shift", 0))
    run_level = base + level[owner] + drift[owner] + commit[owner] + shift
    logs = run_level[:, None] + rng.normal(0, noise["within"], (total, iterations))
    preempted = rng.uniform(size=(total, iterations)) < noise.get("preempt", 0)
    logs += preempted * np.log(rng.uniform(1.5, 3.0, (total, iterations)))
    samples = np.rint(np.exp(logs)).astype(np.int64).tolist()
    points = []
    first = 0
    for i in range(commits):
        k = int(counts[i])
        points.append({"commit": f"c{i:04d}", "time": 1_767_225_600 + 3600 * i, "runs": samples[first:first + k]})
        first += k
    return points


def plan_changes(rng, kind, commits):
    """The planted changes of one history: (index of the first commit of the new level, ratio)."""
    if kind == "none":
        return []
    if kind == "just-landed":
        after = int(rng.integers(2, 6))
        return [(commits - after, 1.08)]
    count = int(rng.integers(1, 5))
    changes = []
    while len(changes) < count:
        index = int(rng.integers(10, commits - 2))
        if all(abs(index - other) >= 10 for other, _ in changes):
            magnitude = rng.choice([1.03, 1.05, 1.08, 1.12, 1.2])
            ratio = magnitude if rng.uniform() < 0.6 else 1 / magnitude
            changes.append((index, float(ratio)))
    return sorted(changes)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kind", choices=["none", "changes", "just-landed"], required=True)
    parser.add_argument("--scenarios", default=",".join(NOISE), help="comma-separated noise scenarios")
    parser.add_argument("--histories", type=int, default=100, help="histories per scenario")
    parser.add_argument("--commits", type=int, default=200)
    parser.add_argument("--runs", default="3-5", help="runs per commit: N or LOW-HIGH")
    parser.add_argument("--iterations", type=int, default=10)
    parser.add_argument("--seed", type=int, default=20260514)
    parser.add_argument("--out", default="-")
    args = parser.parse_args()
    runs = tuple(int(v) for v in args.runs.split("-")) if "-" in args.runs else int(args.runs)
    out = sys.stdout if args.out == "-" else open(args.out, "w")
    kinds = {"none": 0, "changes": 1, "just-landed": 2}
    for s, scenario in enumerate(args.scenarios.split(",")):
        noise = NOISE[scenario]
        for h in range(args.histories):
            rng = np.random.default_rng([args.seed, kinds[args.kind], s, h])
            changes = plan_changes(rng, args.kind, args.commits)
            points = draw_history(rng, noise, args.commits, runs, args.iterations, changes)
            record = {"id": f"{args.kind}-{scenario}-{h}", "scenario": scenario,
                      "changes": [{"index": i, "ratio": r} for i, r in changes], "points": points}
            out.write(json.dumps(record, separators=(",", ":")) + "\n")
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
