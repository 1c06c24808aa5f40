# corpus: edge: the module's last call (main() under if __name__): its str, list, dict, set, tuple and optional locals left to the exit, an object and a deque beside them, output flushed, an early return path
from collections import deque


class Box:
    def __init__(self, label: str) -> None:
        self.label = label


def build(n: int) -> list[str]:
    return [f"item{i:03d}-" + "é" * (i % 3) for i in range(n)]


def main() -> None:
    words = build(40)
    index: dict[str, list[int]] = {}
    for i, w in enumerate(words):
        index.setdefault(w[-1], []).append(i)
    seen: set[str] = {w[:5] for w in words}
    pair: tuple[str, list[int]] = ("pair", [1, 2, 3])
    maybe: str | None = None
    if len(words) > 10:
        maybe = words[10]
    box = Box("boxed")
    q: deque[str] = deque(words[:3])
    nested: list[dict[str, tuple[int, str]]] = [{"k": (j, str(j))} for j in range(5)]
    text = "\n".join(words[:4])
    print(len(words), sorted(index.items())[:2], len(seen), pair, maybe, box.label, list(q))
    print(nested[-1], text)
    for k in sorted(index):
        if k == "?":
            print("early branch", len(index[k]))
            return
    print("fell through", len(seen))


if __name__ == "__main__":
    main()
