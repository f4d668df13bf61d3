"""A real JupyterHub on loopback with N temporary students who run a lesson at the same time.

usage: hub.py --root KIT [--users N] [--lesson NAME] [--prefix DIR] [--no-cds] [--work DIR]
              [--spawner auto|system|simple] [--pair] [--json] [--keep]

What it does, in order (everything it starts it stops, in the reverse order):
  1. installs the kit system-wide into a temporary prefix (./primer setup --system --prefix),
     unless --prefix names an existing system install;
  2. as root: creates N Linux users (useradd, homes under the work folder), each server runs as
     its own user (LocalProcessSpawner); not root: hub users only, one home folder each
     (SimpleLocalProcessSpawner);
  3. starts Debian's jupyterhub (dummy authenticator, its configurable-http-proxy) on 127.0.0.1,
     with a service token that has the admin role;
  4. through the hub's REST API: creates the users, starts each user's server, and through the
     hub's proxy opens a session on each user's own copy of the lesson and runs its code cells
     in the user's kernel, all users at once (Jupyter's kernel protocol over the websocket);
  5. with --pair: students 1 and 2 call each other through a signaling server (classroom pairing);
  6. measures each kernel (peak RSS, CPU seconds), shuts everything down, deletes the users,
     and checks that no user, process or file of the run is left.

Prints one line per student and a summary line; with --json one JSON line at the end too.
Exit status 0 only if every lesson ran without an error and nothing was left behind.
"""
import argparse
import asyncio
import json
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def log(args, text):
    if not args.quiet:
        print(text, flush=True)


class Hub:
    """The hub process and its REST API (the service token carries the admin role)."""

    def __init__(self, work, prefix, users_mode, port, token):
        self.work, self.prefix, self.mode, self.port, self.token = work, prefix, users_mode, port, token
        self.url = "http://127.0.0.1:%d" % port
        self.proc = None

    def write_config(self):
        hub_dir = os.path.join(self.work, "hub")
        os.makedirs(hub_dir, exist_ok=True)
        cfg = {
            "port": self.port, "hub_port": free_port(), "api_port": free_port(),
            "token": self.token, "db": os.path.join(hub_dir, "jupyterhub.sqlite"),
            "cookie": os.path.join(hub_dir, "jupyterhub_cookie_secret"),
            "cmd": os.path.join(self.prefix, "bin", "webrtc-primer-singleuser"),
            "jupyter_path": os.path.join(self.prefix, "share", "jupyter"),
            "homes": os.path.join(self.work, "home"),
            "mode": self.mode, "root": os.geteuid() == 0,
        }
        text = f'''# written by classroom/hub.py for one run; see docs/classroom.md
c = get_config()  # noqa
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {cfg["port"]}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {cfg["hub_port"]}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{cfg["api_port"]}"
c.ConfigurableHTTPProxy.pid_file = {os.path.join(hub_dir, "proxy.pid")!r}
c.JupyterHub.db_url = "sqlite:///{cfg["db"]}"
c.JupyterHub.cookie_secret_file = {cfg["cookie"]!r}
c.JupyterHub.pid_file = {os.path.join(hub_dir, "jupyterhub.pid")!r}
c.JupyterHub.authenticator_class = "dummy"
c.JupyterHub.spawner_class = {"'simple'" if cfg["mode"] == "simple" else "'localprocess'"}
c.JupyterHub.cleanup_servers = True
c.JupyterHub.services = [{{"name": "primer-teacher", "api_token": {cfg["token"]!r}}}]
c.JupyterHub.load_roles = [{{"name": "admin", "services": ["primer-teacher"]}}]
c.Spawner.cmd = [{cfg["cmd"]!r}]
c.Spawner.default_url = "/tree"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 90
c.Spawner.environment = {{"JUPYTER_PATH": {cfg["jupyter_path"]!r}, "MALLOC_ARENA_MAX": "2",
                          "PYDEVD_DISABLE_FILE_VALIDATION": "1"}}
'''
        if cfg["mode"] == "simple":
            text += f'c.SimpleLocalProcessSpawner.home_dir_template = {os.path.join(cfg["homes"], "{username}")!r}\n'
            if cfg["root"]:
                text += 'c.Spawner.args = ["--allow-root"]\n'
        path = os.path.join(hub_dir, "jupyterhub_config.py")
        with open(path, "w") as f:
            f.write(text)
        return path

    def start(self):
        cfg = self.write_config()
        hub_dir = os.path.dirname(cfg)
        env = dict(os.environ)
        # Debian's configurable-http-proxy finds its modules (commander, ...) only on this path
        env["NODE_PATH"] = "/usr/share/nodejs" + (":" + env["NODE_PATH"] if env.get("NODE_PATH") else "")
        env["PATH"] = "/usr/bin:/bin:/usr/sbin:/sbin:" + env.get("PATH", "")
        self.log_file = open(os.path.join(hub_dir, "hub.log"), "w")
        self.proc = subprocess.Popen(["/usr/bin/jupyterhub", "-f", cfg], cwd=hub_dir, env=env,
                                     stdout=self.log_file, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                     start_new_session=True)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("jupyterhub exited (code %s) before answering; its log:\n%s" % (self.proc.returncode, self.tail()))
            try:
                self.api("GET", "/hub/api/")
                return
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.3)
        raise RuntimeError("jupyterhub did not answer on %s within 90 s; its log:\n%s" % (self.url, self.tail()))

    def tail(self, n=30):
        try:
            with open(os.path.join(self.work, "hub", "hub.log")) as f:
                return "".join(f.readlines()[-n:])
        except OSError:
            return "(no log)"

    def api(self, method, path, body=None, timeout=30):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.url + path, data=data, method=method,
                                     headers={"Authorization": "token " + self.token, "Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=timeout) as r:
            raw = r.read()
            return r.status, (json.loads(raw) if raw.strip() else None)

    def stop(self):
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)  # the hub stops its servers (cleanup_servers) and its proxy
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)
        self.log_file.close()


