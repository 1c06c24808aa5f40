# a small stack calculator and an event log, written with `match` the way scripts use it


def run(program: str) -> list[float]:
    stack: list[float] = []
    for token in program.split():
        match token:
            case "+" | "-" | "*" | "/" if len(stack) < 2:
                print(f"stack underflow at {token!r}")
                return stack
            case "+":
                b, a = stack.pop(), stack.pop()
                stack.append(a + b)
            case "-":
                b, a = stack.pop(), stack.pop()
                stack.append(a - b)
            case "*":
                b, a = stack.pop(), stack.pop()
                stack.append(a * b)
            case "/":
                b, a = stack.pop(), stack.pop()
                stack.append(a / b)
            case "dup":
                stack.append(stack[-1])
            case "drop":
                stack.pop()
            case number:
                stack.append(float(number))
    return stack


def handle(events: list[tuple[str, str, int]]) -> dict[str, int]:
    balances: dict[str, int] = {}
    for event in events:
        match event:
            case ("deposit", who, amount) if amount > 0:
                balances[who] = balances.get(who, 0) + amount
            case ("withdraw", who, amount) if balances.get(who, 0) >= amount:
                balances[who] -= amount
            case ("withdraw", who, amount):
                print(f"{who}: insufficient funds for {amount}")
            case ("close", who, _):
                if who in balances:
                    del balances[who]
            case (kind, _, _):
                print(f"unknown event {kind!r}")
    return balances


def f(x: int) -> str:
    match x:
        case 1:
            return "one"
        case 2:
            return "two"
    return "many"


def main() -> None:
    print(run("3 4 + 2 *"))
    print(run("1 2 3 dup * + +"))
    print(run("5 +"))
    print(run("10 4 / 1 - drop 7"))
    print(handle([("deposit", "ann", 50), ("deposit", "bob", 0), ("withdraw", "ann", 20),
                  ("withdraw", "bob", 5), ("refund", "ann", 1), ("deposit", "cy", 9), ("close", "cy", 0)]))
    print([f(i) for i in range(4)])


if __name__ == "__main__":
    main()
