# expect: unsupported-class @ 6
from abc import ABC, abstractmethod


class Shape(ABC):
    @abstractmethod
    @staticmethod
    def unit() -> float:
        return 1.0
