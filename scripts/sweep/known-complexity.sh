#!/usr/bin/env bash
# Does `qe-validate sweep` name the growth of programs whose cost is known? Builds small C
# programs (scripts/sweep/known-complexity/*.c), each with a fixed start-up of a few
# milliseconds (the intercept that a process start-up and a runtime's initialisation give:
# the exec, then 10⁶ dependent multiply-adds) and then work of a known class; sweeps each with
# `qe-validate sweep --command 'PROGRAM {n}'`; and prints per program the class named, the
# classes compatible, and k with its 95% interval.
#
#   scripts/sweep/known-complexity.sh [OUT_DIRECTORY]
#
# The programs: loops.c built five times — a dependent chain of multiply-adds with 1, n,
# n log n (n·log₂ n at powers of two), n² and n³ steps, no memory traffic — and three as
# programs have them: sort.c (qsort of n integers, n log n), pairs.c (every pair of n integers
# compared, n²), matmul.c (the textbook product of two n×n matrices, n³). Six sizes each,
# spread on a log scale from where the work is a fraction of the start-up to where it is some
# 50 times it (the largest takes 0.1–0.5 s here). 5 runs × 10 iterations per size (RUNS,
# ITERATIONS), every iteration a new process, the sizes visited in a seeded shuffled order.
# Release build (QE_VALIDATE=path to use another binary); about 5 minutes on a loaded 2-core
# machine. Writes each sweep's results and judgement (PROGRAM.json, PROGRAM.sweep.json) into
# OUT_DIRECTORY (default .build/known-complexity) and prints a Markdown table, the CPU and the
# load average.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-.build/known-complexity}
runs=${RUNS:-5}
iterations=${ITERATIONS:-10}
bin=${QE_VALIDATE:-.build/release/qe-validate}
mkdir -p "$out/bin"
[ -n "${QE_VALIDATE:-}" ] || swift build -c release --product qe-validate >/dev/null
src=scripts/sweep/known-complexity
cc=${CC:-cc}
for class in 0 1 2 3 4; do
  name=$(printf '%s' "constant linear quadratic cubic linearithmic" | cut -d' ' -f$((class + 1)))
  "$cc" -O2 -DCOST_CLASS=$class "$src/loops.c" -o "$out/bin/loop-$name"
done
for program in sort pairs matmul; do "$cc" -O2 "$src/$program.c" -o "$out/bin/$program"; done

# program, its class, the sizes
programs=(
  "loop-constant|1|1000,4000,16000,64000,256000,1024000"
  "loop-linear|n|250000,750000,2250000,6750000,20250000,60750000"
  "loop-linearithmic|n log n|8192,32768,131072,524288,2097152,4194304"
  "loop-quadratic|n^2|500,870,1520,2640,4600,8000"
  "loop-cubic|n^3|64,96,144,216,324,400"
  "sort|n log n|4096,16384,65536,262144,524288,1048576"
  "pairs|n^2|1000,1740,3030,5280,9190,16000"
  "matmul|n^3|64,96,144,216,324,486"
)
for entry in "${programs[@]}"; do
  IFS='|' read -r program class sizes <<< "$entry"
  echo "sweeping $program ($class) over n = $sizes" >&2
  "$bin" sweep --command "$out/bin/$program {n}" --parameter "n=$sizes" \
    --runs "$runs" --iterations "$iterations" --warmup 1 --quiet \
    --out "$out/$program.json" --format json --output "$out/$program.sweep.json"
done

python3 - "$out" "${programs[@]}" <<'TABLE'
import json, sys
out, entries = sys.argv[1], sys.argv[2:]
print('| program | true class | n | k | 95% interval | class named | compatible | |')
print('|---|---|---|---:|---:|---|---|---|')
for entry in entries:
    program, truth, sizes = entry.split('|')
    document = json.load(open('%s/%s.sweep.json' % (out, program)))
    fit = next(e for e in document['scaling'] if e['metric'] == 'time')
    k = fit['exponent']
    interval = '[%.2f, %.2f]' % (k['low'], k['high']) if k.get('low') is not None else '–'
    named = fit['class'] or 'none'
    compatible = ', '.join(fit['compatibleClasses']) or 'none'
    values = sizes.split(',')
    print('| %s | %s | %s–%s | %.2f | %s | %s | %s | %s |' % (
        program, truth, values[0], values[-1], k['estimate'], interval, named, compatible,
        'right' if named == truth else 'WRONG'))
TABLE
lscpu | grep -E '^(Model name|CPU\(s\)|CPU family|Model|Stepping):' >&2
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
