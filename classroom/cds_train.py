"""Makes the kernel's class-data-sharing archive: starts the installed kernel once with
-XX:ArchiveClassesAtExit, runs a short lesson-like cell (a stream, a local call, a table, an
exercise check), shuts the kernel down and checks that the archive was written.

usage: cds_train.py SPEC_DIR ARCHIVE

SPEC_DIR is the installed kernelspec folder (its kernel.json without the archive option); the
training kernel runs exactly that command line plus the option, so the archive's class path
matches what every later kernel runs. Prints one JSON line: {"archive": ..., "bytes": ..., "seconds": ...}.
"""
import json
import os
import shutil
import sys
import tempfile
import time

TRAINING = r'''
import org.webrtcprimer.media.*;
import org.webrtcprimer.call.*;
import static org.webrtcprimer.Primer.*;
var localStream = getUserMedia(Constraints.audioVideo());
var quick = LocalCall.call(localStream);
System.out.println(quick.setupTime());
logTable(quick).toHtml();
quick.hangup();
localStream.stop();
check("03.1", "stable");
'''


def main():
    spec_dir, archive = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    with open(os.path.join(spec_dir, "kernel.json")) as f:
        spec = json.load(f)
    argv = [a for a in spec["argv"] if not a.startswith("-XX:SharedArchiveFile=")]
    argv.insert(1, "-XX:ArchiveClassesAtExit=" + archive)
    spec["argv"] = argv
    spec["display_name"] = "training run"
    tmp = tempfile.mkdtemp(prefix="primer-cds-")
    try:
        os.makedirs(os.path.join(tmp, "kernels", "primer-cds-training"))
        with open(os.path.join(tmp, "kernels", "primer-cds-training", "kernel.json"), "w") as f:
            json.dump(spec, f)
        os.environ["JUPYTER_PATH"] = tmp
        os.environ["JUPYTER_RUNTIME_DIR"] = os.path.join(tmp, "runtime")
        from jupyter_client.manager import KernelManager
        start = time.monotonic()
        km = KernelManager(kernel_name="primer-cds-training")
        km.start_kernel(cwd=tmp)
        try:
            kc = km.client()
            kc.start_channels()
            kc.wait_for_ready(timeout=120)
            reply = kc.execute_interactive(TRAINING, timeout=120, output_hook=lambda m: None)
            if reply["content"]["status"] != "ok":
                sys.exit("cds_train: the training cell failed: %s" % reply["content"])
            kc.stop_channels()
        finally:
            km.shutdown_kernel(now=False)
        proc = km.provisioner.process if km.provisioner else None
        if proc is not None:
            proc.wait(timeout=30)
        if not os.path.isfile(archive) or os.path.getsize(archive) == 0:
            sys.exit("cds_train: the kernel ended without writing %s" % archive)
        print(json.dumps({"archive": archive, "bytes": os.path.getsize(archive),
                          "seconds": round(time.monotonic() - start, 1)}))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
