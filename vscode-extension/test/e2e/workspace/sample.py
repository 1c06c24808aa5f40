"""Sample module for the Portalis VS Code end-to-end test."""


def gcd(a: int, b: int) -> int:
    """Greatest common divisor.

    >>> gcd(12, 18)
    6
    >>> gcd(7, 0)
    7
    """
    while b:
        a, b = b, a % b
    return a


def total(xs: list[float]) -> float:
    """Sum of the values. Verification fails on the second example: for an empty list CPython
    returns the int 0, which a float result cannot hold (a Portalis limit, on that line).

    >>> total([1.5, 2.0])
    3.5
    >>> total([])
    0
    """
    return sum(xs)
