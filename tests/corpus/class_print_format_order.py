# Order of effects in formatting: a computed f-string spec is evaluated once, after the value and
# before !r/!s convert it; print() writes each argument before it turns the next into text
class Noisy:
    def __init__(self, t: str) -> None:
        self.t = t

    def __str__(self) -> str:
        print("str", self.t)
        return self.t

    def __repr__(self) -> str:
        print("repr", self.t)
        return "N(" + self.t + ")"


def spec(t: str) -> str:
    print("spec", repr(t))
    return t


def make(t: str) -> Noisy:
    print("make", t)
    return Noisy(t)


def numbers() -> list[int]:
    print("numbers")
    return [1, 2]


def main() -> None:
    print(f"{numbers():{spec('')}}")
    print(f"{make('a')!r:{spec('>8')}}|{make('b')!s:{spec('^5')}}|{make('c')}|")
    print(f"{(1, 'x')!r:{spec('>12')}}", f"{2.5:{spec('+')}{spec('.3')}}")
    print("first", make("d"), [make("e"), make("f")], sep=" / ")
    print(str(make("g")) + "!", make("h"), end=" <end>\n")
    items = [make("i")]
    print(len(items), items, items[0], sep=spec(", "))


if __name__ == "__main__":
    main()
