#!/usr/bin/env python3
"""NumPy single-head attention, softmax(Q·Kᵀ/√d)·V in float32, timed on given shapes.

    numpy_attention.py [--repeats N] [--clock wall|thread] NAME:SEQLEN:DIM ...

For each shape: seeded inputs uniform in [-1, 1) made before timing, 3 warm-up calls, then the
median of N calls, timed by elapsed time (perf_counter) or, with --clock thread, by the calling
thread's CPU time (thread_time: the time spent waiting for a core on a shared machine left out,
as qe-kernel-bench --clock thread does). The computation is what a NumPy user writes, with preallocated outputs so
that only BLAS, the softmax passes and nothing else are timed:
    S = Q @ K.T; S *= 1/sqrt(d); S -= S.max(axis=1); exp(S); S /= S.sum(axis=1); O = S @ V
Prints the BLAS in use (threadpoolctl, if installed) and the SIMD extensions NumPy's own loops
dispatch to (NPY_DISABLE_CPU_FEATURES can switch some off) as comments, then one line per shape:
    workload=NAME seqLen=N dim=D median_seconds=S gflops=G      (GFLOP/s = 4·N²·D / S)
Run it with OPENBLAS_NUM_THREADS=1 for the one-core figure (scripts/bench/kernels.sh does).
"""
import sys
import time

import numpy as np


def attention(q, k, v, scores, out):
    np.matmul(q, k.T, out=scores)
    scores *= np.float32(1 / np.sqrt(q.shape[1]))
    scores -= scores.max(axis=1, keepdims=True)
    np.exp(scores, out=scores)
    scores /= scores.sum(axis=1, keepdims=True)
    np.matmul(scores, v, out=out)


def dispatched_simd():
    """The SIMD extensions NumPy's loops may dispatch to on this CPU (as numpy.show_runtime says)."""
    try:
        from numpy._core._multiarray_umath import __cpu_dispatch__, __cpu_features__
    except ImportError:
        return ["unknown"]
    return [name for name in __cpu_dispatch__ if __cpu_features__.get(name)]


def main(argv):
    repeats = 15
    clock = time.perf_counter
    while len(argv) >= 2 and argv[0] in ("--repeats", "--clock"):
        if argv[0] == "--repeats":
            repeats = int(argv[1])
        elif argv[1] in ("wall", "thread"):
            clock = time.perf_counter if argv[1] == "wall" else time.thread_time
        else:
            sys.exit(__doc__)
        argv = argv[2:]
    if not argv:
        sys.exit(__doc__)
    try:
        import threadpoolctl
        for pool in threadpoolctl.threadpool_info():
            print(f"# {pool.get('internal_api')} {pool.get('version')} kernel={pool.get('architecture')} "
                  f"threads={pool.get('num_threads')}")
    except ImportError:
        print("# threadpoolctl not installed: BLAS kernel not reported (pip install threadpoolctl)")
    print(f"# numpy {np.__version__} simd={','.join(dispatched_simd()) or 'baseline only'}")
    for spec in argv:
        name, seq_len, dim = spec.split(":")
        n, d = int(seq_len), int(dim)
        rng = np.random.default_rng(1)
        q, k, v = (rng.uniform(-1, 1, (n, d)).astype(np.float32) for _ in range(3))
        scores = np.empty((n, n), dtype=np.float32)
        out = np.empty((n, d), dtype=np.float32)
        for _ in range(3):
            attention(q, k, v, scores, out)
        seconds = []
        for _ in range(repeats):
            start = clock()
            attention(q, k, v, scores, out)
            seconds.append(clock() - start)
        median = sorted(seconds)[len(seconds) // 2]
        print(f"workload={name} seqLen={n} dim={d} median_seconds={median:.6g} gflops={4 * n * n * d / median / 1e9:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
