# a key function that changes the list being sorted: CPython drops the change and raises
# ValueError after sorting (also when it added and removed an item); a key that raises wins
xs = [3, 1, 2]


def k(v: int) -> int:
    print(len(xs))
    xs.append(v)
    return v


def kf(v: int) -> float:
    xs.append(v)
    xs.pop()
    return v / 2


def ks(v: int) -> str:
    xs.append(v)
    return str(v)


def kbad(v: int) -> int:
    xs.append(v)
    if v == 2:
        raise KeyError(v)
    return v


def kt(v: int) -> tuple[int, str]:
    xs.clear()
    return (v, "a")


def main() -> None:
    global xs
    for f in (k, kbad):
        xs = [3, 1, 2]
        try:
            xs.sort(key=f, reverse=True)
        except ValueError as e:
            print("VE", e)
        except KeyError as e:
            print("KE", e)
        print(xs)
    xs = [3, 1, 2]
    try:
        xs.sort(key=kf)
    except ValueError as e:
        print("VE", e)
    print(xs)
    xs = [3, 1, 2]
    try:
        xs.sort(key=ks)
    except ValueError as e:
        print("VE", e)
    print(xs)
    xs = [3, 1, 2]
    xs.sort(key=kt)
    print(xs)


main()
