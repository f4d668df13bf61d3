"""Executes every lesson in the kit's kernel and commits-ready copies with outputs to docs/lessons/.

usage (through the kit): ./primer render [--jobs N] [--budget SECONDS] [NAME ...]

  NAME   lesson files or prefixes to render (e.g. 03 or notebooks/03-local-peer-connection.ipynb);
         default: every notebooks/[0-9]*.ipynb, found by glob, so new lessons are picked up.

Each lesson runs in a fresh kernel (the kit's own, installed by the caller into an isolated
Jupyter directory), at most --jobs at a time (default 2). A copy is replaced only when its run
ended without an error output; otherwise the old copy stays and the command exits 1 with the
reason. Afterwards docs/lessons/README.md lists every copy with its run time, its size and the
machine it was measured on, and README.md's lesson table gets the same run times and a link to
each copy. Needs the environment the caller sets: JUPYTER_PATH / JUPYTER_DATA_DIR with the
webrtc-primer kernel, PRIMER_ROOT.
"""
import concurrent.futures
import datetime
import glob
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.environ.get("PRIMER_ROOT") or os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "docs", "lessons")
RUNNER = os.path.join(ROOT, "notebook-tests", "src", "test", "resources", "scripts", "run_notebook.py")


def lessons(names):
    every = sorted(glob.glob(os.path.join(ROOT, "notebooks", "[0-9]*.ipynb")))
    if not names:
        return every
    picked = []
    for n in names:
        base = os.path.basename(n)
        match = [p for p in every if os.path.basename(p) == base or os.path.basename(p).startswith(base)]
        if not match:
            sys.exit("render: no lesson matches '%s' (lessons: %s)" % (n, ", ".join(os.path.basename(p) for p in every)))
        picked += [p for p in match if p not in picked]
    return picked


def errors(executed):
    """The error outputs of an executed notebook, as short strings (cells tagged raises-exception are allowed to fail)."""
    nb = json.load(open(executed, encoding="utf-8"))
    found = []
    for i, c in enumerate(nb.get("cells", [])):
        if c.get("cell_type") != "code" or "raises-exception" in c.get("metadata", {}).get("tags", []):
            continue
        for o in c.get("outputs", []):
            if o.get("output_type") == "error":
                found.append("cell %d: %s: %s" % (i + 1, o.get("ename"), (o.get("evalue") or "")[:300]))
    return found


def render(path, budget):
    name = os.path.basename(path)
    tmp = tempfile.NamedTemporaryFile(suffix=".ipynb", delete=False).name
    try:
        proc = subprocess.run([sys.executable, RUNNER, path, tmp, str(budget)], capture_output=True, text=True,
                              timeout=budget + 120)
        last = [l for l in proc.stdout.splitlines() if l.startswith("{")]
        status = json.loads(last[-1]) if last else {"status": "failed", "seconds": 0, "message": proc.stderr[-2000:]}
        problems = errors(tmp) if os.path.exists(tmp) and os.path.getsize(tmp) > 0 else []
        if status["status"] != "ok" or problems:
            return name, status.get("seconds", 0), False, status.get("message") or "; ".join(problems) or status["status"]
        os.makedirs(OUT, exist_ok=True)
        shutil.move(tmp, os.path.join(OUT, name))
        os.chmod(os.path.join(OUT, name), 0o644)
        return name, status["seconds"], True, ""
    except subprocess.TimeoutExpired:
        return name, budget, False, "did not finish within %d s" % (budget + 120)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def machine():
    model = ""
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ""
    try:
        load = "load average %s at the start" % " / ".join(open("/proc/loadavg").read().split()[:3])
    except OSError:
        pass
    return "%s, %d cores%s, %s %s, Java kernel rapaio (the kit's), %s" % (
        platform.node() or "unnamed machine", os.cpu_count() or 0, (" (" + model + ")") if model else "",
        platform.system(), platform.release(), load)


def title(path):
    nb = json.load(open(path, encoding="utf-8"))
    for c in nb.get("cells", []):
        if c.get("cell_type") == "markdown":
            for line in "".join(c.get("source", [])).splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return os.path.basename(path)


def remember(times, where):
    """docs/lessons/runs.json keeps each copy's last run time and machine, so rendering one lesson keeps the others' figures."""
    path = os.path.join(OUT, "runs.json")
    runs = json.load(open(path, encoding="utf-8")) if os.path.exists(path) else {}
    when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    for name, secs in times.items():
        runs[name] = {"seconds": round(secs, 1), "when": when, "machine": where}
    runs = {k: v for k, v in sorted(runs.items()) if os.path.exists(os.path.join(OUT, k))}
    open(path, "w", encoding="utf-8").write(json.dumps(runs, indent=1, ensure_ascii=False) + "\n")
    return runs