# --------------------------------------------------------------------------- the kernel protocol


class KernelSession:
    """One kernel of a user's server, driven over the server's websocket through the hub's proxy."""

    def __init__(self, hub, user, kernel_id):
        self.hub, self.user, self.kernel_id = hub, user, kernel_id
        self.session = uuid.uuid4().hex
        self.ws = None

    async def connect(self):
        from tornado.httpclient import HTTPRequest
        from tornado.websocket import websocket_connect
        url = "ws://127.0.0.1:%d/user/%s/api/kernels/%s/channels?session_id=%s" % (
            self.hub.port, self.user, self.kernel_id, self.session)
        req = HTTPRequest(url, headers={"Authorization": "token " + self.hub.token}, request_timeout=60)
        self.ws = await websocket_connect(req, max_message_size=256 * 1024 * 1024)

    def _msg(self, msg_type, content):
        return {"header": {"msg_id": uuid.uuid4().hex, "username": self.user, "session": self.session,
                           "msg_type": msg_type, "version": "5.3", "date": ""},
                "parent_header": {}, "metadata": {}, "content": content, "channel": "shell", "buffers": []}

    async def request(self, msg_type, content, timeout):
        """Sends one shell request; returns (reply content, outputs) once the kernel is idle again."""
        msg = self._msg(msg_type, content)
        mid = msg["header"]["msg_id"]
        await self.ws.write_message(json.dumps(msg))
        reply, idle, outputs = None, False, []
        deadline = time.monotonic() + timeout
        while reply is None or not idle:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("%s: no %s within %d s from %s's kernel" % (
                    msg_type, "reply" if reply is None else "idle status", timeout, self.user))
            raw = await asyncio.wait_for(self.ws.read_message(), left)
            if raw is None:
                raise ConnectionError("%s's kernel websocket closed during %s" % (self.user, msg_type))
            m = json.loads(raw)
            if m.get("parent_header", {}).get("msg_id") != mid:
                continue
            t = m["header"]["msg_type"]
            if t == msg_type.replace("_request", "_reply"):
                reply = m["content"]
            elif t == "status" and m["content"].get("execution_state") == "idle":
                idle = True
            elif t in ("stream", "display_data", "execute_result", "error"):
                outputs.append(m["content"] | {"output_type": t})
        return reply, outputs

    async def close(self):
        if self.ws is not None:
            self.ws.close()


