"""`return`, `break` and `continue` out of a `try` that has a `finally`, and out of a `with`
block (codegen/emit/statements.py `jump`, analyzers/classes.py `with_`): the `finally` (the
`__exit__`) runs first, then the jump; a `return` or `break` in the `finally` overrides what was
pending, an exception in it replaces it; the `else` of a `try` left by a jump does not run.
Against CPython, in both int builds."""

from __future__ import annotations

import subprocess
import sys

import pytest

from portalis.pipeline import build_program, run_program, translate_source

PROGRAM = 'from typing import Optional\n\n\ndef log(msg: str, v: int) -> int:\n    print("log", msg, v)\n    return v\n\n\ndef ret_in_body(n: int) -> int:\n    try:\n        return log("body", n)\n    finally:\n        print("finally", n)\n\n\ndef finally_overrides(n: int) -> int:\n    try:\n        return n\n    finally:\n        if n > 0:\n            return -n\n\n\ndef finally_swallows(n: int) -> str:\n    try:\n        raise ValueError(f"v{n}")\n    finally:\n        return "swallowed"\n\n\ndef break_swallows(n: int) -> int:\n    count = 0\n    for i in range(n):\n        try:\n            count += 1\n            if i == 2:\n                raise KeyError(i)\n        finally:\n            if i == 2:\n                break\n    return count\n\n\ndef nested(n: int) -> int:\n    try:\n        try:\n            return log("inner", n)\n        finally:\n            print("inner finally")\n    finally:\n        print("outer finally")\n\n\ndef from_handler(s: str) -> int:\n    try:\n        return int(s)\n    except ValueError:\n        return -1\n    else:\n        print("never")\n    finally:\n        print("finally", s)\n\n\ndef from_else(s: str) -> int:\n    try:\n        v = int(s)\n    except ValueError:\n        v = 0\n    else:\n        return v * 10\n    finally:\n        print("fin else", s)\n    return v\n\n\ndef loops(n: int) -> list[int]:\n    out: list[int] = []\n    for i in range(n):\n        try:\n            if i % 3 == 0:\n                continue\n            if i == 7:\n                break\n            out.append(i)\n        finally:\n            out.append(-i)\n    else:\n        out.append(999)\n    j = 0\n    while True:\n        try:\n            j += 1\n            if j > 3:\n                break\n        finally:\n            out.append(100 + j)\n    return out\n\n\ndef loop_else_runs(n: int) -> list[int]:\n    out: list[int] = []\n    for i in range(n):\n        try:\n            if i == 1:\n                continue\n            out.append(i)\n        finally:\n            out.append(-1)\n    else:\n        out.append(999)\n    return out\n\n\ndef finally_raises(n: int) -> int:\n    try:\n        return n\n    finally:\n        if n == 3:\n            raise RuntimeError("from finally")\n\n\ndef value_before_finally(n: int) -> tuple[int, list[int]]:\n    x = n\n    xs = [n]\n    try:\n        return x, xs\n    finally:\n        x = 0\n        xs.append(-1)\n\n\ndef inner_loop(n: int) -> int:\n    total = 0\n    try:\n        for i in range(n):\n            if i == 2:\n                break\n            total += i\n        return total\n    finally:\n        print("inner loop finally", total)\n\n\ndef try_except_inside(n: int) -> int:\n    try:\n        try:\n            if n == 0:\n                raise ValueError("zero")\n            return 10 // n\n        except ValueError:\n            return -100\n        except ZeroDivisionError:\n            return -200\n    finally:\n        print("outer", n)\n\n\ndef none_ret(n: int) -> Optional[int]:\n    try:\n        if n < 0:\n            return None\n        return n\n    finally:\n        print("none_ret", n)\n\n\nclass Guard:\n    def __init__(self, name: str, swallow: bool):\n        self.name = name\n        self.swallow = swallow\n\n    def __enter__(self) -> "Guard":\n        print("enter", self.name)\n        return self\n\n    def __exit__(self, et: Optional[type], ev: Optional[BaseException], tb: object) -> bool:\n        print("exit", self.name, et is None, ev)\n        return self.swallow\n\n\ndef with_jumps(n: int) -> int:\n    total = 0\n    for i in range(n):\n        with Guard(f"g{i}", i % 2 == 0) as g:\n            if i == 1:\n                continue\n            if i == 2:\n                raise ValueError(f"bad {g.name}")\n            if i == 3:\n                break\n            total += i\n        print("after", i)\n    with Guard("ret", False), Guard("ret2", False):\n        try:\n            return total\n        finally:\n            print("try in with")\n\n\ndef with_return_in_loop(xs: list[int]) -> int:\n    while True:\n        for x in xs:\n            with Guard(str(x), False):\n                if x > 2:\n                    return x\n        return -1\n\n\nprint(ret_in_body(4))\nprint(finally_overrides(5), finally_overrides(0))\nprint(finally_swallows(1))\nprint(break_swallows(5))\nprint(nested(6))\nprint(from_handler("12"), from_handler("x"))\nprint(from_else("3"), from_else("y"))\nprint(loops(10))\nprint(loop_else_runs(3))\nprint(finally_raises(2))\ntry:\n    print(finally_raises(3))\nexcept RuntimeError as e:\n    print("caught", e)\nprint(value_before_finally(7))\nprint(inner_loop(5))\nprint(try_except_inside(0), try_except_inside(5))\nprint(none_ret(-1), none_ret(2))\nprint(with_jumps(5))\nprint(with_return_in_loop([1, 2, 3, 4]))\nfor k in range(4):\n    try:\n        if k == 1:\n            continue\n        if k == 3:\n            break\n        print("module", k)\n    finally:\n        print("module finally", k)\n'


