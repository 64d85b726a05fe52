#!/usr/bin/env python3
"""Writes a corpus of strategy files for the benchmarks: N Segment documents of about 100 lines
each (--lines 115: fifteen more signals, values rather than comments), every one valid, or
every one with two schema errors (--invalid: an unknown key and a count below its minimum), plus one self-contained copy of the Segment schema (its shared $defs inlined) so that tools
without gtm's local $id resolution (check-jsonschema) validate the same files against the same
rules, offline."""
import argparse, json, os, random, re

INDUSTRIES = ["fintech", "insurance", "logistics", "healthcare", "retail", "energy", "media",
              "manufacturing", "education", "travel", "legal", "real-estate"]
TOOLS = ["github", "gitlab", "terraform", "kubernetes", "snowflake", "dbt", "salesforce",
         "hubspot", "segment", "datadog", "pagerduty", "jira"]
REGIONS = ["US", "CA", "GB", "DE", "FR", "NL", "SE", "NO", "DK", "FI", "IE", "ES"]


def segment(i, rng, target_lines=100, invalid=False):
    lines = [
        "# yaml-language-server: $schema=../../schemas/Segment.schema.json",
        "apiVersion: gtm/v2",
        "kind: Segment",
        f"id: segment-{i:05d}",
        f"name: Generated segment {i}",
        "description: >-",
        "  A generated ideal customer profile used to measure how fast gtm reads",
        "  and validates strategy files; the values are plausible, not real.",
        "firmographic:",
        "  industries:",
    ]
    for ind in rng.sample(INDUSTRIES, 4):
        lines.append(f"    - {ind}")
    lo = rng.choice([20, 50, 100, 200])
    lines += [
        "  employees:",
        f"    min: {lo}",
        f"    max: {lo * rng.choice([5, 10, 20])}",
        "  annualRevenue:",
        f"    min: {{amount: {lo * 100000}, currency: USD}}",
        f"    max: {{amount: {lo * 2000000}, currency: USD}}",
        "  regions:",
    ]
    for r in rng.sample(REGIONS, 6):
        lines.append(f"    - {r}")
    lines += ["technographic:", "  uses:"]
    for t in rng.sample(TOOLS, 5):
        lines.append(f"    - {t}")
    lines += ["  avoids:"]
    for t in rng.sample(TOOLS, 3):
        lines.append(f"    - legacy-{t}")
    lines += ["behavioural:", "  signals:"]
    for k in range(8 + max(0, target_lines - 100)):
        lines.append(f"    - signal {k} seen in the last quarter for segment {i}")
    lines += ["  triggers:"]
    for k in range(8):
        lines.append(f"    - trigger {k}, a new leader or a failed audit in segment {i}")
    est = rng.randint(200, 950)
    lines += [
        "accounts:",
        f"  estimated: {-est if invalid else est}",
        "  source: generated list, deduplicated by domain",
        "market:",
        "  tam:",
        f"    accounts: {est * 40}",
        f"    value: {{amount: {est * 40 * 30000}, currency: USD}}",
        "  trm:",
        f"    accounts: {est * 3}",
        f"    value: {{amount: {est * 3 * 30000}, currency: USD}}",
    ]
    if invalid:
        lines.append("owner: nobody")  # no such property
    while len(lines) < target_lines:
        lines.append(f"# note {len(lines)}: a comment line as real files carry them")
    return "\n".join(lines) + "\n"


def inline_schema(schemas_dir):
    """Segment.schema.json with every common.schema.json reference made local."""
    seg = json.load(open(os.path.join(schemas_dir, "Segment.schema.json")))
    common = json.load(open(os.path.join(schemas_dir, "common.schema.json")))
    defs = seg.setdefault("$defs", {})
    for k, v in common.get("$defs", {}).items():
        defs.setdefault(k, v)
    # Every reference to the shared file, including those inside the copied definitions, is local now.
    text = re.sub(r'"(common\.schema\.json)?#/\$defs/', '"#/$defs/', json.dumps(seg))
    seg = json.loads(text)
    seg["$id"] = "https://gtm.tools/schemas/v1/bench/Segment.schema.json"
    return seg


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=5000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--lines", type=int, default=100)
    ap.add_argument("--invalid", action="store_true")
    ap.add_argument("--schemas", default=os.path.join(os.path.dirname(__file__), "..", "schemas"))
    args = ap.parse_args()
    rng = random.Random(42)
    files_dir = os.path.join(args.out, "files")
    os.makedirs(files_dir, exist_ok=True)
    for i in range(args.files):
        with open(os.path.join(files_dir, f"segment-{i:05d}.yaml"), "w") as f:
            f.write(segment(i, rng, args.lines, args.invalid))
    with open(os.path.join(args.out, "segment.schema.json"), "w") as f:
        json.dump(inline_schema(args.schemas), f, indent=2)


if __name__ == "__main__":
    main()
