"""Parsing commands into a str-valued Enum; an unknown command is the ValueError CPython raises."""
from enum import Enum


class Command(Enum):
    PUSH = "push"
    POP = "pop"
    ADD = "add"
    PRINT = "print"


def parse(line: str) -> tuple[Command, int]:
    parts = line.split()
    cmd = Command(parts[0])
    arg = int(parts[1]) if len(parts) > 1 else 0
    return cmd, arg


def execute(program: list[str]) -> list[int]:
    stack: list[int] = []
    for line in program:
        try:
            cmd, arg = parse(line)
        except ValueError as e:
            print("skipped:", e)
            continue
        if cmd == Command.PUSH:
            stack.append(arg)
        elif cmd is Command.POP:
            stack.pop()
        elif cmd == Command.ADD:
            b = stack.pop()
            a = stack.pop()
            stack.append(a + b)
        else:
            print("stack:", stack)
    return stack


def main() -> None:
    prog = ["push 3", "push 4", "add", "print", "mul 2", "push 10", "PUSH 1", "add", "print"]
    print(execute(prog))
    print([c.value for c in Command], len(Command))
    print(Command.PUSH, repr(Command.POP), {Command.ADD: "+"})
    print(f"[{Command.PRINT:^15}]", f"{Command.PRINT!r}", f"{Command.PRINT!s}")
    print(Command["ADD"], Command("pop").name)


main()
