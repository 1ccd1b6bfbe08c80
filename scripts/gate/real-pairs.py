#!/usr/bin/env python3
"""Checks `qe-validate gate` on real measurements: every ordered pair of results files measured
on one machine is gated as it is (A/A: the same code, so any regression is a false failure) and
with the second file's times multiplied by --slowdown (a known slowdown on real noise).

    scripts/gate/real-pairs.py --qe-validate .build/release/qe-validate r1.json r2.json r3.json ...
    scripts/gate/real-pairs.py ... -- --run-statistic median     # options after -- go to gate

Prints a Markdown table: per rule, gate runs that failed on A/A pairs and gate runs that caught
the slowdown, plus the per-benchmark verdicts. Measures nothing itself; make the files with
`qe-validate run --out rN.json`, one after another, on an otherwise idle (or a realistically
busy) machine.
"""
import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile


def scaled(path, factor, directory):
    with open(path) as handle:
        document = json.load(handle)
    for benchmark in document["benchmarks"]:
        for run in benchmark["runs"]:
            run["samples"] = [sample * factor for sample in run["samples"]]
            run["warmup"] = [sample * factor for sample in run.get("warmup", [])]
    target = os.path.join(directory, "slowed-" + os.path.basename(path))
    with open(target, "w") as handle:
        json.dump(document, handle)
    return target


def samples(path):
    with open(path) as handle:
        document = json.load(handle)
    return {(b["name"], b["variant"]): [x for run in b["runs"] for x in run["samples"]] for b in document["benchmarks"]}


def p95(values):
    """R's quantile(type = 7), as numpy.percentile's default."""
    ordered = sorted(values)
    h = (len(ordered) - 1) * 0.95
    low = int(h)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (h - low) * (ordered[high] - ordered[low])


def fixed_rule(baseline, results, statistic, limit):
    """Fails when statistic(results) / statistic(baseline) > 1 + limit for any benchmark in both."""
    base, new = samples(baseline), samples(results)
    return any(statistic(new[key]) / statistic(base[key]) > 1 + limit for key in base if key in new)


def gate(binary, baseline, results, extra):
    process = subprocess.run(
        [binary, "gate", "--baseline", baseline, results, "--format", "json"] + extra,
        capture_output=True, text=True)
    if process.returncode not in (0, 1, 3):
        sys.exit(f"gate failed ({process.returncode}): {process.stderr.strip()}")
    verdicts = [b["verdict"] for b in json.loads(process.stdout)["benchmarks"]]
    return process.returncode, verdicts


def main():
    arguments = sys.argv[1:]
    extra = []
    if "--" in arguments:
        index = arguments.index("--")
        arguments, extra = arguments[:index], arguments[index + 1:]
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--qe-validate", default=".build/release/qe-validate")
    parser.add_argument("--slowdown", type=float, default=1.2)
    parser.add_argument("files", nargs="+")
    options = parser.parse_args(arguments)
    if len(options.files) < 2:
        sys.exit("give two or more results files")

    counts = {"aa": {0: 0, 1: 0, 3: 0}, "slow": {0: 0, 1: 0, 3: 0}}
    mean = lambda values: sum(values) / len(values)
    fixed = {"fixed 5% threshold on the ratio of means": mean, "the study's rule: ratio of p95s over 5%": p95}
    fixed_counts = {name: {"aa": 0, "slow": 0} for name in fixed}
    verdicts = {"aa": {}, "slow": {}}
    with tempfile.TemporaryDirectory() as directory:
        slowed = {path: scaled(path, options.slowdown, directory) for path in options.files}
        pairs = list(itertools.permutations(options.files, 2))
        for baseline, results in pairs:
            for kind, target in (("aa", results), ("slow", slowed[results])):
                status, found = gate(options.qe_validate, baseline, target, extra)
                for name, statistic in fixed.items():
                    if fixed_rule(baseline, target, statistic, 0.05):
                        fixed_counts[name][kind] += 1
                counts[kind][status] += 1
                for verdict in found:
                    verdicts[kind][verdict] = verdicts[kind].get(verdict, 0) + 1

    total = len(pairs)
    print(f"| rule | A/A: gate runs failed | slowed ×{options.slowdown:g}: gate runs failed | "
          f"A/A benchmark verdicts | slowed benchmark verdicts |")
    print("|---|---:|---:|---|---|")
    def describe(table):
        return ", ".join(f"{name} {count}" for name, count in sorted(table.items()))
    print(f"| qe-validate gate {' '.join(extra) or '(defaults)'} | {counts['aa'][1] + counts['aa'][3]} of {total} | "
          f"{counts['slow'][1] + counts['slow'][3]} of {total} | {describe(verdicts['aa'])} | {describe(verdicts['slow'])} |")
    for name, found in fixed_counts.items():
        print(f"| {name} | {found['aa']} of {total} | {found['slow']} of {total} | | |")


if __name__ == "__main__":
    main()
