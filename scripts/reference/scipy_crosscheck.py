#!/usr/bin/env python3
"""Cross-check R's wilcox.test p-values against SciPy's mannwhitneyu.

    python3 scripts/reference/scipy_crosscheck.py

Reads Tests/QEStatisticsTests/Reference/wilcox.json (run wilcox.R first) and
writes Tests/QEStatisticsTests/Reference/scipy-mannwhitney.json with one entry

  * per case whose R method is "normal" and correct is true:
      mannwhitneyu(x, y, alternative=..., use_continuity=True, method="asymptotic")
  * per case whose R method is "exact" (R only takes that branch without ties):
      mannwhitneyu(x, y, alternative=..., method="exact")

The x/y arrays are read from the JSON, i.e. exactly the doubles R used.
A summary of the SciPy-vs-R agreement is printed to stdout (not written to the
JSON, so the file stays independent of anything but the inputs and versions).
"""

import json
import math
import os
import platform
import sys

import numpy as np
import scipy
from scipy.stats import mannwhitneyu

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
REF = os.path.join(ROOT, "Tests", "QEStatisticsTests", "Reference")
IN = os.path.join(REF, "wilcox.json")
OUT = os.path.join(REF, "scipy-mannwhitney.json")
GENERATOR = "scripts/reference/scipy_crosscheck.py"

ALT = {"two.sided": "two-sided", "less": "less", "greater": "greater"}


def num(v):
    """Same formatting as the R scripts: %.17g, non-finite values as strings."""
    if v is None:
        return "null"
    v = float(v)
    if math.isnan(v):
        return '"NaN"'
    if math.isinf(v):
        return '"Inf"' if v > 0 else '"-Inf"'
    return "%.17g" % v


def rnum(v):
    """Decode a number as written by the R scripts."""
    if isinstance(v, str):
        return {"Inf": math.inf, "-Inf": -math.inf, "NaN": math.nan}[v]
    return None if v is None else float(v)


def main():
    with open(IN) as f:
        ref = json.load(f)

    rows = []
    report = []
    for case in ref["cases"]:
        e = case["expected"]
        x = np.array([rnum(v) for v in case["x"]], dtype=np.float64)
        y = np.array([rnum(v) for v in case["y"]], dtype=np.float64)
        alt = ALT[case["alternative"]]
        if e["method"] == "normal" and case["correct"]:
            method = "asymptotic"
            res = mannwhitneyu(x, y, alternative=alt, use_continuity=True, method="asymptotic")
        elif e["method"] == "exact":
            method = "exact"
            assert len(np.unique(np.concatenate([x, y]))) == len(x) + len(y), case["id"]
            res = mannwhitneyu(x, y, alternative=alt, method="exact")
        else:
            continue
        stat, p = float(res.statistic), float(res.pvalue)
        rows.append((case["id"], method, stat, p))

        r_stat, r_p = rnum(e["statistic"]), rnum(e["pValue"])
        if math.isnan(r_p) and math.isnan(p):
            rel = 0.0
        elif math.isnan(r_p) or math.isnan(p):
            rel = math.inf
        elif r_p == p:
            rel = 0.0
        else:
            rel = abs(p - r_p) / max(abs(r_p), 1e-300)
        report.append((case["id"], method, stat == r_stat, r_p, p, rel))

    lines = [
        "{",
        '  "generator": "%s",' % GENERATOR,
        '  "python": "%s",' % platform.python_version(),
        '  "scipy": "%s",' % scipy.__version__,
        '  "numpy": "%s",' % np.__version__,
        '  "cases": [',
    ]
    body = []
    for cid, method, stat, p in rows:
        body.append(
            '    {"id": %s, "method": "%s", "statistic": %s, "pValue": %s}'
            % (json.dumps(cid), method, num(stat), num(p))
        )
    lines.append(",\n".join(body))
    lines += ["  ]", "}"]
    with open(OUT, "w", newline="\n") as f:
        f.write("\n".join(lines) + "\n")

    print("wrote %d cases to %s" % (len(rows), OUT))
    print("%-45s %-10s %-6s %-24s %-24s %s" % ("id", "method", "W==U", "R p", "SciPy p", "rel diff"))
    for cid, method, same_stat, rp, sp, rel in report:
        print("%-45s %-10s %-6s %-24r %-24r %.3g" % (cid, method, same_stat, rp, sp, rel))
    for method in ("asymptotic", "exact"):
        sel = [r for r in report if r[1] == method]
        if not sel:
            continue
        finite = [r[5] for r in sel if math.isfinite(r[5])]
        print("%s: %d cases, statistic mismatches: %d, max relative p difference "
              "(where both are numbers): %.3g"
              % (method, len(sel), sum(not r[2] for r in sel), max(finite) if finite else 0.0))
        for r in sel:
            if not math.isfinite(r[5]) or r[5] > 1e-12:
                print("  DISAGREE %s: R p = %r, SciPy p = %r" % (r[0], r[3], r[4]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
