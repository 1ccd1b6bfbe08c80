#!/usr/bin/env python3
"""qe-validate's change-point detection side by side with Apache Otava 0.8.0 and MongoDB's
e-divisive on seeded simulated histories with known change points (simulate.py).

    scripts/changepoints/compare.py [--tools qe-validate,otava,e-divisive] [--none 200]
        [--changes 60] [--just-landed 30] [--commits 200] [--repetitions 1]
        [--store-end-to-end] [--workdir .build/changepoints]

Each tool sees the same histories: qe-validate the raw samples (every iteration of every run),
the anchors one number per commit, the mean of its samples (what their users store). The
anchors run in two virtual environments made here on first use (their numpy pins conflict):
`apache-otava==0.8.0` and `signal-processing-algorithms==2.1.6`.

qe-validate runs through `qe-changepoint-bench` (release build, `ChangeJudge` as
`qe-validate history detect` calls it); `run_qe_validate` is the one place to change. With
`--store-end-to-end` the same histories are also recorded in an SQLite store and `qe-validate
history detect` (release build) is timed reading them from it, and checked to find the same
change points.

For speed figures (the README's speed table):

    scripts/changepoints/compare.py --tools qe-validate,otava --none 0 --just-landed 0 \
        --changes 20 --store-end-to-end --repetitions 5

Reported (Markdown tables on stdout, every number in WORKDIR/comparison.json):
- precision, recall and F1 over every history (a detection within 3 commits of a true change
  counts once; every other detection is a false alarm);
- change-free histories with any alarm, per noise scenario;
- just-landed changes (+8%, 2-5 commits after) found;
- how often the 95% interval of a matched detection covers the true ratio (qe-validate);
- time: the detection calls alone (median per history, total) and each tool's whole process,
  reading the histories included (end to end; one process per tool for all the histories: the
  kinds' files are joined into one), as CPU time (user + system; qe-validate judges histories on
  every core, as `history detect` does) and elapsed, each the median of `--repetitions` runs of
  the whole process (the detections are those of the first run; give 3 or more for speed
  figures), and the ratio of Otava's end-to-end CPU time to each tool's. On a shared machine the
  CPU time is the steadier figure.
"""
import argparse
import csv
import json
import math
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
ANCHORS = {
    "otava": ["apache-otava==0.8.0"],
    "e-divisive": ["signal-processing-algorithms==2.1.6"],
}
TOLERANCE = 3


def venv_python(workdir, tool):
    path = os.path.join(workdir, f"venv-{tool}")
    python = os.path.join(path, "bin", "python")
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", path], check=True)
        subprocess.run([python, "-m", "pip", "install", "-q", *ANCHORS[tool]], check=True)
    return python


