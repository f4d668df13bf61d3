"""Sizing a class: N students running the same lesson at once on one hub, for several N.

usage: sizing.py --root KIT [--sizes 1,2,4,8] [--rounds 2] [--lesson NAME] [--out FILE.json]

Installs the kit once (./primer setup --system into a temporary prefix), then runs hub.py for
each N and round (a fresh hub and fresh students each time) and prints a Markdown table:
per-student kernel peak RSS and CPU seconds, the lesson's wall time per student, failed cells.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def mmm(xs, fmt="%.0f"):
    xs = sorted(x for x in xs if x is not None)
    if not xs:
        return "–"
    return (fmt + " / " + fmt + " / " + fmt) % (xs[0], statistics.median(xs), xs[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--sizes", default="1,2,4,8")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--lesson", default="03-local-peer-connection")
    ap.add_argument("--out")
    ap.add_argument("--work")
    args = ap.parse_args()
    root = os.path.abspath(args.root)
    here = os.path.dirname(os.path.abspath(__file__))
    work = os.path.abspath(args.work) if args.work else tempfile.mkdtemp(prefix="primer-sizing-")
    os.makedirs(work, exist_ok=True)
    os.chmod(work, 0o755)
    prefix = os.path.join(work, "prefix")
    runs = []
    try:
        r = subprocess.run(["bash", os.path.join(root, "primer"), "setup", "--system", "--prefix", prefix],
                           env=dict(os.environ, PRIMER_NO_BUILD="1"), capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit("sizing: ./primer setup --system failed:\n" + r.stdout + r.stderr)
        for rnd in range(args.rounds):
            for n in [int(x) for x in args.sizes.split(",")]:
                with open("/proc/loadavg") as f:
                    load = float(f.read().split()[0])
                t = time.monotonic()
                p = subprocess.run([sys.executable, os.path.join(here, "hub.py"), "--root", root, "--users", str(n),
                                    "--lesson", args.lesson, "--prefix", prefix, "--work", os.path.join(work, "run"),
                                    "--json", "--quiet"], capture_output=True, text=True)
                lines = [l for l in p.stdout.splitlines() if l.startswith("{")]
                res = json.loads(lines[-1]) if lines else {"students": [], "errors": [p.stderr[-2000:]]}
                res.update(round=rnd + 1, n=n, load_before=load, exit=p.returncode, run_s=round(time.monotonic() - t, 1))
                runs.append(res)
                shutil.rmtree(os.path.join(work, "run"), ignore_errors=True)
                print("round %d, N=%d: %s" % (rnd + 1, n, [l for l in p.stdout.splitlines() if not l.startswith("{")][-1:]),
                      file=sys.stderr, flush=True)
    finally:
        if args.out:
            with open(args.out, "w") as f:
                json.dump(runs, f)
        shutil.rmtree(work, ignore_errors=True)
    print("| N | round | load before | lesson wall s per student (min / median / max) | kernel peak RSS MB | kernel CPU s | "
          "server RSS MB | failed cells | all lessons done in s |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in runs:
        st = r["students"]
        failed = sum(len(s.get("failed") or []) for s in st) + (r["n"] - len(st))
        print("| %d | %d | %.1f | %s | %s | %s | %s | %d | %s |" % (
            r["n"], r["round"], r["load_before"], mmm([s.get("lesson_s") for s in st], "%.1f"),
            mmm([s.get("peak_rss_mb") for s in st]), mmm([s.get("cpu_s") for s in st], "%.1f"),
            mmm([s.get("server_rss_mb") for s in st]), failed, r.get("lessons_wall_s", "–")))


if __name__ == "__main__":
    main()
