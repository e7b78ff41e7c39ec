"""Bad-input tests for the otp-csharp kernel through the real jupyter_client.

Each case sends something hostile, checks the kernel's answer, then checks the kernel still runs
a normal cell. Prints "ok"/"FAIL" per case and a final "bad-input: passed=N failed=M".
"""
import os
import signal
import sys
import time
import traceback

from jupyter_client.manager import start_new_kernel

KERNEL = "otp-csharp"
passed = failed = 0


def run(client, code, timeout=60):
    """Executes code; returns (reply content, list of iopub messages for it)."""
    msg_id = client.execute(code)
    outputs = []
    deadline = time.monotonic() + timeout
    while True:
        msg = client.get_iopub_msg(timeout=max(1, deadline - time.monotonic()))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
        outputs.append(msg)
    return shell_reply(client, msg_id)["content"], outputs


def shell_reply(client, msg_id, timeout=30):
    """The shell reply to msg_id, skipping leftovers such as wait_for_ready's kernel_info replies."""
    deadline = time.monotonic() + timeout
    while True:
        reply = client.get_shell_msg(timeout=max(1, deadline - time.monotonic()))
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply


def text_of(outputs, kind=None):
    parts = []
    for m in outputs:
        c = m["content"]
        if m["msg_type"] == "stream" and (kind is None or c["name"] == kind):
            parts.append(c["text"])
        elif m["msg_type"] in ("execute_result", "display_data") and kind is None:
            parts.append(c["data"].get("text/plain", ""))
        elif m["msg_type"] == "error" and kind is None:
            parts.append("\n".join(c["traceback"]))
    return "".join(parts)


def still_works(client):
    reply, outputs = run(client, "var check = 6 * 7;\ncheck")
    assert reply["status"] == "ok", reply
    assert "42" in text_of(outputs), text_of(outputs)


def case(name, **env):
    def wrap(body):
        global passed, failed
        manager, client = start_new_kernel(kernel_name=KERNEL, cwd=os.getcwd(), env=dict(os.environ, **env))
        try:
            started = time.monotonic()
            body(manager, client)
            still_works(client)
            print(f"ok   {name} ({time.monotonic() - started:.1f} s)")
            passed += 1
        except Exception:
            print(f"FAIL {name}")
            traceback.print_exc(file=sys.stdout)
            failed += 1
        finally:
            client.stop_channels()
            manager.shutdown_kernel(now=True)
        return body
    return wrap


@case("kernel_info names C#")
def _(manager, client):
    info = shell_reply(client, client.kernel_info())["content"]
    assert info["language_info"]["name"] == "csharp", info
    assert info["implementation"] == "otp-csharp", info


@case("syntax error names the line in the cell")
def _(manager, client):
    reply, outputs = run(client, "var a = 1;\nvar b = ;\n")
    assert reply["status"] == "error" and reply["ename"] == "CompilationError", reply
    assert "(line 2, column 9)" in "\n".join(reply["traceback"]), reply["traceback"]


@case("exception names the line in the cell; state survives")
def _(manager, client):
    run(client, "var kept = 5;")
    reply, outputs = run(client, "var x = 1;\nthrow new InvalidOperationException(\"boom\");")
    assert reply["status"] == "error" and reply["ename"] == "System.InvalidOperationException", reply
    assert "at line 2 of cell" in "\n".join(reply["traceback"]), reply["traceback"]
    reply, outputs = run(client, "kept")
    assert "5" in text_of(outputs), text_of(outputs)


@case("streams arrive while the cell runs")
def _(manager, client):
    run(client, "1")  # the host is up and Roslyn warm, so only the cell's own timing counts
    msg_id = client.execute('Console.WriteLine("first"); await Task.Delay(3000); Console.WriteLine("second");')
    started = time.monotonic()
    while True:
        msg = client.get_iopub_msg(timeout=30)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
            break
    assert msg["content"]["text"].startswith("first"), msg["content"]
    assert time.monotonic() - started < 2.5, "the first line came only after the cell ended"
    while not (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
               and msg["content"]["execution_state"] == "idle"):
        msg = client.get_iopub_msg(timeout=30)
    shell_reply(client, msg_id)


@case("rich display: svg, html, markdown")
def _(manager, client):
    reply, outputs = run(client, 'display(Svg("<svg xmlns=\\"http://www.w3.org/2000/svg\\"/>")); display(HTML("<b>x</b>")); Markdown("*y*")')
    kinds = set()
    for m in outputs:
        if m["msg_type"] in ("display_data", "execute_result"):
            kinds.update(m["content"]["data"])
    assert {"image/svg+xml", "text/html", "text/markdown", "text/plain"} <= kinds, kinds


