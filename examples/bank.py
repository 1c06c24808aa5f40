"""A small bank ledger: the README's 30-second example."""


class InsufficientFunds(Exception):
    pass


def apply(balance: int, op: str, amount: int) -> int:
    if amount <= 0:
        raise ValueError(f"{op} must be positive")
    if op == "withdraw":
        if amount > balance:
            raise InsufficientFunds(f"need {amount}, have {balance}")
        return balance - amount
    return balance + amount


def main() -> None:
    balance = 100
    history: list[tuple[str, int]] = [("deposit", 50), ("withdraw", 30), ("withdraw", 500), ("deposit", -5)]
    for op, amount in history:
        try:
            balance = apply(balance, op, amount)
            print(f"{op:<8} {amount:>5} -> {balance:>6}")
        except InsufficientFunds as e:
            print(f"{op:<8} {amount:>5} refused: {e}")
        except ValueError as e:
            print(f"error: {e}")
    rate = 0.035
    print(f"after a year at {rate:.1%}: {balance * (1 + rate):.2f}")
    print(sorted({"alice": 3, "bob": 1}.items(), key=lambda kv: kv[1]))
    apply(balance, "deposit", 0)


if __name__ == "__main__":
    main()
