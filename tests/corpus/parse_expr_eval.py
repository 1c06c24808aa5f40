# corpus: parse: recursive-descent arithmetic evaluator (+ - * / parens unary) on ints with errors
class ParseError(Exception):
    pass


def tokenize(s: str) -> list[str]:
    toks: list[str] = []
    for i, c in enumerate(s):
        if c.isdigit() and toks and toks[-1].isdigit() and s[i - 1].isdigit():
            toks[-1] += c
        elif c.isdigit() or c in "+-*/()":
            toks.append(c)
        elif c != " ":
            raise ParseError(f"unexpected character {c!r} at {i}")
    return toks


def parse_expr(toks: list[str], pos: int) -> tuple[int, int]:
    value, pos = parse_term(toks, pos)
    while pos < len(toks) and toks[pos] in "+-":
        op = toks[pos]
        rhs, pos = parse_term(toks, pos + 1)
        value = value + rhs if op == "+" else value - rhs
    return value, pos


def parse_term(toks: list[str], pos: int) -> tuple[int, int]:
    value, pos = parse_factor(toks, pos)
    while pos < len(toks) and toks[pos] in "*/":
        op = toks[pos]
        rhs, pos = parse_factor(toks, pos + 1)
        if op == "*":
            value *= rhs
        else:
            value //= rhs
    return value, pos


def parse_factor(toks: list[str], pos: int) -> tuple[int, int]:
    if pos >= len(toks):
        raise ParseError("unexpected end of input")
    t = toks[pos]
    if t == "-":
        v, p = parse_factor(toks, pos + 1)
        return -v, p
    if t == "(":
        v, p = parse_expr(toks, pos + 1)
        if p >= len(toks) or toks[p] != ")":
            raise ParseError("missing ')'")
        return v, p + 1
    if t.isdigit():
        return int(t), pos + 1
    raise ParseError(f"unexpected token {t!r}")


def evaluate(s: str) -> int:
    toks = tokenize(s)
    value, pos = parse_expr(toks, 0)
    if pos != len(toks):
        raise ParseError(f"trailing tokens: {toks[pos:]}")
    return value


def main() -> None:
    cases = ["1 + 2 * 3", "(1 + 2) * 3", "-(4 - 10) * 2", "7 / 2", "-7 / 2", "2 * (3 + (4 - 1)) - -1",
             "10 / (5 - 5)", "3 +", "4 $ 4", "(1 + 2", "1 2", "100000 * 100000 * 100000"]
    for c in cases:
        try:
            print(f"{c:<26} = {evaluate(c)}")
        except ParseError as e:
            print(f"{c:<26} ! parse error: {e}")
        except ZeroDivisionError as e:
            print(f"{c:<26} ! math error: {e}")


if __name__ == "__main__":
    main()
