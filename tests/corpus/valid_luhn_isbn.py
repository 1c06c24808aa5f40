# corpus: valid: Luhn credit-card checksum and ISBN-10/13 check digits with digit arithmetic
def luhn_ok(number: str) -> bool:
    digits = [int(c) for c in number if c.isdigit()]
    if len(digits) < 2:
        return False
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def isbn10_ok(s: str) -> bool:
    chars = s.replace("-", "")
    if len(chars) != 10 or not chars[:9].isdigit():
        return False
    last = 10 if chars[9] in "xX" else (int(chars[9]) if chars[9].isdigit() else -1)
    if last < 0:
        return False
    total = sum((10 - i) * int(chars[i]) for i in range(9)) + last
    return total % 11 == 0


def isbn13_ok(s: str) -> bool:
    chars = s.replace("-", "")
    if len(chars) != 13 or not chars.isdigit():
        return False
    total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(chars))
    return total % 10 == 0


def main() -> None:
    for card in ["4539 1488 0343 6467", "8273 1232 7352 0569", "79927398713", "0", "4111-1111-1111-1111"]:
        print(f"luhn {card:<22} {'valid' if luhn_ok(card) else 'invalid'}")
    for isbn in ["0-306-40615-2", "0-306-40615-3", "0-8044-2957-X", "12345"]:
        print(f"isbn10 {isbn:<16} {isbn10_ok(isbn)}")
    for isbn in ["978-0-306-40615-7", "978-0-306-40615-8", "9783161484100"]:
        print(f"isbn13 {isbn:<18} {isbn13_ok(isbn)}")


if __name__ == "__main__":
    main()
