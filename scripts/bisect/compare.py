#!/usr/bin/env python3
"""git bisect run with a one-shot timing against qe-validate bisect, on generated repositories.

Each repository (seeded) has COMMITS commits of a small C program whose loop count is in a
committed file; one commit, chosen at random, makes the count SLOWDOWN larger (5%); the others
change a notes file. Good is the first commit, bad the last. For each repository:

  (a) the usual way: build and time good and bad once (scripts/bisect/time-once.py), take the
      geometric midpoint of the two times as a fixed threshold, then `git bisect run` a script
      that builds a commit, times it once and compares with the threshold;
  (b) qe-validate bisect --command ./loop --build 'cc -O1 -o loop loop.c'.

Both measure with the same clock (--clocks: wall, cpu or both; qe-validate only with
--qe-clocks). Reports how often each names the right commit, how often qe-validate names only
a range (it says so rather than guess), and the time per bisection, with the machine's CPU and
load. Writes every bisection's outcome to --out (JSON).

    scripts/bisect/compare.py --qe-validate .build/release/qe-validate
"""
import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TIME_ONCE = os.path.join(HERE, "time-once.py")
BUILD = "cc -O1 -o loop loop.c"
PROGRAM = r"""#include <stdio.h>

/* Reads its loop count from the file `count` and spins that many times. */
int main(void) {
    long n = 0;
    FILE *file = fopen("count", "r");
    if (!file || fscanf(file, "%ld", &n) != 1) return 2;
    fclose(file);
    volatile unsigned long x = 0;
    for (long i = 0; i < n; i++) x += (unsigned long)i ^ (x >> 3);
    return 0;
}
"""
GIT_IDENTITY = ["-c", "user.name=QE Bisect", "-c", "user.email=bisect@example.org", "-c", "commit.gpgsign=false"]


