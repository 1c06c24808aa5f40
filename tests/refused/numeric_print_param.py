# expect: int-float-mix @ 9
class Account:
    def __init__(self):
        self.balance = 0.0
    def deposit(self, amount: float) -> None:
        print("deposit", amount)  # CPython prints `deposit 50`, not `deposit 50.0`
        self.balance += amount
acc = Account()
acc.deposit(50)
