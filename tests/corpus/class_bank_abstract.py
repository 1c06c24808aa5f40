# corpus: classes: an abstract base with NotImplementedError, template methods dispatching to subclasses, exceptions from methods, a module-level registry object
class InsufficientFunds(Exception):
    pass


class Account:
    kind = "account"

    def __init__(self, owner: str, balance: float = 0.0) -> None:
        self.owner = owner
        self.balance = balance
        self.history: list[tuple[str, float]] = []

    def fee(self, amount: float) -> float:
        raise NotImplementedError(f"{type(self).__name__}.fee")

    def withdraw(self, amount: float) -> float:
        total = amount + self.fee(amount)
        if total > self.balance:
            raise InsufficientFunds(f"{self.owner} needs {total:.2f}, has {self.balance:.2f}")
        self.balance -= total
        self.history.append(("out", total))
        return total

    def deposit(self, amount: float) -> None:
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("in", amount))

    def __str__(self) -> str:
        return f"{self.kind} of {self.owner}: {self.balance:.2f}"


class Checking(Account):
    kind = "checking"

    def fee(self, amount: float) -> float:
        return 0.25


class Savings(Account):
    kind = "savings"

    def __init__(self, owner: str, balance: float, rate: float) -> None:
        super().__init__(owner, balance)
        self.rate = rate

    def fee(self, amount: float) -> float:
        return amount * 0.01

    def add_interest(self) -> None:
        self.deposit(round(self.balance * self.rate, 2))


class Bank:
    def __init__(self) -> None:
        self.accounts: dict[str, Account] = {}

    def open(self, acc: Account) -> Account:
        self.accounts[acc.owner] = acc
        return acc

    def transfer(self, src: str, dst: str, amount: float) -> bool:
        try:
            self.accounts[src].withdraw(amount)
        except InsufficientFunds as e:
            print("transfer failed:", e)
            return False
        self.accounts[dst].deposit(amount)
        return True


BANK = Bank()


def main() -> None:
    BANK.open(Checking("ann", 100.0))
    s = Savings("bob", 1000.0, 0.03)
    BANK.open(s)
    print(BANK.transfer("ann", "bob", 50.0), BANK.transfer("ann", "bob", 80.0))
    s.add_interest()
    for acc in BANK.accounts.values():
        print(acc, acc.history)
    try:
        Account("x", 5.0).withdraw(1.0)
    except NotImplementedError as e:
        print("abstract:", e)
    try:
        BANK.accounts["ann"].deposit(-1.0)
    except ValueError as e:
        print("error:", e)
    print(sum(a.balance for a in BANK.accounts.values()))


main()
