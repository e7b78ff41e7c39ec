"""Jupyter kernel for the Otp workbook's C# notebooks.

A thin wrapper on ipykernel: Jupyter's own library speaks the messaging protocol; this file
only forwards each request to a long-running C# host process (one per kernel session) over
JSON lines on the host's stdin/stdout, and turns the host's events into Jupyter messages.
The protocol is described in docs/notebooks.md ("The host protocol").
"""

import collections
import json
import os
import queue
import subprocess
import sys
import threading
import time

from ipykernel.kernelbase import Kernel

HERE = os.path.dirname(os.path.abspath(__file__))
HOST_START_TIMEOUT = 120      # seconds for the host to say "ready" (first start compiles Roslyn's caches)
INTERRUPT_TIMEOUT = 15        # seconds an interrupted host gets to answer before it is killed
RESTART_EXIT_CODE = 3         # the host quits with this when a cell will not stop


MEMORY_LIMIT_VARIABLE = "OTP_KERNEL_MEMORY_LIMIT"
DEFAULT_MEMORY_LIMIT = 2 << 30  # bytes; keep in step with MemoryLimit.DefaultBytes in the engine


def memory_limit():
    """The host's memory limit in bytes from OTP_KERNEL_MEMORY_LIMIT (2g, 512m, none), or None."""
    text = os.environ.get(MEMORY_LIMIT_VARIABLE, "").strip().lower()
    if not text:
        return DEFAULT_MEMORY_LIMIT
    if text in ("none", "0"):
        return None
    shift = {"k": 10, "m": 20, "g": 30}.get(text[-1], 0)
    digits = text[:-1] if shift else text
    if not digits.isdigit() or int(digits) <= 0:
        sys.stderr.write(f"{MEMORY_LIMIT_VARIABLE}={text} is not a memory limit (2g, 512m, none); using 2g\n")
        return DEFAULT_MEMORY_LIMIT
    return int(digits) << shift


def host_environment():
    """The host's environment: ours, plus the GC's hard heap limit, which makes an allocation
    beyond the limit throw OutOfMemoryException in the cell instead of growing without end."""
    env = dict(os.environ)
    limit = memory_limit()
    if limit is not None:
        env["DOTNET_GCHeapHardLimit"] = format(limit, "x")
        env[MEMORY_LIMIT_VARIABLE] = str(limit)
    return env


def looks_out_of_memory(code, words):
    return code in (-9, 137) or "OutOfMemory" in words or "Out of memory" in words


def host_command():
    with open(os.path.join(HERE, "host.json"), encoding="utf-8") as f:
        return json.load(f)["command"]


