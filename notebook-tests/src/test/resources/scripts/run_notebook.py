"""Executes one notebook with nbclient and writes the executed copy, whatever happens.

usage: run_notebook.py SOURCE.ipynb EXECUTED.ipynb BUDGET_SECONDS

Prints one JSON line: {"status": ok|error|timeout|dead|failed, "seconds": ..., "message": ...}.
The kernel is the one the notebook's metadata names, found through JUPYTER_PATH/JUPYTER_DATA_DIR
as set by the caller. Execution stops at the first cell that raises (unless the cell is tagged
raises-exception, as nbclient does); the kernel is always shut down before this exits.
"""
import json
import os
import signal
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError


class BudgetExceeded(Exception):
    pass


def on_alarm(signum, frame):
    raise BudgetExceeded()


def on_term(signum, frame):
    raise KeyboardInterrupt()


def main():
    source, executed, budget = sys.argv[1], sys.argv[2], float(sys.argv[3])
    nb = nbformat.read(source, as_version=4)
    client = NotebookClient(
        nb,
        timeout=int(budget),          # no single cell may take the whole budget and more
        startup_timeout=90,
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(source))}},
    )
    signal.signal(signal.SIGALRM, on_alarm)
    signal.signal(signal.SIGTERM, on_term)
    signal.alarm(int(budget) + 1)
    status, message = "ok", ""
    start = time.monotonic()
    try:
        client.execute()
    except CellTimeoutError as e:
        status, message = "timeout", "a cell ran longer than %d s: %s" % (int(budget), str(e).strip()[:2000])
    except BudgetExceeded:
        status, message = "timeout", "the notebook did not finish within its budget of %d s" % int(budget)
    except DeadKernelError as e:
        status, message = "dead", "the kernel died: %s" % e
    except CellExecutionError:
        status = "error"
    except KeyboardInterrupt:
        status, message = "failed", "stopped from outside"
    except Exception as e:  # kernel did not start, bad notebook, ...
        status, message = "failed", "%s: %s" % (type(e).__name__, e)
    finally:
        signal.alarm(0)
        seconds = time.monotonic() - start
        try:
            if client.km is not None and client.km.has_kernel:
                client.km.shutdown_kernel(now=True)
        except Exception:
            pass
        os.makedirs(os.path.dirname(os.path.abspath(executed)), exist_ok=True)
        nbformat.write(nb, executed)
    print(json.dumps({"status": status, "seconds": round(seconds, 2), "message": message}))


if __name__ == "__main__":
    main()
