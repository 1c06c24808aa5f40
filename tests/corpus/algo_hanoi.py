# corpus: algo: towers of Hanoi recursion, moves list of tuples, peg state simulation
def hanoi(n: int, src: str, dst: str, via: str, moves: list[tuple[int, str, str]]) -> None:
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, moves)
    moves.append((n, src, dst))
    hanoi(n - 1, via, dst, src, moves)


def simulate(n: int, moves: list[tuple[int, str, str]]) -> dict[str, list[int]]:
    pegs: dict[str, list[int]] = {"A": list(range(n, 0, -1)), "B": [], "C": []}
    for disk, src, dst in moves:
        top = pegs[src].pop()
        assert top == disk, "wrong disk"
        if pegs[dst]:
            assert pegs[dst][-1] > disk, "larger on smaller"
        pegs[dst].append(top)
    return pegs


def main() -> None:
    moves: list[tuple[int, str, str]] = []
    hanoi(3, "A", "C", "B", moves)
    for i, (disk, src, dst) in enumerate(moves, start=1):
        print(f"move {i}: disk {disk} {src} -> {dst}")
    print("final:", simulate(3, moves))
    for n in range(1, 11):
        ms: list[tuple[int, str, str]] = []
        hanoi(n, "A", "C", "B", ms)
        final = simulate(n, ms)
        print(f"n={n:>2} moves={len(ms):>4} ok={len(final['C']) == n}")


if __name__ == "__main__":
    main()
