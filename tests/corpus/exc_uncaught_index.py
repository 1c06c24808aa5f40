# corpus: exc: stack processing that runs off the end -> uncaught IndexError from pop (exit 1)
def apply(stack: list[int], token: str) -> None:
    if token.lstrip("-").isdigit():
        stack.append(int(token))
        return
    b = stack.pop()
    a = stack.pop()
    if token == "+":
        stack.append(a + b)
    elif token == "-":
        stack.append(a - b)
    elif token == "*":
        stack.append(a * b)
    elif token == "/":
        stack.append(a // b)
    else:
        raise ValueError(f"unknown operator {token!r}")


def rpn(expr: str) -> int:
    stack: list[int] = []
    for tok in expr.split():
        apply(stack, tok)
    if len(stack) != 1:
        raise ValueError(f"malformed expression, stack={stack}")
    return stack[0]


def main() -> None:
    for e in ["3 4 +", "5 1 2 + 4 * + 3 -", "2 3 4 * +", "-7 2 /", "1 2", "4 2 ^"]:
        try:
            print(f"{e!r} = {rpn(e)}")
        except ValueError as err:
            print(f"{e!r} -> error: {err}")
    print("evaluating an expression with too few operands:")
    print(rpn("1 +"))


if __name__ == "__main__":
    main()
