#!/usr/bin/env python3
"""The in-process reference for one validation: jsonschema-rs (a compiled Rust validator)
applying the Strategy schema, with every bundled schema registered so its references resolve
offline, to the very instance gtm validates in `gtm-bench` (which writes it as JSON with
`--write-instance`, so both tools judge the same values: YAML 1.1 readers would turn dates
into objects). Prints the median microseconds per validation over many timed batches.

Usage: bench/jsonschema_rs_validate.py INSTANCE.json [SCHEMAS_DIR]"""
import json, os, statistics, sys, timeit

import jsonschema_rs


def main():
    instance_path = sys.argv[1]
    schemas_dir = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "schemas")
    resources = []
    for name in sorted(os.listdir(schemas_dir)):
        if name.endswith(".json"):
            schema = json.load(open(os.path.join(schemas_dir, name)))
            resources.append((schema["$id"], schema))
    registry = jsonschema_rs.Registry(resources)
    strategy = dict(resources)["https://gtm.tools/schemas/v1/Strategy.schema.json"]
    validator = jsonschema_rs.validator_for(strategy, registry=registry)
    instance = json.load(open(instance_path))
    assert validator.is_valid(instance), "the strategy should be valid"
    # `is_valid`, as gtm's first pass: no error is built for a valid document.
    timer = timeit.Timer(lambda: validator.is_valid(instance))
    batch, _ = timer.autorange()
    runs = [t / batch * 1e6 for t in timer.repeat(repeat=31, number=batch)]
    print(f"jsonschema-rs {jsonschema_rs.__version__ if hasattr(jsonschema_rs, '__version__') else ''}".strip()
          + f": {statistics.median(runs):.2f} µs per validation (median of 31 batches of {batch})")


if __name__ == "__main__":
    main()
