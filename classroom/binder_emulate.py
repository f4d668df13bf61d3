"""Emulates what repo2docker (mybinder.org) does with binder/, as far as a Debian machine allows.

usage (as root): binder_emulate.py --root KIT [--lessons 03-local-peer-connection,10-remote-peer] [--work DIR] [--keep]

  1. a clean user: a fresh Linux account with an empty home (no ~/.m2, no Jupyter data);
  2. apt.txt: every package it names must be installed (repo2docker apt-get installs them);
     missing ones are installed with apt-get, as repo2docker would;
  3. the repository copied into the user's home (repo2docker copies it into the image), owned by them;
  4. binder/postBuild run as that user, from the copy, with a PATH like a Binder image's:
     a python3 that is not Debian's first (the one this machine has first on PATH, if any);
  5. the lessons executed as that user, in the kernel postBuild installed in their home;
  6. the user, their home and every process of theirs removed.

Prints one line per step and a JSON line with the figures (postBuild seconds, MB added to the
home, each lesson's status and seconds). Not emulated: repo2docker's Ubuntu base image and its
conda Jupyter (none can be installed here), Chromium on Ubuntu (a snap stub).
"""
import argparse
import json
import os
import pwd
import secrets
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hub import create_system_user, delete_system_user, processes_matching  # noqa: E402


# Looked up on this process's PATH: the Binder-like PATH given to the user's commands has no sbin.
RUNUSER = shutil.which("runuser") or "/usr/sbin/runuser"


def du_mb(path):
    total = 0
    for dirpath, _, files in os.walk(path):
        for f in files:
            try:
                total += os.lstat(os.path.join(dirpath, f)).st_size
            except OSError:
                pass
    return total / 1e6


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--lessons", default="03-local-peer-connection,10-remote-peer")
    ap.add_argument("--work")
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args()
    if os.geteuid() != 0:
        sys.exit("binder_emulate: needs root (it creates and removes a Linux user)")
    root = os.path.abspath(args.root)
    work = os.path.abspath(args.work) if args.work else tempfile.mkdtemp(prefix="primer-binder-")
    os.makedirs(work, exist_ok=True)
    os.chmod(work, 0o755)
    name = "wpbind%s" % secrets.token_hex(2)
    home = os.path.join(work, name)
    result = {"user": name, "steps": [], "lessons": []}
    uid = None
    ok = True
    try:
        uid = create_system_user(name, home)
        result["steps"].append("clean user %s, home %s" % (name, home))
        # apt.txt
        with open(os.path.join(root, "binder", "apt.txt")) as f:
            pkgs = [l.strip() for l in f if l.strip() and not l.startswith("#")]
        missing = [p for p in pkgs if subprocess.run(["dpkg-query", "-W", "-f=${Status}", p], capture_output=True, text=True).stdout
                   != "install ok installed"]
        if missing:
            subprocess.run(["apt-get", "install", "-y", "-q", "--no-install-recommends", *missing], check=True,
                           env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
        result["steps"].append("apt.txt: %d packages, %s" % (len(pkgs), ("installed " + " ".join(missing)) if missing else "all installed"))
        # the repository, as repo2docker copies it (the checkout's tracked files)
        repo = os.path.join(home, "repo")
        files = subprocess.run(["git", "-C", root, "ls-files", "-z"], capture_output=True, check=True).stdout.split(b"\0")
        for rel in (f.decode() for f in files if f):
            src, dst = os.path.join(root, rel), os.path.join(repo, rel)
            if os.path.isfile(src):
                os.makedirs(os.path.dirname(dst), exist_ok=True)
                shutil.copy2(src, dst)
        subprocess.run(["chown", "-R", "%s:%s" % (name, name), repo], check=True)
        before = du_mb(home)
        # postBuild as the user, with a non-Debian python3 first on PATH when this machine has one
        first_py = shutil.which("python3") or ""
        non_debian = first_py and os.path.realpath(first_py) != os.path.realpath("/usr/bin/python3")
        path = (os.path.dirname(first_py) + ":" if non_debian else "") + "/usr/local/bin:/usr/bin:/bin"
        result["python3_first_on_path"] = first_py if non_debian else None
        env = {"HOME": home, "USER": name, "PATH": path, "LANG": "C.UTF-8", "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
        t = time.monotonic()
        p = subprocess.run([RUNUSER, "-u", name, "--", "bash", "binder/postBuild"], cwd=repo, env=env,
                           capture_output=True, text=True, timeout=900)
        result["postbuild_s"] = round(time.monotonic() - t, 1)
        result["postbuild_exit"] = p.returncode
        result["home_added_mb"] = round(du_mb(home) - before, 1)
        result["steps"].append("postBuild as %s: exit %d in %.1f s, home +%.1f MB" % (
            name, p.returncode, result["postbuild_s"], result["home_added_mb"]))
        if p.returncode != 0:
            ok = False
            result["postbuild_tail"] = (p.stdout + p.stderr)[-3000:]
            return
        # the lessons, as that user, in the kernel postBuild installed in their home
        runner = os.path.join(repo, "notebook-tests", "src", "test", "resources", "scripts", "run_notebook.py")
        for lesson in args.lessons.split(","):
            nb = os.path.join(repo, "notebooks", lesson + ".ipynb")
            out = os.path.join(home, "executed-" + lesson + ".ipynb")
            p = subprocess.run([RUNUSER, "-u", name, "--", "/usr/bin/python3", runner, nb, out, "300"], cwd=os.path.dirname(nb),
                               env=env, capture_output=True, text=True, timeout=600)
            line = [l for l in p.stdout.splitlines() if l.startswith("{")]
            r = json.loads(line[-1]) if line else {"status": "failed", "message": p.stderr[-1000:]}
            errors = []
            if os.path.isfile(out):
                with open(out) as f:
                    done = json.load(f)
                for i, c in enumerate(done["cells"]):
                    for o in c.get("outputs", []):
                        if o.get("output_type") == "error":
                            errors.append("cell %d: %s: %s" % (i + 1, o.get("ename"), o.get("evalue", "")[:200]))
            r.update(lesson=lesson, errors=errors)
            result["lessons"].append(r)
            ok = ok and r["status"] == "ok" and not errors
            result["steps"].append("lesson %s as %s: %s in %.1f s%s" % (lesson, name, r["status"], r.get("seconds", 0),
                                                                       ("; " + "; ".join(errors)) if errors else ""))
    except Exception as e:
        ok = False
        result["steps"].append("FAILED: %s: %s" % (type(e).__name__, e))
    finally:
        delete_system_user(name)
        time.sleep(1)
        left = processes_matching({uid} if uid is not None else set(), home)
        try:
            pwd.getpwnam(name)
            left.append("user %s" % name)
        except KeyError:
            pass
        if not args.keep:
            shutil.rmtree(work if not args.work else home, ignore_errors=True)
        result["left_behind"] = left
        for s in result["steps"]:
            print(s, flush=True)
        print("binder emulation: %s; %d left behind" % ("ok" if ok and not left else "FAILED", len(left)))
        print(json.dumps(result))
    sys.exit(0 if ok and not result["left_behind"] else 1)


if __name__ == "__main__":
    main()