class Host:
    """One C# host process and the threads that read its output."""

    def __init__(self, command):
        options = {}
        if os.name == "nt":
            options["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP
        else:
            # Jupyter interrupts by signalling the kernel's process group; the host gets the
            # interrupt as a message instead, so a signal never kills it.
            options["start_new_session"] = True
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            cwd=os.getcwd(), env=host_environment(), **options)
        self.events = queue.Queue()
        self.stderr_tail = collections.deque(maxlen=30)
        self.ready = False
        threading.Thread(target=self._read_events, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()

    def _read_events(self):
        for line in self.process.stdout:
            try:
                self.events.put(json.loads(line))
            except ValueError:
                self.stderr_tail.append(line.decode("utf-8", "replace"))
        self.events.put(None)  # end of output: the host has exited

    def _read_stderr(self):
        for line in self.process.stderr:
            self.stderr_tail.append(line.decode("utf-8", "replace"))

    def send(self, message):
        try:
            self.process.stdin.write((json.dumps(message) + "\n").encode("utf-8"))
            self.process.stdin.flush()
            return True
        except (OSError, ValueError):
            return False

    def alive(self):
        return self.process.poll() is None

    def exit_code(self):
        try:
            return self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            return None

    def last_words(self):
        return "".join(self.stderr_tail).strip()

    def stop(self, grace=3):
        if self.alive():
            self.send({"op": "shutdown"})
            try:
                self.process.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class OtpCSharpKernel(Kernel):
    implementation = "otp-csharp"
    implementation_version = "1.0"
    language = "csharp"
    language_version = "14.0"
    language_info = {
        "name": "csharp",
        "mimetype": "text/x-csharp",
        "file_extension": ".cs",
        "pygments_lexer": "csharp",
        "codemirror_mode": "text/x-csharp",
        "version": "14.0",
    }
    banner = "C# for the Erlang/OTP book club workbook (Roslyn scripting; cells like .NET Interactive's)"

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._command = host_command()
        self._request = 0
        self._host = Host(self._command)

    # ---- host lifecycle -------------------------------------------------------------------

    def _next_id(self):
        self._request += 1
        return str(self._request)

    def _restart_host(self):
        if self._host is not None:
            if self._host.alive():
                self._host.process.kill()
            self._host.process.wait()
        self._host = Host(self._command)

    def _ensure_host(self):
        """A running host; if the last one died, start a new one and say so."""
        if not self._host.alive():
            code = self._host.exit_code()
            words = self._host.last_words()
            self._restart_host()
            self._stream("stderr",
                         f"[the C# host had exited (exit code {code}); a new one was started: "
                         f"variables from earlier cells are gone]\n" + (f"{words}\n" if words else ""))
        if not self._host.ready:
            deadline = time.monotonic() + HOST_START_TIMEOUT
            while not self._host.ready:
                try:
                    event = self._host.events.get(timeout=max(0.1, deadline - time.monotonic()))
                except queue.Empty:
                    raise RuntimeError("the C# host did not start within %d s" % HOST_START_TIMEOUT)
                if event is None:
                    raise RuntimeError("the C# host exited while starting:\n" + self._host.last_words())
                if event.get("event") == "ready":
                    self._host.ready = True

    # ---- messages to the front end --------------------------------------------------------

    def _stream(self, name, text):
        self.send_response(self.iopub_socket, "stream", {"name": name, "text": text})

    def _error_reply(self, ename, evalue, traceback):
        content = {"ename": ename, "evalue": evalue, "traceback": traceback}
        self.send_response(self.iopub_socket, "error", content)
        return dict(content, status="error", execution_count=self.execution_count)

    # ---- requests ---------------------------------------------------------------------------

    def do_execute(self, code, silent, store_history=True, user_expressions=None, allow_stdin=False):
        if not code.strip():
            return {"status": "ok", "execution_count": self.execution_count, "payload": [], "user_expressions": {}}
        try:
            self._ensure_host()
        except RuntimeError as e:
            self._restart_host()
            return self._error_reply("HostFailed", str(e), [str(e)])

        request = self._next_id()
        self._host.send({"op": "execute", "id": request, "code": code})
        error = None
        interrupt_deadline = None
        while True:
            try:
                try:
                    event = self._host.events.get(timeout=0.2)
                except queue.Empty:
                    if interrupt_deadline is not None and time.monotonic() > interrupt_deadline:
                        self._restart_host()
                        return self._error_reply(
                            "Interrupted", "the C# host did not answer the interrupt and was restarted",
                            ["The cell would not stop, so the C# host was restarted.",
                             "Variables from earlier cells are gone; run the cells above again."])
                    continue
                if event is None:
                    code_ = self._host.exit_code()
                    words = self._host.last_words()
                    self._restart_host()
                    if looks_out_of_memory(code_, words):
                        limit = memory_limit()
                        within = f" (the C# host may use {limit >> 20} MiB)" if limit else ""
                        lines = [f"This cell ran out of memory{within}: the C# host was stopped (exit code {code_}).",
                                 "A new C# host was started: variables from earlier cells are gone; run the cells above again.",
                                 f"To change the limit, set {MEMORY_LIMIT_VARIABLE} (for example 4g, or none) before starting Jupyter."]
                        return self._error_reply("OutOfMemory", f"the cell ran out of memory{within}", lines)
                    lines = [f"The C# host process exited (exit code {code_}) while this cell ran.",
                             "A new host was started; variables from earlier cells are gone."]
                    if words:
                        lines += ["Its last output:"] + words.splitlines()[-15:]
                    return self._error_reply("HostExited", f"the C# host exited (exit code {code_})", lines)
                if event.get("id") != request:
                    continue
                kind = event.get("event")
                if kind == "stream":
                    if not silent:
                        self._stream(event["name"], event["text"])
                elif kind == "display":
                    if not silent:
                        self.send_response(self.iopub_socket, "display_data", {"data": event["data"], "metadata": {}})
                elif kind == "result":
                    if not silent:
                        self.send_response(self.iopub_socket, "execute_result",
                                           {"execution_count": self.execution_count, "data": event["data"], "metadata": {}})
                elif kind == "error":
                    error = event
                    self.send_response(self.iopub_socket, "error",
                                       {"ename": event["ename"], "evalue": event["evalue"], "traceback": event["traceback"]})
                elif kind == "done":
                    if event.get("restart"):
                        self._host.exit_code()
                        self._restart_host()
                    if error is None:
                        return {"status": "ok", "execution_count": self.execution_count, "payload": [], "user_expressions": {}}
                    if event.get("status") == "aborted":
                        return {"status": "abort", "execution_count": self.execution_count}
                    return {"status": "error", "execution_count": self.execution_count,
                            "ename": error["ename"], "evalue": error["evalue"], "traceback": error["traceback"]}
            except KeyboardInterrupt:
                # Jupyter's interrupt (SIGINT on POSIX, an event on Windows) lands here.
                if interrupt_deadline is None:
                    self._host.send({"op": "interrupt"})
                    interrupt_deadline = time.monotonic() + INTERRUPT_TIMEOUT

    def _ask(self, message, answer_kind, timeout=10):
        """Sends a request and waits for its answer; None when the host cannot answer."""
        if not self._host.alive() or not self._host.ready:
            return None
        message["id"] = self._next_id()
        if not self._host.send(message):
            return None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                event = self._host.events.get(timeout=0.2)
            except queue.Empty:
                continue
            except KeyboardInterrupt:
                return None
            if event is None:
                self._host.events.put(None)  # keep the death visible to the next execute
                return None
            if event.get("id") == message["id"] and event.get("event") == answer_kind:
                return event
        return None

    def do_complete(self, code, cursor_pos):
        # Jupyter counts code points; C# counts UTF-16 units.
        utf16 = len(code[:cursor_pos].encode("utf-16-le")) // 2
        answer = self._ask({"op": "complete", "code": code, "cursor": utf16}, "complete")
        if answer is None:
            return {"status": "ok", "matches": [], "cursor_start": cursor_pos, "cursor_end": cursor_pos, "metadata": {}}
        units = code.encode("utf-16-le")
        to_points = lambda n: len(units[: 2 * n].decode("utf-16-le", "ignore"))
        return {"status": "ok", "matches": answer["matches"], "cursor_start": to_points(answer["start"]),
                "cursor_end": to_points(answer["end"]), "metadata": {}}

    def do_is_complete(self, code):
        answer = self._ask({"op": "is_complete", "code": code}, "is_complete")
        if answer is None:
            return {"status": "unknown"}
        return {"status": "complete"} if answer["complete"] else {"status": "incomplete", "indent": "    "}

    def do_shutdown(self, restart):
        self._host.stop()
        return {"status": "ok", "restart": restart}


if __name__ == "__main__":
    from ipykernel.kernelapp import IPKernelApp
    IPKernelApp.launch_instance(kernel_class=OtpCSharpKernel)
