"""Two hub students call each other through the teacher's signaling server (hub.py --pair).

The teacher's side runs in a kernel of its own on the hub's machine (what a teacher runs in a
notebook): it starts the kit's SignalingServer and prints one join link per pair. Each of the two
students, in a new kernel of their own server, pastes the link into Classmate.join(...); the call
connects, each sees the other's video, and both students' logs are put on one timeline.
"""
import asyncio
import json
import os
import re
import time

TEACHER = r'''
import org.webrtcprimer.signaling.*;
import java.time.Duration;
var server = SignalingServer.start(SignalingServer.Options.defaults().withIdleTimeout(Duration.ofMinutes(10)));
for (String link : Classmate.links(server, 1)) System.out.println("JOIN " + link);
'''

STUDENT = r'''
import org.webrtcprimer.media.*;
import org.webrtcprimer.signaling.*;
import java.time.Duration;
import static org.webrtcprimer.Primer.*;
var localStream = getUserMedia(Constraints.audioVideo());
var classmate = Classmate.join("%s", localStream);
classmate.call().awaitConnected().awaitFirstFrame();
System.out.println("PAIRED " + classmate.me() + (classmate.caller() ? " called " : " answered ") + classmate.classmate());
var logs = classmate.timeline();
System.out.println("TIMELINE " + logs.merged().size() + " events of both students");
'''

BYE = r'''
classmate.hangup();
localStream.stop();
System.out.println("BYE");
'''


def teacher_kernel(prefix):
    os.environ["JUPYTER_PATH"] = os.path.join(prefix, "share", "jupyter")
    os.environ["PRIMER_RESULTS"] = "off"   # the teacher's kernel keeps no results file
    from jupyter_client.manager import KernelManager
    km = KernelManager(kernel_name="webrtc-primer")
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=180)
    return km, kc


def run(kc, code, timeout=180):
    out = []

    def hook(m):
        if m["msg_type"] == "stream":
            out.append(m["content"]["text"])
        elif m["msg_type"] == "error":
            out.append("ERROR %s: %s" % (m["content"].get("ename"), m["content"].get("evalue")))
    reply = kc.execute_interactive(code, timeout=timeout, output_hook=hook)
    return reply["content"]["status"], "".join(out)


def run_pair(hub, a, b, root, cell_timeout):
    from hub import KernelSession, output_text
    result = {"ok": False, "students": [a["name"], b["name"]]}
    t0 = time.monotonic()
    km, kc = teacher_kernel(hub.prefix)
    sessions = []
    try:
        status, text = run(kc, TEACHER)
        links = re.findall(r"JOIN (\S+)", text)
        if status != "ok" or not links:
            result["summary"] = "the teacher's server gave no join link: %s" % text[-500:]
            return result
        result["link"] = links[0]

        async def student(s):
            _, sess = hub.api("POST", "/user/%s/api/sessions" % s["name"],
                              {"path": "webrtc-primer/10-remote-peer.ipynb", "type": "notebook",
                               "name": "classmate", "kernel": {"name": "webrtc-primer"}})
            sessions.append((s["name"], sess["id"]))
            ks = KernelSession(hub, s["name"], sess["kernel"]["id"])
            await ks.connect()
            try:
                await ks.request("kernel_info_request", {}, 180)
                texts = []
                for code in (STUDENT % links[0], BYE):
                    reply, outputs = await ks.request("execute_request", {
                        "code": code, "silent": False, "store_history": True, "user_expressions": {},
                        "allow_stdin": False, "stop_on_error": True}, cell_timeout)
                    text, _ = output_text(outputs)
                    texts.append(text)
                    if reply.get("status") != "ok":
                        return {"name": s["name"], "ok": False, "output": "".join(texts)[-800:]}
                return {"name": s["name"], "ok": True, "output": "".join(texts)[-800:]}
            finally:
                await ks.close()

        async def both():
            return await asyncio.gather(student(a), student(b), return_exceptions=True)

        outcomes = asyncio.run(both())
        sides = []
        for o in outcomes:
            if isinstance(o, BaseException):
                sides.append({"ok": False, "output": "%s: %s" % (type(o).__name__, o)})
            else:
                m = re.search(r"PAIRED (\S+) (called|answered) (\S+)", o["output"])
                t = re.search(r"TIMELINE (\d+) events", o["output"])
                o.update(role=m.group(2) if m else None, timeline_events=int(t.group(1)) if t else 0)
                sides.append(o)
        result["sides"] = sides
        roles = sorted(s.get("role") or "" for s in sides)
        result["ok"] = all(s["ok"] for s in sides) and roles == ["answered", "called"] and all(s.get("timeline_events", 0) > 0 for s in sides)
        _, rooms = run(kc, 'System.out.println(server.rooms());')
        result["rooms_at_end"] = rooms.strip()
        result["seconds"] = round(time.monotonic() - t0, 1)
        result["summary"] = ("call connected (%s), both logs on one timeline (%s events), %.1f s" % (
            ", ".join("%s %s" % (s.get("name"), s.get("role")) for s in sides),
            "/".join(str(s.get("timeline_events")) for s in sides), result["seconds"])) if result["ok"] else \
            "FAILED: " + " | ".join(s.get("output", "")[-300:] for s in sides)
        return result
    finally:
        for name, sid in sessions:
            try:
                hub.api("DELETE", "/user/%s/api/sessions/%s" % (name, sid))
            except Exception:
                pass
        try:
            run(kc, "server.close();", timeout=30)
        except Exception:
            pass
        kc.stop_channels()
        km.shutdown_kernel(now=False)
