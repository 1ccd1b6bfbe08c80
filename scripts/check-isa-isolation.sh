#!/usr/bin/env bash
# Checks that AVX-512 code stays inside QEKernelsAVX512, so a CPU without AVX-512 never executes
# it: QEKernels enters that module only after checking the CPU (KernelISA), and that is only safe
# if no AVX-512 instruction sits anywhere else. The risk is the linker: a generic standard-library
# specialisation, or any other function with shared (link-once) linkage, emitted by the
# AVX-512 module could be merged with the same function of another module, and then run on
# behalf of code that never checked the CPU.
#
#     scripts/check-isa-isolation.sh [BINARY...]
#
# Without arguments it builds qe-validate and qe-kernel-bench in release (SCRATCH_PATH, default
# .build) and checks those. Three checks, each printed with its result:
#   1. every function QEKernelsAVX512's object files define belongs to that module — its mangled
#      name names the module ("15QEKernelsAVX512": its own declarations, and its extensions of
#      standard-library types such as SIMD16): no other module can emit a function of that name,
#      so the linker cannot merge it with another module's code, nor another module's with it;
#   2. in each binary, every function containing an EVEX-encoded instruction (AVX-512's encoding,
#      prefix byte 0x62) or naming a zmm register, a mask register k0–k7 or xmm16–31/ymm16–31
#      belongs to QEKernelsAVX512;
#   3. in each binary, every direct call or jump into QEKernelsAVX512 from outside it comes from
#      QEKernels (which checks KernelISA first) or qe-kernel-bench's FMAPeak (which does too).
# Exits 1 when a check fails, 0 when all pass. Needs objdump and python3. Debug test binaries can be
# checked too (pass the .xctest); check 1 always reads the release objects.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${SCRATCH_PATH:-.build}

