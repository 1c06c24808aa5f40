# user exception classes with fields: __init__ with and without super().__init__, inherited
# __init__, fields of several types, reading fields in handlers, str/repr of the exception


class ValidationError(Exception):
    def __init__(self, field: str, problems: list[str]) -> None:
        super().__init__(f"{field}: {len(problems)} problem(s)")
        self.field = field
        self.problems = problems
        self.count = len(problems)


class RangeError(ValidationError):
    """Same fields as ValidationError."""


class Retry(Exception):
    def __init__(self, attempt, delay):  # no super().__init__: args are (attempt, delay)
        self.attempt = attempt
        self.delay = delay * 1.5


class Empty(Exception):
    def __init__(self) -> None:
        self.reason = "nothing there"


def check(name: str, value: int) -> int:
    problems: list[str] = []
    if value < 0:
        problems.append("negative")
    if value > 100:
        raise RangeError(name, ["too large", f"{value} > 100"])
    if value % 2 == 1:
        problems.append("odd")
    if problems:
        raise ValidationError(name, problems)
    return value // 2


def attempt(n: int) -> str:
    if n < 3:
        raise Retry(n, 0.5 * n)
    if n == 3:
        raise Empty
    return "done"


def main() -> None:
    for name, value in [("a", 4), ("b", -3), ("c", 7), ("d", 250)]:
        try:
            print(name, check(name, value))
        except RangeError as e:
            print("range:", e.field, e.problems, e.count, str(e), repr(e))
        except ValidationError as e:
            print("invalid:", e.field, ", ".join(e.problems), e.count, e)
    for n in range(5):
        try:
            print(attempt(n))
        except Retry as r:
            print("retry", r.attempt, r.delay, str(r), repr(r))
        except Empty as e:
            print("empty", e.reason, repr(e), str(e) == "")
    try:
        check("z", 1000)
    except ValidationError as e:  # a RangeError caught as its base: the fields are the same
        print(repr(e), e.problems[0])
    raise ValidationError("final", ["uncaught"])


if __name__ == "__main__":
    main()
