# expect: unsupported-class @ 9
class AppError(Exception):
    def __init__(self, code: int) -> None:
        super().__init__(f"code {code}")
        self.code = code


class DbError(AppError):
    def __init__(self, table: str) -> None:
        self.table = table


raise DbError("users")
