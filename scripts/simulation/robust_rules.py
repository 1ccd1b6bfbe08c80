"""The outlying-iteration rule and the per-run levels of qe-validate, vectorised with NumPy.

Shared by the simulations in this directory. The same rule as
Sources/QEStatistics/OutlyingIterationRule.swift (tested against the same numbers through
scripts/reference/robust_variance.py): on a run's log times x, with m = median(x) and
s = 1.4826 * median|x - m|, an iteration is outlying when x - m > max(k * s, log(rho)),
k = 5, rho = 1.1, in runs of at least 10 iterations.
"""

import numpy as np

FENCE_MULTIPLIER = 5.0
MINIMUM_RATIO = 1.1
MINIMUM_ITERATIONS = 10
MAD_CONSTANT = 1.4826


def outlying(logs, k=FENCE_MULTIPLIER, rho=MINIMUM_RATIO, minimum=MINIMUM_ITERATIONS):
    """Boolean mask of outlying iterations; `logs` has the iterations of a run on its last axis."""
    centre = np.median(logs, axis=-1, keepdims=True)
    spread = MAD_CONSTANT * np.median(np.abs(logs - centre), axis=-1, keepdims=True)
    mask = (logs - centre) > np.maximum(k * spread, np.log(rho))
    if logs.shape[-1] < minimum:
        mask[...] = False
    return mask


def mean_log(logs):
    return logs.mean(axis=-1)


def median_log(logs):
    return np.median(logs, axis=-1)


def mean_log_without_outlying(logs):
    keep = ~outlying(logs)
    return (logs * keep).sum(axis=-1) / keep.sum(axis=-1)


RUN_LEVELS = {
    "meanLog": mean_log,
    "medianLog": median_log,
    "meanLogWithoutOutlyingIterations": mean_log_without_outlying,
}


def log_sigma(cv):
    """The log-scale standard deviation of a lognormal with coefficient of variation `cv`."""
    return float(np.sqrt(np.log1p(cv * cv)))
