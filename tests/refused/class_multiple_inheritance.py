# expect: unsupported-class @ 10
class A:
    def a(self) -> int:
        return 1


class B:
    def b(self) -> int:
        return 2
class C(A, B):
    pass


print(C().a())