if [ $# -eq 0 ]; then
  swift build -c release --scratch-path "$scratch" --product qe-validate >/dev/null
  swift build -c release --scratch-path "$scratch" --product qe-kernel-bench >/dev/null
  set -- "$scratch/release/qe-validate" "$scratch/release/qe-kernel-bench"
fi
# The module's current object files, as its output file map names them (a glob would also pick up
# objects of deleted sources).
map="$scratch/release/QEKernelsAVX512.build/output-file-map.json"
objects=()
if [ -f "$map" ]; then
  while IFS= read -r object; do
    [ -f "$object" ] && objects+=("$object")
  done < <(python3 -c 'import json, sys; [print(v["object"]) for v in json.load(open(sys.argv[1])).values() if "object" in v]' "$map")
fi

python3 - "${#objects[@]}" "${objects[@]}" "$@" <<'PY'
import re
import subprocess
import sys

# The module's identifier in a mangled name: its own declarations start "$s15QEKernelsAVX512";
# its extensions of other modules' types carry it after the extended type ("$ss6SIMD16V15QE…").
MODULE = "15QEKernelsAVX512"
# Callers allowed to enter the module: QEKernels (after KernelISA.isSupported) and the
# benchmark's peak measurement (after the same check).
ALLOWED_CALLERS = ("$s9QEKernels", "$s15qe_kernel_bench")
LEGACY_PREFIXES = {0x66, 0x67, 0xF2, 0xF3, 0x2E, 0x36, 0x3E, 0x26, 0x64, 0x65, 0xF0}
WIDE_REGISTER = re.compile(r"%(zmm\d+|k[0-7]\b|[xy]mm(1[6-9]|2\d|3[01])\b)")
HEADER = re.compile(r"^([0-9a-f]+) <(.+)>:$")
INSTRUCTION = re.compile(r"^\s*([0-9a-f]+):\t((?:[0-9a-f]{2} )+)\s*\t?(.*)$")
TARGET = re.compile(r"\b(?:call|jmp)\s+[0-9a-f]+ <([^>+]+)(?:\+0x[0-9a-f]+)?>")

count = int(sys.argv[1])
objects = sys.argv[2:2 + count]
binaries = sys.argv[2 + count:]
failed = False


def functions(path):
    """(name, [(bytes, text)]) for every function objdump disassembles in `path`."""
    output = subprocess.run(["objdump", "-d", "-w", path], check=True, capture_output=True, text=True).stdout
    name, body = None, []
    for line in output.splitlines():
        header = HEADER.match(line)
        if header:
            if name is not None:
                yield name, body
            name, body = header.group(2), []
            continue
        instruction = INSTRUCTION.match(line)
        if instruction and name is not None:
            raw = [int(b, 16) for b in instruction.group(2).split()]
            body.append((raw, instruction.group(3)))
    if name is not None:
        yield name, body


def owned(name):
    """Whether a function belongs to QEKernelsAVX512 (see check 1)."""
    return name.startswith("$s") and MODULE in name


def is_avx512(raw, text):
    index = 0
    while index < len(raw) and raw[index] in LEGACY_PREFIXES:
        index += 1
    return (index < len(raw) and raw[index] == 0x62) or WIDE_REGISTER.search(text) is not None


# 1. Nothing QEKernelsAVX512 emits lies outside its namespace.
if objects:
    outside = sorted({name for path in objects for name, _ in functions(path)
                      if not owned(name) and not name.startswith(".")})
    if outside:
        failed = True
        print(f"FAIL 1: QEKernelsAVX512's objects define {len(outside)} function(s) outside the module:")
        for name in outside:
            print(f"    {name}")
    else:
        defined = sum(1 for path in objects for _ in functions(path))
        print(f"ok   1: all {defined} functions in QEKernelsAVX512's {len(objects)} object files belong to the module")
else:
    print("skip 1: no QEKernelsAVX512 object files under the scratch path")

# BoringSSL (linked in through swift-crypto for report signing) ships hand-written AVX-512
# assembly for AES-GCM that it enters only after its own CPUID check (OPENSSL_ia32cap); its
# symbols are named for it. They are listed, not failed.
FOREIGN_DISPATCHED = re.compile(r"^CCryptoBoringSSL_.*avx512")

for binary in binaries:
    leaks, inside, callers, total, foreign = [], 0, set(), 0, []
    for name, body in functions(binary):
        total += 1
        wide = [text for raw, text in body if is_avx512(raw, text)]
        if owned(name):
            if wide:
                inside += 1
            continue
        if wide and FOREIGN_DISPATCHED.match(name):
            foreign.append(name)
        elif wide:
            leaks.append((name, len(wide), wide[0]))
        for _, text in body:
            target = TARGET.search(text)
            if target and owned(target.group(1)):
                callers.add(name)
    # 2. AVX-512 instructions only inside the module.
    if leaks:
        failed = True
        print(f"FAIL 2: {binary}: {len(leaks)} function(s) outside QEKernelsAVX512 hold AVX-512 instructions:")
        for name, n, example in leaks:
            print(f"    {name}: {n} instruction(s), e.g. {example}")
    else:
        print(f"ok   2: {binary}: AVX-512 instructions in {inside} function(s), all in QEKernelsAVX512; "
              f"none in the other {total - inside} functions"
              + (f" except BoringSSL's own CPU-dispatched AES-GCM ({len(foreign)})" if foreign else ""))
    # 3. Entered only from QEKernels and the benchmark's peak loop.
    strangers = sorted(c for c in callers if not c.startswith(ALLOWED_CALLERS))
    if strangers:
        failed = True
        print(f"FAIL 3: {binary}: QEKernelsAVX512 is entered from outside QEKernels:")
        for name in strangers:
            print(f"    {name}")
    else:
        entry = ", ".join(sorted(callers)) if callers else "none"
        print(f"ok   3: {binary}: QEKernelsAVX512 entered from {len(callers)} function(s): {entry}")

sys.exit(1 if failed else 0)
PY
