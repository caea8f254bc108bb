"""Checks CSV files as an independent reader sees them: Python's csv module (RFC 4180 quoting).

Usage: check_csv.py FILE [FILE ...]   ("-" reads standard input)
Each file must have a header and at least one row, and every row as many fields as the header.
Prints "FILE: N rows × M columns" per file; exits 1 naming the first bad line.
"""
import csv
import sys


def check(name, stream):
    rows = list(csv.reader(stream))
    if len(rows) < 2:
        sys.exit(f"{name}: no data rows")
    width = len(rows[0])
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != width:
            sys.exit(f"{name}: line {number} has {len(row)} fields, the header {width}: {row!r}")
    print(f"{name}: {len(rows) - 1} rows × {width} columns")


for path in sys.argv[1:]:
    if path == "-":
        check("stdin", sys.stdin)
    else:
        with open(path, newline="", encoding="utf-8") as f:
            check(path, f)
