# expect: unsupported-class @ 11
class AppError(Exception):
    def __init__(self, code: int) -> None:
        super().__init__(f"code {code}")
        self.code = code


class DbError(AppError):
    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code + 1000


raise DbError(3)
