"""The `portalis-py` console script's entry point (the `portalis` command is a /bin/sh front over
it, codegen/launcher/portalis, which runs `exec` in the native launcher without Python once this
module's path wrote the launcher's record): `portalis exec` of a built module without the rest.

`main` runs `portalis exec MODULE` by becoming the native launcher (``codegen.launcher``,
``os.execv``) before the command line proper (`portalis.cli`: argparse and ~30 KB of byte
code for every other command) is loaded; anything else, or an exec the launcher cannot run,
goes on to `portalis.cli.main`.  Why it matters: Linux reports a process's peak memory over its
whole life, so what the Python part loads before the exec is in every run's peak
(benchmarks/README.md; loading cli.py first put `portalis exec` of a small program ~0.15 MB
above CPython running the same program).  So this module imports only ``os`` and ``sys`` (no
``__future__`` either: a module more), and the exec itself is ``codegen.exec_start``'s.
"""

import os
import sys

DEFAULT_TIMEOUT_S = 10.0  # `--timeout` of run/exec/check
DEFAULT_MAX_MEMORY_MB = 512.0  # `--max-memory` of run/exec/check


def fallback_argv() -> list[str]:
    """This `portalis-py` command again, run in Python (the native launcher runs it, with
    PORTALIS_EXEC_LAUNCHER=0, when it cannot load the module)."""
    script = sys.argv[0]
    if script.endswith(("cli.py", "__main__.py")) or not os.path.isfile(script):  # `python -m portalis[.cli]`
        how = ["-m", "portalis" if script.endswith("__main__.py") else "portalis.cli"]
    else:  # the `portalis-py` script: the same command, so that even a traceback reads the same
        how = [script]
    return [sys.executable, *how, *sys.argv[1:]]


def say_why(why: str) -> None:
    from portalis.codegen.exec_start import verbose
    if why and verbose():
        print(f"portalis: exec: not using the native launcher: {why}", file=sys.stderr, flush=True)


def parse_exec(argv: list[str]) -> "tuple[str, list[str], float | None, int | None, list[tuple[str, str]], str] | None":
    """`portalis exec`'s command line (argv[0] == "exec") as (module, args, timeout, max_memory,
    dirs, program name) for the native launcher, before argparse is imported; None: leave it to
    argparse.  Only unambiguous command lines are taken: full option names before the module,
    values that do not start with `-`, no `--` (argparse's own rules decide the rest).  The
    launcher's `--front` mode ports this (codegen/launcher/portalis_exec.c; a test compares)."""
    timeout, max_memory, dirs_raw = DEFAULT_TIMEOUT_S, DEFAULT_MAX_MEMORY_MB, []
    i = 1
    while i < len(argv) and argv[i].startswith("-"):
        opt, eq, val = argv[i].partition("=")
        if not eq:
            if i + 1 >= len(argv):
                return None
            val = argv[i + 1]
            i += 1
        i += 1
        if val.startswith("-"):
            return None
        try:
            if opt == "--timeout":
                timeout = float(val)
            elif opt == "--max-memory":
                max_memory = float(val)
            elif opt == "--dir":
                dirs_raw.append(val)
            else:
                return None
        except ValueError:
            return None
    if i >= len(argv) or "--" in argv[i:]:
        return None
    module, args = argv[i], argv[i + 1:]
    if not os.path.isfile(module) or max_memory != max_memory or abs(max_memory) == float("inf"):
        return None  # the ordinary path says what is wrong
    name = os.path.splitext(os.path.basename(module))[0] + ".py"
    dirs = []
    for d in dirs_raw:
        host, _, guest = d.partition("::")
        dirs.append((host, guest or host))
    return (module, args, timeout if timeout > 0 else None,
            int(max_memory * 1024 * 1024) if max_memory > 0 else None, dirs, name)


def exec_fast(argv: list[str]) -> bool:
    """`portalis exec` with the usual options (``parse_exec``): become the native launcher
    (`codegen.launcher`, does not return) or return, and `main` parses and runs it the ordinary
    way (True: the launcher was tried and cannot be used)."""
    parsed = parse_exec(argv)
    if parsed is None:
        return False
    from portalis.codegen.exec_start import exec_launcher
    why = exec_launcher(*parsed, fallback_argv())
    say_why(why)
    return True


def main() -> int:
    """The `portalis-py` command (``[project.scripts]``; `portalis` runs it), ``python -m portalis``."""
    argv = sys.argv[1:]
    tried = argv[:1] == ["exec"] and exec_fast(argv)  # returns when it cannot become the launcher
    from portalis.cli import main as cli_main
    return cli_main(launcher_tried=tried)
