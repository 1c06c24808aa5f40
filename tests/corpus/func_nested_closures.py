# corpus: func: nested functions read their parent's variables when called (late binding), share its lists and dicts
def helper(x: int) -> int:
    return x + 1000


def late(n: int) -> list[int]:
    k = 1
    def get(step: int) -> int:
        return k * step + n
    out = [get(1)]
    k = 5
    out.append(get(2))
    for k in range(3):
        out.append(get(10))
    return out


def memo_fib(n: int) -> int:
    memo: dict[int, int] = {}
    def f(i: int) -> int:
        if i < 2:
            return i
        if i in memo:
            return memo[i]
        r = f(i - 1) + f(i - 2)
        memo[i] = r
        return r
    return f(n) + len(memo)


def words(text: str, sep: str) -> str:
    seen: list[str] = []
    def note(w: str) -> str:
        seen.append(w)
        return w.upper() + sep + str(len(seen))
    def both(w: str) -> str:
        return note(w) + note(w[::-1])
    parts = [both(w) for w in text.split()]
    return "|".join(parts) + f" ({len(seen)} seen)"


def shadows(n: int) -> int:
    total = 100
    def helper(x: int) -> int:
        total = x * 2
        return total - 1
    return helper(n) + total


def maybe(v: int | None) -> str:
    def show(prefix: str) -> str:
        if v is None:
            return prefix + "none"
        return prefix + str(v + 1)
    return show("v=")


def checked(xs: list[int]) -> str:
    limit = 2
    def check(x: int) -> int:
        if x > limit:
            raise ValueError(f"{x} > {limit}")
        return x
    out = []
    for x in xs:
        try:
            out.append(str(check(x)))
        except ValueError as e:
            out.append(str(e))
        limit += 1
    return ",".join(out)


print(late(3))
print(memo_fib(80))
print(words("ab cd ef", "-"))
print(shadows(4), helper(1))
print(maybe(None), maybe(41))
print(checked([1, 5, 3, 9, 2]))
