#!/usr/bin/env python3
"""Fails when a source file does not have the house shape.

Each C++ file starts with `// File: <its path>` and stays under about 400 lines (the limit
allows a little slack), and core/ writes no Slack markup: mentions, channel links and emphasis
are structured parts that only bot/slack renders. Usage: file-shape.py SOURCE_DIR
"""
import pathlib
import re
import subprocess
import sys

MAX_LINES = 420
FOLDERS = ("bot", "core", "storage", "config", "sim", "drill", "tests", "fuzz", "bench")
SLACK_MARKUP = re.compile(r'"[^"\n]*(<@|<#|<!)')

root = pathlib.Path(sys.argv[1])
listed = subprocess.run(["git", "-C", str(root), "ls-files", "*.cpp", "*.hpp"],
                        capture_output=True, text=True)
paths = listed.stdout.split() if listed.returncode == 0 else [
    str(p.relative_to(root)) for f in FOLDERS for p in (root / f).rglob("*.[ch]pp")]
bad = []
for name in sorted(paths):
    if not name.startswith(FOLDERS):
        continue
    lines = (root / name).read_text().splitlines()
    if not lines or lines[0].strip() != f"// File: {name}":
        bad.append(f"{name}: the first line is not '// File: {name}'")
    if len(lines) > MAX_LINES:
        bad.append(f"{name}: {len(lines)} lines (split it by concept; the limit is {MAX_LINES})")
    if name.startswith("core/"):
        for number, line in enumerate(lines, 1):
            if SLACK_MARKUP.search(line):
                bad.append(f"{name}:{number}: Slack markup in core: {line.strip()}")
if bad:
    print("files out of shape:", *bad, sep="\n  ")
    sys.exit(1)
print(f"file-shape: {len(paths)} files, each with its File line and under {MAX_LINES} lines")
