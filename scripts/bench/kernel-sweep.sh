#!/usr/bin/env bash
# Where flash attention pays off on this machine: `qe-validate sweep` over the kernels' shapes
# (release build), as the README's "Where does a speedup hold" section shows it.
#
#   scripts/bench/kernel-sweep.sh [OUT_DIRECTORY]
#
# Two sweeps, each measured round by round in a seeded shuffled order, every run a worker
# process:
#   1. dim 64 (an attention head's width), seqLen 256–8192: 8 runs × 10 iterations;
#   2. the catalogue's dims (256, 384, 512, 768, 1024), seqLen 512–4096: 5 runs × 3 iterations
#      (a baseline call at 4096×1024 takes 0.5–2 s on a loaded 2-core machine).
# Writes sweep-dim64.json / .md and sweep-catalogue-dims.json / .md into OUT_DIRECTORY
# (default .build/kernel-sweep) and prints the machine. The claim judged is "flash is at least
# 1.1x faster" (CLAIM=… to change it). About 10–15 minutes on a loaded 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-.build/kernel-sweep}
claim=${CLAIM:-1.1x}
mkdir -p "$out"
swift build -c release --product qe-validate >/dev/null
bin=.build/release/qe-validate
# Exit 1 is a verdict (the claim holds nowhere in the measured range), not a failure.
sweep() { "$bin" sweep "$@" || [ $? -eq 1 ]; }
lscpu | grep -E '^(Model name|CPU\(s\)|CPU family|Model|Stepping):' >&2
sweep --workload custom --parameter seqLen=256,512,1024,2048,4096,8192 --parameter dim=64 \
    --runs 8 --iterations 10 --warmup 2 --claim "$claim" --quiet \
    --out "$out/sweep-dim64.json" --format markdown --output "$out/sweep-dim64.md"
sweep --workload custom --parameter seqLen=512,1024,2048,4096 --parameter dim=256,384,512,768,1024 \
    --runs 5 --iterations 3 --warmup 1 --claim "$claim" --quiet \
    --out "$out/sweep-catalogue-dims.json" --format markdown --output "$out/sweep-catalogue-dims.md"
cat "$out/sweep-dim64.md" "$out/sweep-catalogue-dims.md"
