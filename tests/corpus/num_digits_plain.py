# corpus: num: digit manipulation (reverse, armstrong, happy, digital root) with unannotated functions
def digits(n):
    out = []
    while n > 0:
        out.append(n % 10)
        n //= 10
    out.reverse()
    return out


def reverse_number(n):
    r = 0
    while n > 0:
        r = r * 10 + n % 10
        n //= 10
    return r


def is_armstrong(n):
    ds = digits(n)
    return sum(d ** len(ds) for d in ds) == n


def is_happy(n):
    seen = set()
    while n != 1 and n not in seen:
        seen.add(n)
        n = sum(d * d for d in digits(n))
    return n == 1


def digital_root(n):
    while n >= 10:
        n = sum(digits(n))
    return n


def main():
    print(digits(90210), digits(7), reverse_number(12345), reverse_number(1200))
    print("armstrong < 10000:", [n for n in range(1, 10000) if is_armstrong(n)])
    print("happy <= 50:", [n for n in range(1, 51) if is_happy(n)])
    for n in [0, 9, 38, 999999999, 123456789]:
        print(f"digital root of {n} = {digital_root(n)} (mod 9 rule: {1 + (n - 1) % 9 if n else 0})")
    pal = [n for n in range(10, 200) if n == reverse_number(n)]
    print("palindromes:", pal)
    print("lychrel-ish steps for 89:", lychrel_steps(89))


def lychrel_steps(n):
    steps = 0
    while steps < 50:
        n = n + reverse_number(n)
        steps += 1
        if n == reverse_number(n):
            break
    return steps


if __name__ == "__main__":
    main()
