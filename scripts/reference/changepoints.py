#!/usr/bin/env python3
"""Reference values for the change-point detection (Tests/QEStatisticsTests/Reference/changepoints.json).

- scanTail: P(max |Z_k| >= b) for the standardised two-sample scan of m independent N(0, 1)
  values with at least `before` values before and `after` after each split, by simulation
  (numpy PCG64, seeded; `draws` scans each). ScanTailProbability must agree within simulation
  error plus 10%.
- varianceFactor: the asymptotic variance of the alpha-trimmed mean of normal values,
  ((1 - 2a) - 2 c phi(c) + 2 a c^2) / (1 - 2a)^2, c = Phi^-1(1 - a), evaluated with SciPy for the
  trimming CommitLevel uses (g = max(1, floor(K / 5)) of K >= 3 runs), and the simulated
  small-sample value (2,000,000 draws) it approximates.
- overshoot: Siegmund's nu(x) = (2/x)(Phi(x/2) - 1/2) / ((x/2) Phi(x/2) + phi(x/2)) with SciPy.
"""
import json
import os

import numpy as np
from scipy.stats import norm

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "Tests", "QEStatisticsTests", "Reference", "changepoints.json")


def scan_maxima(rng, m, before, after, draws):
    k = np.arange(before, m - after + 1)
    out = np.empty(draws)
    chunk = max(1, min(draws, 4_000_000 // m))
    for start in range(0, draws, chunk):
        size = min(chunk, draws - start)
        y = rng.normal(size=(size, m))
        sums = np.cumsum(y, axis=1)
        total = sums[:, -1:]
        z = (sums[:, k - 1] - k / m * total) / np.sqrt(k * (m - k) / m)
        out[start:start + size] = np.abs(z).max(axis=1)
    return out


def main():
    rng = np.random.default_rng(20260514)
    scan = []
    for m, before, after, draws in ((6, 3, 2, 400_000), (10, 3, 2, 400_000), (20, 3, 3, 400_000),
                                    (50, 3, 2, 400_000), (200, 3, 2, 200_000), (1000, 3, 3, 40_000)):
        maxima = scan_maxima(rng, m, before, after, draws)
        for b in (2.5, 3.0, 3.5, 4.0):
            scan.append({"count": m, "before": before, "after": after, "threshold": b, "draws": draws,
                         "probability": float((maxima >= b).mean())})
    factors = []
    for k in range(3, 13):
        g = max(1, k // 5)
        a = g / k
        c = norm.isf(a)
        asymptotic = ((1 - 2 * a) - 2 * c * norm.pdf(c) + 2 * a * c * c) / (1 - 2 * a) ** 2
        x = np.sort(rng.normal(size=(2_000_000, k)), axis=1)
        simulated = float(x[:, g:k - g].mean(axis=1).var() * k)
        factors.append({"runs": k, "trimmed": g, "asymptotic": float(asymptotic), "simulated": simulated})
    overshoot = []
    for x in (0.05, 0.5, 1.0, 2.0, 3.0, 5.0):
        h = x / 2
        overshoot.append({"x": x, "nu": float((2 / x) * (norm.cdf(h) - 0.5) / (h * norm.cdf(h) + norm.pdf(h)))})
    with open(OUT, "w") as out:
        json.dump({"scanTail": scan, "varianceFactor": factors, "overshoot": overshoot}, out, indent=1)
        out.write("\n")


if __name__ == "__main__":
    main()
