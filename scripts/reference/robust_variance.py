#!/usr/bin/env python3
"""Hand computation of the robust figures of issue 19, for the Swift tests.

    python3 scripts/reference/robust_variance.py

Writes Tests/QEStatisticsTests/Reference/robust-variance.json. Everything is computed here from
the definitions, in plain Python on sorted lists (math.log, math.exp), without any of
qe-validate's code; SciPy gives only the t and normal quantiles.

- Outlying iterations (OutlyingIterationRule): per run of n >= minimumIterations, on log times
  x: m = median(x) (R's median), s = 1.4826 * median|x - m|, outlying when
  x - m > max(k * s, log(rho)). Per run: exp(m), s, the fence exp(m + max(k s, log rho)), the
  indexes; the count, N, the worst and the mildest (ratio to exp(m)).
- TrimmedRuns: the runs without those iterations, their arithmetic means, the typical time
  exp(mean(log(run means))).
- RobustVarianceComponents: one-way ANOVA of the kept times (MSW, MSB, n0 = (N - sum n_i^2 / N)
  / (K - 1), sigma_b^2 = max(0, (MSB - MSW) / n0), ICC), Kalibera & Jones' T1^2 = MSW,
  S2^2 = var(run means), T2^2 = S2^2 - T1^2 * mean(1 / n_i), optimal iterations
  max(1, ceil(sqrt(c * T1^2 / T2^2))) (none when T2^2 <= 0), the runs needed: the fewest K >= 2
  with 2 t(1 - alpha/2, K - 1) sqrt((sigma_b^2 + MSW / r) / K) / mean(run means) <= width, and
  the current width 2 t(1 - alpha/2, K - 1) sqrt(S2^2 / K) / mean(run means). The same planning
  of the classical components (every iteration kept) is given for contrast.
- Paired runs (PairedRunsSpeedup with each RunLogLevel): per-run levels (mean log, median log,
  mean log of the iterations that are not outlying), d_k = baseline level - candidate level,
  exp of the t interval on d (K - 1 df).

The data are drawn with NumPy's PCG64 from fixed seeds and rounded to whole nanoseconds, with
slow iterations planted by hand at stated places. Numbers are written with %.17g.
"""

import math
import os
import platform

import numpy as np
import scipy
from scipy import stats

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
OUT = os.path.join(ROOT, "Tests", "QEStatisticsTests", "Reference", "robust-variance.json")
MAD_CONSTANT = 1.4826
STANDARD_RULE = {"fenceMultiplier": 5.0, "minimumRatio": 1.1, "minimumIterations": 10}
CONFIDENCE = 0.95


# ---- Definitions ------------------------------------------------------------------------------

