"""Where a lesson's Run All spends its time, beside an empty notebook in the same kernel.

usage (through the kit): ./primer profile [--rounds N] [--compare OPTS | --cds] [--json FILE] LESSON [LESSON ...]

  LESSON     a lesson file or prefix (03, or notebooks/03-local-peer-connection.ipynb), or the
             path of any notebook
  --rounds N each lesson runs N times (default 1), each time in a fresh kernel; before every
             lesson run, and once after the last, an empty notebook (one cell: 1 + 1) runs in a
             fresh kernel too, so both are measured side by side under the same load
  --compare OPTS  also run a variant kernel whose JVM gets these extra options (one string,
             e.g. "-XX:TieredStopAtLevel=1"), alternating with the kit's kernel in every round,
             so a lever is measured side by side rather than assumed
  --cds      the variant is the kit's kernel with a class-data-sharing archive, trained first by
             classroom/cds_train.py as ./primer setup --system does
  --json F   also write every figure to F

Each run starts the kit's kernel (installed by the caller into an isolated Jupyter directory)
with PRIMER_PROFILE set, so the kernel's launcher notes per cell how long JShell compiled and how
long the code ran, and samples the cell's thread for the kit's own waits and for class loading
(kernel/…/CellProfile.java says how). The cells are sent one after another as Run All does
(stopping at the first error that is not tagged raises-exception). Columns (ms): wall, as the client saw the cell; compile, JShell and javac on the kernel's shell
thread; render, the kit turning a cell's result into HTML there; run, the cell's code; waits, of
that, blocked inside the kit; cpu:jsh and cpu:run, CPU time of the shell thread and of the
cell's thread (less sensitive to load than wall time); classes, sampled class loading. Prints one table per lesson
(the median of the rounds per figure) and the ratio of the lesson to the empty notebook, with the
load average, since timings on a shared machine depend on what else runs.
"""
import glob
import json
import os
import statistics
import sys
import tempfile
import time

from jupyter_client.manager import KernelManager

ROOT = os.environ.get("PRIMER_ROOT") or os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KERNEL = "webrtc-primer"
RENDER = "the kit's code (rendering a result)"
EMPTY = [{"cell_type": "code", "source": "1 + 1", "metadata": {}}]


def lessons(names):
    every = sorted(glob.glob(os.path.join(ROOT, "notebooks", "**", "*.ipynb"), recursive=True))
    picked = []
    for n in names:
        if os.path.isfile(n) and n.endswith(".ipynb"):   # any notebook by its path
            picked.append(os.path.abspath(n))
            continue
        base = os.path.basename(n)
        match = [p for p in every if os.path.basename(p) == base or os.path.basename(p).startswith(base)]
        if not match:
            sys.exit("profile: no notebook matches '%s'" % n)
        picked += [p for p in match[:1] if p not in picked]   # 03 → the lesson, not its solutions
    return picked


def load():
    return "%.2f / %.2f / %.2f" % os.getloadavg()


def variant(opts):
    """A kernelspec beside the kit's, the same but for extra JVM options; returns its name."""
    data = os.environ["JUPYTER_DATA_DIR"]
    src = os.path.join(data, "kernels", KERNEL)
    spec = json.load(open(os.path.join(src, "kernel.json"), encoding="utf-8"))
    spec["argv"] = spec["argv"][:1] + opts + spec["argv"][1:]
    spec["display_name"] += " (variant)"
    dst = os.path.join(data, "kernels", KERNEL + "-variant")
    os.makedirs(dst, exist_ok=True)
    with open(os.path.join(dst, "kernel.json"), "w", encoding="utf-8") as f:
        json.dump(spec, f, indent=1)
    return KERNEL + "-variant"


def cds_archive():
    """Trains the kernel's class-data-sharing archive (classroom/cds_train.py); returns its path."""
    spec = os.path.join(os.environ["JUPYTER_DATA_DIR"], "kernels", KERNEL)
    archive = os.path.join(os.environ["JUPYTER_DATA_DIR"], "webrtc-primer.jsa")
    import subprocess
    t = time.monotonic()
    for attempt in range(2):  # a busy machine can make the training kernel miss its exit's grace period
        p = subprocess.run([sys.executable, os.path.join(ROOT, "classroom", "cds_train.py"), spec, archive], capture_output=True, text=True)
        if p.returncode == 0:
            break
    if p.returncode != 0:
        sys.exit("profile: could not make the archive: %s" % (p.stderr or p.stdout)[-1000:])
    print("[profile] class-data-sharing archive: %.1f MB, trained in %.1f s" % (os.path.getsize(archive) / 1e6, time.monotonic() - t))
    return archive