def git(repository, *arguments, capture=True):
    result = subprocess.run(["git", "-C", repository, *GIT_IDENTITY, *arguments], check=True,
                            stdout=subprocess.PIPE if capture else subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return result.stdout.strip() if capture else ""


def make_repository(path, seed, commits, slowdown, count):
    """Returns the commits' hashes (oldest first) and the index of the slow one."""
    rng = random.Random(seed)
    slow = rng.randint(1, commits - 1)
    os.makedirs(path)
    git(path, "init", "--quiet", "--initial-branch=main")
    with open(os.path.join(path, "loop.c"), "w") as file:
        file.write(PROGRAM)
    with open(os.path.join(path, ".gitignore"), "w") as file:
        file.write("loop\n")
    hashes = []
    for index in range(commits):
        if index == slow:
            count = round(count * (1 + slowdown))
        with open(os.path.join(path, "count"), "w") as file:
            file.write(f"{count}\n")
        with open(os.path.join(path, "NOTES"), "a") as file:
            file.write(f"commit {index}: note {rng.randint(0, 10**6)}\n")
        git(path, "add", "--all")
        git(path, "commit", "--quiet", "-m", f"commit {index}" + (" (the slow one)" if index == slow else ""))
        hashes.append(git(path, "rev-parse", "HEAD"))
    return hashes, slow


def one_shot(repository, commit, clock):
    git(repository, "checkout", "--quiet", "--detach", commit)
    subprocess.run(BUILD, shell=True, cwd=repository, check=True)
    output = subprocess.run([sys.executable, TIME_ONCE, "--clock", clock, "--print", "--", "./loop"], cwd=repository,
                            check=True, stdout=subprocess.PIPE, text=True).stdout
    return float(output)


def git_bisect(repository, hashes, clock):
    """(a): returns the index of the commit git bisect names and the seconds it took."""
    start = time.perf_counter()
    good_time = one_shot(repository, hashes[0], clock)
    bad_time = one_shot(repository, hashes[-1], clock)
    threshold = (good_time * bad_time) ** 0.5
    step = f"{BUILD} || exit 125; exec {sys.executable} {TIME_ONCE} --clock {clock} --threshold {threshold!r} -- ./loop"
    git(repository, "bisect", "start", hashes[-1], hashes[0], capture=False)
    try:
        git(repository, "bisect", "run", "sh", "-c", step, capture=False)
        named = git(repository, "rev-parse", "refs/bisect/bad")
    finally:
        git(repository, "bisect", "reset", capture=False)
    return {"named": hashes.index(named) if named in hashes else None, "seconds": time.perf_counter() - start,
            "goodTime": good_time, "badTime": bad_time}


def qe_bisect(repository, hashes, clock, args):
    """(b): returns what qe-validate bisect concluded and the seconds it took."""
    command = [args.qe_validate, "bisect", "--good", hashes[0], "--bad", hashes[-1], "--command", "./loop",
               "--build", BUILD, "--clock", clock, "--threshold", str(args.threshold), "--max-runs", str(args.max_runs),
               "--format", "json", "--quiet"]
    if args.qe_budget:
        command += ["--budget", f"{args.qe_budget}s"]
    start = time.perf_counter()
    result = subprocess.run(command, cwd=repository, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    seconds = time.perf_counter() - start
    if result.returncode not in (0, 3):
        return {"error": f"exit {result.returncode}", "seconds": seconds}
    document = json.loads(result.stdout)
    first_bad = (document.get("firstBad") or {}).get("commit")
    rng = document["range"]
    return {
        "named": hashes.index(first_bad) if first_bad in hashes else None,
        "range": [hashes.index(rng["from"]), hashes.index(rng["to"])],
        "conclusion": document["conclusion"], "seconds": seconds, "decisionsUsed": document["decisionsUsed"],
        "rounds": document["premise"]["runs"] + sum(step["runs"] for step in document["steps"]),
        "steps": [[hashes.index(step["commit"]), step["classification"], step["runs"]] for step in document["steps"]],
    }


def machine():
    cpu = subprocess.run(["lscpu"], stdout=subprocess.PIPE, text=True).stdout
    model = next((line.split(":", 1)[1].strip() for line in cpu.splitlines() if line.startswith("Model name")), "?")
    return {"cpu": model, "cores": os.cpu_count(), "loadAverage": os.getloadavg()}


def summary(rows, key, repositories):
    outcomes = [row[key] for row in rows if key in row]
    right = sum(1 for outcome, row in zip(outcomes, rows) if outcome.get("named") == row["slow"])
    wrong = sum(1 for outcome, row in zip(outcomes, rows) if outcome.get("named") not in (None, row["slow"]))
    seconds = [outcome["seconds"] for outcome in outcomes]
    return right, wrong, len(outcomes) - right - wrong, seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--qe-validate", default=".build/release/qe-validate")
    parser.add_argument("--repositories", type=int, default=20)
    parser.add_argument("--commits", type=int, default=32)
    parser.add_argument("--slowdown", type=float, default=0.05)
    parser.add_argument("--count", type=int, default=15_000_000, help="loop count at the first commit (about 17 ms of CPU here)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--clocks", default="cpu,wall", help="clocks for git bisect run")
    parser.add_argument("--qe-clocks", default="cpu", help="clocks for qe-validate bisect")
    parser.add_argument("--threshold", type=float, default=0.02, help="qe-validate's premise threshold (a fraction)")
    parser.add_argument("--max-runs", type=int, default=20)
    parser.add_argument("--qe-budget", type=float, help="qe-validate's --budget in seconds")
    parser.add_argument("--out", default="bisect-comparison.json")
    args = parser.parse_args()
    if not shutil.which(args.qe_validate) and not os.access(args.qe_validate, os.X_OK):
        parser.error(f"{args.qe_validate} is not an executable")
    args.qe_validate = os.path.abspath(args.qe_validate)

    clocks = [c for c in args.clocks.split(",") if c]
    qe_clocks = [c for c in args.qe_clocks.split(",") if c]
    before = machine()
    rows = []
    with tempfile.TemporaryDirectory(prefix="qe-bisect-compare-") as scratch:
        for index in range(args.repositories):
            seed = args.seed + index
            repository = os.path.join(scratch, f"repository-{seed}")
            hashes, slow = make_repository(repository, seed, args.commits, args.slowdown, args.count)
            row = {"seed": seed, "slow": slow}
            for clock in clocks:
                row[f"git-bisect-{clock}"] = git_bisect(repository, hashes, clock)
            for clock in qe_clocks:
                row[f"qe-validate-{clock}"] = qe_bisect(repository, hashes, clock, args)
            rows.append(row)
            print(json.dumps(row), file=sys.stderr, flush=True)
            shutil.rmtree(repository)
    after = machine()

    report = {"machine": before, "loadAverageAfter": after["loadAverage"], "arguments": vars(args), "rows": rows}
    with open(args.out, "w") as file:
        json.dump(report, file, indent=2)
    print(f"{args.repositories} repositories of {args.commits} commits, a {args.slowdown:.0%} slowdown at a random commit; "
          f"{before['cpu']}, {before['cores']} cores, load average {before['loadAverage'][0]:.1f} before, "
          f"{after['loadAverage'][0]:.1f} after")
    print()
    print("| method | clock | right | wrong | range only | seconds per bisection: median (min–max) |")
    print("|---|---|---|---|---|---|")
    for name, key_clocks in (("git bisect run, one timing per commit", clocks), ("qe-validate bisect", qe_clocks)):
        for clock in key_clocks:
            key = ("git-bisect-" if name.startswith("git") else "qe-validate-") + clock
            right, wrong, ranges, seconds = summary(rows, key, args.repositories)
            spread = f"{statistics.median(seconds):.0f} ({min(seconds):.0f}–{max(seconds):.0f})" if seconds else "—"
            print(f"| {name} | {clock} | {right} / {len(seconds)} | {wrong} | {ranges} | {spread} |")
    print(f"\nEvery bisection: {args.out}")


if __name__ == "__main__":
    main()
