# corpus: exc: validates orders, handles some errors, then ENDS with an uncaught custom exception (exit 1)
class OrderError(ValueError):
    pass


def validate(order: tuple[str, int, float]) -> float:
    name, qty, price = order
    if not name:
        raise OrderError("order has no product name")
    if qty <= 0:
        raise OrderError(f"{name}: quantity must be positive, got {qty}")
    if price < 0.0:
        raise OrderError(f"{name}: negative price {price}")
    return qty * price


def main() -> None:
    orders: list[tuple[str, int, float]] = [
        ("lamp", 2, 19.99), ("", 1, 5.0), ("desk", 0, 120.0), ("chair", 4, 45.5), ("rug", 1, -3.0),
    ]
    total = 0.0
    rejected = 0
    for o in orders:
        try:
            amount = validate(o)
        except OrderError as e:
            rejected += 1
            print("rejected:", e)
        else:
            total += amount
            print(f"accepted: {o[0]} -> {amount:.2f}")
    print(f"total {total:.2f}, rejected {rejected}")
    print("now validating the final batch strictly...")
    validate(("final", -1, 1.0))
    print("never printed")


if __name__ == "__main__":
    main()
