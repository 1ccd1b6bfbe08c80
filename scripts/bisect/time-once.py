#!/usr/bin/env python3
"""The usual way to bisect a slowdown: time the program once and compare with a fixed threshold.

For `git bisect run`: exits 0 (good) when one run of COMMAND takes less than THRESHOLD seconds,
1 (bad) otherwise, and 125 (skip) when the command fails.

    time-once.py --clock wall|cpu --threshold SECONDS -- COMMAND [ARGS...]
    time-once.py --clock cpu --print -- ./loop       # print the time instead

wall: elapsed time (time.perf_counter); cpu: user + system time of the process and what it
waited for (os.wait4), as qe-validate bisect --clock cpu measures.
"""
import argparse
import os
import subprocess
import sys
import time


def run_once(command, clock):
    """Seconds one run of `command` took on `clock`, or None when it failed."""
    start = time.perf_counter()
    process = subprocess.Popen(command)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        return None
    return elapsed if clock == "wall" else usage.ru_utime + usage.ru_stime


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clock", choices=["wall", "cpu"], default="wall")
    parser.add_argument("--threshold", type=float)
    parser.add_argument("--print", action="store_true", help="print the time and exit 0")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command or (args.threshold is None and not args.print):
        parser.error("give --threshold (or --print) and a command after --")
    seconds = run_once(command, args.clock)
    if seconds is None:
        return 125
    if args.print:
        print(f"{seconds:.9f}")
        return 0
    return 0 if seconds < args.threshold else 1


if __name__ == "__main__":
    sys.exit(main())
