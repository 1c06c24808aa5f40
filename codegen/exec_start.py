"""The start of `portalis exec`: from its command line to the native launcher (``exec_launcher``).

What the Python part of a `portalis exec` process runs before it becomes the launcher
(``codegen.launcher`` builds the launcher and says why it exists).  Small on purpose: Linux
counts this part in the process's peak memory and it sets that peak (the launcher's own is ~5
MB, CPython's hello world ~8.7 MB), so it imports nothing but ``os`` and ``sys``, no
``__future__``, and reads no file: the launcher itself hashes the module to find its compiled
form (``_sha256`` cost this part 28 KB of mapped library and a read buffer); its functions are
documented in comments (a docstring is loaded with the code).  It also writes the record that
lets the `portalis` command's /bin/sh front (launcher/portalis) skip Python next time
(``write_front_record``): then no Python part runs at all.
"""

import os
import sys

SOURCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "launcher", "portalis_exec.c")
ENV_SWITCH = "PORTALIS_EXEC_LAUNCHER"  # "0": never use the launcher
ENV_VERBOSE = "PORTALIS_EXEC_VERBOSE"  # "1": say on stderr why the launcher is not used
_MiB = 1024 * 1024


def verbose() -> bool:
    return os.environ.get(ENV_VERBOSE, "") not in ("", "0")


def cache_dir_name() -> str:
    """``$PORTALIS_CACHE_DIR`` or ``~/.cache/portalis``, ``~`` expanded (not created here);
    re-exported by codegen.cache_dir."""
    return os.path.expanduser(os.environ.get("PORTALIS_CACHE_DIR") or "~/.cache/portalis")


def wasmtime_library() -> "tuple[str, str] | None":
    # (path of the wasmtime C library of the wasmtime wheel, wasmtime version), found the way
    # `import wasmtime` and `wasm_exec._version` find them, without importing it
    if not sys.platform.startswith("linux"):
        return None
    machine = os.uname().machine
    machine = {"AMD64": "x86_64", "arm64": "aarch64", "ARM64": "aarch64"}.get(machine, machine)
    for entry in sys.path:
        pkg = os.path.join(entry or ".", "wasmtime")
        if not os.path.isfile(os.path.join(pkg, "__init__.py")):
            continue
        lib = os.path.join(pkg, f"linux-{machine}", "_libwasmtime.so")
        if not os.path.isfile(lib):
            return None
        site = os.path.dirname(os.path.realpath(pkg))
        try:
            with os.scandir(site) as it:
                for e in it:
                    name = e.name
                    if name.startswith("wasmtime-") and name.endswith(".dist-info"):
                        version = name[len("wasmtime-"):-len(".dist-info")]
                        if version and "-" not in version:
                            return lib, version
        except OSError:
            pass
        return None
    return None


def _stamp_path(version: str, cache: "str | None" = None) -> str:
    # a symlink to launcher.launcher_path, named by the source file's size and mtime: what `exec`
    # looks up (a stat, where hashing the source costs this part ~0.15 MB of peak RSS)
    st = os.stat(SOURCE)
    return os.path.join(cache or cache_dir_name(), "launcher", f"by-stat-{st.st_size}-{st.st_mtime_ns}-{version}")


def library_copy(lib: str, version: str, cache: "str | None" = None) -> str:
    # where the launcher's private copy of the wasmtime library lives (why: launcher.library_copy)
    size = os.stat(lib).st_size
    return os.path.join(cache or cache_dir_name(), "launcher", f"libwasmtime-{version}-{size}.so")


def launcher_argv(exe: str, lib: str, copy: str, version: str, module: str, args: "list[str]",
                  timeout: "float | None", max_memory: "int | None", dirs: "list[tuple[str, str]]",
                  program_name: str, fallback_argv: "list[str]") -> "list[str]":
    # the launcher's command line (the top of launcher/portalis_exec.c); its `--front` mode makes
    # the same one from the record below (a test compares them)
    return [exe, copy if os.path.isfile(copy) else lib, module,
            os.path.join(cache_dir_name(), "cwasm", ""), f"-{version}-exit.cwasm",
            "-" if timeout is None else repr(float(timeout)),
            "-" if timeout is None else f"{timeout:g}",
            "-" if max_memory is None else str(int(max_memory)),
            "-" if max_memory is None else f"{int(max_memory) / _MiB:g} MB",
            str(len(dirs)), *(p for d in dirs for p in d),
            str(1 + len(args)), program_name, *args,
            str(len(fallback_argv)), *fallback_argv]


