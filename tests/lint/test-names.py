#!/usr/bin/env python3
"""Fails when a doctest TEST_CASE name cannot be run by CTest.

doctest_discover_tests registers each case by name, and CTest splits names at ';': such a
case then runs nothing, and passes. Usage: test-names.py TESTS_DIR
"""
import pathlib
import re
import sys

case = re.compile(r'TEST_CASE\(\s*((?:"(?:[^"\\]|\\.)*"\s*)+)')
literal = re.compile(r'"((?:[^"\\]|\\.)*)"')
bad = []
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.cpp")):
    for match in case.finditer(path.read_text()):
        name = "".join(literal.findall(match.group(1)))
        if ";" in name:
            bad.append(f"{path}: {name}")
if bad:
    print("test names CTest cannot run (no ';' in a name):", *bad, sep="\n  ")
    sys.exit(1)
print("test-names: every TEST_CASE name is runnable by CTest")
