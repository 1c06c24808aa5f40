# f-string `=` fields print the expression as written: names before NFKC (PEP 3131), line breaks and indentation kept; an empty spec (`{x=:}`) formats, no repr
ﬁle: int = 3
µ: str = "mu"
print(f"{ﬁle=}", f"{ µ = !s:>4}")
print(f"""{
ﬁle
 + 1 =}|{µ.upper()=}""")


class Ｐoint:
    def __init__(self, ｘ: int) -> None:
        self.ｘ = ｘ

    def show(self) -> str:
        return f"{self.ｘ=} {self.x=}"


def main() -> None:
    ﬀ = 7
    Ⅸ = "nine"
    print(f"{ﬁle=}", f"{ﬀ = }", f"{Ⅸ=!r:>8}", f"{µ=}", f"{ﬀ*2=}", f"{ ﬁle = :>4}", f"{ff=}")
    print(f"{'ﬁ'=}", f"{'🐍' * 2 = }", f"{ﬀ+ﬁle=:x}", f"{[ｘ for ｘ in 'ab']=}")
    print(Ｐoint(4).show(), f"{Ｐoint(5).ｘ=}")


def spaced() -> None:
    a = 1
    b = 2
    d: dict[str, int] = {"k=": 3}
    print(f"{a!=b=}", f"{a==b=}", f"{a if a else b=}", f"{'=' * 2=}", f"{d['k=']=}", f"{a<=b=}", f"{a>=b = }")
    print(f"{  a  +  b  =  }", f"{a=:>{b+3}}", f"{ {'x': a}['x']=}", f"{[c for c in 'é=']=}")
    x = "abc"
    print(f"{x=:}", f"{x = :}", f"{b=:}", f"{x=!s:}", f"{x=}", f"{x=!r:}")
    print(f"""{
    a
    =}""", f"""{ﬁle
        + a =
  !s:>3}""")


if __name__ == "__main__":
    main()
    spaced()
