#!/usr/bin/env python3
"""Runs one anchor over simulated histories (scripts/changepoints/simulate.py), as its users
run it: one number per commit, the mean of every sample of the commit.

    anchor_runner.py otava|e-divisive HISTORIES.jsonl > DETECTIONS.jsonl

- otava: Apache Otava 0.8.0, `otava.analysis.compute_change_points(series, window_len=50,
  max_pvalue=0.001)` (its defaults);
- e-divisive: MongoDB's signal-processing-algorithms, `e_divisive(series, pvalue=0.001,
  permutations=100)`.

Prints one JSON line per history: `id`, `seconds` (the detection call alone) and
`changePoints` (`index`: the first commit of the new level).
Runs in the anchor's own virtual environment (compare.py makes them: their numpy pins differ).
"""
import json
import sys
import time


def detector(tool):
    if tool == "otava":
        from otava.analysis import compute_change_points

        def detect(series):
            points, _ = compute_change_points(series, window_len=50, max_pvalue=0.001)
            return [int(point.index) for point in points]
        return detect
    if tool == "e-divisive":
        import numpy as np
        from signal_processing_algorithms.energy_statistics.energy_statistics import e_divisive

        def detect(series):
            return [int(index) for index in e_divisive(np.array(series), pvalue=0.001, permutations=100)]
        return detect
    raise SystemExit(f"unknown tool {tool}")


def main():
    tool, path = sys.argv[1], sys.argv[2]
    detect = detector(tool)
    out = sys.stdout
    with open(path) as lines:
        for line in lines:
            history = json.loads(line)
            series = []
            for point in history["points"]:
                samples = [sample for run in point["runs"] for sample in run]
                series.append(sum(samples) / len(samples))
            start = time.perf_counter()
            found = sorted(detect(series))
            seconds = time.perf_counter() - start
            out.write(json.dumps({"id": history["id"], "seconds": seconds,
                                  "changePoints": [{"index": index} for index in found]}) + "\n")


if __name__ == "__main__":
    main()
