#!/usr/bin/env python3
"""Writes a qe-validate/results@1 file with N samples per side (one run each), for the
end-to-end benchmark. Seeded: the same N gives the same file."""
import json
import sys

import numpy as np

n = int(sys.argv[1])
path = sys.argv[2]
rng = np.random.default_rng(20261126)
baseline = np.round(rng.lognormal(np.log(13.4e6), 0.1, n))
candidate = np.round(rng.lognormal(np.log(3.8e6), 0.1, n))
document = {
    "schema": "qe-validate/results@1",
    "suite": "end-to-end-benchmark",
    "unit": "ns",
    "environment": {"command": f"scripts/bench/make_large_results.py {n}"},
    "benchmarks": [
        {"name": "large", "variant": "baseline", "runs": [{"samples": baseline.astype(int).tolist()}]},
        {"name": "large", "variant": "flash", "runs": [{"samples": candidate.astype(int).tolist()}]},
    ],
}
with open(path, "w") as handle:
    json.dump(document, handle)
