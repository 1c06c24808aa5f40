# A call that rebinds module variables (an object, a list, a str, an int, a dict) between two
# reads of them in one expression or statement: each read sees the value of its moment.
class C:
    def __init__(self, a: int):
        self.a = a
        self.hist: list[int] = [a]

    def get(self) -> int:
        return self.a


G = C(1)
XS = [1, 2]
S = "ab"
N = 5
D = {"k": 1}


def swap() -> int:
    global G, XS, S, N, D
    G = C(G.a + 10)
    XS = [9]
    S = "zz"
    N = 100
    D = {"k": 50}
    return 3


def main() -> None:
    global N
    print(G.a, swap(), G.a)
    print(XS, swap(), XS)
    print(S + str(swap()) + S)
    print(N + swap() + N)
    print(N < swap(), N)
    print([N, swap(), N], {"a": S, "b": swap()})
    print(XS.count(swap()), len(XS))
    print(G.get() + swap(), G.get())
    print(D["k"] + swap(), D["k"])
    print(XS[0] + swap(), XS[0])
    XS[0] += swap()
    print(XS)
    D["k"] += swap()
    print(D)
    G.hist.append(swap())
    print(G.hist)
    print(f"{N}|{swap()}|{N}")
    print(max(N, swap(), N), min([N, swap()]))
    print(N if swap() else 0, S and str(swap()))
    N += swap()
    print(N)


main()
