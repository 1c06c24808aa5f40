# Every operation on an Optional that is None raises the exception class and message CPython raises
# (AttributeError for attribute and method lookups, the operator/protocol TypeErrors, KeyError),
# and `None in <container of plain values>` is False.
from typing import Optional

def get(flag: int) -> Optional[str]:
    if flag > 0:
        return "abc"
    return None

def num(flag: int) -> Optional[int]:
    if flag > 0:
        return 5
    return None

def attempt(label: str, k: int) -> None:
    s = get(k)
    n = num(k)
    xs = [1, 2, 3, 4, 5, 6]
    d = {1: "one"}
    t = (1, 2)
    try:
        if label == "upper":
            print(s.upper())
        elif label == "neg":
            print(-n)
        elif label == "add":
            print("a" + s)
        elif label == "radd":
            print(n + 1)
        elif label == "len":
            print(len(s))
        elif label == "sub":
            print(s[0])
        elif label == "lt":
            print(n < 3)
        elif label == "in_list":
            print(n in xs, n not in xs, n in d, n in t, n in {1, 5})
        elif label == "in_str":
            print(s in "xabcx")
        elif label == "idx":
            print(xs[n])
        elif label == "key":
            print(d[n])
        elif label == "range":
            print(list(range(n)))
        elif label == "mul":
            print("ab" * n)
        elif label == "iadd":
            total = 1
            total += n
            print(total)
        elif label == "abs":
            print(abs(n))
        elif label == "int":
            print(int(s))
        elif label == "iter":
            for c in s:
                print(c)
        elif label == "split":
            print(s.split(","))
        elif label == "divmod":
            print(divmod(n, 2))
    except AttributeError as e:
        print("AttributeError:", e)
    except TypeError as e:
        print("TypeError:", e)
    except KeyError as e:
        print("KeyError:", e)
    except ValueError as e:
        print("ValueError:", e)

for label in ["upper", "neg", "add", "radd", "len", "sub", "lt", "in_list", "in_str", "idx", "key", "range", "mul", "iadd", "abs", "int", "iter", "split", "divmod"]:
    attempt(label, 1)
    attempt(label, 0)
