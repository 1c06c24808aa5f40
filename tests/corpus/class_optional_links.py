# corpus: classes: Optional object fields and parameters, `is None` checks, defaults via `x if x is not None else d`, AttributeError on None
class Person:
    def __init__(self, name: str, boss: "Person | None" = None) -> None:
        self.name = name
        self.boss = boss
        self.reports: list[Person] = []
        if boss is not None:
            boss.reports.append(self)

    def chain(self) -> list[str]:
        out = [self.name]
        cur = self.boss
        while cur is not None:
            out.append(cur.name)
            cur = cur.boss
        return out

    def top(self) -> "Person":
        return self.boss.top() if self.boss is not None else self


def title(p: Person | None, default: str) -> str:
    return p.name.upper() if p is not None else default


def main() -> None:
    ceo = Person("ceo")
    vp = Person("vp", ceo)
    dev = Person("dev", vp)
    ops = Person("ops", vp)
    print(dev.chain(), ops.top().name, [r.name for r in vp.reports], len(ceo.reports))
    print(title(dev.boss, "-"), title(ceo.boss, "-"))
    dev.boss = ceo
    ceo.reports.append(dev)
    print(dev.chain(), [r.name for r in ceo.reports])
    nobody: Person | None = None
    x = nobody if nobody is not None else ceo
    print(x.name, x is ceo)
    try:
        print(ceo.boss.name)
    except AttributeError as e:
        print("AttributeError:", e)


main()
