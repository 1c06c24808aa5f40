"""The hard-case type model (issue 13, layer 4): a type for a slot the static layers left unknown.

`predict(queries, server)` answers through a Triton Inference Server (KServe v2, HTTP or gRPC via
tritonclient) when one is given and reachable within the budget, else with the same weights
in-process (numpy). Weights: weights.npz beside this file (scripts/model_train.py); the Triton
model repository is model_repository/ at the top of the checkout (analyzers/model/triton.py).
Contract with the inference layers: /work/helpers/MODEL_API.md (Prediction, predict).
"""
from __future__ import annotations

import atexit
import math
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from functools import lru_cache

from .features import SlotQuery, slot_queries, tokens

__all__ = ["Prediction", "predict", "SlotQuery", "slot_queries", "clear_cache", "TritonClient", "vocabulary", "close_clients", "warm_up"]

MODEL_NAME = "type_model"
OTHER = "<other>"          # the training label of every type outside the vocabulary; never answered
_WEIGHTS = os.path.join(os.path.dirname(__file__), "weights.npz")


@dataclass(frozen=True)
class Prediction:
    python: str          # PEP 585/604 text: "int", "list[str]", "dict[str, int]", "int | None"
    confidence: float    # calibrated probability in [0, 1]
    source: str          # "model" (answered by Triton) or "model (in-process)"


# --- in-process -------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _weights():
    import numpy as np
    w = np.load(_WEIGHTS)
    return (w["W"].astype(np.float32), w["b"].astype(np.float32), float(w["T"]), int(w["dim"]),
            [str(l) for l in w["labels"]])


def vocabulary() -> list[str]:
    """The model's labels (the last, OTHER, is never answered)."""
    return list(_weights()[4])


def _in_process(queries: list[SlotQuery]) -> list[Prediction | None]:
    from .linear import hash_tokens, logits, softmax
    try:
        W, b, T, dim, labs = _weights()
    except Exception:
        return [None] * len(queries)
    rows = [hash_tokens(tokens(q), dim) for q in queries]
    p = softmax(logits(W, b, rows) / T)
    out: list[Prediction | None] = []
    n = len(labs) - 1 if labs and labs[-1] == OTHER else len(labs)
    for row in p:
        k = int(row[:n].argmax())
        out.append(Prediction(labs[k], round(float(row[k]), 4), "model (in-process)"))
    return out


# --- Triton client ----------------------------------------------------------------------------

class CircuitOpen(Exception):
    pass


