# Rust keywords that cannot be raw identifiers (self, Self, super, crate) as Python locals
def self_(x: int) -> int:
    return x

def f() -> int:
    self = 1
    crate = 2
    super = 3
    Self = 4
    return self + crate + super + Self + self_(1)
print(f())