def output_text(outputs):
    text, html = [], []
    for o in outputs:
        if o["output_type"] == "stream":
            text.append(o.get("text", ""))
        elif o["output_type"] in ("display_data", "execute_result"):
            data = o.get("data", {})
            text.append(data.get("text/plain", ""))
            html.append(data.get("text/html", ""))
        elif o["output_type"] == "error":
            text.append("%s: %s" % (o.get("ename"), o.get("evalue")))
    return "".join(text), "".join(html)


# --------------------------------------------------------------------------- what runs in a kernel


def kernel_pid(server_pid, after=()):
    """The kit's kernel started by the user's server: a java child running the kit's launcher."""
    found = []
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % d) as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            if ppid != server_pid:
                continue
            with open("/proc/%s/cmdline" % d, "rb") as f:
                cmd = f.read().split(b"\0")
            if any(b"RapaioLauncher" in c for c in cmd) and int(d) not in after:
                found.append(int(d))
        except (OSError, ValueError, IndexError):
            continue
    return found[0] if found else None


def proc_figures(pid):
    """Peak and current RSS (MB) and CPU seconds (user+system) of a live process."""
    figures = {}
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    figures["peak_rss_mb"] = int(line.split()[1]) / 1024.0
                elif line.startswith("VmRSS:"):
                    figures["rss_mb"] = int(line.split()[1]) / 1024.0
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        ticks = os.sysconf("SC_CLK_TCK")
        figures["cpu_s"] = (int(fields[11]) + int(fields[12])) / ticks
    except OSError:
        pass
    return figures


async def run_lesson(hub, student, lesson_path, cells, expect, cell_timeout):
    """Opens a session on the student's copy of the lesson and runs every code cell in it."""
    loop = asyncio.get_running_loop()
    user = student["name"]
    t0 = time.monotonic()
    status, session = await loop.run_in_executor(None, lambda: hub.api(
        "POST", "/user/%s/api/sessions" % user,
        {"path": lesson_path, "type": "notebook", "name": os.path.basename(lesson_path), "kernel": {"name": "webrtc-primer"}}))
    kernel_id = session["kernel"]["id"]
    student["kernel_id"], student["session_id"] = kernel_id, session["id"]
    ks = KernelSession(hub, user, kernel_id)
    await ks.connect()
    failed, texts, htmls, ran = [], [], [], 0
    try:
        info, _ = await ks.request("kernel_info_request", {}, 120)
        student["kernel_ready_s"] = round(time.monotonic() - t0, 2)
        student["kernel_pid"] = kernel_pid(student["server_pid"]) if student.get("server_pid") else None
        for i, src in cells:
            reply, outputs = await ks.request("execute_request", {
                "code": src, "silent": False, "store_history": True, "user_expressions": {},
                "allow_stdin": False, "stop_on_error": True}, cell_timeout)
            ran += 1
            text, html = output_text(outputs)
            texts.append(text)
            htmls.append(html)
            errors = [o for o in outputs if o["output_type"] == "error"]
            if reply.get("status") != "ok" or errors:
                e = errors[0] if errors else reply
                failed.append("cell %d: %s: %s" % (i + 1, e.get("ename"), (e.get("evalue") or "")[:300]))
                break
            if "\tat " in text and "Exception" in text:
                failed.append("cell %d: a Java stack trace in the output" % (i + 1))
        if student.get("kernel_pid"):
            student.update(proc_figures(student["kernel_pid"]))
        if student.get("server_pid"):
            server = proc_figures(student["server_pid"])
            student["server_rss_mb"], student["server_cpu_s"] = server.get("rss_mb"), server.get("cpu_s")
    finally:
        await ks.close()
    alltext, allhtml = "".join(texts), "".join(htmls)
    for needle in expect.get("text_contains", []):
        if needle not in alltext:
            failed.append("the outputs lack the text %r" % needle)
    for needle in expect.get("html_contains", []):
        if needle not in allhtml:
            failed.append("the outputs lack the HTML %r" % needle)
    student["lesson_s"] = round(time.monotonic() - t0, 2)
    student["cells_run"], student["cells"], student["failed"] = ran, len(cells), failed
    return student


