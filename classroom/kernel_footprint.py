"""Measures what the class-data-sharing archive saves: kernel start (start -> first reply) and
resident memory (RSS, and PSS, which counts a page shared by k kernels as 1/k) after the start
and after one local call, for the installed system kernel with its archive and without it,
alternating the two so a busy machine disturbs both alike.

usage: kernel_footprint.py SPEC_DIR [ROUNDS]      prints a table and one JSON line
"""
import json
import os
import shutil
import statistics
import sys
import tempfile
import time

CALL = r'''
import org.webrtcprimer.media.*;
import org.webrtcprimer.call.*;
import static org.webrtcprimer.Primer.*;
var localStream = getUserMedia(Constraints.audioVideo());
var quick = LocalCall.call(localStream);
quick.setupTime();
quick.hangup();
localStream.stop();
'''


def mem(pid):
    rss = pss = 0
    with open("/proc/%d/smaps_rollup" % pid) as f:
        for line in f:
            if line.startswith("Rss:"):
                rss = int(line.split()[1])
            elif line.startswith("Pss:"):
                pss = int(line.split()[1])
    return rss / 1024.0, pss / 1024.0


def one(kernel_name):
    from jupyter_client.manager import KernelManager
    km = KernelManager(kernel_name=kernel_name)
    t0 = time.monotonic()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=120)
        start = time.monotonic() - t0
        pid = km.provisioner.process.pid
        rss0, pss0 = mem(pid)
        reply = kc.execute_interactive(CALL, timeout=120, output_hook=lambda m: None)
        ok = reply["content"]["status"] == "ok"
        rss1, pss1 = mem(pid)
        return {"start": start, "rss_start": rss0, "pss_start": pss0, "rss_call": rss1, "pss_call": pss1, "ok": ok}
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)


def q(xs):
    xs = sorted(xs)
    p90 = xs[min(len(xs) - 1, int(round(0.9 * (len(xs) - 1))))]
    return "%7.2f %7.2f %7.2f" % (xs[0], statistics.median(xs), p90)


def main():
    spec_dir = os.path.abspath(sys.argv[1])
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    with open(os.path.join(spec_dir, "kernel.json")) as f:
        spec = json.load(f)
    if not any(a.startswith("-XX:SharedArchiveFile=") for a in spec["argv"]):
        sys.exit("kernel_footprint: %s has no archive to compare against" % spec_dir)
    tmp = tempfile.mkdtemp(prefix="primer-footprint-")
    try:
        plain = dict(spec, argv=[a for a in spec["argv"] if not a.startswith(("-XX:SharedArchiveFile=", "-Xlog:cds"))])
        for name, s in (("with-cds", spec), ("without-cds", plain)):
            os.makedirs(os.path.join(tmp, "kernels", name))
            with open(os.path.join(tmp, "kernels", name, "kernel.json"), "w") as f:
                json.dump(s, f)
        os.environ["JUPYTER_PATH"] = tmp
        os.environ["JUPYTER_RUNTIME_DIR"] = os.path.join(tmp, "runtime")
        runs = {"with-cds": [], "without-cds": []}
        for _ in range(rounds):
            for name in ("without-cds", "with-cds"):
                runs[name].append(one(name))
        print("%-12s %-24s %-24s %-24s %-24s %s" % ("", "start s (min med p90)", "RSS MB after start",
                                                  "PSS MB after start", "RSS MB after a call", "calls ok"))
        for name, rs in runs.items():
            print("%-12s %-24s %-24s %-24s %-24s %d/%d" % (name, q([r["start"] for r in rs]), q([r["rss_start"] for r in rs]),
                                                      q([r["pss_start"] for r in rs]), q([r["rss_call"] for r in rs]),
                                                      sum(r["ok"] for r in rs), len(rs)))
        print(json.dumps(runs))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
