# corpus: edge: `xs[i][k]` on a list of tuples reads the field (nested tuples too), raises IndexError out of range, reads the old list when the index rebinds it by a walrus, and shares a list field with the item
def neighbours(people: list[tuple[str, str, int]]) -> int:
    n = 0
    for i in range(len(people) - 1):
        if people[i][0] < people[i + 1][0] or people[i][2] == people[i + 1][2]:
            n += people[i][2] + len(people[i + 1][1])
    return n


def main() -> None:
    people = [("b", "x", 3), ("a", "yy", 3), ("c", "z", 1), ("c", "zé", 1)]
    print(neighbours(people), people[-1][2], people[0][0] + people[1][1], people[-4][1])
    nest = [((1, "a"), [2]), ((3, "b"), [4])]
    print(nest[1][0][1], nest[0][1], nest[-1][0][0] * 10)
    nest[0][1].append(5)
    field = nest[1][1]
    field.append(6)
    print(nest, field)
    for k in (4, -5):
        try:
            print(people[k][0])
        except IndexError as e:
            print("IndexError", e)
    xs = [(1, 2)]
    print(xs[len(xs := [(3, 4), (5, 6)]) - 2][0], xs)
    big = [(2**40, "t")]
    print(big[0][0] * big[0][0] * 2**40, big[0][1])


main()
