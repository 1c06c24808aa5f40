# corpus: algo: coin change min-coins and number-of-ways DP
COINS = [1, 5, 10, 25]


def min_coins(amount: int, coins: list[int]) -> int:
    big = amount + 1
    best = [0] + [big] * amount
    for a in range(1, amount + 1):
        for c in coins:
            if c <= a and best[a - c] + 1 < best[a]:
                best[a] = best[a - c] + 1
    return best[amount] if best[amount] != big else -1


def ways(amount: int, coins: list[int]) -> int:
    table = [1] + [0] * amount
    for c in coins:
        for a in range(c, amount + 1):
            table[a] += table[a - c]
    return table[amount]


def greedy(amount: int, coins: list[int]) -> list[int]:
    used: list[int] = []
    for c in sorted(coins, reverse=True):
        while amount >= c:
            amount -= c
            used.append(c)
    return used


def main() -> None:
    for amt in [0, 3, 11, 30, 63, 99]:
        g = greedy(amt, COINS)
        print(f"{amt:>3}c: min={min_coins(amt, COINS):>2} ways={ways(amt, COINS):>4} greedy={g}")
    odd = [1, 3, 4]
    for amt in [6, 7, 10]:
        print(f"coins {odd} amount {amt}: dp={min_coins(amt, odd)} greedy={len(greedy(amt, odd))}")
    print("impossible:", min_coins(7, [2, 4]))
    print("ways(300):", ways(300, COINS))


if __name__ == "__main__":
    main()
