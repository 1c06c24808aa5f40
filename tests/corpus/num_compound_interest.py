# corpus: num: compound interest and loan amortization schedule with f'{x:,.2f}' money formatting
def compound(principal: float, rate: float, years: int, per_year: int) -> float:
    return principal * (1 + rate / per_year) ** (years * per_year)


def payment(principal: float, annual_rate: float, months: int) -> float:
    r = annual_rate / 12
    if r == 0.0:
        return principal / months
    return principal * r / (1 - (1 + r) ** -months)


def main() -> None:
    print("Growth of 1,000.00 at 5%:")
    for years in [1, 5, 10, 30]:
        cells = [f"{compound(1000.0, 0.05, years, n):>12,.2f}" for n in [1, 4, 12, 365]]
        print(f"  {years:>2}y " + " ".join(cells))
    loan = 25000.0
    rate = 0.069
    months = 12
    pay = payment(loan, rate, months)
    print(f"\nLoan {loan:,.2f} at {rate * 100:.1f}% over {months} months: {pay:,.2f}/month")
    print(f"{'#':>3} {'interest':>10} {'principal':>10} {'balance':>11}")
    balance = loan
    total_interest = 0.0
    for m in range(1, months + 1):
        interest = round(balance * rate / 12, 2)
        princ = round(pay - interest, 2)
        if m == months:
            princ = round(balance, 2)
        balance = round(balance - princ, 2)
        total_interest += interest
        print(f"{m:>3} {interest:>10,.2f} {princ:>10,.2f} {balance:>11,.2f}")
    print(f"total interest: {total_interest:,.2f}")
    print(f"zero-rate payment: {payment(1200.0, 0.0, 12):.2f}")


if __name__ == "__main__":
    main()
