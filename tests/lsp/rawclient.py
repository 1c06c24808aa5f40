"""A bare JSON-RPC client over the server's stdio, for input no typed client would send."""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path


class RawClient:
    def __init__(self, root: Path, options: dict | None = None):
        self.proc = subprocess.Popen([sys.executable, "-m", "portalis", "serve", "--stdio"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.messages: "queue.Queue[dict]" = queue.Queue()
        self.by_id: dict = {}
        self.notes: list[dict] = []
        self.lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()
        self.n = 0
        r = self.request("initialize", {"processId": None, "rootUri": root.as_uri(), "capabilities": {},
                                        "initializationOptions": options or {"trusted": True}})
        assert "result" in r, r
        self.notify("initialized", {})

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
                if line in (b"\r\n", b"\n"):
                    break
            if length is None:
                continue
            msg = json.loads(out.read(length))
            with self.lock:
                if "id" in msg and "method" not in msg:
                    self.by_id[msg["id"]] = msg
                elif "method" in msg and "id" in msg:  # a request from the server: answer null
                    self.send_raw({"jsonrpc": "2.0", "id": msg["id"], "result": None})
                else:
                    self.notes.append(msg)

    def send_raw(self, obj) -> None:
        body = json.dumps(obj).encode() if not isinstance(obj, bytes) else obj
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def request(self, method: str, params, timeout: float = 60) -> dict:
        self.n += 1
        mid = self.n
        self.send_raw({"jsonrpc": "2.0", "id": mid, "method": method, "params": params})
        end = time.time() + timeout
        while time.time() < end:
            with self.lock:
                if mid in self.by_id:
                    return self.by_id.pop(mid)
            time.sleep(0.01)
        raise TimeoutError(f"no answer to {method} within {timeout} s")

    def notify(self, method: str, params) -> None:
        self.send_raw({"jsonrpc": "2.0", "method": method, "params": params})

    def diagnostics(self, uri: str, timeout: float = 60) -> list:
        end = time.time() + timeout
        while time.time() < end:
            with self.lock:
                for m in reversed(self.notes):
                    if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri:
                        return m["params"]["diagnostics"]
            time.sleep(0.02)
        raise TimeoutError(f"no diagnostics for {uri}")

    def rss_mb(self) -> float:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def close(self) -> None:
        try:
            self.request("shutdown", None, timeout=10)
            self.notify("exit", None)
            self.proc.wait(10)
        except Exception:  # noqa: BLE001
            self.proc.kill()
