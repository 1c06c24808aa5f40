"""Names that start as None and get a value later, without annotations (`best = None` ...
`best = v`): each is an Optional of the value's type, and every use of one that is still None
raises what CPython raises."""


def first_long(words: list[str]):
    hit = None
    for w in words:
        if len(w) > 3:
            hit = w
            break
    return hit


def shortest(words: list[str]) -> str:
    best = None
    for w in words:
        if best is None or len(w) < len(best) or (len(w) == len(best) and w < best):
            best = w
    return best if best is not None else "-"


def total(xs: list[float]):
    acc = None
    for x in xs:
        acc = x if acc is None else acc + x
    return acc


def top(xs: list[int]) -> int:
    best = None
    for v in xs:
        if best is None or v > best:
            best = v
    return best if best is not None else -1


h = first_long(["a", "abcd", "xyzzy"])
print(h, first_long(["a"]), shortest(["ccc", "bb", "aa", "d", "e"]), shortest([]))
print(total([0.5, 1.25]), total([]), top([3, 9, 2]), top([]))
try:
    print(h.upper(), first_long([]).upper())
except AttributeError as e:
    print("AttributeError:", e)

n = None
for k in range(3):
    if k == 2:
        n = k
try:
    print(n + 1)
    m = None
    for k in range(3):
        if k == 5:
            m = k
    print(m + 1)
except TypeError as e:
    print("TypeError:", e)

lowest = None
for v in [5, 3, 8]:
    try:
        if v < lowest:
            lowest = v
    except TypeError as e:
        print("TypeError:", e)
        lowest = v
print(lowest)

smallest = None
for w in ["b", "a", "c"]:
    if smallest is None or w < smallest:
        smallest = w
print(smallest)

items = None
items = [1]
items.append(2)
print(items, len(items))
