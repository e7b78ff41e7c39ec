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
    reply = client.get_shell_msg(timeout=10)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = client.get_shell_msg(timeout=10)
    return reply["content"], outputs


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


def case(name):
    def wrap(body):
        global passed, failed
        manager, client = start_new_kernel(kernel_name=KERNEL, cwd=os.getcwd())
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
    client.kernel_info()
    info = client.get_shell_msg(timeout=30)["content"]
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
    client.get_shell_msg(timeout=10)


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
    reply = client.get_shell_msg(timeout=30)
    assert reply["parent_header"]["msg_id"] == msg_id
    assert reply["content"]["status"] in ("error", "abort"), reply["content"]
    _, outputs = run(client, "kept")
    assert "still here" in text_of(outputs), text_of(outputs)


@case("endless loop: interrupt restarts the host, kernel survives")
def _(manager, client):
    msg_id = client.execute("long n = 0;\nwhile (true) { n++; }")
    time.sleep(3)
    manager.interrupt_kernel()
    reply = client.get_shell_msg(timeout=60)
    assert reply["parent_header"]["msg_id"] == msg_id
    assert reply["content"]["status"] in ("error", "abort"), reply["content"]


@case("huge output is bounded with a notice")
def _(manager, client):
    reply, outputs = run(client, "for (var i = 0; i < 2_000_000; i++) Console.WriteLine($\"line {i}\");", timeout=120)
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
    client.is_complete("void F() {")
    assert client.get_shell_msg(timeout=30)["content"]["status"] == "incomplete"
    client.is_complete("var x = 1;")
    assert client.get_shell_msg(timeout=30)["content"]["status"] == "complete"
    client.complete("greeting.ToUp", 13)
    content = client.get_shell_msg(timeout=30)["content"]
    assert "ToUpper" in content["matches"] and content["cursor_start"] == 9, content


print(f"bad-input: passed={passed} failed={failed}")
sys.exit(1 if failed else 0)