def lesson_cells(path):
    with open(path) as f:
        nb = json.load(f)
    cells = []
    for i, c in enumerate(nb["cells"]):
        if c["cell_type"] == "code" and "raises-exception" not in c.get("metadata", {}).get("tags", []):
            src = c["source"] if isinstance(c["source"], str) else "".join(c["source"])
            if src.strip():
                cells.append((i, src))
    return cells, nb.get("metadata", {}).get("primer", {}).get("expect", {})


# --------------------------------------------------------------------------- users and leftovers


def create_system_user(name, home):
    subprocess.run(["useradd", "--create-home", "--home-dir", home, "--shell", "/usr/sbin/nologin",
                    "--user-group", "--comment", "webrtc-primer hub-demo student", name],
                   check=True, capture_output=True, text=True)
    os.chmod(home, 0o700)
    return pwd.getpwnam(name).pw_uid


def delete_system_user(name):
    try:
        pwd.getpwnam(name)
    except KeyError:
        return
    subprocess.run(["userdel", "--remove", name], capture_output=True, text=True)


def processes_matching(uids, needle):
    left = []
    for d in os.listdir("/proc"):
        if not d.isdigit() or int(d) == os.getpid():
            continue
        try:
            st = os.stat("/proc/" + d)
            with open("/proc/%s/cmdline" % d, "rb") as f:
                cmd = f.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if st.st_uid in uids or (needle and needle in cmd):
            left.append("%s (uid %d): %s" % (d, st.st_uid, cmd[:160]))
    return left


def leftovers(names, uids, work, hub):
    found = []
    for n in names:
        try:
            pwd.getpwnam(n)
            found.append("user %s still exists" % n)
        except KeyError:
            pass
    deadline = time.monotonic() + 10  # processes may take a moment to be reaped
    while True:
        procs = processes_matching(set(uids), work)
        if not procs or time.monotonic() > deadline:
            break
        time.sleep(0.3)
    found += ["process %s" % p for p in procs]
    if hub.proc is not None and hub.proc.poll() is None:
        found.append("the hub (pid %d) still runs" % hub.proc.pid)
    return found


