"""predict(): in-process answers, and the Triton client's fallbacks when the server is down, slow
or answers garbage, and its circuit breaker. (The real-Triton path: test_model_triton.py.)"""
from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from portalis import model
from portalis.model import Prediction, TritonClient, clear_cache, predict
from portalis.model.features import slot_queries

SRC = '''
def read_lines(path, encoding="utf-8"):
    with open(path, encoding=encoding) as f:
        return f.read().splitlines()

def count_words(text, limit=10):
    words = text.lower().split()
    total = 0
    for w in words[:limit]:
        total += len(w)
    return total

def is_valid(name):
    return name.isidentifier() and not name.startswith("_")
'''
QUERIES = list(slot_queries(SRC, "textutil").values())


def dead_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


class _Server:
    """A fake 'Triton' on HTTP: slow (sleeps before answering) or garbage (valid HTTP, nonsense)."""

    def __init__(self, mode: str):
        mode_ = mode

        class H(BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def do_POST(self):
                n = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(n)
                if mode_ == "slow":
                    time.sleep(2.0)
                body = (json.dumps({"model_name": "type_model", "outputs": [
                    {"name": "python", "datatype": "BYTES", "shape": [1, 1], "data": ["<script>"]},
                    {"name": "confidence", "datatype": "FP32", "shape": [1, 1], "data": [7.5]}]})
                        if mode_ == "garbage" else "{}").encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except OSError:          # the client gave up first (the point of "slow")
                    pass

            do_GET = do_POST

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(autouse=True)
def _fresh():
    clear_cache()
    model.close_clients()
    yield
    clear_cache()


def test_in_process_answers():
    out = predict(QUERIES, "off")
    assert len(out) == len(QUERIES)
    assert all(isinstance(p, Prediction) and p.source == "model (in-process)" for p in out)
    assert all(0.0 <= p.confidence <= 1.0 for p in out)
    by = {(q.function, q.name): p for q, p in zip(QUERIES, out)}
    assert by[("read_lines", "encoding")].python == "str"
    assert by[("read_lines", "path")].python in ("str", "Path", "str | Path", "PathLike")
    assert by[("count_words", "text")].python == "str"
    assert by[("is_valid", "is_valid")].python == "bool"
    assert by[("count_words", "limit")].python == "int"
    assert set(p.python for p in out) <= set(model.vocabulary()) - {model.OTHER}


def test_empty_and_garbage_input_never_raises():
    assert predict([], "off") == []
    assert predict(QUERIES[:1], "not a url at all", budget_s=0.05)[0].source == "model (in-process)"
    assert predict(None, "off") == []          # not even a list: no exception


def test_cache_by_query():
    first = predict(QUERIES, "off")
    t = time.perf_counter()
    again = predict(QUERIES, "off")
    assert again == first and time.perf_counter() - t < 0.01


def test_server_down_falls_back_within_budget():
    url = dead_url()
    t = time.perf_counter()
    out = predict(QUERIES, url, budget_s=0.2)
    assert time.perf_counter() - t < 0.2 + 0.1
    assert all(p.source == "model (in-process)" for p in out)
    assert [p.python for p in out] == [p.python for p in predict(QUERIES, "off")]


def test_slow_server_is_not_waited_for():
    srv = _Server("slow")
    try:
        predict(QUERIES[:1], "off")                # weights loaded: only the wait is measured
        t = time.perf_counter()
        out = predict(QUERIES, srv.url, budget_s=0.2)
        took = time.perf_counter() - t
        assert took < 0.2 + 0.1, took
        assert all(p.source == "model (in-process)" for p in out)
    finally:
        srv.close()


def test_garbage_answer_is_refused():
    srv = _Server("garbage")
    try:
        out = predict(QUERIES, srv.url, budget_s=0.5)
        assert all(p.source == "model (in-process)" for p in out)
        assert "<script>" not in {p.python for p in out}
    finally:
        srv.close()


def test_circuit_breaker_opens_and_skips_the_network():
    c = TritonClient(dead_url(), threshold=3, cooldown=0.3, retries=0)
    valid = set(model.vocabulary())
    for _ in range(3):
        with pytest.raises(Exception):
            c.infer([b"kind:p"], time.monotonic() + 0.2, valid)
    assert c.state == "open"
    t = time.perf_counter()
    with pytest.raises(model.CircuitOpen):
        c.infer([b"kind:p"], time.monotonic() + 0.2, valid)
    assert time.perf_counter() - t < 0.005     # refused without touching the network
    time.sleep(0.35)
    assert c.state == "half-open"               # one trial call allowed; it fails: open again
    with pytest.raises(Exception):
        c.infer([b"kind:p"], time.monotonic() + 0.2, valid)
    assert c.state == "open"
    c.close()
