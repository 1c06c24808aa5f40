"""A local Triton Inference Server for the type model: nvidia-pytriton's bundled `tritonserver`
run directly on model_repository/ as a separate process (recipe and pitfalls:
/work/shared/recipes/triton/NOTES.md).

- the venv interpreter's libpython goes first on LD_LIBRARY_PATH (the python-backend stub otherwise
  picks up the system libpython and the model fails to load);
- the server's stdout/stderr go to a log file, never to ours (the language server speaks JSON-RPC
  on stdio);
- free ports are found by binding 127.0.0.1:0;
- ready means /v2/models/type_model/ready answers 200 (not /v2/health/ready);
- stop: SIGTERM, wait, then SIGKILL of the process group.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

MODEL_NAME = "type_model"


def repository() -> Path:
    """The model repository: $PORTALIS_MODEL_REPOSITORY or the checkout's model_repository/."""
    env = os.environ.get("PORTALIS_MODEL_REPOSITORY")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "model_repository"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pytriton_dir() -> Path:
    import importlib.util
    spec = importlib.util.find_spec("pytriton")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("nvidia-pytriton is not installed (pip install nvidia-pytriton==0.7.0)")
    return Path(list(spec.submodule_search_locations)[0])


def _backends(work: Path) -> Path:
    """A backend directory holding the python backend with the stub for this interpreter."""
    src = _pytriton_dir() / "tritonserver"
    dst = work / "backends" / "python"
    dst.mkdir(parents=True, exist_ok=True)
    for f in (src / "backends" / "python").iterdir():
        if f.is_file():
            shutil.copy2(f, dst / f.name)
    ver = f"{sys.version_info[0]}.{sys.version_info[1]}"
    shutil.copy2(src / "python_backend_stubs" / ver / "triton_python_backend_stub", dst / "triton_python_backend_stub")
    return work / "backends"


@dataclass
class LocalTriton:
    proc: subprocess.Popen
    http_port: int
    grpc_port: int
    log_path: Path
    work: Path
    _log: object = field(default=None, repr=False)
    killed: bool = False

    @property
    def http_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def grpc_url(self) -> str:
        return f"grpc://127.0.0.1:{self.grpc_port}"

    def ready(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.http_url}/v2/models/{MODEL_NAME}/ready", timeout=1) as r:
                return r.status == 200
        except Exception:
            return False

    def wait_ready(self, timeout: float = 60.0, cancelled=lambda: False) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end and not cancelled():
            if self.proc.poll() is not None:
                raise RuntimeError(f"tritonserver exited with {self.proc.returncode}; log: {self.log_path}\n"
                                   + self.log_tail())
            if self.ready():
                return
            time.sleep(0.2)
        if cancelled():
            raise RuntimeError("cancelled")
        raise RuntimeError(f"tritonserver not ready after {timeout:.0f}s; log: {self.log_path}\n" + self.log_tail())

    def log_tail(self, n: int = 15) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return ""

    def stop(self, timeout: float = 15.0) -> int:
        """SIGTERM (Triton unloads the model and exits; exit 1 when a client kept a connection
        open past --exit-timeout-secs), then SIGKILL of its group if it hangs. Sets `killed`."""
        self.killed = False
        if self.proc.poll() is None:
            try:
                self.proc.send_signal(signal.SIGTERM)
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.killed = True
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.proc.wait(5)
        if self._log:
            self._log.close()
        shutil.rmtree(self.work / "backends", ignore_errors=True)
        return self.proc.returncode


