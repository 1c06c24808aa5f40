from typing import Optional


def find(xs: list[str], k: str) -> Optional[int]:
    for i, x in enumerate(xs):
        if x == k:
            return i
    return None


r = find(["a", "b"], "b")
print(r, find([], "z") is None)
