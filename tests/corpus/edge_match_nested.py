from dataclasses import dataclass


@dataclass
class Node:
    op: str
    left: "Node | None"
    right: "Node | None"
    value: int


def log(x: int) -> bool:
    print("guard sees", x)
    return x > 1


def quadrant(x: int, y: int) -> str:
    match (x > 0, y > 0):
        case (True, True):
            return "I"
        case (False, True):
            return "II"
        case (False, False):
            return "III"
        case _:
            return "IV"


def evaluate(n: Node) -> int:
    match n:
        case Node(op="num", value=v):
            return v
        case Node(op="+", left=Node() as l, right=Node() as r):
            return evaluate(l) + evaluate(r)
        case Node(op="neg", left=Node() as l):
            return -evaluate(l)
        case _:
            raise ValueError("bad node " + n.op)


def pairs(items: list[tuple[int, int]]) -> int:
    total = 0
    for it in items:
        match it:
            case (a, b) if log(a):
                total += a * b
            case (a, _):
                total -= a
    return total


def grid(cells: list[list[str]]) -> str:
    out = []
    for row in cells:
        match row:
            case [".", ".", "."]:
                out.append("empty")
            case [x, y, z] if x == y == z:
                out.append("full " + x)
            case [_, "#", _]:
                out.append("middle")
            case [first, *others]:
                out.append(first + str(len(others)))
            case []:
                out.append("none")
    return " | ".join(out)


def main() -> None:
    print(quadrant(1, 1), quadrant(-1, 1), quadrant(-1, -1), quadrant(1, -1))
    tree = Node("+", Node("num", None, None, 2), Node("neg", Node("num", None, None, 5), None, 0), 0)
    print(evaluate(tree))
    print(pairs([(1, 5), (2, 3), (0, 9), (4, 4)]))
    print(grid([[".", ".", "."], ["a", "a", "a"], ["b", "#", "c"], ["q", "r"], [], ["z"]]))
    try:
        evaluate(Node("*", None, None, 0))
    except ValueError as e:
        print("error:", e)


if __name__ == "__main__":
    main()
