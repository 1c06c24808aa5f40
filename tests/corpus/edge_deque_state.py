# which deque operations a loop over it notices (CPython's `state`): appends, pops, a clear of a
# non-empty deque, a rotate of 2+ items and a remove do; item stores, reverse(), count(), copy(),
# an empty extend, extend on maxlen=0 and the failed remove do not
from collections import deque


def probe(d: deque[int], op: str) -> str:
    seen: list[int] = []
    try:
        for x in d:
            seen.append(x)
            if len(seen) == 1:
                if op == "append":
                    d.append(9)
                elif op == "appendleft":
                    d.appendleft(9)
                elif op == "pop":
                    d.pop()
                elif op == "popleft":
                    d.popleft()
                elif op == "clear":
                    d.clear()
                elif op == "rotate0":
                    d.rotate(0)
                elif op == "rotate":
                    d.rotate(5)
                elif op == "remove":
                    d.remove(x)
                elif op == "remove_missing":
                    try:
                        d.remove(-1)
                    except ValueError:
                        pass
                elif op == "setitem":
                    d[-1] = 7
                elif op == "reverse":
                    d.reverse()
                elif op == "count":
                    d.count(x)
                elif op == "copy":
                    d.copy().append(1)
                elif op == "extend_empty":
                    d.extend([])
                elif op == "extend":
                    d.extend([4])
                elif op == "extendleft":
                    d.extendleft([4])
        return f"{op}: ok {seen} {d}"
    except RuntimeError as e:
        return f"{op}: {e} after {seen} {d}"


def main() -> None:
    for op in ["append", "appendleft", "pop", "popleft", "clear", "rotate0", "rotate", "remove", "remove_missing",
               "setitem", "reverse", "count", "copy", "extend_empty", "extend", "extendleft"]:
        print(probe(deque([1, 2, 3]), op))
    one = deque([5])
    for x in one:
        one.rotate(3)  # one item: not a change
        one.clear()    # the last step still checks: RuntimeError? (CPython: yes, at the end)
        print("body", x)
    print("unreached", one)


main()
