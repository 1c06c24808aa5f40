# print()'s arguments are evaluated before sep= and end=: a sep= call that changes a module
# variable printed as an argument does not change what is printed
count: int = 1
label: str = "a"
log: list[int] = [1]


def bump() -> str:
    global count, label
    count += 1
    label += "!"
    log.append(count)
    return " | "


def tail() -> str:
    global count
    count *= 10
    return " <end>\n"


def main() -> None:
    n = 5
    print(count, n, sep=bump())
    print(label, count, sep=bump(), end=tail())
    print(count, log, end=tail())
    print(f"{count}{bump()}{count}", count, label)


if __name__ == "__main__":
    main()
