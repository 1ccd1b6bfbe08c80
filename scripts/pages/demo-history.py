#!/usr/bin/env python3
"""Writes a small, seeded history of results files for checking the trend pages.

Each file is examples/flash-attention-sample.json with its own commit and time, its runs'
iterations redrawn around a level (lognormal, 5% spread, one shared effect per run), and two
planted changes: every benchmark 30% slower from commit 20 on, and defect-matching 20% faster
again from commit 30 on. `qe-validate history add` records them; `history detect` should find
the changes; the pages drawn from the store are then checked in a browser.

    python3 scripts/pages/demo-history.py OUT_DIR [--commits 40] [--seed 7]
"""
import argparse
import copy
import hashlib
import json
import os
import random

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--commits", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with open(os.path.join(ROOT, "examples", "flash-attention-sample.json")) as f:
        template = json.load(f)
    template["benchmarks"] = [b for b in template["benchmarks"] if b["variant"] == "flash"][:3]
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    for index in range(args.commits):
        document = copy.deepcopy(template)
        commit = hashlib.sha1(f"demo-{args.seed}-{index}".encode()).hexdigest()
        document["environment"]["gitCommit"] = commit
        document["createdAt"] = f"2026-11-{1 + index // 24:02d}T{index % 24:02d}:00:00Z"
        for benchmark in document["benchmarks"]:
            level = 1.3 if index >= 20 else 1.0
            if benchmark["name"] == "defect-matching" and index >= 30:
                level /= 1.2
            typical = sorted(benchmark["runs"][0]["samples"])[len(benchmark["runs"][0]["samples"]) // 2]
            for run in benchmark["runs"]:
                shared = rng.lognormvariate(0, 0.01)
                run["samples"] = [typical * level * shared * rng.lognormvariate(0, 0.05) for _ in run["samples"]]
        with open(os.path.join(args.out, f"{index:03d}.json"), "w") as f:
            json.dump(document, f)


if __name__ == "__main__":
    main()