def write_index(runs):
    rows = []
    total = 0
    machines = sorted({r["machine"] for r in runs.values()})
    for path in sorted(glob.glob(os.path.join(OUT, "[0-9]*.ipynb"))):
        name = os.path.basename(path)
        size = os.path.getsize(path)
        total += size
        r = runs.get(name)
        rows.append("| [%s](%s) | %s | %s | %.0f KB |" % (title(path), name, ("%.0f s" % r["seconds"]) if r else "?",
                                                           r["when"] if r else "?", size / 1000))
    text = ("# The lessons, executed\n\n"
            "Every lesson as it ran, with its outputs, so it can be read without running it (GitHub and nbviewer\n"
            "render these files). They are regenerated by `./primer render` and are not meant to be edited: the\n"
            "lessons themselves are in `notebooks/`, committed without outputs, and a test\n"
            "(`ExecutedCopiesTest`) fails when a copy's code differs from its lesson.\n\n"
            "The figures inside come from one run on one machine; on another machine, or the same one busier,\n"
            "they differ, and the lessons' sentences are written to hold either way.\n\n"
            "Measured on: %s.\n"
            "Run time is *Run All* in a fresh kernel, the kernel's start included, two lessons at a time.\n\n"
            "| lesson | run time | when | size |\n|---|---|---|---|\n%s\n\nTotal size: %.1f MB.\n") % (
               "; ".join(machines) or "?", "\n".join(rows), total / 1e6)
    open(os.path.join(OUT, "README.md"), "w", encoding="utf-8").write(text)
    return total


def update_readme(runs, where):
    """README.md's lesson table: the run-time cell of each lesson row from this run, and a link to its copy."""
    readme = os.path.join(ROOT, "README.md")
    if not os.path.exists(readme):
        return
    lines = open(readme, encoding="utf-8").read().split("\n")
    row = re.compile(r"^\| \[(?P<title>[^\]]+)\]\(notebooks/(?P<file>[0-9][^)]*\.ipynb)\)(?P<mid>.*)\| (?P<time>[^|]*) \|$")
    for i, line in enumerate(lines):
        m = row.match(line)
        if not m or m.group("file") not in runs:
            continue
        mid = re.sub(r" · \[executed\]\(docs/lessons/[^)]*\)", "", m.group("mid"))
        cells = mid.split("|")
        cells[0] = cells[0].rstrip() + " · [executed](docs/lessons/%s) " % m.group("file")
        lines[i] = "| [%s](notebooks/%s)%s| %.0f s |" % (m.group("title"), m.group("file"), "|".join(cells), runs[m.group("file")]["seconds"])
    text = "\n".join(lines)
    text = re.sub(r"<!-- render-machine -->.*?<!-- /render-machine -->",
                  "<!-- render-machine -->%s<!-- /render-machine -->" % where, text, flags=re.S)
    open(readme, "w", encoding="utf-8").write(text)


def main():
    args = sys.argv[1:]
    jobs, budget, names = 2, 600, []
    while args:
        a = args.pop(0)
        if a == "--jobs" and args:
            jobs = max(1, int(args.pop(0)))
        elif a == "--budget" and args:
            budget = max(30, int(args.pop(0)))
        elif a.startswith("-"):
            sys.exit("render: unknown option %s (options: --jobs N, --budget SECONDS)" % a)
        else:
            names.append(a)
    todo = lessons(names)
    where = machine()
    print("Rendering %d lesson(s), %d at a time, into %s" % (len(todo), jobs, os.path.relpath(OUT, ROOT)), flush=True)
    times, failed = {}, []
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        for name, secs, ok, why in pool.map(lambda p: render(p, budget), todo):
            print("  %-40s %6.1f s  %s" % (name, secs, "ok" if ok else "FAILED: " + why), flush=True)
            if ok:
                times[name] = secs
            else:
                failed.append(name)
    runs = remember(times, where)
    total = write_index(runs)
    update_readme(runs, where)
    print("docs/lessons: %.1f MB in all; README.md's run times updated for %d lesson(s)." % (total / 1e6, len(times)))
    if failed:
        print("render: %d lesson(s) failed and kept their old copy: %s" % (len(failed), ", ".join(failed)), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
