#!/usr/bin/env python3
"""Captures the golden outputs of qe-validate on the committed examples.

Reads Tests/QEValidateCommandsTests/Golden/cases.json (each case: a name, the arguments, and
for commands that write files, the files to keep), runs the given qe-validate from the top of
the repository, and writes into the same folder:

  NAME              the standard output, byte for byte
  NAME.files/FILE   each file the case writes (reports)
  expected.json     per case: the exit status and the standard error

Only one thing is normalised: a case's output directory (`{OUT}` in its arguments) is a fresh
temporary directory, and its path is written back as `{OUT}` wherever it appears (the report
states the command that made it). Everything else is deterministic: seeds are fixed and the
report's date is given.

    swift build --product qe-validate
    python3 scripts/golden/capture.py --qe-validate .build/debug/qe-validate

`GoldenOutputTests` runs the same cases and compares every byte. Regenerate only for a
deliberate change of output, and say in the commit which files changed and why.
"""
import argparse
import json
import os
import shutil
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GOLDEN = os.path.join(ROOT, "Tests", "QEValidateCommandsTests", "Golden")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--qe-validate", required=True, help="the executable to run")
    parser.add_argument("--only", action="append", default=[], help="capture only this case (repeatable)")
    options = parser.parse_args()
    executable = os.path.abspath(options.qe_validate)
    with open(os.path.join(GOLDEN, "cases.json")) as handle:
        cases = json.load(handle)["cases"]
    expected_path = os.path.join(GOLDEN, "expected.json")
    expected = {}
    if os.path.exists(expected_path):
        with open(expected_path) as handle:
            expected = json.load(handle)
    for case in cases:
        name = case["name"]
        if options.only and name not in options.only:
            continue
        out = tempfile.mkdtemp(prefix="qe-validate-golden-")
        try:
            arguments = [argument.replace("{OUT}", out) for argument in case["arguments"]]
            result = subprocess.run([executable] + arguments, cwd=ROOT, capture_output=True)

            def normalise(data):
                return data.replace(out.encode(), b"{OUT}")

            with open(os.path.join(GOLDEN, name), "wb") as handle:
                handle.write(normalise(result.stdout))
            files_dir = os.path.join(GOLDEN, name + ".files")
            if case.get("files"):
                shutil.rmtree(files_dir, ignore_errors=True)
                os.makedirs(files_dir)
                for file in case["files"]:
                    with open(os.path.join(out, file), "rb") as source, open(os.path.join(files_dir, file), "wb") as target:
                        target.write(normalise(source.read()))
            expected[name] = {"status": result.returncode, "stderr": normalise(result.stderr).decode()}
            print(f"{name}: exit {result.returncode}")
        finally:
            shutil.rmtree(out, ignore_errors=True)
    names = {case["name"] for case in cases}
    expected = {name: value for name, value in sorted(expected.items()) if name in names}
    with open(expected_path, "w") as handle:
        json.dump(expected, handle, indent=1, ensure_ascii=False, sort_keys=True)
        handle.write("\n")


if __name__ == "__main__":
    main()
