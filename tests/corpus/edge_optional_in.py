# 'in' with an Optional value narrowed by an earlier 'if x is None: return'
from typing import Optional


def pick(p: Optional[str]) -> str:
    if p is None:
        return "none"
    if p in ("a", "b"):
        return "ab"
    if p in "xyz":
        return "xyz"
    return "other"


def main() -> None:
    print(pick(None), pick("a"), pick("y"), pick("q"))


main()