def run(cells, cwd, timeout=600, kernel=KERNEL):
    """One Run All in a fresh kernel: start, every code cell in turn, shutdown. Returns the figures."""
    fd, profile = tempfile.mkstemp(prefix="primer-profile-", suffix=".jsonl")
    os.close(fd)
    env = dict(os.environ, PRIMER_PROFILE=profile, PRIMER_RESULTS="off")
    km = KernelManager(kernel_name=kernel)
    out = {"cells": [], "error": None}
    t0 = time.monotonic()
    km.start_kernel(cwd=cwd, env=env)
    kc = None
    try:
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=120)
        out["start_ms"] = (time.monotonic() - t0) * 1000
        for i, cell in enumerate(cells):
            if cell.get("cell_type") != "code":
                continue
            src = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            if not src.strip():
                continue
            errors = []

            def hook(msg):
                if msg["msg_type"] == "error":
                    errors.append("%s: %s" % (msg["content"].get("ename"), (msg["content"].get("evalue") or "")[:200]))

            t = time.monotonic()
            reply = kc.execute_interactive(src, timeout=timeout, output_hook=hook)
            wall = (time.monotonic() - t) * 1000
            first = next((l for l in src.splitlines() if l.strip() and not l.strip().startswith("//")), src.splitlines()[0])
            out["cells"].append({"index": i + 1, "source": first.strip(), "wall_ms": wall})
            failed = reply["content"].get("status") != "ok" or errors
            if failed and "raises-exception" not in cell.get("metadata", {}).get("tags", []):
                out["error"] = "cell %d: %s" % (i + 1, "; ".join(errors) or reply["content"].get("status"))
                break
        out["cells_ms"] = (time.monotonic() - t0) * 1000 - out["start_ms"]
    finally:
        if kc is not None:
            kc.stop_channels()
        t = time.monotonic()
        km.shutdown_kernel(now=False)
        out["shutdown_ms"] = (time.monotonic() - t) * 1000
    lines = [json.loads(l) for l in open(profile, encoding="utf-8") if l.strip()]
    os.unlink(profile)
    start = next((l for l in lines if l.get("start")), {})
    out["jvm_to_main_ms"] = start.get("jvm_to_main_ms", -1)
    out["main_to_bound_ms"] = start.get("main_to_bound_ms", -1)
    out["start_cpu_ms"] = start.get("process_cpu_ms", -1)
    out["start_samples"] = start.get("samples", {})
    per_cell = [l for l in lines if "cell" in l]
    if len(per_cell) != len(out["cells"]):
        out["error"] = (out["error"] or "") + " (the kernel noted %d cells, %d were sent: is PRIMER_PROFILE reaching it?)" % (
            len(per_cell), len(out["cells"]))
    for c, k in zip(out["cells"], per_cell):
        c.update(kernel_ms=k["ms"], compile_ms=k["compile_ms"], run_ms=k["run_ms"], classload_ms=k["classload_ms"],
                 waits=k["waits"], shell_cpu_ms=k.get("shell_cpu_ms", 0), task_cpu_ms=k.get("task_cpu_ms", 0),
                 process_cpu_ms=k.get("process_cpu_ms", 0), outside=k.get("outside", {}))
    out["total_ms"] = out["start_ms"] + out["cells_ms"]
    return out


def median(xs):
    return statistics.median(xs) if xs else 0.0


