# f-string `=` fields print the expression as written, before NFKC (PEP 3131) normalises names
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


if __name__ == "__main__":
    main()
