"""print(sep=s, end=e) with `s: str | None`: None means the default, as a literal None does."""
from typing import Optional


class Opts:
    def __init__(self, sep: Optional[str]) -> None:
        self.sep = sep


END: Optional[str] = None


def out(a: int, b: int, s: Optional[str], o: Opts) -> None:
    print(a, b, sep=s)
    print(a, b, end=s)
    print(a, b, sep=o.sep, end=END)
    print(a, sep=s, end=s)


out(1, 2, None, Opts(None))
out(1, 2, "-", Opts("+"))
END = "!\n"
out(3, 4, "", Opts(":"))
