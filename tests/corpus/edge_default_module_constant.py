# a parameter default may name a module constant assigned a literal once, before the def
QUANTUM = 4
LABEL: str = "job"
NEG = -2.5
LATER = 1


def run(work: list[int], q: int = QUANTUM, label: str = LABEL, scale: float = NEG) -> list[str]:
    out: list[str] = []
    for w in work:
        out.append(f"{label} {w // q} {w * scale}")
    return out


print(run([9, 13]), run([9], 2), run([1], label="x"))
