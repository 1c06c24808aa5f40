# corpus: edge: exact ZeroDivisionError / math ValueError / OverflowError messages for each operator
import math


def main() -> None:
    a = 10
    zero = 0
    fzero = 0.0
    try:
        print(a / zero)
    except ZeroDivisionError as e:
        print("int / :", e)
    try:
        print(a // zero)
    except ZeroDivisionError as e:
        print("int //:", e)
    try:
        print(a % zero)
    except ZeroDivisionError as e:
        print("int % :", e)
    try:
        print(divmod(a, zero))
    except ZeroDivisionError as e:
        print("divmod:", e)
    try:
        print(2.5 / fzero)
    except ZeroDivisionError as e:
        print("float / :", e)
    try:
        print(2.5 // fzero)
    except ZeroDivisionError as e:
        print("float //:", e)
    try:
        print(2.5 % fzero)
    except ZeroDivisionError as e:
        print("float % :", e)
    try:
        print(fzero ** -1.0)
    except ZeroDivisionError as e:
        print("float ** :", e)
    try:
        print(math.sqrt(-1.0))
    except ValueError as e:
        print("sqrt:", e)
    try:
        print(math.log(0.0))
    except ValueError as e:
        print("log:", e)
    try:
        print(math.exp(1000.0))
    except OverflowError as e:
        print("exp:", e)
    try:
        print(math.factorial(-1))
    except ValueError as e:
        print("factorial:", e)
    print("done", a, zero)


if __name__ == "__main__":
    main()
