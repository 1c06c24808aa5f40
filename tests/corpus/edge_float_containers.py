# containers of floats: in / count / index / remove / == (a NaN there stops with a ValueError,
# tested in tests/test_cli.py, because CPython's answer depends on object identity)


def main() -> None:
    xs = [1.0, 2.5, -0.0]
    print(2.5 in xs, 3.0 in xs, 0.0 in xs, xs.count(2.5), xs.index(1.0), [1.0, 2.5, 0.0] == xs)
    ys = [(1, 2.0), (3, 4.5)]
    print((1, 2.0) in ys, ys.count((1, 3.0)), (3, 4.5) not in ys, ys == [(1, 2.0), (3, 4.5)])
    xs.remove(2.5)
    d = {"a": 1.5, "b": -2.0}
    print(xs, d == {"b": -2.0, "a": 1.5}, d != {"a": 1.5}, 1.5 in d.values())
    print((1.0, "a") == (1.0, "a"), [[1.0], [2.0]] == [[1.0], [2.0]])


if __name__ == "__main__":
    main()
