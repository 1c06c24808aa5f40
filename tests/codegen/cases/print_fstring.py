def label(n: int) -> str:
    return "n" * n


def main() -> None:
    name = "ada"
    for i in range(3):
        print(f"{name}: {i:03d} {label(i)}!", i)
    t = f"{name}={len(name)}"
    print(t)


main()
