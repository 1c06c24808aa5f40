# corpus: text: acronyms, initials, partition/rpartition-free name parsing, str methods
NAMES = ["Ada Lovelace", "grace brewster murray hopper", "  Alan   Turing ", "Guido van Rossum", "Linus"]
PHRASES = ["portable network graphics", "as soon as possible", "Read-Only Memory", "graphics processing unit"]


def acronym(phrase: str) -> str:
    return "".join(w[0].upper() for w in phrase.replace("-", " ").split())


def initials(name: str) -> str:
    parts = name.split()
    return ".".join(p[0].upper() for p in parts) + "."


def last_first(name: str) -> str:
    first, _, rest = name.strip().partition(" ")
    if not rest:
        return first.title()
    last = rest.split()[-1]
    return f"{last.title()}, {first.title()}"


def main() -> None:
    for p in PHRASES:
        print(f"{acronym(p):<5} <- {p}")
    for n in NAMES:
        print(f"{n!r:<32} initials={initials(n):<10} sorted-as={last_first(n)!r}")
    print(sorted(NAMES, key=lambda n: n.split()[-1].lower()))


if __name__ == "__main__":
    main()