class TritonClient:
    """One KServe-v2 client (tritonclient HTTP or gRPC) for the type model on one Triton URL.

    Timeouts from the caller's budget, retries with exponential backoff while the budget lasts,
    and a circuit breaker: after `threshold` consecutive failed calls it refuses calls for
    `cooldown` seconds, then lets one call through (half-open) and closes again on success.
    Calls run on one worker thread so the caller's wait is bounded even if the transport is not.
    """

    def __init__(self, url: str, *, threshold: int = 3, cooldown: float = 10.0, retries: int = 2,
                 backoff: float = 0.01):
        self.url = url
        self.grpc = url.startswith("grpc://")
        self.hostport = url.split("://", 1)[-1].rstrip("/")
        self.threshold, self.cooldown, self.retries, self.backoff = threshold, cooldown, retries, backoff
        self.failures = 0
        self.opened_at: float | None = None
        self.last_error = ""
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="portalis-triton")
        self._client = None
        self._client_timeout = None
        self._pool.submit(self._warm)     # import tritonclient off the caller's budget

    def _warm(self):
        try:
            self._get_client(1.0)
        except Exception:
            pass

    # breaker
    def allow(self) -> bool:
        with self._lock:
            if self.opened_at is None:
                return True
            if time.monotonic() - self.opened_at >= self.cooldown:
                return True          # half-open: one trial call
            return False

    def _record(self, ok: bool, err: str = "") -> None:
        with self._lock:
            if ok:
                self.failures, self.opened_at = 0, None
            else:
                self.failures += 1
                self.last_error = err
                if self.failures >= self.threshold:
                    self.opened_at = time.monotonic()

    @property
    def state(self) -> str:
        if self.opened_at is None:
            return "closed"
        return "half-open" if time.monotonic() - self.opened_at >= self.cooldown else "open"

    # transport (runs on the worker thread only)
    def _get_client(self, timeout: float):
        if self._client is None or (not self.grpc and self._client_timeout != timeout):
            if self.grpc:
                import tritonclient.grpc as g
                self._client = g.InferenceServerClient(url=self.hostport)
            else:
                import tritonclient.http as h
                if self._client is not None:
                    try:
                        self._client.close()
                    except Exception:
                        pass
                self._client = h.InferenceServerClient(url=self.hostport, connection_timeout=timeout,
                                                       network_timeout=timeout)
            self._client_timeout = timeout
        return self._client

    def _infer_once(self, rows: list[bytes], timeout: float):
        import numpy as np
        data = np.array([[r] for r in rows], dtype=np.object_)
        if self.grpc:
            import tritonclient.grpc as g
            inp = g.InferInput("tokens", list(data.shape), "BYTES")
            inp.set_data_from_numpy(data)
            outs = [g.InferRequestedOutput("python"), g.InferRequestedOutput("confidence")]
            res = self._get_client(timeout).infer(MODEL_NAME, [inp], outputs=outs, client_timeout=timeout)
        else:
            import tritonclient.http as h
            # timeouts are per client: round the budget so a handful of clients are ever made
            t = max(0.05, math.ceil(timeout * 20) / 20)
            inp = h.InferInput("tokens", list(data.shape), "BYTES")
            inp.set_data_from_numpy(data, binary_data=True)
            outs = [h.InferRequestedOutput("python", binary_data=True),
                    h.InferRequestedOutput("confidence", binary_data=True)]
            res = self._get_client(t).infer(MODEL_NAME, [inp], outputs=outs)
        return res.as_numpy("python"), res.as_numpy("confidence")

    def _reset(self):
        try:
            if self._client is not None:
                self._client.close()
        except Exception:
            pass
        self._client = None

    def infer(self, rows: list[bytes], deadline: float, valid: set[str]) -> list[tuple[str, float]]:
        """[(python type, confidence)] for the rows, or raises (TimeoutError, CircuitOpen,
        ValueError for a malformed answer, transport errors)."""
        if not self.allow():
            raise CircuitOpen(self.last_error)
        attempt = 0
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0.005:
                self._record(False, "budget exhausted")
                raise TimeoutError("budget exhausted")
            fut = self._pool.submit(self._infer_once, rows, remaining)
            try:
                py, conf = fut.result(timeout=remaining)
                out = _check_answer(py, conf, len(rows), valid)
                self._record(True)
                return out
            except FutureTimeout:
                fut.cancel()
                self._pool.submit(self._reset)
                self._record(False, "timeout")
                raise TimeoutError(f"no answer from {self.url} within the budget")
            except ValueError as e:        # a malformed answer: retrying will not fix it
                self._record(False, str(e))
                raise
            except Exception as e:
                attempt += 1
                self._pool.submit(self._reset)
                if attempt > self.retries or not self.allow():
                    self._record(False, f"{type(e).__name__}: {e}")
                    raise
                pause = self.backoff * (2 ** (attempt - 1))
                if time.monotonic() + pause >= deadline:
                    self._record(False, f"{type(e).__name__}: {e}")
                    raise
                time.sleep(pause)

    def close(self):
        """Close the connection (Triton waits for open HTTP connections when it stops)."""
        try:
            self._pool.submit(self._reset).result(timeout=1.0)
        except Exception:
            pass
        self._pool.shutdown(wait=False)


def _check_answer(py, conf, n: int, valid: set[str]) -> list[tuple[str, float]]:
    """Refuse anything but n (known type, probability) pairs."""
    if py is None or conf is None:
        raise ValueError("answer without the python/confidence outputs")
    py = py.reshape(-1)
    conf = conf.reshape(-1)
    if len(py) != n or len(conf) != n:
        raise ValueError(f"answer has {len(py)}/{len(conf)} rows for {n} slots")
    out = []
    for t, c in zip(py, conf):
        t = t.decode("utf-8") if isinstance(t, bytes) else str(t)
        c = float(c)
        if t not in valid or not (0.0 <= c <= 1.0) or math.isnan(c):
            raise ValueError(f"answer outside the model's vocabulary or range: {t[:40]!r} {c}")
        out.append((t, c))
    return out


