# corpus: classes: a particle simulation, one object per particle, methods updating fields in loops, a World holding them
class Particle:
    def __init__(self, x: float, y: float, vx: float, vy: float) -> None:
        self.x = x
        self.y = y
        self.vx = vx
        self.vy = vy
        self.bounces = 0

    def step(self, dt: float, size: float) -> None:
        self.x += self.vx * dt
        self.y += self.vy * dt
        if self.x < 0.0 or self.x > size:
            self.vx = -self.vx
            self.x = min(max(self.x, 0.0), size)
            self.bounces += 1
        if self.y < 0.0 or self.y > size:
            self.vy = -self.vy
            self.y = min(max(self.y, 0.0), size)
            self.bounces += 1

    def energy(self) -> float:
        return 0.5 * (self.vx * self.vx + self.vy * self.vy)


class World:
    def __init__(self, n: int, size: float) -> None:
        self.size = size
        self.particles: list[Particle] = []
        seed = 7
        for i in range(n):
            seed = (seed * 1103515245 + 12345) % 2147483648
            x = (seed % 1000) / 1000.0 * size
            seed = (seed * 1103515245 + 12345) % 2147483648
            y = (seed % 1000) / 1000.0 * size
            self.particles.append(Particle(x, y, (i % 7 - 3) * 0.5, (i % 5 - 2) * 0.75))

    def run(self, steps: int) -> None:
        for _ in range(steps):
            for p in self.particles:
                p.step(0.1, self.size)

    def total_energy(self) -> float:
        return sum(p.energy() for p in self.particles)


def main() -> None:
    w = World(40, 10.0)
    w.run(500)
    print(round(w.total_energy(), 6))
    print(sum(p.bounces for p in w.particles))
    first = w.particles[0]
    print(f"{first.x:.4f} {first.y:.4f} {first.vx} {first.vy}")
    fastest = max(w.particles, key=lambda p: p.energy())
    print(fastest.energy(), w.particles.index(fastest))


main()
