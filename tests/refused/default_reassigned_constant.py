# expect: unsupported-syntax @ 5
LIMIT = 10
LIMIT = 20

def clip(v: int, hi: int = LIMIT) -> int:
    return min(v, hi)


print(clip(50))
