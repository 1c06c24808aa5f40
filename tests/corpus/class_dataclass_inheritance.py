from dataclasses import dataclass, field


@dataclass
class A:
    x: int
    y: int = 0


@dataclass
class B(A):
    z: int = 5
    tags: list[str] = field(default_factory=list)


@dataclass
class C(B):
    y: int = 7
    w: str = "w"


@dataclass(frozen=True)
class P:
    a: int


@dataclass(frozen=True)
class Q(P):
    b: str = "q"


class Plain(B):
    def total(self) -> int:
        return self.x + self.y + self.z


print(B(1, 2, 3), B(1))
print(B(1) == B(1, 0, 5), B(1) == B(1, 0, 6), A(1, 0) == B(1, 0), B(1, 0) == A(1, 0))
c = C(4)
c.tags.append("t")
print(c, c == C(4, 7, 5, ["t"]), c == C(4, 7, 5))
items: list[A] = [A(1), B(1), C(1), Plain(1)]
for i in items:
    print(i, [i == j for j in items])
print(Q(1), Q(1, "r") == Q(1, "r"), {Q(2): "two"}[Q(2)], P(1) == Q(1))
print(Plain(1, 2).total(), Plain(1, 2) == B(1, 2))
