#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Run a validator and fail on warnings it reports with exit status 0.

Usage: run-strict.py REGEX COMMAND [ARG...]

Fails when COMMAND exits non-zero or when a line of its output matches REGEX
(for desktop-file-validate, ': (warning|error): '; hints are allowed).
A COMMAND named 'skip:<program>' skips the test (exit 77): the program was
not found when the build was configured.
"""

import re
import subprocess
import sys


def main():
    if len(sys.argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    pattern = re.compile(sys.argv[1])
    command = sys.argv[2:]
    if command[0].startswith('skip:'):
        print(f'{command[0][5:]} was not found; skipping')
        return 77
    result = subprocess.run(command, capture_output=True, text=True)
    output = result.stdout + result.stderr
    sys.stdout.write(output)
    bad = [line for line in output.splitlines() if pattern.search(line)]
    if result.returncode != 0:
        print(f'FAIL: {command[0]} exited with {result.returncode}')
        return 1
    if bad:
        print(f'FAIL: {len(bad)} warning(s) from {command[0]}')
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