def start(http_port: int | None = None, grpc_port: int | None = None, *, log_path: str | None = None,
          repo: Path | None = None) -> LocalTriton:
    """Start tritonserver on the model repository (returns at once; call wait_ready)."""
    repo = repo or repository()
    if not (repo / MODEL_NAME / "config.pbtxt").is_file():
        raise RuntimeError(f"no model repository at {repo}")
    server = _pytriton_dir() / "tritonserver"
    work = Path(tempfile.mkdtemp(prefix="portalis-triton-"))
    backends = _backends(work)
    http_port = http_port or free_port()
    grpc_port = grpc_port or free_port()
    metrics_port = free_port()
    log = Path(log_path) if log_path else work / "tritonserver.log"
    env = dict(os.environ)
    libs = [sysconfig.get_config_var("LIBDIR") or "", str(_pytriton_dir().parent / "nvidia_pytriton.libs")]
    env["LD_LIBRARY_PATH"] = ":".join([*filter(None, libs), env.get("LD_LIBRARY_PATH", "")]).rstrip(":")
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    cmd = [str(server / "bin" / "tritonserver"),
           f"--model-repository={repo}", f"--backend-directory={backends}",
           f"--cache-directory={server / 'caches'}",
           "--http-address=127.0.0.1", f"--http-port={http_port}",
           "--grpc-address=127.0.0.1", f"--grpc-port={grpc_port}",
           f"--metrics-port={metrics_port}", "--allow-metrics=false", "--allow-gpu-metrics=false",
           "--backend-config=python,shm-default-byte-size=4194304",
           "--exit-timeout-secs=5"]
    fh = open(log, "ab")
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=fh, stderr=subprocess.STDOUT, env=env,
                            cwd=work, start_new_session=True)
    return LocalTriton(proc, http_port, grpc_port, log, work, fh)


def serve(http_port: int | None = None, grpc_port: int | None = None, log_path: str | None = None) -> int:
    """`portalis model serve`: run until SIGTERM/SIGINT, then stop Triton cleanly."""
    stop = {"sig": None}

    def handler(signum, _frame):
        stop["sig"] = signum

    old = {s: signal.signal(s, handler) for s in (signal.SIGTERM, signal.SIGINT)}
    print("starting tritonserver (CPU) ...", file=sys.stderr, flush=True)  # progress; Ctrl-C now stops cleanly
    try:
        try:
            t = start(http_port, grpc_port, log_path=log_path)
        except RuntimeError as e:
            print(f"portalis model serve: {e}", file=sys.stderr)
            return 1
        try:
            t.wait_ready(120, cancelled=lambda: stop["sig"] is not None)
        except RuntimeError as e:
            t.stop()
            if stop["sig"] is not None:       # signalled while starting: a normal stop
                print("stopped before it was ready", flush=True)
                return 0
            print(f"portalis model serve: {e}", file=sys.stderr)
            return 1
        print(f"{MODEL_NAME} ready: {t.http_url} {t.grpc_url} (log: {t.log_path})", flush=True)
        while stop["sig"] is None and t.proc.poll() is None:
            time.sleep(0.2)
        if stop["sig"] is None:
            print(f"portalis model serve: tritonserver exited with {t.proc.returncode}; log: {t.log_path}",
                  file=sys.stderr)
            t.stop()
            return 1
        code = t.stop()
        if t.killed:
            print(f"portalis model serve: tritonserver did not stop on SIGTERM; killed. log: {t.log_path}",
                  file=sys.stderr)
            return 1
        print(f"stopped (tritonserver exit {code})", flush=True)
        return 0
    finally:
        for s, h in old.items():
            signal.signal(s, h)


def status(url: str, timeout: float = 3.0) -> tuple[bool, str]:
    """(ready, message) for the type model on a Triton at URL (http://... or grpc://...)."""
    c = None
    try:
        if url.startswith("grpc://"):
            import tritonclient.grpc as g
            c = g.InferenceServerClient(url=url[len("grpc://"):])
            if not c.is_model_ready(MODEL_NAME, client_timeout=timeout):
                return False, f"{MODEL_NAME} is not ready at {url}"
            md = c.get_model_metadata(MODEL_NAME, client_timeout=timeout, as_json=True)
        else:
            import tritonclient.http as h
            hp = url.split("://", 1)[-1].rstrip("/")
            c = h.InferenceServerClient(url=hp, connection_timeout=timeout, network_timeout=timeout)
            if not c.is_model_ready(MODEL_NAME):
                return False, f"{MODEL_NAME} is not ready at {url}"
            md = c.get_model_metadata(MODEL_NAME)
        versions = md.get("versions") or ["?"]
        return True, f"{md.get('name', MODEL_NAME)} version {versions[-1]} ready at {url} ({md.get('platform', '')})"
    except Exception as e:  # connection refused, timeout, bad URL: all a reason to print
        msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        return False, f"{MODEL_NAME} unreachable at {url}: {msg}"
    finally:
        if c is not None:  # else its __del__ closes it at interpreter exit, after gevent's hub is gone
            try:
                c.close()
            except Exception:
                pass