_clients: dict[str, TritonClient] = {}
_clients_lock = threading.Lock()


def warm_up(server: str) -> None:
    """Load the weights and, for a Triton URL, import tritonclient and make the client in the
    background, so that the first predict() within a small budget can already be answered by
    Triton (a language server calls this at start). Never raises."""
    try:
        _weights()
        if server and server not in ("off", "local"):
            client_for(server)
        elif server == "local":
            _local_url()
    except Exception:
        pass


def close_clients(url: str | None = None) -> None:
    """Close the clients (of one URL, or all)."""
    with _clients_lock:
        urls = [u for u in _clients if url is None or u == url]
        closing = [_clients.pop(u) for u in urls]
    for c in closing:
        c.close()


def client_for(url: str) -> TritonClient:
    with _clients_lock:
        c = _clients.get(url)
        if c is None:
            c = _clients[url] = TritonClient(url)
        return c


# --- "local": a Triton started on demand, stopped at exit ----------------------------------------

_local = {"triton": None, "starting": False, "error": ""}
_local_lock = threading.Lock()


def _local_url() -> str | None:
    """The local Triton's URL once it is ready; starts it in the background on first use (answers
    come from the in-process weights meanwhile)."""
    with _local_lock:
        t = _local["triton"]
        if t is not None and t.proc.poll() is None and not _local["starting"]:
            return t.http_url
        if _local["starting"] or _local["error"]:
            return None
        _local["starting"] = True

    def run():
        from . import triton
        try:
            t = triton.start()
            _local["triton"] = t
            t.wait_ready(120)
        except Exception as e:
            _local["error"] = str(e)
        finally:
            _local["starting"] = False

    threading.Thread(target=run, name="portalis-local-triton", daemon=True).start()
    return None


@atexit.register
def stop_local() -> None:
    t = _local.get("triton")
    if t is not None:
        try:
            close_clients(t.http_url)
            t.stop()
        except Exception:
            pass
        _local["triton"] = None
    # the other clients too: left to their __del__ at interpreter exit, tritonclient's HTTP
    # client prints a traceback (gevent's hub is gone by then)
    try:
        close_clients()
    except Exception:
        pass


# --- the API ------------------------------------------------------------------------------------

_cache: dict[tuple[str, SlotQuery], Prediction] = {}
_CACHE_MAX = 50_000


def clear_cache() -> None:
    _cache.clear()


def predict(queries: list[SlotQuery], server: str = "off", *, budget_s: float = 0.2) -> list[Prediction | None]:
    """server: a Triton URL ("http://host:8000", "grpc://host:8001"), "local" (start/reuse the local
    Triton), or "off" (in-process weights, no Triton). Never raises; never waits beyond budget_s
    for Triton (falls back to in-process, then None). One request per call (the file's slots
    batched). Answers cached by query."""
    try:
        deadline = time.monotonic() + max(0.0, float(budget_s))
        queries = list(queries)
        out: list[Prediction | None] = [None] * len(queries)
        url = None
        if server and server != "off":
            url = _local_url() if server == "local" else server
        todo = []
        for i, q in enumerate(queries):
            hit = _cache.get((url or "off", q))
            if hit is not None:
                out[i] = hit
            else:
                todo.append(i)
        if not todo:
            return out
        if url is not None:
            try:
                valid = set(_weights()[4]) - {OTHER}
                rows = ["\n".join(tokens(queries[i])).encode("utf-8") for i in todo]
                answers = client_for(url).infer(rows, deadline, valid)
                for i, (t, c) in zip(todo, answers):
                    out[i] = p = Prediction(t, round(c, 4), "model")
                    _remember((url, queries[i]), p)
                return out
            except Exception:
                pass          # down, slow, open circuit or a malformed answer: in-process below
        local = _in_process([queries[i] for i in todo])
        for i, p in zip(todo, local):
            out[i] = p
            if p is not None and url is None:
                _remember(("off", queries[i]), p)
        return out
    except Exception:
        try:
            return [None] * len(queries)
        except Exception:
            return []


def _remember(key, p: Prediction) -> None:
    if len(_cache) >= _CACHE_MAX:
        _cache.clear()
    _cache[key] = p
