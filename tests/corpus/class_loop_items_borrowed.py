# corpus: class: `for p in objects:` borrowing each object in place: field stores, methods, copies kept, errors, nested loops, and bodies that change a list
class Body:
    def __init__(self, name: str, x: float, v: float) -> None:
        self.name = name
        self.x = x
        self.v = v
        self.hits = 0
        self.trail: list[float] = []
        self.partner: Body | None = None

    def adopt(self, other: "Body") -> None:
        self.partner = other

    def step(self, dt: float) -> None:
        self.x += self.v * dt
        if self.x < 0.0:
            self.x = -self.x
            self.v = -self.v
            self.hits += 1

    def pull(self, other: "Body") -> None:
        self.v += (other.x - self.x) * 0.01

    def record(self) -> None:
        self.trail.append(self.x)

    def check(self) -> float:
        if self.hits > 1 and self.x < 1.0:
            raise ValueError(f"{self.name} bounced {self.hits} times")
        return self.x


def heavier(a: Body, b: Body) -> Body:
    return b if b.v > a.v else a


def spawn(bodies: list[Body], b: Body) -> None:
    if b.x > 2.0 and len(bodies) < 6:
        bodies.append(Body(b.name + "'", -b.x, b.v))


def main() -> None:
    bodies = [Body("a", 1.0, -3.0), Body("b", 2.0, 1.5), Body("c", -0.5, 0.25)]
    for _ in range(3):
        for s in bodies:
            s.step(0.5)
    best, fastest = bodies[0], bodies[0]
    for c in bodies:
        if c.x > best.x:
            best = c  # a copy kept past the item
        fastest = heavier(fastest, c)
        for o in bodies:  # nested loops over the same list
            c.pull(o)
    best.x += 100.0
    print([(b.name, round(b.x, 3), round(b.v, 3), b.hits) for b in bodies], best.name, fastest.name)
    for g in bodies:
        g.record()  # changes a list (its own trail), not `bodies`
        spawn(bodies, g)  # appends to the list being looped over: CPython sees the new items
    print([(b.name, round(b.x, 3), b.trail) for b in bodies])
    total = 0.0
    try:
        for h in bodies:
            h.hits += len(h.name)
            total += h.check()
    except ValueError as e:
        print("stopped:", e, round(total, 3))
    for z in bodies:
        if z.hits > 3:
            break
        z.v = 0.0
    first = bodies[0]
    for q in bodies:
        q.adopt(first)  # the item's object stored in a field, and the item stored in another's
        first.adopt(q)
        alias = q
        alias.x = round(alias.x * 2.0, 3)  # a change through a copy shows through the item
        print(q.name, q.x, q.v, q.partner.name if q.partner is not None else "-", first.partner.name)


main()
