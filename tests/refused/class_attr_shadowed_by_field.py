# expect: cannot-infer-type @ 3
class C:
    n = 0
    def __init__(self) -> None:
        C.n += 1
    def shadow(self) -> None:
        self.n = 100
C()
print(C.n)
