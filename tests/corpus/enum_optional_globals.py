"""Enum members in module variables, Optional members, members passed to and returned from
functions, and a member that is looked up and may be missing."""
from enum import Enum
from typing import Optional


class Mode(Enum):
    READ = "r"
    WRITE = "w"
    APPEND = "a"


DEFAULT = Mode.READ
ALLOWED: dict[str, Mode] = {"r": Mode.READ, "w": Mode.WRITE}
current = Mode.APPEND


def find(flag: str) -> Optional[Mode]:
    for m in Mode:
        if m.value == flag:
            return m
    return None


def switch(to: Mode) -> Mode:
    global current
    before = current
    current = to
    return before


def describe(m: Mode | None) -> str:
    if m is None:
        return "no mode"
    return f"{m.name.lower()} ({m.value!r})"


def main() -> None:
    print(DEFAULT, ALLOWED, current)
    for flag in ["w", "x", "a"]:
        m = find(flag)
        print(flag, "->", m, describe(m), m is None, m == Mode.APPEND)
    old = switch(Mode.WRITE)
    print(old, current, switch(DEFAULT), current)
    modes: list[Optional[Mode]] = [find("r"), None, Mode.APPEND]
    print(modes, [describe(m) for m in modes])
    print(ALLOWED.get("a", DEFAULT), "a" in ALLOWED, Mode("a") in ALLOWED.values())


main()
