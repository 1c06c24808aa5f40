# corpus: exc: custom exception hierarchy, try/except/else/finally, accounts as dict[str, int] cents
class BankError(Exception):
    pass


class InsufficientFunds(BankError):
    pass


class UnknownAccount(BankError):
    pass


def withdraw(accounts: dict[str, int], name: str, cents: int) -> int:
    if name not in accounts:
        raise UnknownAccount(f"no account named {name!r}")
    if cents <= 0:
        raise ValueError(f"amount must be positive, got {cents}")
    if accounts[name] < cents:
        raise InsufficientFunds(f"{name} has {accounts[name] / 100:.2f}, needs {cents / 100:.2f}")
    accounts[name] -= cents
    return accounts[name]


def transfer(accounts: dict[str, int], src: str, dst: str, cents: int) -> None:
    if dst not in accounts:
        raise UnknownAccount(f"no account named {dst!r}")
    withdraw(accounts, src, cents)
    accounts[dst] += cents


def main() -> None:
    accounts: dict[str, int] = {"alice": 10000, "bob": 2550}
    ops: list[tuple[str, str, int]] = [
        ("alice", "bob", 2500), ("bob", "alice", 9999), ("carol", "bob", 100),
        ("bob", "dave", 5), ("alice", "bob", -3), ("bob", "alice", 5050),
    ]
    attempts = 0
    for src, dst, cents in ops:
        try:
            attempts += 1
            transfer(accounts, src, dst, cents)
        except InsufficientFunds as e:
            print(f"declined: {e}")
        except BankError as e:
            print(f"bank error: {e}")
        except ValueError as e:
            print(f"bad request: {e}")
        else:
            print(f"ok: {src} -> {dst} {cents / 100:.2f}")
        finally:
            print(f"  after attempt {attempts}: {accounts}")
    print("total money:", sum(accounts.values()))


if __name__ == "__main__":
    main()
