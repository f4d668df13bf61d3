"""Runs a plan of steps in the kit's kernel, the way a learner's clicks would: cells of a notebook
by index or code given inline, in any order and any number of times, an interrupt while a cell
runs, a restart in the middle. Reports what each step did.

usage: robustness.py NOTEBOOK.ipynb PLAN.json

PLAN is a JSON list of steps:
  {"label": "...", "cell": N}                 run the notebook's cell N (index among ALL cells)
  {"label": "...", "code": "..."}             run this code
  {"label": "...", "code": "...", "interrupt_after": S}
                                              start it, send Kernel > Interrupt after S seconds, then wait
                                              (up to "wait", default 60 s) for the cell to end
  {"label": "...", "code": "...", "interrupt_after": S, "interrupt_when_count": [PATH, N]}
                                              the same, but interrupt as soon as PATH holds a number >= N
                                              (the cell's own progress), S seconds at the latest; the
                                              result's "interrupted_at" says when (seconds after the start)
  {"label": "...", "restart": true}           Kernel > Restart (the old kernel's exit is reported)
  {"label": "...", "sleep": S}                wait S seconds
  {"label": "...", "read_file": PATH}         report the file's content as "text" (a side channel that does
                                              not depend on the kernel's outputs)

Prints one JSON line: {"steps": [{"label", "status": ok|error|lost|restarted, "ename", "evalue",
"text", "seconds"}...]}. "lost" = no reply came for the cell (rapaio can lose the reply of an
interrupted cell); "text" is the cell's stdout and text/plain/html outputs.
"""
import json
import sys
import time

import nbformat
from jupyter_client.manager import KernelManager


def count_in(path):
    """The number a cell writes to a file as its progress, or -1 while there is none."""
    try:
        with open(path) as f:
            return int(f.read().strip() or -1)
    except (OSError, ValueError):
        return -1


def run(kc, code, timeout, interrupt_after=None, km=None, interrupt_when_count=None):
    msg_id = kc.execute(code)
    start = time.monotonic()
    interrupted = False
    result = {"status": "lost", "ename": "", "evalue": "", "text": ""}
    texts = []
    reply_seen = False
    idle_seen = False
    while time.monotonic() - start < timeout:
        if interrupt_after is not None and not interrupted:
            elapsed = time.monotonic() - start
            if elapsed >= interrupt_after or (
                    interrupt_when_count is not None and count_in(interrupt_when_count[0]) >= interrupt_when_count[1]):
                km.interrupt_kernel()
                interrupted = True
                result["interrupted_at"] = round(elapsed, 2)
        try:
            msg = kc.get_iopub_msg(timeout=0.2)
        except Exception:
            msg = None
        if msg is not None and msg.get("parent_header", {}).get("msg_id") == msg_id:
            t, c = msg["msg_type"], msg["content"]
            if t == "stream":
                texts.append(c.get("text", ""))
            elif t in ("execute_result", "display_data"):
                d = c.get("data", {})
                texts.append(d.get("text/plain", "") + d.get("text/html", ""))
            elif t == "error":
                result["ename"], result["evalue"] = c.get("ename", ""), c.get("evalue", "")
                texts.append("\n".join(c.get("traceback", [])))
            elif t == "status" and c.get("execution_state") == "idle":
                idle_seen = True
        try:
            reply = kc.get_shell_msg(timeout=0.05)
        except Exception:
            reply = None
        if reply is not None and reply.get("parent_header", {}).get("msg_id") == msg_id:
            result["status"] = reply["content"].get("status", "?")
            if result["status"] == "error" and not result["ename"]:
                result["ename"] = reply["content"].get("ename", "")
                result["evalue"] = reply["content"].get("evalue", "")
            reply_seen = True
        if reply_seen and idle_seen:
            break
    # the tail only, but enough for a soak cell: its report's HTML alone is ~4,000 characters
    result["text"] = "".join(texts)[-20000:]
    result["seconds"] = round(time.monotonic() - start, 2)
    return result


def main():
    path, plan_path = sys.argv[1], sys.argv[2]
    nb = nbformat.read(path, as_version=4)
    plan = json.load(open(plan_path))
    km = KernelManager(kernel_name=nb.metadata["kernelspec"]["name"])
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=90)
    steps = []
    try:
        for step in plan:
            label = step.get("label", "")
            if step.get("restart"):
                old = km.provisioner.process
                start = time.monotonic()
                kc.stop_channels()
                km.restart_kernel(now=False)
                kc = km.client()
                kc.start_channels()
                kc.wait_for_ready(timeout=90)
                steps.append({"label": label, "status": "restarted", "old_exit_code": old.returncode,
                              "seconds": round(time.monotonic() - start, 2)})
                continue
            if "sleep" in step:
                time.sleep(step["sleep"])
                steps.append({"label": label, "status": "ok", "seconds": step["sleep"]})
                continue
            if "read_file" in step:
                try:
                    with open(step["read_file"]) as f:
                        text = f.read()
                except OSError as e:
                    text = "(unreadable: %s)" % e
                steps.append({"label": label, "status": "ok", "text": text, "seconds": 0})
                continue
            code = step["code"] if "code" in step else "".join(nb.cells[step["cell"]].source)
            r = run(kc, code, step.get("wait", 120), step.get("interrupt_after"), km, step.get("interrupt_when_count"))
            r["label"] = label
            steps.append(r)
    finally:
        try:
            kc.stop_channels()
            km.shutdown_kernel(now=False)
        except Exception:
            pass
    print(json.dumps({"steps": steps, "exit_code": km.provisioner.process.returncode if km.provisioner and km.provisioner.process else None}))


if __name__ == "__main__":
    main()