def summary(xs):
    s = sorted(xs)
    if not s:
        return "–"
    p90 = s[min(len(s) - 1, max(0, -(-9 * len(s) // 10) - 1))]
    return "%.0f / %.0f / %.0f" % (s[0], median(s), p90)


def kit_waits(waits):
    return {k: v for k, v in waits.items() if k not in ("outside the kit", "the cell's own code")}


def table(name, runs, empties, load_before, load_after):
    cells = runs[0]["cells"]
    n = len(runs)

    def med(i, key):
        return median([r["cells"][i].get(key, 0) for r in runs if i < len(r["cells"])])

    lines = ["", "%s — Run All in a fresh kernel, %d round(s); medians per figure (ms)" % (name, n),
             "load average %s before, %s after (1 / 5 / 15 min): figures on a busy machine are larger; compare the ratio"
             % (load_before, load_after), ""]
    head = "%5s  %-40s %7s %7s %7s %7s %7s %7s %7s  %-30s %7s" % ("cell", "first line", "wall", "compile", "render", "run", "waits",
                                                                "cpu:jsh", "cpu:run", "the kit's longest wait", "classes")
    lines += [head, "-" * len(head)]
    tot = {"wall": 0, "compile": 0, "run": 0, "waits": 0, "classes": 0, "kernel": 0, "shell_cpu": 0, "task_cpu": 0, "process_cpu": 0}
    outside = {}
    for i, c in enumerate(cells):
        waits = {}
        for r in runs:
            if i < len(r["cells"]):
                for k, v in kit_waits(r["cells"][i].get("waits", {})).items():
                    waits.setdefault(k, []).append(v)
        waits = {k: median(v + [0] * (n - len(v))) for k, v in waits.items()}
        top = max(waits.items(), key=lambda kv: kv[1]) if waits else None
        w = sum(waits.values())
        render = median([r["cells"][i].get("outside", {}).get(RENDER, 0) for r in runs if i < len(r["cells"])])
        row = [med(i, "wall_ms"), med(i, "compile_ms") - render, med(i, "run_ms"), w, med(i, "classload_ms")]
        tot["render"] = tot.get("render", 0) + render
        tot["wall"] += row[0]; tot["compile"] += row[1]; tot["run"] += row[2]; tot["waits"] += w; tot["classes"] += row[4]
        tot["kernel"] += med(i, "kernel_ms")
        cpu = (med(i, "shell_cpu_ms"), med(i, "task_cpu_ms"))
        tot["shell_cpu"] += cpu[0]; tot["task_cpu"] += cpu[1]; tot["process_cpu"] += med(i, "process_cpu_ms")
        for r in runs:
            if i < len(r["cells"]):
                for k, v in r["cells"][i].get("outside", {}).items():
                    outside[k] = outside.get(k, 0) + v / n
        src = c["source"] if len(c["source"]) <= 40 else c["source"][:39] + "…"
        lines.append("%5d  %-40s %7.0f %7.0f %7.0f %7.0f %7.0f %7.0f %7.0f  %-30s %7.0f" % (
            c["index"], src, row[0], row[1], render, row[2], w, cpu[0], cpu[1], ("%s %.0f" % (top[0], top[1]))[:30] if top and top[1] else "", row[4]))
    start = median([r["start_ms"] for r in runs])
    total = median([r["total_ms"] for r in runs])
    empty = [e["total_ms"] for e in empties]
    lines += ["",
              "kernel start → kernel_info answered      %8.0f   (JVM → launcher main %.0f, main → channels bound %.0f, the rest is Jupyter connecting)"
              % (start, median([r["jvm_to_main_ms"] for r in runs]), median([r["main_to_bound_ms"] for r in runs])),
              "  the start's main thread, sampled: " + ", ".join("%s %.0f" % kv for kv in sorted(
                  {k: median([r["start_samples"].get(k, 0) for r in runs]) for r in runs for k in r["start_samples"]}.items(),
                  key=lambda kv: -kv[1]) if kv[1]),
              "  CPU the kernel process used until then  %8.0f" % median([r["start_cpu_ms"] for r in runs]),
              "compile: JShell + javac, defining classes %8.0f   (Σ cells; CPU of the shell thread, rendering included: %.0f)" % (tot["compile"], tot["shell_cpu"]),
              "render: the kit turning results into HTML %8.0f   (sampled on the shell thread, after the code ran)" % tot.get("render", 0),
              "  the shell thread outside the code, sampled: " + ", ".join("%s %.0f" % kv for kv in sorted(outside.items(), key=lambda kv: -kv[1])),
              "run: the cells' code                      %8.0f   (Σ cells; CPU of the cell's thread %.0f)" % (tot["run"], tot["task_cpu"]),
              "  of which the kit's own waits            %8.0f   (sampled every 5 ms: the cell's thread blocked inside the kit)" % tot["waits"],
              "  of which loading classes                %8.0f   (sampled)" % tot["classes"],
              "messages to and from the kernel           %8.0f   (Σ cell wall − Σ the kernel's time per request)" % (tot["wall"] - tot["kernel"]),
              "Run All (start + every cell)              %8.0f   (CPU of the whole kernel process during the cells: %.0f)" % (total, tot["process_cpu"]),
              "kernel shutdown (after Run All)           %8.0f" % median([r["shutdown_ms"] for r in runs]),
              "",
              "empty notebook (start + one cell 1 + 1), %d runs, min / median / p90: %s ms" % (len(empty), summary(empty)),
              "  of which kernel start: %s ms, the cell: %s ms" % (summary([e["start_ms"] for e in empties]),
                                                               summary([e["cells"][0]["wall_ms"] for e in empties if e["cells"]])),
              "lesson Run All, %d runs, min / median / p90: %s ms" % (n, summary([r["total_ms"] for r in runs])),
              "ratio lesson / empty notebook (medians): %.1f×   (target: at most 3×)" % (total / median(empty) if empty else float("nan"))]
    errs = [r["error"] for r in runs if r.get("error")]
    if errs:
        lines.append("PROBLEMS: " + " | ".join(errs))
    return "\n".join(lines)


def main(argv):
    rounds, out_json, names, compare, cds = 1, None, [], None, False
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--rounds":
            rounds = int(argv[i + 1]); i += 1
            if rounds < 1:
                sys.exit("profile: --rounds must be at least 1")
        elif a == "--compare":
            compare = argv[i + 1].split(); i += 1
        elif a == "--cds":
            cds = True
        elif a == "--json":
            out_json = argv[i + 1]; i += 1
        elif a in ("-h", "--help"):
            print(__doc__); return 0
        elif a.startswith("-"):
            sys.exit("profile: unknown option '%s'" % a)
        else:
            names.append(a)
        i += 1
    if not names:
        sys.exit("profile: name a lesson, e.g. ./primer profile 03")
    results, ok = {}, True
    if cds:
        compare = ["-XX:SharedArchiveFile=" + cds_archive(), "-Xlog:cds=off", "-Xlog:cds+dynamic=off"]
    other = variant(compare) if compare else None
    for path in lessons(names):
        nb = json.load(open(path, encoding="utf-8"))
        name = os.path.relpath(path, ROOT)
        cwd = os.path.dirname(path)
        print("[profile] %s: %d round(s), an empty notebook before each and after the last; load average %s" % (name, rounds, load()),
              flush=True)
        before = load()
        kernels = [KERNEL] + ([other] if other else [])
        runs = {k: [] for k in kernels}
        empties = {k: [] for k in kernels}
        for r in range(rounds):
            for k in kernels:
                empties[k].append(run(EMPTY, cwd, kernel=k))
                runs[k].append(run(nb["cells"], cwd, kernel=k))
                print("[profile]   round %d, %s: lesson %.0f ms, empty notebook %.0f ms; load average %s" % (
                    r + 1, "the kit's kernel" if k == KERNEL else "variant", runs[k][-1]["total_ms"], empties[k][-1]["total_ms"], load()),
                    flush=True)
        for k in kernels:
            empties[k].append(run(EMPTY, cwd, kernel=k))
        after = load()
        for k in kernels:
            title = name if k == KERNEL else "%s — VARIANT with %s" % (name, " ".join(compare))
            print(table(title, runs[k], empties[k], before, after), flush=True)
            ok = ok and not any(r.get("error") for r in runs[k])
        if other:
            b, v = (median([r["total_ms"] for r in runs[k]]) for k in kernels)
            eb, ev = (median([e["total_ms"] for e in empties[k]]) for k in kernels)
            print("\nside by side, medians: Run All %.0f → %.0f ms (%.2f×), empty notebook %.0f → %.0f ms (%.2f×) with %s"
                  % (b, v, v / b, eb, ev, ev / eb, " ".join(compare)))
        results[name] = {"runs": runs, "empty": empties, "load_before": before, "load_after": after, "variant": compare}
    if out_json:
        with open(out_json, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=1)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
