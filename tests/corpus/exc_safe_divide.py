# corpus: exc: ZeroDivisionError messages for int/float //, %, /; int() ValueError; fallback values
def safe_div(a: int, b: int) -> str:
    try:
        return str(a / b)
    except ZeroDivisionError as e:
        return f"error: {e}"


def safe_floordiv(a: int, b: int) -> str:
    try:
        return str(a // b)
    except ZeroDivisionError as e:
        return f"error: {e}"


def safe_mod_float(a: float, b: float) -> str:
    try:
        return str(a % b)
    except ZeroDivisionError as e:
        return f"error: {e}"


def parse_ratio(text: str) -> float:
    num, _, den = text.partition("/")
    return int(num) / int(den)


def main() -> None:
    for a, b in [(7, 2), (-7, 2), (1, 0), (0, 5)]:
        print(f"{a} / {b} -> {safe_div(a, b)}; {a} // {b} -> {safe_floordiv(a, b)}")
    print(safe_mod_float(5.5, 2.0), safe_mod_float(1.0, 0.0))
    try:
        print(1.5 / 0.0)
    except ZeroDivisionError as e:
        print("float division:", e)
    for text in ["3/4", "10/0", "x/2", "7/", " 8 / 2 "]:
        try:
            print(f"{text!r} = {parse_ratio(text)}")
        except ZeroDivisionError as e:
            print(f"{text!r}: zero: {e}")
        except ValueError as e:
            print(f"{text!r}: value: {e}")


if __name__ == "__main__":
    main()
