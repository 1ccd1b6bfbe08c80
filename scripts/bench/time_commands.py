#!/usr/bin/env python3
"""Times shell commands side by side: the commands alternate, REPEATS rounds, after one
warm-up round each, and the median and minimum wall times are printed with the ratio
of the second to the first. Usage: time_commands.py REPEATS LABEL1 CMD1 LABEL2 CMD2"""
import statistics
import subprocess
import sys
import time

repeats = int(sys.argv[1])
pairs = list(zip(sys.argv[2::2], sys.argv[3::2]))
times = {label: [] for label, _ in pairs}
for round_index in range(repeats + 1):
    for label, command in pairs:
        start = time.perf_counter()
        subprocess.run(command, shell=True, check=True, stdout=subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
        if round_index > 0:
            times[label].append(elapsed)
for label, _ in pairs:
    print(f"{label}: median {statistics.median(times[label]):.3f} s, min {min(times[label]):.3f} s over {repeats} runs")
first, second = pairs[0][0], pairs[1][0]
ratio = statistics.median(times[second]) / statistics.median(times[first])
print(f"ratio {second} / {first} (medians): {ratio:.2f}x")
