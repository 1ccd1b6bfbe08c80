#!/usr/bin/env python3
"""Classical and robust figures of a quiet and a busy results file (issue 19), by hand.

    python3 scripts/reference/noisy_neighbours.py [QUIET BUSY]

Defaults to examples/noisy-neighbours/quiet.json and busy.json. For every benchmark of each
file, computed here from the definitions (scripts/reference/robust_variance.py), as
`qe-validate variance` plans (target width 2%, confidence 0.95, cost ratio = mean warm-up time
per run / mean iteration time, iterations per run = the Kalibera & Jones optimum or else the
current count):
- classical: variance components of every iteration, runs needed, optimal iterations per run,
  typical time (geometric mean of the run means);
- robust: the same without the outlying iterations (OutlyingIterationRule.standard), and how
  many were outlying, the worst and the mildest;
and for every workload of each file, the paired-runs speedup interval with the mean log time
of each run (today's) and with the mean log time of its iterations that are not outlying; and
between the files, the one-way ANOVA of the log run levels (classical and robust).

On the default files it writes Tests/QEStatisticsTests/Reference/noisy-neighbours.json (with the
raw samples, so the Swift tests need neither the example files nor Python); on any files it
prints the Markdown tables of examples/noisy-neighbours/README.md.
"""

import json
import math
import os
import sys

from scipy import stats

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import robust_variance as rv  # noqa: E402

ROOT = rv.ROOT
OUT = os.path.join(ROOT, "Tests", "QEStatisticsTests", "Reference", "noisy-neighbours.json")
TARGET_WIDTH = 0.02


def plan(components, runs, warmup_per_run):
    cost = warmup_per_run / components["grandMean"]
    if not (cost > 0 and math.isfinite(cost)):
        cost = 1.0
    t2 = components["t2Squared"]
    optimal = None if t2 <= 0 else max(1, math.ceil(math.sqrt(cost * components["t1Squared"] / t2)))
    per_run = optimal if optimal is not None else max(1, round(rv.median([len(r) for r in runs])))
    needed, _ = rv.runs_needed(components, TARGET_WIDTH, per_run)
    return {"costRatio": cost, "optimalIterationsPerRun": optimal, "iterationsPerRun": per_run, "runsNeeded": needed,
            "withinRunCV": math.sqrt(components["withinMeanSquare"]) / components["grandMean"]}


def benchmark_figures(runs, warmups):
    warmup_per_run = math.fsum(math.fsum(w) for w in warmups) / len(runs)
    case = rv.robust_case("", runs)
    classical = rv.components(runs)
    robust = case["robust"]
    return {
        "count": case["count"], "of": case["of"], "worst": case["worst"], "mildest": case["mildest"],
        "outlyingPerRun": [r["outlying"] for r in case["perRun"]],
        "warmupPerRun": warmup_per_run,
        "classical": dict(plan(classical, runs, warmup_per_run), typicalTime=case["classicalTypicalTime"]),
        "robust": dict(plan(robust, runs, warmup_per_run), typicalTime=case["typicalTime"]),
    }


def paired(baseline, candidate):
    case = rv.paired_case("", baseline, candidate)
    return {level: {k: case["levels"][level][k] for k in ("estimate", "low", "high")}
            for level in ("meanLog", "meanLogWithoutOutlyingIterations")}


def load(path):
    with open(path) as f:
        document = json.load(f)
    assert document["unit"] == "ns", "the example files are in nanoseconds"
    return document


