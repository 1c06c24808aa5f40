# corpus: exc: assert statements with messages, AssertionError caught and printed, invariants in a loop
def normalize(weights: list[float]) -> list[float]:
    assert len(weights) > 0, "weights must not be empty"
    total = sum(weights)
    assert total > 0.0, f"total weight must be positive, got {total}"
    return [w / total for w in weights]


def checked_mean(xs: list[int]) -> float:
    assert xs, "empty input"
    result = sum(xs) / len(xs)
    assert min(xs) <= result <= max(xs)
    return result


def main() -> None:
    cases: list[list[float]] = [[1.0, 1.0, 2.0], [0.5], [], [0.0, 0.0], [3.0, 1.0]]
    for ws in cases:
        try:
            print(f"{ws} -> {normalize(ws)}")
        except AssertionError as e:
            print(f"{ws} -> assertion failed: {e}")
    for xs in [[1, 2, 3, 4], [10], []]:
        try:
            print(f"mean {xs} = {checked_mean(xs)}")
        except AssertionError as e:
            print(f"mean {xs} failed: {e}")
    balance = 100
    for delta in [-30, 50, -20]:
        balance += delta
        assert balance >= 0, "balance went negative"
        print("balance", balance)
    try:
        assert balance == 0
    except AssertionError as e:
        print(f"bare assert message is empty: {str(e)!r}")


if __name__ == "__main__":
    main()
