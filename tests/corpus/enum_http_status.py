"""HTTP status codes as an IntEnum: lookups by value and name, aliases, ranges, dict keys."""
from enum import IntEnum


class Status(IntEnum):
    OK = 200
    CREATED = 201
    NO_CONTENT = 204
    MOVED = 301
    NOT_FOUND = 404
    GONE = 410
    SERVER_ERROR = 500
    INTERNAL = 500


def category(s: Status) -> str:
    if s < 300:
        return "success"
    if 300 <= s < 400:
        return "redirect"
    if s < 500:
        return "client error"
    return "server error"


def main() -> None:
    log = [200, 404, 201, 500, 404, 301, 204, 200]
    seen: dict[Status, int] = {}
    for code in log:
        s = Status(code)
        seen[s] = seen.get(s, 0) + 1
    for s, n in sorted(seen.items()):
        print(f"{s:>4} {s.name:<13} {category(s):<13} x{n}")
    print(Status.INTERNAL, repr(Status.INTERNAL), Status["INTERNAL"] is Status.SERVER_ERROR)
    print(len(Status), [s.value for s in Status][-2:])
    print(sum(s for s in Status if s >= 400), Status.GONE - Status.NOT_FOUND)
    worst = max(seen, key=lambda s: s.value)
    print("worst:", worst, worst.name, str(worst), f"{worst!r}")
    print("{:>6}|{:<6}|{}".format(Status.OK, Status.MOVED, Status.GONE))
    ok = [s for s in Status if category(s) == "success"]
    print(ok, Status.OK in ok, Status(204) == 204)


main()
