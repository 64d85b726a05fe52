#!/usr/bin/env python3
"""Builds a repository for the history benchmarks with git fast-import: N commits, of which
every K-th changes the ICP file (strategy/segments/icp.yaml); the others change a file outside
the strategy. The strategy is otherwise complete, so `gtm bugs` has real findings to follow."""
import argparse, os, subprocess

SEGMENT = """apiVersion: gtm/v1
kind: Segment
id: platform-teams
name: Platform teams
firmographic:
  industries: [fintech, insurance]
  employees: {{min: 50, max: {max}}}
technographic: {{uses: [kubernetes]}}
behavioural: {{signals: [hiring SREs]}}
accounts: {{estimated: {estimated}}}
market: {{tam: {{accounts: 40000}}, trm: {{accounts: 2000}}}}
"""

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--commits", type=int, default=10000)
    ap.add_argument("--every", type=int, default=5)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    subprocess.run(["git", "init", "-q", "-b", "main", args.out], check=True)
    strategy = open(os.path.join(os.path.dirname(__file__), "..", "strategy", "strategy.yaml")).read()
    strategy = strategy.replace("beachhead: revops-engineering-teams", "beachhead: platform-teams")
    strategy = strategy.replace("nextSegments: [venture-backed-b2b-software]", "nextSegments: []")
    strategy = strategy.replace("    segment: enterprise-procurement\n", "")
    stream = []
    def blob(text):
        data = text.encode()
        stream.append(b"data %d\n" % len(data) + data + b"\n")
    t = 1_700_000_000
    for i in range(args.commits):
        t += 600
        msg = (f"change {i}").encode()
        stream.append(b"commit refs/heads/main\n")
        stream.append(b"committer Bench <bench@example.com> %d +0000\n" % t)
        stream.append(b"data %d\n%s\n" % (len(msg), msg))
        if i == 0:
            stream.append(b"M 100644 inline strategy/strategy.yaml\n")
            blob(strategy)
        if i % args.every == 0:
            # Estimates wander above and below 1,000, so findings are born and fixed.
            estimated = 600 + (i * 37) % 900
            stream.append(b"M 100644 inline strategy/segments/icp.yaml\n")
            blob(SEGMENT.format(max=300 + (i // args.every) % 400, estimated=estimated))
        else:
            stream.append(b"M 100644 inline notes/log.txt\n")
            blob(f"entry {i}\n")
    subprocess.run(["git", "-C", args.out, "fast-import", "--quiet"], input=b"".join(stream), check=True)
    subprocess.run(["git", "-C", args.out, "reset", "-q", "--hard", "main"], check=True)

if __name__ == "__main__":
    main()