FRONT_SCRIPT = "portalis-py"  # the Python console script, beside the `portalis` /bin/sh front
FRONT_FORMAT = "portalis-front 1"


def front_record_path(bindir: str, cache: "str | None" = None) -> str:
    # where the /bin/sh front (launcher/portalis) looks: named by its directory, each / as %
    return os.path.join(cache or cache_dir_name(), "launcher", "front-" + bindir.replace("/", "%"))


def front_record(bindir: str, exe: str, lib: str, copy: str, version: str) -> "bytes | None":
    # the record's lines (read by the launcher's `--front` mode): LAUNCHER (first: the /bin/sh
    # front reads it), the format, BINDIR, SOURCE and its stat, LIB and its stat, LIB_COPY,
    # CWASM_PREFIX, CWASM_SUFFIX; None for a path with a newline
    src, wheel = os.stat(SOURCE), os.stat(lib)
    lines = [exe, FRONT_FORMAT, bindir, SOURCE, f"{src.st_size} {src.st_mtime_ns}",
             lib, f"{wheel.st_size} {wheel.st_mtime_ns}", copy,
             os.path.join(cache_dir_name(), "cwasm", ""), f"-{version}-exit.cwasm"]
    data = b"".join(os.fsencode(line) + b"\n" for line in lines)
    return data if data.count(b"\n") == len(lines) else None


def write_front_record(exe: str, lib: str, copy: str, version: str) -> None:
    # What the `portalis` command's /bin/sh front needs to run the launcher with no Python at all:
    # written when this process is the `portalis-py` script and about to become the launcher; the
    # launcher checks the stats in it and hands anything stale back to `portalis-py`, which writes
    # the record again.  Best effort: without a record the front runs Python.
    script = sys.argv[0]
    bindir = os.path.dirname(script)
    if os.path.basename(script) != FRONT_SCRIPT or not bindir.startswith("/"):
        return
    try:
        data = front_record(bindir, exe, lib, copy, version)
        if data is None:
            return
        path = front_record_path(bindir)
        try:
            with open(path, "rb") as f:
                if f.read() == data:
                    return
        except OSError:
            pass
        tmp = f"{path}.{os.getpid()}.tmp"
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except OSError:
        pass


def exec_launcher(module: str, args: "list[str]", timeout: "float | None", max_memory: "int | None",
                  dirs: "list[tuple[str, str]]", program_name: str, fallback_argv: "list[str]") -> str:
    # Become the launcher running `module` (os.execv: does not return) or return why not.
    # `timeout`/`max_memory`: as wasm_exec.Limits; `fallback_argv`: the command that runs the same
    # `portalis exec` in Python (the launcher runs it when it cannot load the module).
    if os.environ.get(ENV_SWITCH, "") == "0":
        return f"{ENV_SWITCH}=0"
    found = wasmtime_library()
    if found is None:
        return "the wasmtime C library (of the wasmtime wheel) was not found"
    lib, version = found
    try:
        for s in (module, program_name, *args, *(p for d in dirs for p in d)):
            s.encode("utf-8")  # the Python path cannot pass these to WASI either: let it report
        exe = _stamp_path(version)
        if not os.access(exe, os.X_OK):
            from .launcher import build_launcher
            exe, why = build_launcher(version)
            if exe is None:
                return why
    except (OSError, UnicodeError) as e:
        return f"{type(e).__name__}: {e}"
    copy = library_copy(lib, version)
    # the launcher hashes the module and finds its compiled form (wasm_exec's "exit" cache entry):
    # <cache>/cwasm/<sha256 of the module>-<version>-exit.cwasm, or it runs `fallback_argv`
    argv = launcher_argv(exe, lib, copy, version, module, args, timeout, max_memory, dirs, program_name,
                         fallback_argv)
    write_front_record(exe, lib, copy, version)
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        os.execv(exe, argv)
    except OSError as e:
        return f"cannot start the launcher: {e}"
    return "unreachable"  # pragma: no cover
