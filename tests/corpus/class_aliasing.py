# corpus: classes: objects are references: aliases, objects in lists and dicts mutated through loop variables and functions, `is`
class Account:
    def __init__(self, owner: str, balance: int) -> None:
        self.owner = owner
        self.balance = balance
        self.log: list[str] = []

    def deposit(self, amount: int) -> None:
        self.balance += amount
        self.log.append(f"+{amount}")

    def __repr__(self) -> str:
        return f"Account({self.owner}, {self.balance})"


def pay_interest(accounts: list[Account], pct: int) -> None:
    for a in accounts:
        a.deposit(a.balance * pct // 100)


def richest(accounts: list[Account]) -> Account:
    best = accounts[0]
    for a in accounts:
        if a.balance > best.balance:
            best = a
    return best


def main() -> None:
    a = Account("ann", 100)
    b = a
    b.balance += 50
    print(a.balance, a is b, a is not b, a == b)
    c = Account("ann", 150)
    print(a == c, a is c, a != c)
    accounts = [a, c, Account("bob", 10)]
    pay_interest(accounts, 10)
    print(accounts)
    r = richest(accounts)
    r.deposit(1)
    print(r is a, r is c, a, c)
    by_owner: dict[str, Account] = {}
    for acc in accounts:
        by_owner[acc.owner] = acc
    by_owner["bob"].deposit(5)
    print(accounts[2], accounts[2].log, by_owner)
    seen = {a}
    print(a in seen, c in seen, accounts.index(c), accounts.count(a))
    pair = (a, c)
    pair[1].deposit(2)
    print(c.log)
    grid = [[Account("x", i * 3 + j) for j in range(3)] for i in range(2)]
    for row in grid:
        for cell in row:
            cell.balance *= 2
    print(grid)
    other = grid[1]
    other[0] = a
    print(grid[1][0] is a)


main()