# --------------------------------------------------------------------------- the run


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", required=True, help="the kit's checkout")
    ap.add_argument("--users", type=int, default=2)
    ap.add_argument("--lesson", default="03-local-peer-connection")
    ap.add_argument("--prefix", help="an existing './primer setup --system' prefix (default: a temporary one)")
    ap.add_argument("--no-cds", action="store_true", help="install without the class-data-sharing archive")
    ap.add_argument("--work", help="folder for the run's files (default: a temporary one, removed at the end)")
    ap.add_argument("--spawner", choices=["auto", "system", "simple"], default="auto")
    ap.add_argument("--pair", action="store_true", help="students 1 and 2 also call each other (classroom pairing)")
    ap.add_argument("--json", action="store_true", help="print one JSON line with every figure at the end")
    ap.add_argument("--keep", action="store_true", help="keep the work folder (logs) after the run")
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--cell-timeout", type=int, default=240)
    args = ap.parse_args()
    if not 1 <= args.users <= 60:
        sys.exit("hub.py: --users must be between 1 and 60 (got %d)" % args.users)
    root = os.path.abspath(args.root)
    mode = args.spawner if args.spawner != "auto" else ("system" if os.geteuid() == 0 else "simple")
    if mode == "system" and os.geteuid() != 0:
        sys.exit("hub.py: --spawner system creates Linux users and needs root")
    lesson_src = os.path.join(root, "notebooks", args.lesson + ".ipynb")
    if not os.path.isfile(lesson_src):
        sys.exit("hub.py: there is no lesson %s (looked for %s)" % (args.lesson, lesson_src))
    cells, expect = lesson_cells(lesson_src)

    own_work = args.work is None
    work = os.path.abspath(args.work) if args.work else tempfile.mkdtemp(prefix="primer-hub-")
    os.makedirs(work, exist_ok=True)
    os.chmod(work, 0o755)  # the students' servers must reach their homes and the prefix under it
    os.makedirs(os.path.join(work, "home"), mode=0o755, exist_ok=True)
    tag = secrets.token_hex(2)
    names = ["wp%ss%d" % (tag, i + 1) for i in range(args.users)]
    uids = []
    hub = Hub(work, "", mode, free_port(), secrets.token_hex(32))
    result = {"users": args.users, "lesson": args.lesson, "spawner": mode, "students": [], "errors": []}
    t_start = time.monotonic()
    try:
        # 1. the kit, system-wide, in a prefix of the run's own
        prefix = args.prefix
        if prefix is None:
            prefix = os.path.join(work, "prefix")
            t = time.monotonic()
            cmd = ["bash", os.path.join(root, "primer"), "setup", "--system", "--prefix", prefix] + (["--no-cds"] if args.no_cds else [])
            r = subprocess.run(cmd, env=dict(os.environ, PRIMER_NO_BUILD="1"), capture_output=True, text=True)
            if r.returncode != 0:
                raise RuntimeError("./primer setup --system failed:\n" + r.stdout + r.stderr)
            result["install_s"] = round(time.monotonic() - t, 1)
            log(args, "installed the kit system-wide into %s in %.1f s" % (prefix, result["install_s"]))
        hub.prefix = os.path.abspath(prefix)
        # 2. the students
        for n in names:
            home = os.path.join(work, "home", n)
            if mode == "system":
                uids.append(create_system_user(n, home))
            else:
                os.makedirs(home, exist_ok=True)
        # 3. the hub
        t = time.monotonic()
        hub.start()
        result["hub_start_s"] = round(time.monotonic() - t, 1)
        log(args, "JupyterHub %s on %s (%s users, started in %.1f s)" % (
            hub.api("GET", "/hub/api/")[1].get("version"), hub.url, mode, result["hub_start_s"]))
        # 4. users and servers through the REST API
        hub.api("POST", "/hub/api/users", {"usernames": names})
        t_spawn = {}
        for n in names:
            t_spawn[n] = time.monotonic()
            hub.api("POST", "/hub/api/users/%s/server" % n)
        students = []
        deadline = time.monotonic() + 180
        pending = set(names)
        ready_at = {}
        while pending and time.monotonic() < deadline:
            for n in sorted(pending):
                _, u = hub.api("GET", "/hub/api/users/%s" % n)
                server = (u.get("servers") or {}).get("")
                if server and server.get("ready"):
                    ready_at[n] = time.monotonic() - t_spawn[n]
                    pending.discard(n)
            time.sleep(0.3)
        if pending:
            raise RuntimeError("servers of %s not ready within 180 s; hub log:\n%s" % (sorted(pending), hub.tail()))
        for i, n in enumerate(names):
            _, u = hub.api("GET", "/hub/api/users/%s" % n)
            state = (u.get("servers") or {}).get("", {}).get("state") or {}
            students.append({"n": i + 1, "name": n, "uid": uids[i] if uids else None,
                             "server_s": round(ready_at[n], 2), "server_pid": state.get("pid")})
        # each student's own writable copy of the lessons, seen through their server
        lesson_path = "webrtc-primer/%s.ipynb" % args.lesson
        for s in students:
            _, model = hub.api("GET", "/user/%s/api/contents/%s?content=0" % (s["name"], lesson_path))
            s["lesson_writable"] = bool(model.get("writable"))
        # the lesson in every student's kernel at once
        t_lessons = time.monotonic()

        async def everyone():
            return await asyncio.gather(*(run_lesson(hub, s, lesson_path, cells, expect, args.cell_timeout) for s in students),
                                        return_exceptions=True)

        outcomes = asyncio.run(everyone())
        result["lessons_wall_s"] = round(time.monotonic() - t_lessons, 2)
        for s, o in zip(students, outcomes):
            if isinstance(o, BaseException):
                s["failed"] = (s.get("failed") or []) + ["%s: %s" % (type(o).__name__, o)]
                s.setdefault("cells", len(cells))
                s.setdefault("cells_run", 0)
        # 5. a call between two classmates
        if args.pair:
            if len(students) < 2:
                result["errors"].append("--pair needs at least 2 users")
            else:
                import pairing
                result["pair"] = pairing.run_pair(hub, students[0], students[1], root, args.cell_timeout)
        result["students"] = students
        for s in students:
            verdict = "ok" if not s["failed"] else "FAILED (%s)" % "; ".join(s["failed"])
            log(args, "student %d (%s): %s %s in %.1f s, %d/%d cells; server up in %.1f s, kernel ready in %.1f s; "
                      "kernel peak RSS %.0f MB, CPU %.1f s" % (
                          s["n"], s["name"], args.lesson, verdict, s.get("lesson_s", 0), s["cells_run"], s["cells"],
                          s["server_s"], s.get("kernel_ready_s", 0), s.get("peak_rss_mb", 0), s.get("cpu_s", 0)))
        if "pair" in result:
            p = result["pair"]
            log(args, "classmates %s and %s: %s" % (students[0]["name"], students[1]["name"], p.get("summary")))
        # 6. shut down through the API: sessions, servers, users
        for s in students:
            try:
                if s.get("session_id"):
                    hub.api("DELETE", "/user/%s/api/sessions/%s" % (s["name"], s["session_id"]))
            except Exception as e:  # the server may already be gone
                result["errors"].append("closing %s's session: %s" % (s["name"], e))
        for n in names:
            hub.api("DELETE", "/hub/api/users/%s/server" % n)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            running = [n for n in names if (hub.api("GET", "/hub/api/users/%s" % n)[1].get("servers") or {})]
            if not running:
                break
            time.sleep(0.3)
        for n in names:
            hub.api("DELETE", "/hub/api/users/%s" % n)
        _, remaining = hub.api("GET", "/hub/api/users")
        result["hub_users_after"] = [u["name"] for u in remaining if u["name"] in names]
    except Exception as e:
        result["errors"].append("%s: %s" % (type(e).__name__, e))
    finally:
        hub.stop()
        for n in names:
            if mode == "system":
                delete_system_user(n)
        left = leftovers(names, uids, work, hub)
        if own_work and not args.keep:
            shutil.rmtree(work, ignore_errors=True)
            if os.path.exists(work):
                left.append("the work folder %s" % work)
        result["left_behind"] = left
        result["wall_s"] = round(time.monotonic() - t_start, 1)
    students = result["students"]
    ok = [s for s in students if not s.get("failed")]
    pair_ok = result.get("pair", {}).get("ok") if args.pair else None
    summary = "%d students, %d servers started, %d lessons passed, %d failed; %s%d left behind; wall %.1f s (lessons %.1f s)" % (
        args.users, len(students), len(ok), args.users - len(ok),
        ("classmate call %s; " % ("ok" if pair_ok else "FAILED")) if args.pair else "",
        len(result["left_behind"]), result["wall_s"], result.get("lessons_wall_s", 0))
    for e in result["errors"]:
        print("hub-demo: " + e, file=sys.stderr)
    for l in result["left_behind"]:
        print("hub-demo: left behind: " + l, file=sys.stderr)
    print(summary, flush=True)
    if args.json:
        print(json.dumps(result))
    good = len(ok) == args.users and not result["errors"] and not result["left_behind"] and (pair_ok is not False)
    sys.exit(0 if good else 1)


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    main()