def median(values):
    v = sorted(values)
    n = len(v)
    return v[n // 2] if n % 2 == 1 else (v[n // 2 - 1] + v[n // 2]) / 2


def mean(values):
    return math.fsum(values) / len(values)


def sample_variance(values):
    m = mean(values)
    return math.fsum((x - m) ** 2 for x in values) / (len(values) - 1)


def judge_run(times, rule):
    logs = [math.log(t) for t in times]
    centre = median(logs)
    spread = MAD_CONSTANT * median([abs(x - centre) for x in logs])
    if len(times) < rule["minimumIterations"]:
        return {"median": math.exp(centre), "logSpread": spread, "fence": None, "outlying": []}
    threshold = max(rule["fenceMultiplier"] * spread, math.log(rule["minimumRatio"]))
    outlying = [i for i, x in enumerate(logs) if x - centre > threshold]
    return {"median": math.exp(centre), "logSpread": spread, "fence": math.exp(centre + threshold),
            "outlying": outlying}


def components(runs):
    sizes = [len(r) for r in runs]
    n, k = sum(sizes), len(runs)
    run_means = [mean(r) for r in runs]
    grand = mean([x for r in runs for x in r])
    ssw = math.fsum((x - m) ** 2 for r, m in zip(runs, run_means) for x in r)
    ssb = math.fsum(s * (m - grand) ** 2 for s, m in zip(sizes, run_means))
    msw, msb = ssw / (n - k), ssb / (k - 1)
    n0 = (n - sum(s * s for s in sizes) / n) / (k - 1)
    between = max(0.0, (msb - msw) / n0)
    s2 = sample_variance(run_means)
    t2 = s2 - msw * mean([1 / s for s in sizes])
    return {"N": n, "K": k, "runMeans": run_means, "grandMean": grand, "meanOfRunMeans": mean(run_means),
            "withinMeanSquare": msw, "betweenMeanSquare": msb, "n0": n0, "betweenVariance": between,
            "icc": between / (between + msw) if between + msw > 0 else None,
            "t1Squared": msw, "varianceOfRunMeans": s2, "t2Squared": t2}


def t_quantile(confidence, df):
    return float(stats.t.ppf(1 - (1 - confidence) / 2, df))


def runs_needed(c, width, per_run, confidence=CONFIDENCE):
    variance = c["betweenVariance"] + c["withinMeanSquare"] / per_run
    centre = c["meanOfRunMeans"]
    if variance <= 0:
        return 2, None
    z = float(stats.norm.ppf(1 - (1 - confidence) / 2))
    runs = max(2, math.ceil((2 * z * math.sqrt(variance) / (width * centre)) ** 2))

    def expected(k):
        return 2 * t_quantile(confidence, k - 1) * math.sqrt(variance / k) / centre

    while expected(runs) > width:
        runs += 1
    return runs, expected(runs)


def planning(c, cost_ratios, targets):
    optimal = []
    for ratio in cost_ratios:
        t2 = c["t2Squared"]
        optimal.append(None if t2 <= 0 else max(1, math.ceil(math.sqrt(ratio * c["t1Squared"] / t2))))
    needed = []
    for width, per_run in targets:
        runs, expected = runs_needed(c, width, per_run)
        needed.append({"width": width, "iterationsPerRun": per_run, "runs": runs, "expectedWidth": expected})
    current = 2 * t_quantile(CONFIDENCE, c["K"] - 1) * math.sqrt(c["varianceOfRunMeans"] / c["K"]) / c["meanOfRunMeans"]
    return {"costRatios": cost_ratios, "optimalIterations": optimal, "runsNeeded": needed, "currentWidth": current}


def robust_case(name, runs, rule=STANDARD_RULE, cost_ratios=(1.0, 10.0, 100.0), targets=((0.02, 30), (0.1, 10))):
    judged = [judge_run(r, rule) for r in runs]
    flagged = [{"run": i, "index": j, "time": runs[i][j], "ratioToMedian": runs[i][j] / judged[i]["median"]}
               for i in range(len(runs)) for j in judged[i]["outlying"]]
    kept = [[t for j, t in enumerate(r) if j not in set(judged[i]["outlying"])] for i, r in enumerate(runs)]
    kept_means = [mean(r) for r in kept]
    case = {
        "name": name, "rule": rule, "runs": runs,
        "perRun": judged, "count": len(flagged), "of": sum(len(r) for r in runs),
        "outlying": flagged,
        "worst": max(flagged, key=lambda f: f["ratioToMedian"]) if flagged else None,
        "mildest": min(flagged, key=lambda f: f["ratioToMedian"]) if flagged else None,
        "keptRuns": kept, "keptRunMeans": kept_means,
        "typicalTime": math.exp(mean([math.log(m) for m in kept_means])),
        "classicalTypicalTime": math.exp(mean([math.log(mean(r)) for r in runs])),
    }
    if len(runs) >= 2:
        robust = components(kept)
        classical = components(runs)
        case["robust"] = robust
        case["robustPlanning"] = planning(robust, list(cost_ratios), list(targets))
        case["classicalPlanning"] = planning(classical, list(cost_ratios), list(targets))
    return case


def run_levels(times, rule=STANDARD_RULE):
    logs = [math.log(t) for t in times]
    outlying = set(judge_run(times, rule)["outlying"])
    kept = [x for i, x in enumerate(logs) if i not in outlying]
    return {"meanLog": mean(logs), "medianLog": median(logs), "meanLogWithoutOutlyingIterations": mean(kept)}


def paired_case(name, baseline, candidate):
    levels = {}
    for level in ["meanLog", "medianLog", "meanLogWithoutOutlyingIterations"]:
        b = [run_levels(r)[level] for r in baseline]
        c = [run_levels(r)[level] for r in candidate]
        d = [x - y for x, y in zip(b, c)]
        k = len(d)
        half = t_quantile(CONFIDENCE, k - 1) * math.sqrt(sample_variance(d) / k)
        levels[level] = {"baselineLevels": b, "candidateLevels": c, "logRatios": d,
                         "estimate": math.exp(mean(d)), "low": math.exp(mean(d) - half), "high": math.exp(mean(d) + half)}
    return {"name": name, "baselineRuns": baseline, "candidateRuns": candidate, "confidence": CONFIDENCE, "levels": levels}


# ---- Data -------------------------------------------------------------------------------------

def lognormal_runs(seed, runs, iterations, centre, within_cv, between_cv):
    rng = np.random.Generator(np.random.PCG64(seed))
    sw, sb = math.sqrt(math.log1p(within_cv ** 2)), math.sqrt(math.log1p(between_cv ** 2))
    sizes = iterations if isinstance(iterations, list) else [iterations] * runs
    out = []
    for size in sizes:
        level = math.log(centre) + sb * float(rng.standard_normal())
        out.append([float(round(math.exp(level + sw * float(z)))) for z in rng.standard_normal(size)])
    return out


def plant(runs, places):
    runs = [list(r) for r in runs]
    for run, index, factor in places:
        runs[run][index] = float(round(runs[run][index] * factor))
    return runs


def cases():
    out = []
    preempted = plant(lognormal_runs(19001, 5, 30, 210_000, 0.08, 0.02),
                      [(0, 7, 20), (2, 3, 20), (2, 19, 20), (4, 29, 20)])
    out.append(robust_case("5x30 CV 8%, 4 of 150 iterations x20 (the issue's busy file)", preempted))
    out.append(robust_case("5x30 CV 3%, clean", lognormal_runs(19002, 5, 30, 1_300_000, 0.03, 0.02)))
    uneven = plant(lognormal_runs(19003, 3, [12, 17, 40], 50_000, 0.01, 0.01),
                   [(0, 5, 3), (1, 0, 1.5), (2, 39, 1.2)])
    out.append(robust_case("runs of 12, 17 and 40 iterations at CV 1%, x3, x1.5 and x1.2 planted", uneven))
    ties = [[1000.0] * 8 + [1050.0, 1090.0, 1110.0, 1500.0], [990.0, 1000.0, 1010.0, 1000.0, 1020.0, 980.0, 1000.0, 995.0, 1005.0, 1200.0]]
    out.append(robust_case("MAD of 0 (ties): the 1.1 floor decides", ties, targets=((0.05, 12),)))
    short = plant(lognormal_runs(19004, 3, [8, 30, 30], 2_000_000, 0.05, 0.03), [(0, 2, 20), (1, 4, 20)])
    out.append(robust_case("a run of 8 iterations is not judged", short))
    custom = plant(lognormal_runs(19005, 4, 6, 10_000, 0.02, 0.02), [(1, 1, 1.2), (3, 5, 1.08)])
    out.append(robust_case("custom rule k = 3, rho = 1.05, runs of at least 5",
                           custom, rule={"fenceMultiplier": 3.0, "minimumRatio": 1.05, "minimumIterations": 5},
                           targets=((0.05, 6),)))
    many = plant(lognormal_runs(19006, 10, 50, 400_000, 0.03, 0.01),
                 [(0, 1, 3), (3, 10, 3), (3, 11, 3), (6, 40, 3), (8, 0, 3), (9, 49, 3)])
    out.append(robust_case("10x50 CV 3%, 6 of 500 iterations x3", many))
    one_run = plant(lognormal_runs(19007, 1, 40, 700_000, 0.04, 0.0), [(0, 9, 5)])
    out.append(robust_case("one run: outlying iterations and typical time only", one_run))
    return out


def paired_cases():
    out = []
    rng = np.random.Generator(np.random.PCG64(19101))
    baseline = lognormal_runs(19102, 5, 30, 1_000_000, 0.04, 0.0)
    candidate = lognormal_runs(19103, 5, 30, 1_040_000, 0.04, 0.0)
    shared = [math.exp(0.05 * float(z)) for z in rng.standard_normal(5)]
    baseline = [[float(round(t * s)) for t in r] for r, s in zip(baseline, shared)]
    candidate = [[float(round(t * s)) for t in r] for r, s in zip(candidate, shared)]
    # Two iterations of one variant per run made x20 slower, as preemption does.
    baseline = plant(baseline, [(0, 3, 20), (0, 17, 20), (2, 8, 20), (2, 9, 20), (4, 29, 20), (4, 0, 20)])
    candidate = plant(candidate, [(1, 12, 20), (1, 13, 20), (3, 5, 20), (3, 22, 20)])
    out.append(paired_case("5 paired runs x30, 2 iterations x20 in one variant of every run", baseline, candidate))
    base = [[100.0, 102.0, 101.0, 99.0, 100.0, 103.0, 98.0, 100.0, 101.0, 100.0, 99.0, 400.0],
            [110.0, 111.0, 109.0, 112.0, 110.0, 108.0, 111.0, 110.0, 109.0, 110.0, 112.0, 111.0],
            [95.0, 96.0, 94.0, 95.0, 97.0, 95.0, 96.0, 93.0, 95.0, 96.0, 95.0, 94.0]]
    cand = [[50.0, 51.0, 50.0, 49.0, 52.0, 50.0, 51.0, 50.0, 49.0, 50.0, 51.0, 50.0],
            [56.0, 55.0, 55.0, 57.0, 54.0, 55.0, 56.0, 55.0, 250.0, 55.0, 56.0, 54.0],
            [48.0, 47.0, 48.0, 49.0, 47.0, 48.0, 48.0, 46.0, 48.0, 47.0, 49.0, 48.0]]
    out.append(paired_case("3 paired runs x12 by hand, one x4 and one x4.5 iteration", base, cand))
    return out


# ---- JSON ---------------------------------------------------------------------------------------

def encode(value, indent=""):
    inner = indent + "  "
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise ValueError("non-finite value")
        return "%.17g" % value
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, (list, tuple)):
        if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value):
            return "[" + ", ".join(encode(v) for v in value) + "]"
        return "[\n" + ",\n".join(inner + encode(v, inner) for v in value) + "\n" + indent + "]"
    if isinstance(value, dict):
        return "{\n" + ",\n".join(f'{inner}"{k}": {encode(v, inner)}' for k, v in value.items()) + "\n" + indent + "}"
    raise TypeError(type(value))


def main():
    document = {
        "generatedBy": f"Generated by scripts/reference/robust_variance.py with Python {platform.python_version()}, "
                       f"NumPy {np.__version__} and SciPy {scipy.__version__}. Do not edit.",
        "description": "Outlying iterations (median + max(k * 1.4826 * MAD, log rho) on log times), the runs without "
                       "them, their ANOVA variance components, Kalibera & Jones planning and typical time; paired-runs "
                       "t intervals with three per-run levels.",
        "cases": cases(),
        "paired": paired_cases(),
    }
    with open(OUT, "w") as f:
        f.write(encode(document) + "\n")
    for case in document["cases"]:
        print(f"{case['name']}: {case['count']} of {case['of']} outlying")


if __name__ == "__main__":
    main()
