"""An exception with several arguments and a field escapes: str of its args tuple on stderr,
exit code 1; before that, handlers read its args and field."""


class LimitExceeded(Exception):
    def __init__(self, what: str, used: int, limit: int) -> None:
        super().__init__(what, used, limit)
        self.over = used - limit


def consume(budget: dict[str, int], what: str, amount: int) -> None:
    budget[what] = budget.get(what, 0) + amount
    if budget[what] > 10:
        raise LimitExceeded(what, budget[what], 10)


budget: dict[str, int] = {}
try:
    for item, amt in [("cpu", 4), ("mem", 8), ("cpu", 9)]:
        consume(budget, item, amt)
except LimitExceeded as e:
    print("over by", e.over, "args:", e.args, type(e).__name__)
print(budget)
consume(budget, "mem", 5)
print("unreachable")
