"""The `portalis` command line: translate, build, exec, run, check, infer.

Thin: parses arguments, calls `portalis.pipeline` / `codegen.wasm_exec` /
`codegen.conformance`, prints. Exit codes: the program's own for `run`/`exec`; 2 when the
code cannot be translated (one `path:LINE:COL: error[CODE]: message` line per problem on
stderr, nothing on stdout); 3 for a missing toolchain or a bad invocation.

Build profiles (`portalis.codegen.build`): `build` always writes the release build (one
codegen unit); `run` and `check`, the edit loop, use the dev build (incremental, `-C lto=off`:
a one-line edit of a 50-line program rebuilds in ~0.5-0.6 s of rustc, code 0-30 % slower)
unless given `--release`. `exec` runs a module as it is.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# the fast start of `exec`, and the defaults of --timeout/--max-memory it shares with argparse
from portalis.entry import DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT_S, exec_fast, fallback_argv, say_why

TYPE_CHECKING = False  # not `typing`'s: `exec` imports nothing it does not use (start-up memory)
if TYPE_CHECKING:  # imported where used (argparse too)
    import argparse

    from portalis.diagnostics import Diagnostic

EXIT_UNTRANSLATABLE = 2
EXIT_ENVIRONMENT = 3


def _read(path: str) -> str:
    """The file's text as CPython decodes it (coding cookie, BOM); a file CPython would refuse
    to decode is a syntax error (exit 2), a file that cannot be read an environment one (3)."""
    from portalis.sourcefile import read_source
    try:
        text, diags = read_source(path)
    except FileNotFoundError:
        print(f"portalis: {path}: no such file", file=sys.stderr)
        raise SystemExit(EXIT_ENVIRONMENT)
    except IsADirectoryError:
        print(f"portalis: {path}: is a directory", file=sys.stderr)
        raise SystemExit(EXIT_ENVIRONMENT)
    except OSError as e:
        print(f"portalis: {path}: {e.strerror}", file=sys.stderr)
        raise SystemExit(EXIT_ENVIRONMENT)
    if text is None:
        _fail_if_errors(diags, path)
    assert text is not None
    return text


def _report(diags: list[Diagnostic], path: str) -> None:
    for d in diags:
        print(d.render(path), file=sys.stderr)


def _fail_if_errors(diags: list[Diagnostic], path: str) -> None:
    from portalis.diagnostics import Severity
    _report(diags, path)
    if any(d.severity is Severity.ERROR for d in diags):
        raise SystemExit(EXIT_UNTRANSLATABLE)


def _toolchain(args: argparse.Namespace):
    from portalis.codegen.toolchain import ToolchainError, find_toolchain
    try:
        return find_toolchain(getattr(args, "rustc", None))
    except ToolchainError as e:
        print(f"portalis: {e}", file=sys.stderr)
        raise SystemExit(EXIT_ENVIRONMENT)


def _limits(args: argparse.Namespace):
    from portalis.codegen.wasm_exec import Limits
    return Limits(timeout=args.timeout if args.timeout > 0 else None,
                  max_memory=int(args.max_memory * 1024 * 1024) if args.max_memory > 0 else None)


def _dirs(args: argparse.Namespace) -> list[tuple[str, str]]:
    """`--dir HOST[::GUEST]` grants; a HOST that is not a directory ends the command (exit 3)
    with a message, before anything runs (wasmtime would raise a bare `failed to add preopen dir`)."""
    out = []
    for d in args.dir or []:
        host, _, guest = d.partition("::")
        if not os.path.isdir(host):
            print(f"portalis: --dir {d}: {host} is not a directory", file=sys.stderr)
            raise SystemExit(EXIT_ENVIRONMENT)
        out.append((host, guest or host))
    return out


def _built(args: argparse.Namespace, path: str, pb) -> Path:
    """The module of a `build_program` result, or exit 2 with its diagnostics."""
    from portalis.diagnostics import Span, make
    if pb.translation is not None:
        _fail_if_errors(pb.translation.diagnostics, path)
    if pb.wasm_path is None:
        assert pb.build is not None
        diags = [make("build-failed", f"rustc: {d.message}", Span.point(d.python_line or 1)) for d in pb.build.diagnostics]
        if not diags:
            diags = [make("build-failed", "rustc failed: " + pb.build.stderr.strip()[-500:], Span.point(1))]
        _report(diags, path)
        raise SystemExit(EXIT_UNTRANSLATABLE)
    return pb.wasm_path


def _profile(args: argparse.Namespace) -> str:
    """`run`/`check`: the dev profile unless `--release`."""
    return "release" if getattr(args, "release", False) else "dev"


def _build(args: argparse.Namespace, path: str) -> Path:
    from portalis.pipeline import build_program
    text = _read(path)
    tc = _toolchain(args)
    return _built(args, path, build_program(text, path, toolchain=tc, profile="release"))


def cmd_translate(args: argparse.Namespace) -> int:
    from portalis.codegen.crate import CrateConflict, write_crate
    from portalis.pipeline import translate_function, translate_source
    text = _read(args.file)
    if args.function is not None:
        tr = translate_function(text, args.file, args.function)
    else:
        tr = translate_source(text, args.file)
    _fail_if_errors(tr.diagnostics, args.file)
    assert tr.crate is not None
    out = Path(args.out) if args.out else Path("rust") / tr.crate.name
    try:
        write_crate(tr.crate, out, force=args.force)
    except CrateConflict as e:
        print(f"portalis: {e}", file=sys.stderr)
        return EXIT_ENVIRONMENT
    print(out)
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    import shutil
    wasm = _build(args, args.file)
    out = Path(args.output) if args.output else Path(args.file).with_suffix(".wasm")
    if out.parent:
        out.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(wasm, out)
    # the first `portalis exec` of it starts as fast as the next: module compiled, launcher built
    from portalis.codegen.launcher import prepare_exec
    say_why(prepare_exec(str(out)) or "")
    print(out)
    return 0


def _exec(args: argparse.Namespace, wasm: Path, name: str) -> int:
    limits, dirs = _limits(args), _dirs(args)
    if getattr(args, "_launcher", False):  # a real `portalis exec` process: become the native launcher
        from portalis.codegen.launcher import exec_launcher
        why = exec_launcher(str(wasm), list(args.args), limits.timeout, limits.max_memory, dirs, name, fallback_argv())
        say_why(why)
    from portalis.codegen.wasm_exec import run_wasm
    sys.stdout.flush()
    # this process runs one program: no interruption checks in its loops; a time limit or
    # Ctrl-C ends the process (codegen.wasm_exec, timeout_mode "exit")
    res = run_wasm(wasm, args.args, limits=limits, capture=False, program_name=name, dirs=dirs,
                   timeout_mode="exit")
    return res.exit_code


def cmd_exec(args: argparse.Namespace) -> int:
    p = Path(args.module)
    if not p.exists():
        print(f"portalis: {p}: no such file", file=sys.stderr)
        return EXIT_ENVIRONMENT
    return _exec(args, p, p.with_suffix(".py").name)


def cmd_run(args: argparse.Namespace) -> int:
    from portalis.pipeline import run_program
    text = _read(args.file)
    tc = _toolchain(args)
    sys.stdout.flush()
    # this process runs one program: no interruption checks in its loops (timeout_mode "exit");
    # a program that outgrows 64-bit ints is rerun with big ints (pipeline.run_program)
    # warnings (and refusals: exit 2) are printed before the program runs
    pr = run_program(text, args.file, args.args, limits=_limits(args), capture=False, timeout_mode="exit",
                     dirs=_dirs(args), toolchain=tc, on_built=lambda pb: _built(args, args.file, pb),
                     profile=_profile(args))
    assert pr.result is not None
    return pr.result.exit_code


def cmd_check(args: argparse.Namespace) -> int:
    from portalis.codegen.conformance import compare_run
    from portalis.pipeline import build_program, run_program
    text = _read(args.file)
    tc = _toolchain(args)
    profile = _profile(args)
    _built(args, args.file, build_program(text, args.file, toolchain=tc, profile=profile))  # diagnostics first
    # CPython is the slower of the two: it gets 20 times the WASM limit (at least a minute)
    py_timeout = None if args.timeout <= 0 else max(60.0, 20 * args.timeout)

    def run():
        pr = run_program(text, args.file, args.args, limits=_limits(args), toolchain=tc, profile=profile)
        assert pr.result is not None
        return pr.result
    verdict = compare_run(Path(args.file), args.args, run, python_timeout=py_timeout)
    print(verdict.render())
    return 0 if verdict.same else 1


def cmd_infer(args: argparse.Namespace) -> int:
    """Every parameter and return type of every function, with the layer that settled it."""
    import json
    from portalis.infer import infer_file
    text = _read(args.file)
    ft = infer_file(text, args.file, workspace=args.workspace or None, model_server=args.model_server,
                    use_jedi=not args.no_jedi)
    if ft.error is not None:
        line = ft.error_line or 1
        print(f"{args.file}:{line}:1: error[syntax-error]: {ft.error}", file=sys.stderr)
        return EXIT_UNTRANSLATABLE
    if args.json:
        print(json.dumps(ft.to_json(), indent=2))
        return 0
    rows = [("function", "slot", "python", "rust", "source", "conf")]
    for f in ft.functions:
        for p in f.params:
            t = p.type
            rows.append((f"{f.name}:{f.line}", p.name, t.python, t.rust or "-", t.source, f"{t.confidence:.2f}"))
        r = f.returns
        rows.append((f"{f.name}:{f.line}", "return", r.python, r.rust or "-", r.source, f"{r.confidence:.2f}"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
    return 0


def _run_opts(p: argparse.ArgumentParser) -> None:
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT_S, metavar="SECONDS",
                   help=f"wall-clock limit (0: none; default {DEFAULT_TIMEOUT_S:g})")
    p.add_argument("--max-memory", type=float, default=DEFAULT_MAX_MEMORY_MB, metavar="MB",
                   help=f"memory cap (0: none; default {DEFAULT_MAX_MEMORY_MB:g})")
    p.add_argument("--dir", action="append", metavar="HOST[::GUEST]", help="grant the program a directory")


def _release_opt(p: argparse.ArgumentParser) -> None:
    p.add_argument("--release", action="store_true",
                   help="the release build (one codegen unit, as `build`): slower to rebuild after an edit, code up to ~1.3x faster")


def cmd_model_serve(args) -> int:
    from portalis.model.triton import serve
    return serve(args.http_port, args.grpc_port, args.log)


def cmd_model_status(args) -> int:
    from portalis.model.triton import status
    ok, msg = status(args.url, args.timeout)
    print(msg, file=sys.stdout if ok else sys.stderr)
    return 0 if ok else 1


def main(argv: list[str] | None = None, launcher_tried: bool | None = None) -> int:
    """``argv=None``: the `portalis` process itself (not a caller in Python).  ``launcher_tried``:
    whether `portalis.entry.main` already tried `exec` in the native launcher (None: not called
    from there, so try it here)."""
    process = argv is None
    argv = sys.argv[1:] if argv is None else argv
    tried = launcher_tried
    if tried is None:
        tried = process and argv[:1] == ["exec"] and exec_fast(argv)  # returns when it cannot become the launcher
    import argparse
    if argv[:1] == ["serve"]:  # its own options (--stdio, which vscode-languageclient appends, --tcp, ...)
        from portalis.server.app import serve
        return serve(argv[1:])
    ap = argparse.ArgumentParser(prog="portalis", description="Translate Python to Rust and WebAssembly, checked against CPython.")
    ap.add_argument("--rustc", help="the wasm-capable rustc to use (default: discovered; env PORTALIS_RUSTC)")
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("translate", help="write a Cargo crate; prints its path")
    p.add_argument("file")
    p.add_argument("--out", help="crate directory (default: rust/<name>)")
    p.add_argument("--function", metavar="NAME", help="only NAME and what it calls, as a library crate (default --out: rust/<module>_<NAME>)")
    p.add_argument("--force", action="store_true", help="overwrite files edited since Portalis wrote them")
    p.set_defaults(fn=cmd_translate)
    sub.add_parser("serve", help="run the language server (LSP on stdio, `--stdio` accepted; --tcp --port N for debugging)")
    p = sub.add_parser("build", help="translate and build a wasm32-wasi command module (release profile)")
    p.add_argument("file")
    p.add_argument("-o", "--output", help="output .wasm (default: next to the source)")
    p.set_defaults(fn=cmd_build)
    p = sub.add_parser("exec", help="run a built module in wasmtime")
    p.add_argument("module")
    p.add_argument("args", nargs=argparse.REMAINDER)
    _run_opts(p)
    p.set_defaults(fn=cmd_exec)
    p = sub.add_parser("run", help="translate + build (cached) + run, like `python prog.py`")
    p.add_argument("file")
    _run_opts(p)
    _release_opt(p)
    p.add_argument("args", nargs=argparse.REMAINDER)
    p.set_defaults(fn=cmd_run)
    p = sub.add_parser("check", help="run CPython and the WASM build; compare stdout and exit code")
    p.add_argument("file")
    _run_opts(p)
    _release_opt(p)
    p.add_argument("args", nargs=argparse.REMAINDER)
    p.set_defaults(fn=cmd_check)
    p = sub.add_parser("infer", help="infer every parameter and return type, with where each came from")
    p.add_argument("file")
    p.add_argument("--json", action="store_true", help='print {"functions": [...]} as JSON')
    p.add_argument("--model-server", default="off", metavar="URL|local|off|none",
                   help="the type model (layer 4): a Triton URL, `local` (start one), `off` (its weights in-process; "
                        "the default) or `none` (no model)")
    p.add_argument("--workspace", action="append", metavar="FILE", help="another file whose calls count as call sites")
    p.add_argument("--no-jedi", action="store_true", help="skip layer 3 (jedi)")
    p.set_defaults(fn=cmd_infer)
    p = sub.add_parser("model", help="the type model's Triton server (serve, status)")
    msub = p.add_subparsers(dest="model_cmd", required=True)
    q = msub.add_parser("serve", help="run a local Triton on model_repository/ until SIGTERM/SIGINT")
    q.add_argument("--http-port", type=int, default=None, help="HTTP port (default: a free one)")
    q.add_argument("--grpc-port", type=int, default=None, help="gRPC port (default: a free one)")
    q.add_argument("--log", default=None, help="tritonserver's log file (default: in its work directory)")
    q.set_defaults(fn=cmd_model_serve)
    q = msub.add_parser("status", help="exit 0 when the type model is ready on a Triton; print name/version")
    q.add_argument("--url", default="http://127.0.0.1:8000", help="http://host:port or grpc://host:port")
    q.add_argument("--timeout", type=float, default=3.0)
    q.set_defaults(fn=cmd_model_status)
    args = ap.parse_args(argv)
    args._launcher = process and not tried  # `_exec` may still try the native launcher
    try:
        code = int(args.fn(args))
    except SystemExit as e:
        code = int(e.code or 0)
    except KeyboardInterrupt:
        code = 130
    if process and args.cmd == "exec":
        # the process ran its program: end it without the interpreter's teardown (finalising
        # wasmtime's objects and every module, ~7 ms of each `portalis exec` in Python)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


if __name__ == "__main__":
    sys.exit(main())