def test_jumps_out_of_finally_and_with_match_cpython(tmp_path, toolchain):
    path = tmp_path / "jumps.py"
    path.write_text(PROGRAM, encoding="utf-8")
    py = subprocess.run([sys.executable, str(path)], capture_output=True, timeout=60)
    assert py.returncode == 0 and py.stdout.count(b"\n") > 50
    pr = run_program(PROGRAM, str(path), [], toolchain=toolchain)
    tr = pr.build.translation
    assert tr is None or tr.ok, [d.render("jumps.py") for d in tr.diagnostics]
    assert pr.result is not None, pr.build.build.format_errors() if pr.build.build else "no build"
    assert (pr.result.stdout, pr.result.exit_code) == (py.stdout, py.returncode)


def test_the_big_int_build_runs_them_too(tmp_path, toolchain):
    # the same frames with Python's ints as rt::Int (not Copy: the pending return value moves)
    from portalis.codegen.wasm_exec import run_wasm
    path = tmp_path / "jumps.py"
    path.write_text(PROGRAM, encoding="utf-8")
    py = subprocess.run([sys.executable, str(path)], capture_output=True, timeout=60)
    b = build_program(PROGRAM, str(path), toolchain=toolchain, big_ints=True)
    assert b.wasm_path is not None, b.build.format_errors() if b.build else b
    r = run_wasm(b.wasm_path, [], program_name="jumps.py")
    assert (r.stdout, r.exit_code) == (py.stdout, py.returncode)


@pytest.mark.parametrize("body", ["return 1", "break", "continue"])
def test_no_refusal_is_left(body):
    loop = body != "return 1"
    src = ("def f() -> int:\n" + ("    for i in range(3):\n" if loop else "") + ("    " if loop else "")
           + "    try:\n" + ("    " if loop else "") + f"        {body}\n" + ("    " if loop else "")
           + "    finally:\n" + ("    " if loop else "") + "        print('f')\n    return 0\nprint(f())\n")
    tr = translate_source(src, "prog.py")
    assert tr.ok, (src, [d.render("prog.py") for d in tr.diagnostics])
