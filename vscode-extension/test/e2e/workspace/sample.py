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


def square(n: int) -> int:
    """The doctest below is wrong on purpose: verification fails on its line.

    >>> square(4)
    15
    """
    return n * n
