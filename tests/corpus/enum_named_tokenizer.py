"""A tokenizer: token kinds are an Enum, tokens a NamedTuple holding a kind, text and column."""
from enum import Enum, auto
from typing import NamedTuple


class Kind(Enum):
    NUMBER = auto()
    NAME = auto()
    OP = auto()
    LPAREN = auto()
    RPAREN = auto()


class Token(NamedTuple):
    kind: Kind
    text: str
    col: int


OPS = "+-*/"


def tokenize(src: str) -> list[Token]:
    out: list[Token] = []
    i = 0
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit():
            j = i
            while j < len(src) and src[j].isdigit():
                j += 1
            out.append(Token(Kind.NUMBER, src[i:j], i))
            i = j
        elif ch.isalpha():
            j = i
            while j < len(src) and src[j].isalnum():
                j += 1
            out.append(Token(Kind.NAME, src[i:j], i))
            i = j
        elif ch in OPS:
            out.append(Token(Kind.OP, ch, i))
            i += 1
        elif ch == "(":
            out.append(Token(Kind.LPAREN, ch, i))
            i += 1
        elif ch == ")":
            out.append(Token(Kind.RPAREN, ch, i))
            i += 1
        else:
            raise ValueError(f"unexpected {ch!r} at column {i}")
    return out


def main() -> None:
    toks = tokenize("price * (qty + 12) - tax2")
    for t in toks:
        print(f"{t.col:>3} {t.kind.name:<7} {t.text}")
    print(toks[:2])
    counts: dict[Kind, int] = {}
    for t in toks:
        counts[t.kind] = counts.get(t.kind, 0) + 1
    print(counts)
    print([k.name for k in Kind if k not in counts])
    names = [t.text for t in toks if t.kind is Kind.NAME]
    print(names, Token(Kind.OP, "+", 0) in toks, toks[3]._replace(col=99))
    try:
        tokenize("a = 1")
    except ValueError as e:
        print("error:", e)


main()