def run_timed(command, out_path):
    """Runs `command` with stdout to `out_path`: (wall seconds, CPU seconds of the process)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with open(out_path, "w") as out:
        subprocess.run(command, stdout=out, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def run_qe_validate(histories, out_path, bench):
    return run_timed([bench, histories], out_path)


def run_anchor(tool, histories, out_path, workdir):
    python = venv_python(workdir, tool)
    return run_timed([python, os.path.join(HERE, "anchor_runner.py"), tool, histories], out_path)


def run_from_store(inputs, detections, args):
    """Records each input's histories in a new SQLite store (not timed), then times `qe-validate
    history detect` reading them from it (CPU and elapsed time of the whole process, each the
    median of `--repetitions` runs), and checks that it finds the change points the benchmark
    found."""
    commands = []
    differing = 0
    for kind, path in inputs:
        store = os.path.join(args.workdir, f"store-{os.path.basename(path)}.sqlite")
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(store + suffix):
                os.remove(store + suffix)
        subprocess.run([args.bench, "--load-store", f"sqlite:{store}", path], check=True)
        out = os.path.join(args.workdir, f"detect-{os.path.basename(path)}.csv")
        command = [args.qe_validate, "history", "detect", "--store", f"sqlite:{store}", "--format", "csv", "--output", out]
        commands.append(command)
        run_timed(command, os.devnull)
        found = {}
        with open(out, newline="") as rows:
            for row in csv.DictReader(rows):
                found.setdefault(row["name"], [])
                if row["index"]:
                    found[row["name"]].append(int(row["index"]))
        for name, indices in found.items():
            if sorted(indices) != sorted(c["index"] for c in detections[name]["changePoints"]):
                differing += 1
    repetitions = [[run_timed(command, os.devnull) for command in commands] for _ in range(args.repetitions)]
    return {"cpuSeconds": statistics.median(sum(r[1] for r in runs) for runs in repetitions),
            "wallSeconds": statistics.median(sum(r[0] for r in runs) for runs in repetitions),
            "cpuSecondsByRepetition": [sum(r[1] for r in runs) for runs in repetitions],
            "seriesDiffering": differing}


def run_tool(tool, path, out, args):
    if tool == "qe-validate":
        return run_qe_validate(path, out, args.bench)
    return run_anchor(tool, path, out, args.workdir)


def match(truth, found):
    """Pairs (true change, detection) within TOLERANCE commits, each used once, nearest first."""
    candidates = sorted((abs(f - t), ti, fi) for ti, t in enumerate(truth) for fi, f in enumerate(found)
                        if abs(f - t) <= TOLERANCE)
    used_t, used_f, pairs = set(), set(), []
    for _, ti, fi in candidates:
        if ti not in used_t and fi not in used_f:
            used_t.add(ti)
            used_f.add(fi)
            pairs.append((ti, fi))
    return pairs


def wilson(count, total, z=1.959963984540054):
    if total == 0:
        return (0.0, 0.0)
    p = count / total
    centre = p + z * z / (2 * total)
    spread = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total))
    return (max(0.0, (centre - spread) / (1 + z * z / total)), min(1.0, (centre + spread) / (1 + z * z / total)))


def evaluate(truths, detections):
    """Metrics of one tool over every history (truths: id -> (scenario, kind, commits, changes))."""
    tp = fp = fn = covered = matched = 0
    alarms = defaultdict(lambda: [0, 0])
    just = [0, 0]
    per_scenario = defaultdict(lambda: [0, 0, 0])
    seconds = []
    for history_id, (scenario, kind, commits, changes) in truths.items():
        record = detections[history_id]
        seconds.append(record["seconds"])
        found = [c["index"] for c in record["changePoints"]]
        truth = [c["index"] for c in changes]
        pairs = match(truth, found)
        tp += len(pairs)
        fp += len(found) - len(pairs)
        fn += len(truth) - len(pairs)
        s = per_scenario[scenario]
        s[0] += len(pairs)
        s[1] += len(found) - len(pairs)
        s[2] += len(truth) - len(pairs)
        if kind == "none":
            alarms[scenario][0] += 1
            alarms[scenario][1] += bool(found)
        if kind == "just-landed":
            just[0] += 1
            just[1] += bool(pairs)
        for ti, fi in pairs:
            detection = record["changePoints"][fi]
            if "low" in detection:
                matched += 1
                covered += detection["low"] <= changes[ti]["ratio"] <= detection["high"]
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    def scenario_f1(values):
        t, f, n = values
        p = t / (t + f) if t + f else 1.0
        r = t / (t + n) if t + n else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": precision, "recall": recall, "f1": f1, "truePositives": tp,
        "falsePositives": fp, "missed": fn,
        "f1ByScenario": {s: scenario_f1(v) for s, v in per_scenario.items()},
        "changeFreeAlarms": {s: {"alarmed": a, "histories": n, "rate": a / n, "wilson95": wilson(a, n)}
                             for s, (n, a) in alarms.items()},
        "justLanded": {"found": just[1], "histories": just[0]},
        "coverage": {"covered": covered, "matched": matched} if matched else None,
        "medianSeconds": statistics.median(seconds) if seconds else 0.0,
        "detectionSeconds": sum(seconds),
    }


def simulate(kind, count, commits, path):
    if count == 0:
        return None
    if not os.path.exists(path):
        subprocess.run([sys.executable, os.path.join(HERE, "simulate.py"), "--kind", kind, "--histories",
                        str(count), "--commits", str(commits), "--out", path], check=True)
    return path


def percent(x):
    return f"{100 * x:.1f}%"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tools", default="qe-validate,otava,e-divisive")
    parser.add_argument("--none", type=int, default=200, help="change-free histories per noise scenario")
    parser.add_argument("--changes", type=int, default=60, help="histories with 1-4 changes per scenario")
    parser.add_argument("--just-landed", type=int, default=30, help="histories with a change that just landed per scenario")
    parser.add_argument("--commits", type=int, default=200)
    parser.add_argument("--repetitions", type=int, default=1,
                        help="runs of each whole process; the end-to-end times are their medians (3 or more for speed figures)")
    parser.add_argument("--workdir", default=os.path.join(ROOT, ".build", "changepoints"))
    parser.add_argument("--bench", default=os.path.join(ROOT, ".build", "release", "qe-changepoint-bench"))
    parser.add_argument("--store-end-to-end", action="store_true",
                        help="also time `qe-validate history detect` on the histories recorded in an SQLite store")
    parser.add_argument("--qe-validate", default=os.path.join(ROOT, ".build", "release", "qe-validate"))
    args = parser.parse_args()
    os.makedirs(args.workdir, exist_ok=True)
    tools = args.tools.split(",")
    inputs = []
    for kind, count in (("none", args.none), ("changes", args.changes), ("just-landed", args.just_landed)):
        path = simulate(kind, count, args.commits, os.path.join(args.workdir, f"{kind}-{count}-{args.commits}.jsonl"))
        if path:
            inputs.append((kind, path))
    truths = {}
    for kind, path in inputs:
        with open(path) as lines:
            for line in lines:
                history = json.loads(line)
                truths[history["id"]] = (history["scenario"], kind, len(history["points"]), history["changes"])
    # Every tool reads every history in one process (Otava's Python start-up, about 0.6 s of
    # CPU, is paid once, as its users would): the kinds' files are joined into one.
    if len(inputs) > 1:
        joined = os.path.join(args.workdir, "histories-" + "-".join(f"{kind}{count}" for kind, count in
                                                                     (("none", args.none), ("changes", args.changes), ("just-landed", args.just_landed)))
                              + f"-{args.commits}.jsonl")
        with open(joined, "w") as out:
            for kind, path in inputs:
                with open(path) as lines:
                    out.write(lines.read())
        inputs = [("all", joined)]

    results = {}
    for tool in tools:
        detections = {}
        repetitions = []
        for repetition in range(args.repetitions):
            times = []
            for kind, path in inputs:
                out = os.path.join(args.workdir, f"{tool}-{os.path.basename(path)}" + (f".{repetition}" if repetition else ""))
                times.append(run_tool(tool, path, out, args))
            repetitions.append((sum(t[0] for t in times), sum(t[1] for t in times)))
        wall = statistics.median(r[0] for r in repetitions)
        cpu = statistics.median(r[1] for r in repetitions)
        for kind, path in inputs:
            out = os.path.join(args.workdir, f"{tool}-{os.path.basename(path)}")
            with open(out) as lines:
                for line in lines:
                    record = json.loads(line)
                    detections[record["id"]] = record
        results[tool] = evaluate(truths, detections)
        results[tool]["wallSeconds"] = wall
        results[tool]["cpuSeconds"] = cpu
        results[tool]["cpuSecondsByRepetition"] = [r[1] for r in repetitions]
        if tool == "qe-validate" and args.store_end_to_end:
            results[tool]["store"] = run_from_store(inputs, detections, args)
            print(f"history detect from the store: {results[tool]['store']['seriesDiffering']} series whose change points differ from the benchmark's",
                  file=sys.stderr)
        print(f"{tool}: done in {wall:.2f} s ({cpu:.2f} s CPU), median of {args.repetitions}", file=sys.stderr)

    machine = {"cpu": cpu_name(), "avx512": cpu_flag("avx512f"), "cores": os.cpu_count(), "python": platform.python_version()}
    with open(os.path.join(args.workdir, "comparison.json"), "w") as out:
        json.dump({"machine": machine, "arguments": vars(args), "results": results}, out, indent=2)
    report(results, machine, args)


def cpu_name():
    try:
        with open("/proc/cpuinfo") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def cpu_flag(flag):
    try:
        with open("/proc/cpuinfo") as info:
            for line in info:
                if line.startswith("flags"):
                    return flag in line.split(":", 1)[1].split()
    except OSError:
        pass
    return False


def report(results, machine, args):
    tools = list(results)
    print(f"\n{args.commits} commits per history; CPU: {machine['cpu']} (AVX-512: {'yes' if machine['avx512'] else 'no'}), "
          f"{machine['cores']} cores; times: median of {args.repetitions} runs\n")
    print("| | " + " | ".join(tools) + " |")
    print("|---|" + "---:|" * len(tools))
    rows = [
        ("precision", lambda r: f"{r['precision']:.3f}"),
        ("recall", lambda r: f"{r['recall']:.3f}"),
        ("F1", lambda r: f"**{r['f1']:.3f}**"),
        ("just-landed changes found (+8%, 2-5 commits after)",
         lambda r: f"{r['justLanded']['found']} of {r['justLanded']['histories']}"),
        ("interval covers the true ratio (matched detections)",
         lambda r: f"{percent(r['coverage']['covered'] / r['coverage']['matched'])}" if r["coverage"] else "—"),
        ("detection, median per history", lambda r: f"{1000 * r['medianSeconds']:.2f} ms"),
        ("detection, all histories", lambda r: f"{r['detectionSeconds']:.2f} s"),
        ("end to end: CPU time of the whole process, reading included", lambda r: f"{r['cpuSeconds']:.2f} s"),
        ("end to end: elapsed", lambda r: f"{r['wallSeconds']:.2f} s"),
    ]
    otava = results.get("otava")
    if otava:
        rows.append(("end to end: Otava's CPU time ÷ this tool's", lambda r: f"{otava['cpuSeconds'] / r['cpuSeconds']:.1f}×"))
    if any("store" in results[t] for t in tools):
        rows.append(("end to end from the store: `history detect` CPU time",
                     lambda r: f"{r['store']['cpuSeconds']:.2f} s" if "store" in r else "—"))
        rows.append(("end to end from the store: elapsed",
                     lambda r: f"{r['store']['wallSeconds']:.2f} s" if "store" in r else "—"))
        if otava:
            rows.append(("end to end from the store: Otava's CPU time ÷ `history detect`'s",
                         lambda r: f"{otava['cpuSeconds'] / r['store']['cpuSeconds']:.1f}×" if "store" in r else "—"))
    for title, cell in rows:
        print(f"| {title} | " + " | ".join(cell(results[t]) for t in tools) + " |")
    scenarios = sorted({s for r in results.values() for s in r["changeFreeAlarms"]})
    if scenarios:
        print("\nChange-free histories with any alarm (95% Wilson interval):\n")
        print("| noise | " + " | ".join(tools) + " |")
        print("|---|" + "---:|" * len(tools))
        for s in scenarios:
            cells = []
            for t in tools:
                a = results[t]["changeFreeAlarms"][s]
                low, high = a["wilson95"]
                cells.append(f"{a['alarmed']}/{a['histories']} ({percent(a['rate'])} [{percent(low)}, {percent(high)}])")
            print(f"| {s} | " + " | ".join(cells) + " |")
    print("\nF1 per noise scenario:\n")
    print("| noise | " + " | ".join(tools) + " |")
    print("|---|" + "---:|" * len(tools))
    for s in sorted({s for r in results.values() for s in r["f1ByScenario"]}):
        print(f"| {s} | " + " | ".join(f"{results[t]['f1ByScenario'].get(s, 0):.3f}" for t in tools) + " |")


if __name__ == "__main__":
    main()
