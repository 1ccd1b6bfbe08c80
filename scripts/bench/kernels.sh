#!/usr/bin/env bash
# The attention kernels on this machine, in one run: the single-core FP32 FMA peak of each
# instruction set (AVX2; AVX-512 where the CPU has it), baseline and flash on the five catalogue
# workloads and on dim 64 at seqLen 1024–8192 on every kernel path the CPU supports (release
# build, one thread; the table's `path` column says which), and NumPy on the same shapes with one
# OpenBLAS thread. Prints the machine
# and one table. Needs python3 with NumPy; threadpoolctl (pip install threadpoolctl) makes it
# report which OpenBLAS kernel ran.
#
# CLOCK=thread times every call by the CPU time of its thread instead of elapsed time (both the
# kernels and NumPy): on a machine shared with other work, long calls otherwise include the time
# they waited for a core.
#
# ISA=preferred times only the path `qe-validate run` would use (so QE_KERNELS_ISA=avx2 applies);
# ISA=avx2 or ISA=avx512 times one path; the default, ISA=all, times every supported path.
#
# OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE may be set on this machine (older OpenBLAS builds need
# them); they slow a current NumPy, so they are unset for the main NumPy run, in that command
# only. A second NumPy run is NumPy as it runs on a CPU without AVX-512 (Zen 3, Haswell to
# Alder Lake), the like-for-like comparison for the AVX2 path: OpenBLAS forced to its Haswell
# (AVX2 + FMA) kernel, and NumPy's own AVX-512 loops (its exp, max and sum) switched off with
# NPY_DISABLE_CPU_FEATURES, so they run their AVX2 versions. On a CPU without AVX-512 both
# settings change nothing.
set -euo pipefail
cd "$(dirname "$0")/../.."
scratch=${SCRATCH_PATH:-.build}
repeats=${REPEATS:-15}
isa=${ISA:-all}
clock=${CLOCK:-wall}
swift build -c release --scratch-path "$scratch" --product qe-kernel-bench >/dev/null
bench="$scratch/release/qe-kernel-bench"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "## Machine"
echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), family $(grep -m1 '^cpu family' /proc/cpuinfo | cut -d: -f2 | tr -d ' ') model $(grep -m1 '^model[[:space:]]' /proc/cpuinfo | cut -d: -f2 | tr -d ' ') ($(nproc) cores, $(grep -m1 -o 'avx512f' /proc/cpuinfo >/dev/null && echo 'AVX-512' || echo 'no AVX-512'))"
echo "- OS: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- $(swift --version 2>/dev/null | head -1)"
echo

shapes=$("$bench" --list)
# shellcheck disable=SC2086
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 \
  python3 scripts/bench/numpy_attention.py --repeats "$repeats" --clock "$clock" $shapes > "$out/numpy.txt"
# shellcheck disable=SC2086
env -u OPENBLAS_L2_SIZE OPENBLAS_CORETYPE=Haswell OPENBLAS_NUM_THREADS=1 \
  NPY_DISABLE_CPU_FEATURES="X86_V4 AVX512_ICL AVX512_SPR" python3 scripts/bench/numpy_attention.py --repeats "$repeats" --clock "$clock" $shapes > "$out/numpy-haswell.txt"
echo "## NumPy"
grep '^#' "$out/numpy.txt" | sed 's/^# /- default: /'
grep '^#' "$out/numpy-haswell.txt" | grep -E 'kernel=|simd=' | sed 's/^# /- forced AVX2: /'
echo

echo "## Kernels"
"$bench" --repeats "$repeats" --clock "$clock" --isa "$isa" --numpy "$out/numpy.txt" --numpy-avx2 "$out/numpy-haswell.txt"
