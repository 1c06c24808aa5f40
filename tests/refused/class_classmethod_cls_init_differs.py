# expect: unsupported-class @ 8
class Base:
    def __init__(self, n: int):
        self.n = n

    @classmethod
    def make(cls) -> "Base":
        return cls(1)


class Named(Base):
    def __init__(self, n: int, name: str):
        super().__init__(n)
        self.name = name


print(Base.make().n)
