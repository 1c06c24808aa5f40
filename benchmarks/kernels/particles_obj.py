# kernel: a particle simulation with one object per particle (fields read and written through methods)


class Particle:
    def __init__(self, x: float, y: float, vx: float, vy: float) -> None:
        self.x = x
        self.y = y
        self.vx = vx
        self.vy = vy
        self.hits = 0

    def step(self, dt: float, size: float) -> None:
        self.vy -= 9.81 * dt
        self.x += self.vx * dt
        self.y += self.vy * dt
        if self.x < 0.0:
            self.x = -self.x
            self.vx = -self.vx
            self.hits += 1
        elif self.x > size:
            self.x = 2.0 * size - self.x
            self.vx = -self.vx
            self.hits += 1
        if self.y < 0.0:
            self.y = -self.y
            self.vy = -self.vy * 0.9
            self.hits += 1

    def energy(self) -> float:
        return 0.5 * (self.vx * self.vx + self.vy * self.vy) + 9.81 * self.y


def main() -> None:
    particles: list[Particle] = []
    seed = 12345
    for i in range(2500):
        seed = (seed * 1103515245 + 12345) % 2147483648
        x = (seed % 10000) / 100.0
        seed = (seed * 1103515245 + 12345) % 2147483648
        y = (seed % 10000) / 100.0
        particles.append(Particle(x, y, (i % 13 - 6) * 1.5, (i % 7 - 3) * 2.0))
    for _ in range(10000):
        for p in particles:
            p.step(0.01, 100.0)
    total = 0.0
    hits = 0
    for p in particles:
        total += p.energy()
        hits += p.hits
    print(f"energy {total:.6f}, {hits} wall hits")


if __name__ == "__main__":
    main()
