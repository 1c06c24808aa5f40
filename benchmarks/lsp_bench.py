"""The language server against basedpyright and jedi-language-server, measured in the same run
on the same realistic modules (benchmarks/lsp_modules.py: corpus programs concatenated, ~1,000
and ~5,000 lines), each server as a subprocess driven by one raw JSON-RPC client:

* first hover: didOpen -> the answer to a hover on a function name in the middle of the file;
* warm hover p50/p90: hovers over 30 different function names, after the first;
* edit -> diagnostics: a one-line edit inside one function (a comment added to a line) -> the
  first publishDiagnostics for that document version (p50 over several edits);
* RSS of the server process at the end (the whole process tree for Node servers).

    .venv/bin/python benchmarks/lsp_bench.py [--peers-venv DIR] [--sizes 1000 5000] [--runs 1]

The peers come from PyPI into a separate venv (a bench-only dependency, not installed by CI):
    python3 -m venv /work/bench-venv && /work/bench-venv/bin/pip install basedpyright jedi-language-server
Targets (issue 11): first hover < 1 s on 1,000 lines, warm hover p50 <= 0.5x basedpyright's,
edit -> diagnostics < 100 ms on 5,000 lines, RSS < 150 MB. Absolute times drift on a shared
machine: the ratios to the peers measured in the same run are what the targets compare.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lsp_modules import module  # noqa: E402

CAPS = {"textDocument": {"hover": {"contentFormat": ["markdown", "plaintext"]},
                         "synchronization": {"didSave": True, "dynamicRegistration": False},
                         "publishDiagnostics": {"relatedInformation": True, "versionSupport": True}},
        "workspace": {"configuration": True, "workspaceFolders": True},
        "window": {"workDoneProgress": False}}


class Client:
    def __init__(self, proc):
        self.p, self.next_id, self.pending = proc, 0, {}
        self.diags: list[tuple[float, str, int | None]] = []
        self.diag_event = asyncio.Event()

    def send(self, msg) -> None:
        b = json.dumps(msg).encode()
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(b) + b)

    async def reader(self) -> None:
        while True:
            hdrs = {}
            while True:
                line = await self.p.stdout.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                k, v = line.decode().split(":", 1)
                hdrs[k.lower()] = v.strip()
            msg = json.loads(await self.p.stdout.readexactly(int(hdrs["content-length"])))
            if "id" in msg and "method" in msg:
                res = None
                if msg["method"] == "workspace/configuration":
                    res = [None for _ in msg["params"]["items"]]
                elif msg["method"] == "workspace/workspaceFolders":
                    res = []
                self.send({"jsonrpc": "2.0", "id": msg["id"], "result": res})
            elif "id" in msg:
                fut = self.pending.pop(msg["id"], None)
                if fut is not None and not fut.done():
                    fut.set_result(msg)
            elif msg.get("method") == "textDocument/publishDiagnostics":
                self.diags.append((time.perf_counter(), msg["params"]["uri"], msg["params"].get("version")))
                self.diag_event.set()

    async def request(self, method, params, timeout=180):
        self.next_id += 1
        fut = asyncio.get_running_loop().create_future()
        self.pending[self.next_id] = fut
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        msg = await asyncio.wait_for(fut, timeout)
        return msg.get("result")

    def notify(self, method, params) -> None:
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    async def diagnostics_after(self, uri: str, t0: float, version: int, timeout: float = 120) -> float:
        """Seconds from t0 to the first publishDiagnostics for `uri` at `version` (or after t0
        when the server does not send versions)."""
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            for t, u, v in self.diags:
                if u == uri and t >= t0 and (v is None or v == version):
                    return t - t0
            self.diag_event.clear()
            try:
                await asyncio.wait_for(self.diag_event.wait(), max(0.01, end - time.perf_counter()))
            except asyncio.TimeoutError:
                break
        return float("nan")


def rss_mb(pid: int) -> float:
    """RSS of the process and its children (Node servers run children)."""
    total = 0
    pids = [pid]
    try:
        out = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(x) for x in out]
    except OSError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def function_spots(text: str) -> list[tuple[int, int]]:
    out = []
    for i, line in enumerate(text.splitlines()):
        m = re.match(r"def (\w+)\(", line)
        if m:
            out.append((i, 4 + len(m.group(1)) // 2))
    return out


async def measure(name: str, cmd: list[str], text: str, workdir: Path, init_opts: dict | None) -> dict:
    file = workdir / "bench_module.py"
    file.write_text(text)
    proc = await asyncio.create_subprocess_exec(*cmd, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
                                                stderr=asyncio.subprocess.DEVNULL, limit=2**26, cwd=workdir)
    c = Client(proc)
    rd = asyncio.create_task(c.reader())
    root = workdir.as_uri()
    await c.request("initialize", {"processId": os.getpid(), "rootUri": root, "capabilities": CAPS,
                                   "workspaceFolders": [{"uri": root, "name": "bench"}],
                                   "initializationOptions": init_opts or {}})
    c.notify("initialized", {})
    uri = file.as_uri()
    spots = function_spots(text)
    mid = spots[len(spots) // 2]
    t1 = time.perf_counter()
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "python", "version": 1, "text": text}})
    first = await c.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                    "position": {"line": mid[0], "character": mid[1]}})
    t_first = time.perf_counter() - t1
    await c.diagnostics_after(uri, t1, 1)
    hovers = []
    step = max(1, len(spots) // 30)
    for ln, ch in spots[::step][:30]:
        s = time.perf_counter()
        await c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": ln, "character": ch}})
        hovers.append(time.perf_counter() - s)
    edits = []
    lines = text.split("\n")
    version = 1
    for k, (ln, _) in enumerate(spots[len(spots) // 3::max(1, len(spots) // 8)][:6]):
        version += 1
        target = ln + 1  # the first statement of the function body
        while target < len(lines) and not lines[target].startswith("    "):
            target += 1
        new = lines[:target] + [lines[target] + f"  # edit {k}"] + lines[target + 1:]
        await asyncio.sleep(1.5)  # let the previous analysis settle
        t0 = time.perf_counter()
        c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                            "contentChanges": [{"text": "\n".join(new)}]})
        edits.append(await c.diagnostics_after(uri, t0, version))
        lines = new
    mem = rss_mb(proc.pid)
    try:
        await c.request("shutdown", None, timeout=20)
        c.notify("exit", None)
        await asyncio.wait_for(proc.wait(), 10)
    except Exception:  # noqa: BLE001
        proc.kill()
    rd.cancel()
    good = [e for e in edits if e == e]
    return {"server": name, "lines": len(text.splitlines()), "first_hover_ms": round(t_first * 1000),
            "hover_p50_ms": round(statistics.median(hovers) * 1000, 2),
            "hover_p90_ms": round(sorted(hovers)[int(len(hovers) * 0.9) - 1] * 1000, 2),
            "edit_to_diagnostics_p50_ms": round(statistics.median(good) * 1000) if good else None,
            "edits_with_diagnostics": f"{len(good)}/{len(edits)}", "edit_ms": [round(e * 1000) for e in edits],
            "rss_mb": round(mem),
            "first_hover_text": (json.dumps(first)[:90] if first else None)}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--peers-venv", default=os.environ.get("PORTALIS_BENCH_PEERS", "/work/bench-venv"))
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    ap.add_argument("--json", type=Path)
    a = ap.parse_args()
    peers = Path(a.peers_venv) / "bin"
    servers = [("portalis", [sys.executable, "-m", "portalis", "serve", "--stdio"], {"trusted": False})]
    if (peers / "basedpyright-langserver").exists():
        servers.append(("basedpyright", [str(peers / "basedpyright-langserver"), "--stdio"], None))
    if (peers / "jedi-language-server").exists():
        servers.append(("jedi-language-server", [str(peers / "jedi-language-server")], None))
    if len(servers) == 1:
        print(f"no peers in {peers}: install them (see the docstring); measuring Portalis alone", file=sys.stderr)
    results = []
    for size in a.sizes:
        text = module(size)
        for name, cmd, opts in servers:
            with tempfile.TemporaryDirectory(prefix="lspbench-") as d:
                r = asyncio.run(measure(name, cmd, text, Path(d), opts))
            results.append(r)
            print(json.dumps(r), flush=True)
    print("\n| lines | server | first hover ms | hover p50 ms | hover p90 ms | edit -> diagnostics p50 ms | RSS MB |")
    print("|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['lines']} | {r['server']} | {r['first_hover_ms']} | {r['hover_p50_ms']} | {r['hover_p90_ms']} | "
              f"{r['edit_to_diagnostics_p50_ms']} ({r['edits_with_diagnostics']}) | {r['rss_mb']} |")
    print()
    for size in sorted({r["lines"] for r in results}):
        ours = next(r for r in results if r["lines"] == size and r["server"] == "portalis")
        for peer in ("basedpyright", "jedi-language-server"):
            p = next((r for r in results if r["lines"] == size and r["server"] == peer), None)
            if p is None:
                continue
            ratio = lambda k: (f"{ours[k] / p[k]:.2f}x" if ours[k] and p[k] else "n/a")  # noqa: E731
            print(f"{size} lines, Portalis / {peer}: first hover {ratio('first_hover_ms')}, hover p50 "
                  f"{ratio('hover_p50_ms')}, edit -> diagnostics {ratio('edit_to_diagnostics_p50_ms')}, RSS {ratio('rss_mb')}")
        print(f"{size} lines, targets: first hover < 1 s: {ours['first_hover_ms']} ms"
              + (f"; edit -> diagnostics < 100 ms: {ours['edit_to_diagnostics_p50_ms']} ms" if size >= 5000 else "")
              + f"; RSS < 150 MB: {ours['rss_mb']} MB")
    if a.json:
        a.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
