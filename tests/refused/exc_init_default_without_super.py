# expect: unsupported-class @ 3
class RetryError(Exception):
    def __init__(self, attempts: int = 3) -> None:
        self.attempts = attempts


raise RetryError()
