"""A small LSP client that talks JSON-RPC to ``draftlint server`` in a subprocess, byte for byte as an editor
does (Content-Length framed messages over standard input and output). Used by tests/test_server.py and by
bench/server_latency.py."""
from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, Callable


class LspClient:
    def __init__(self, cwd: Path, env: dict | None = None) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "draftlint", "server"], cwd=cwd, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     env={**os.environ, **(env or {})})
        self.inbox: queue.Queue = queue.Queue()
        self.seen: list[dict] = []  # every notification received, in order
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.proc.stdout
        assert stream is not None
        while True:
            length = None
            while True:
                header = stream.readline()
                if not header:
                    self.inbox.put(None)
                    return
                if header in (b"\r\n", b"\n"):
                    break
                name, _, value = header.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            assert length is not None
            self.inbox.put(json.loads(stream.read(length)))

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        self.proc.stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: Any, timeout: float = 60) -> Any:
        self.next_id += 1
        wanted = self.next_id
        self.send({"id": wanted, "method": method, "params": params})
        message = self._until(lambda m: m.get("id") == wanted and "method" not in m, timeout)
        if "error" in message:
            raise RuntimeError(message["error"])
        return message.get("result")

    def wait(self, method: str, where: Callable[[dict], bool] = lambda p: True, timeout: float = 60) -> dict:
        """The next notification ``method`` whose params satisfy ``where`` (earlier ones are skipped)."""
        return self._until(lambda m: m.get("method") == method and "id" not in m and where(m["params"]),
                           timeout)["params"]

    def _until(self, match: Callable[[dict], bool], timeout: float) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            message = self.inbox.get(timeout=max(deadline - time.monotonic(), 0.01))
            if message is None:
                raise EOFError("the server closed its output")
            if "method" in message and "id" in message:  # a request from the server: accept it
                self.send({"id": message["id"], "result": None})
                continue
            if "method" in message:
                self.seen.append(message)
            if match(message):
                return message

    def close(self) -> int:
        """shutdown, exit, and the server's exit status."""
        self.request("shutdown", None)
        self.notify("exit", None)
        try:
            return self.proc.wait(timeout=30)
        finally:
            for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
                if stream is not None:
                    stream.close()


def initialize(client: LspClient, root: Path, capabilities: dict | None = None) -> dict:
    result = client.request("initialize", {"processId": os.getpid(), "rootUri": root.as_uri(),
                                           "capabilities": capabilities or {},
                                           "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}]})
    client.notify("initialized", {})
    return result


def open_document(client: LspClient, path: Path, text: str, language: str = "markdown") -> None:
    client.notify("textDocument/didOpen", {"textDocument": {"uri": path.as_uri(), "languageId": language,
                                                            "version": 1, "text": text}})


def replace_document(client: LspClient, path: Path, text: str, version: int) -> dict:
    """Send the whole new text of an open document and return the diagnostics published for that version."""
    uri = path.as_uri()
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                             "contentChanges": [{"text": text}]})
    return client.wait("textDocument/publishDiagnostics", lambda p: p["uri"] == uri and p["version"] == version)