@case("endless receive: interrupt stops it, state survives")
def _(manager, client):
    run(client, 'var kept = "still here";')
    run(client, '#r "../../../artifacts/bin/Otp/debug/Otp.dll"\nusing Otp;')
    msg_id = client.execute('var node = Node.Start();\nawait node.RunAsync(async self => { await self.Receive(); });')
    time.sleep(3)
    manager.interrupt_kernel()
    reply = shell_reply(client, msg_id, timeout=30)
    assert reply["content"]["status"] in ("error", "abort"), reply["content"]
    _, outputs = run(client, "kept")
    assert "still here" in text_of(outputs), text_of(outputs)


@case("endless loop: interrupt restarts the host, kernel survives")
def _(manager, client):
    msg_id = client.execute("long n = 0;\nwhile (true) { n++; }")
    time.sleep(3)
    manager.interrupt_kernel()
    reply = shell_reply(client, msg_id, timeout=60)
    assert reply["content"]["status"] in ("error", "abort"), reply["content"]


@case("huge output is bounded with a notice")
def _(manager, client):
    reply, outputs = run(client, "for (var i = 0; i < 300_000; i++) Console.WriteLine($\"line {i}\");", timeout=120)
    out, err = text_of(outputs, "stdout"), text_of(outputs, "stderr")
    assert reply["status"] == "ok", reply
    assert len(out) <= 100_000, len(out)
    assert "output truncated" in err, err[-300:]


@case("host killed: reported, then a fresh host runs cells")
def _(manager, client):
    reply, outputs = run(client, "Environment.ProcessId")
    pid = int(text_of(outputs).strip())
    os.kill(pid, signal.SIGKILL)
    time.sleep(1)
    reply, outputs = run(client, "1 + 1")
    assert reply["status"] == "ok", reply
    assert "had exited" in text_of(outputs, "stderr"), text_of(outputs)


@case("host dies during a cell: reported as an error")
def _(manager, client):
    reply, outputs = run(client, "Environment.Exit(7);")
    assert reply["status"] == "error" and reply["ename"] == "HostExited", reply
    assert "exit code 7" in reply["evalue"], reply


@case("runaway allocation: the cell ran out of memory, a new host runs cells", OTP_KERNEL_MEMORY_LIMIT="300m")
def _(manager, client):
    run(client, "var kept = 1;")
    reply, outputs = run(client, "var hoard = new List<byte[]>();\nwhile (true) hoard.Add(new byte[1 << 20]);", timeout=120)
    assert reply["status"] == "error" and reply["ename"] == "OutOfMemory", reply
    shown = "\n".join(reply["traceback"])
    assert "ran out of memory" in reply["evalue"] and "300 MiB" in shown, reply
    assert "A new C# host was started" in shown, shown
    reply, outputs = run(client, "kept")
    assert reply["status"] == "error" and reply["ename"] == "CompilationError", reply  # the old state is gone


@case("late output of a finished cell is labelled with it, not mixed into the next")
def _(manager, client):
    run(client, "var go = new System.Threading.SemaphoreSlim(0); var written = new System.Threading.SemaphoreSlim(0);\n"
                "var background = Task.Run(async () => { await go.WaitAsync(); Console.WriteLine(\"late line\"); written.Release(); });")
    reply, outputs = run(client, "go.Release(); await written.WaitAsync(); 6 * 7")
    assert reply["status"] == "ok", reply
    assert "late line" not in text_of(outputs, "stdout"), text_of(outputs)
    labelled = [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "display_data"]
    assert any(t.startswith("[output from cell [1]") and "late line" in t for t in labelled), outputs


@case("restart_kernel gives a fresh session")
def _(manager, client):
    run(client, "var before = 1;")
    manager.restart_kernel(now=True)
    client.wait_for_ready(timeout=60)
    reply, outputs = run(client, "before")
    assert reply["status"] == "error" and reply["ename"] == "CompilationError", reply


@case("is_complete and completion")
def _(manager, client):
    run(client, 'var greeting = "hi";')
    assert shell_reply(client, client.is_complete("void F() {"))["content"]["status"] == "incomplete"
    assert shell_reply(client, client.is_complete("var x = 1;"))["content"]["status"] == "complete"
    content = shell_reply(client, client.complete("greeting.ToUp", 13))["content"]
    assert "ToUpper" in content["matches"] and content["cursor_start"] == 9, content


print(f"bad-input: passed={passed} failed={failed}")
sys.exit(1 if failed else 0)
