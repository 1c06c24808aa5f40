"""The type model through a REAL local Triton (started once per session by `portalis model serve`,
tests/model/conftest.py): HTTP and gRPC answers equal the in-process ones, one request per file,
status, a dead server's status, the breaker closing again, a clean stop."""
from __future__ import annotations

import os
import subprocess
import sys
import time

import tritonclient.http as httpclient

from portalis import model
from portalis.model import TritonClient, clear_cache, predict
from portalis.model.features import slot_queries, tokens

HERE = os.path.dirname(__file__)
PORTALIS = os.path.join(os.path.dirname(sys.executable), "portalis")


def queries():
    src = open(os.path.join(os.path.dirname(model.__file__), "triton.py"), encoding="utf-8").read()
    return list(slot_queries(src, "triton").values())


def _requests(url: str) -> int:
    c = httpclient.InferenceServerClient(url=url.split("://", 1)[1])
    st = c.get_inference_statistics("type_model")["model_stats"][0]["inference_stats"]["success"]["count"]
    c.close()
    return int(st)


def test_http_and_grpc_answer_like_in_process(triton):
    qs = queries()
    assert len(qs) > 20
    clear_cache()
    local = predict(qs, "off")
    for url in (triton["http"], triton["grpc"]):
        clear_cache()
        model.close_clients()
        out = predict(qs, url, budget_s=5.0)    # first call: imports and connection set-up
        assert all(p.source == "model" for p in out), url
        assert [p.python for p in out] == [p.python for p in local]
        assert all(abs(a.confidence - b.confidence) < 2e-3 for a, b in zip(out, local))
        clear_cache()
        t = time.perf_counter()
        out = predict(qs, url, budget_s=0.2)    # warm: within the editor's budget
        assert time.perf_counter() - t < 0.3
        assert all(p.source == "model" for p in out), (url, model.client_for(url).last_error)


def test_one_request_per_file_and_cache(triton):
    url = triton["http"]
    qs = queries()
    clear_cache()
    predict(qs[:1], url, budget_s=5.0)
    before = _requests(url)
    clear_cache()
    predict(qs, url, budget_s=2.0)
    assert _requests(url) == before + 1           # the file's slots in one request
    again = predict(qs, url, budget_s=2.0)
    assert _requests(url) == before + 1           # cached: no request at all
    assert all(p.source == "model" for p in again)


def test_status_cli(triton):
    for url in (triton["http"], triton["grpc"]):
        r = subprocess.run([PORTALIS, "model", "status", "--url", url], capture_output=True, text=True, timeout=60)
        assert r.returncode == 0, r.stderr
        assert "type_model version 1 ready" in r.stdout
    r = subprocess.run([PORTALIS, "model", "status", "--url", "http://127.0.0.1:9"], capture_output=True,
                       text=True, timeout=60)
    assert r.returncode == 1 and "unreachable" in r.stderr


def test_breaker_closes_again_when_the_server_answers(triton):
    c = TritonClient(triton["http"], threshold=1, cooldown=0.2)
    valid = set(model.vocabulary())
    c._record(False, "simulated outage")
    assert c.state == "open"
    time.sleep(0.25)
    q = slot_queries("def f(count=0):\n    return count + 1\n", "m")[("f", "count")]
    out = c.infer(["\n".join(tokens(q)).encode()], time.monotonic() + 5.0, valid)
    assert out[0][0] == "int" and c.state == "closed"
    c.close()


def test_serve_logs_to_its_file_not_stdout(triton):
    assert triton["log"].exists() and triton["log"].stat().st_size > 0
    assert "type_model" in triton["log"].read_text(errors="replace")


def test_local_mode_starts_and_answers():
    """server="local": in-process answers while the local Triton starts, then Triton's."""
    qs = queries()
    clear_cache()
    first = predict(qs, "local", budget_s=0.2)
    assert all(p.source == "model (in-process)" for p in first)
    end = time.monotonic() + 120
    out = first
    while time.monotonic() < end:
        time.sleep(0.5)
        clear_cache()
        out = predict(qs, "local", budget_s=2.0)
        if out[0].source == "model":
            break
    try:
        assert all(p.source == "model" for p in out), model._local
        assert [p.python for p in out] == [p.python for p in first]
    finally:
        t = model._local["triton"]
        model.stop_local()
        assert t is not None and t.proc.returncode == 0 and not t.killed   # stopped cleanly by SIGTERM


def test_warm_up_lets_the_first_call_use_triton(triton):
    model.close_clients()
    clear_cache()
    model.warm_up(triton["grpc"])
    time.sleep(1.5)
    out = predict(queries(), triton["grpc"], budget_s=0.2)
    assert all(p.source == "model" for p in out), model.client_for(triton["grpc"]).last_error


def test_serve_stops_on_sigint_while_starting_and_when_ready():
    import signal
    p = subprocess.Popen([PORTALIS, "model", "serve"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # once it says it is starting (its handler is in place; a Ctrl-C before that is Python's own, exit 130)
    assert "starting tritonserver" in p.stderr.readline()
    time.sleep(0.5)
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=30)
    assert p.returncode == 0 and "stopped" in out, (out, err)
    p = subprocess.Popen([PORTALIS, "model", "serve"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = p.stdout.readline()
    assert "ready: http://" in line, p.stderr.read() if p.poll() is not None else line
    url = line.split()[2]
    assert subprocess.run([PORTALIS, "model", "status", "--url", url], capture_output=True, timeout=60).returncode == 0
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=30)
    assert p.returncode == 0 and "stopped (tritonserver exit 0)" in out, (out, err)
    assert subprocess.run([PORTALIS, "model", "status", "--url", url], capture_output=True, timeout=60).returncode == 1
