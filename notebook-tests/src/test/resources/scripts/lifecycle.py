"""Starts the kit's kernel, runs the code cells of a notebook in it, then asks Jupyter to shut it
down (or restart it) the way the Notebook server does, and reports how the kernel process ended.

usage: lifecycle.py NOTEBOOK.ipynb shutdown|restart

Prints one JSON line: {"ran": [...statuses], "pid": ..., "exit_code": ..., "seconds": ...,
"escalation": "none"|"SIGTERM"|"SIGKILL", "after_restart": ...}. jupyter_client's KernelManager
interrupts, sends shutdown_request, waits 2.5 s, sends SIGTERM, waits 2.5 s, then SIGKILLs.
"""
import json
import sys
import threading
import time

import nbformat
from jupyter_client.manager import KernelManager


def main():
    path, mode = sys.argv[1], sys.argv[2]
    nb = nbformat.read(path, as_version=4)
    km = KernelManager(kernel_name=nb.metadata["kernelspec"]["name"])
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=90)
    ran = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        reply = kc.execute_interactive(cell.source, timeout=120, output_hook=lambda m: None)
        ran.append(reply["content"]["status"])
    proc = km.provisioner.process
    pid = proc.pid
    ended = {}

    def watch():
        proc.wait()
        ended["t"] = time.monotonic()

    threading.Thread(target=watch, daemon=True).start()
    start = time.monotonic()
    result = {"ran": ran, "pid": pid}
    if mode == "restart":
        kc.stop_channels()
        km.restart_kernel(now=False)
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=90)
        reply = kc.execute_interactive("6 * 7", timeout=60, output_hook=lambda m: None)
        result["after_restart"] = reply["content"]["status"]
        result["new_pid"] = km.provisioner.process.pid
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    else:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
    time.sleep(0.2)
    result["exit_code"] = proc.returncode
    result["seconds"] = round(ended["t"] - start, 2) if "t" in ended else None
    # 143 = the JVM ended by SIGTERM; -15/-9 = killed by the signal itself
    code = proc.returncode
    result["escalation"] = "none" if code == 0 else ("SIGTERM" if code in (143, -15) else ("SIGKILL" if code == -9 else "exit %s" % code))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
