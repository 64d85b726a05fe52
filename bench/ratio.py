#!/usr/bin/env python3
"""Reads a hyperfine JSON export whose first command is gtm and prints one markdown row per
other command: its mean time, gtm's, and how many times faster gtm is (mean against mean).

Usage: bench/ratio.py LABEL EXPORT.json"""
import json, sys

label, path = sys.argv[1], sys.argv[2]
results = json.load(open(path))["results"]
gtm = results[0]
for other in results[1:]:
    print(f"| {label} | {gtm['mean']:.3f} s ± {gtm['stddev'] or 0:.3f} | {other['mean']:.2f} s ± {other['stddev'] or 0:.2f} "
          f"| **{other['mean'] / gtm['mean']:.0f}×** |")