def main():
    paths = sys.argv[1:3] or [os.path.join(ROOT, "examples", "noisy-neighbours", name) for name in ("quiet.json", "busy.json")]
    files = []
    for path in paths:
        document = load(path)
        benchmarks = []
        for b in document["benchmarks"]:
            runs = [[float(s) for s in r["samples"]] for r in b["runs"]]
            warmups = [[float(s) for s in r.get("warmup", [])] for r in b["runs"]]
            entry = {"name": b["name"], "variant": b["variant"], "runs": runs, "warmups": warmups}
            entry.update(benchmark_figures(runs, warmups))
            benchmarks.append(entry)
        workloads = []
        for name in dict.fromkeys(b["name"] for b in benchmarks):
            base = next(b for b in benchmarks if b["name"] == name and b["variant"] == "baseline")
            flash = next(b for b in benchmarks if b["name"] == name and b["variant"] == "flash")
            workloads.append({"name": name, "speedup": paired(base["runs"], flash["runs"])})
        files.append({"file": os.path.basename(path), "benchmarks": benchmarks, "workloads": workloads})

    between = []
    for quiet in files[0]["benchmarks"]:
        busy = next(b for b in files[1]["benchmarks"] if (b["name"], b["variant"]) == (quiet["name"], quiet["variant"]))
        row = {"name": quiet["name"], "variant": quiet["variant"]}
        for kind in ("classical", "robust"):
            groups = []
            for b in (quiet, busy):
                kept = b["runs"] if kind == "classical" else [
                    [t for i, t in enumerate(r) if i not in set(out)] for r, out in zip(b["runs"], b["outlyingPerRun"])]
                groups.append([math.log(rv.mean(r)) for r in kept])
            f, p = stats.f_oneway(*groups)
            row[kind] = {"quiet": quiet[kind]["typicalTime"], "busy": busy[kind]["typicalTime"],
                         "ratio": busy[kind]["typicalTime"] / quiet[kind]["typicalTime"], "f": float(f), "p": float(p)}
        between.append(row)

    document = {
        "generatedBy": "Generated by scripts/reference/noisy_neighbours.py. Do not edit.",
        "description": "Classical and robust variance figures, paired-runs intervals and between-file levels of "
                       "examples/noisy-neighbours/quiet.json and busy.json.",
        "targetWidth": TARGET_WIDTH, "files": files, "betweenFiles": between,
    }
    if not sys.argv[1:]:
        with open(OUT, "w") as f:
            f.write(rv.encode(document) + "\n")

    print("| benchmark | file | outlying | worst | within CV classical, robust | runs for ±1% classical, robust (iterations per run) | typical time classical, robust |")
    print("|---|---|---|---|---|---|---|")
    for quiet in files[0]["benchmarks"]:
        for f in files:
            b = next(x for x in f["benchmarks"] if (x["name"], x["variant"]) == (quiet["name"], quiet["variant"]))
            c, r = b["classical"], b["robust"]
            worst = b["worst"]
            worst_text = f"×{worst['ratioToMedian']:.1f} ({worst['time'] / 1e6:.3f} ms)" if worst else "—"
            print(f"| {b['name']}/{b['variant']} | {f['file']} | {b['count']} of {b['of']} | {worst_text}"
                  f" | {c['withinRunCV']:.1%}, {r['withinRunCV']:.1%}"
                  f" | {c['runsNeeded']} ({c['iterationsPerRun']}), {r['runsNeeded']} ({r['iterationsPerRun']})"
                  f" | {c['typicalTime'] / 1e3:.1f} µs, {r['typicalTime'] / 1e3:.1f} µs |")
    print("\n| benchmark | busy ÷ quiet typical time classical (ANOVA p) | robust (ANOVA p) | busy ÷ quiet runs needed classical | robust |")
    print("|---|---|---|---|---|")
    for row in between:
        q = next(x for x in files[0]["benchmarks"] if (x["name"], x["variant"]) == (row["name"], row["variant"]))
        b = next(x for x in files[1]["benchmarks"] if (x["name"], x["variant"]) == (row["name"], row["variant"]))
        print(f"| {row['name']}/{row['variant']} | {row['classical']['ratio']:.3f} (p = {row['classical']['p']:.2g})"
              f" | {row['robust']['ratio']:.3f} (p = {row['robust']['p']:.2g})"
              f" | {b['classical']['runsNeeded'] / q['classical']['runsNeeded']:.2g}"
              f" | {b['robust']['runsNeeded'] / q['robust']['runsNeeded']:.2g} |")
    print("\n| workload | file | paired-runs speedup, mean log (today) | without outlying iterations |")
    print("|---|---|---|---|")
    for f in files:
        for w in f["workloads"]:
            s = w["speedup"]
            print(f"| {w['name']} | {f['file']} | {s['meanLog']['estimate']:.3f} ({s['meanLog']['low']:.3f}–{s['meanLog']['high']:.3f})"
                  f" | {s['meanLogWithoutOutlyingIterations']['estimate']:.3f}"
                  f" ({s['meanLogWithoutOutlyingIterations']['low']:.3f}–{s['meanLogWithoutOutlyingIterations']['high']:.3f}) |")


if __name__ == "__main__":
    main()
