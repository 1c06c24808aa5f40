# corpus: edge: a, b = s.split(sep) written straight into str locals: nothing assigned when the unpack fails, a target that is also the text (a, b = a.split(...)), a dict item target, '_' targets, heap-long pieces
def f(s: str) -> None:
    a = "A0"
    b = "B0"
    try:
        a, b = s.split("=")
    except ValueError as e:
        print("VE", e)
    print(a, b)
    try:
        a, b = s.rsplit("=", 1)
    except ValueError as e:
        print("VE", e)
    print(a, b)
    try:
        a, b = s.split("=")[1:]
    except ValueError as e:
        print("VE", e)
    print(a, b)
    try:
        a, _, b = s.split("=", 2)
    except ValueError as e:
        print("VE", e)
    print(a, b)
    try:
        a, b = a.split("x")
    except ValueError as e:
        print("VE", e)
    print(a, b)
    d: dict[str, str] = {}
    try:
        d["k"], b = s.split("=", 1)
    except ValueError as e:
        print("VE", e)
    print(d, b)
    c = "long text here that is more than twenty-two bytes"
    try:
        a, c = c.split(" ", 1)
    except ValueError as e:
        print("VE", e)
    print(a, c)


def main() -> None:
    for s in ["k=v", "k=v=w", "", "=", "nothing", "key with spaces=value with spaces that is long enough to be heap",
              "xax=yxy", "üx=é", "a=b=c=d", "==", "x" * 30 + "=" + "y" * 30]:
        f(s)


if __name__ == "__main__":
    main()
