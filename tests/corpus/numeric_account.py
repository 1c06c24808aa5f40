# A bank account: `deposit(50)` passes an int to `amount: float`; the balance starts as a float,
# so `self.balance += amount` is float + int, a float in CPython too.
class InsufficientFunds(Exception):
    pass


class Account:
    def __init__(self, owner: str, rate: float = 0):
        self.owner = owner
        self.balance = 0.0
        self.rate = rate + 0.0
        self.history: list[float] = []

    def deposit(self, amount: float) -> None:
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(self.balance)

    def withdraw(self, amount: float) -> float:
        if amount > self.balance:
            raise InsufficientFunds(f"{self.owner}: cannot withdraw {amount:.2f} from {self.balance:.2f}")
        self.balance -= amount
        self.history.append(self.balance)
        return self.balance

    def add_interest(self, months: int) -> None:
        for _ in range(months):
            self.balance *= 1.0 + self.rate / 12


acc = Account("ada", 0.05)
acc.deposit(50)
acc.deposit(25.5)
print(acc.balance)
print(acc.withdraw(20))
try:
    acc.withdraw(1000)
except InsufficientFunds as e:
    print("refused:", e)
try:
    acc.deposit(-5)
except ValueError as e:
    print("error:", e)
acc.add_interest(12)
print(f"{acc.balance:.2f}")
print(acc.history)
plain = Account("bob")
plain.deposit(100)
plain.add_interest(3)
print(plain.balance, plain.rate)
