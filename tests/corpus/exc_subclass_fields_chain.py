"""Exception classes with fields at two levels of a hierarchy: a subclass's __init__ calls the
base's (defaults, keywords), handlers for the base read the base's fields of a subclass."""

class AppError(Exception):
    def __init__(self, code: int, msg: str = "failed") -> None:
        super().__init__(f"[{code}] {msg}")
        self.code = code


class DbError(AppError):
    def __init__(self, table: str, code: int = 500) -> None:
        super().__init__(code, "db " + table)
        self.table = table


class LockError(DbError):
    pass


def run(k: int) -> None:
    if k == 0:
        raise AppError(1)
    if k == 1:
        raise DbError("users")
    if k == 2:
        raise LockError("orders", 409)
    raise DbError(table="t", code=7)


for k in range(4):
    try:
        run(k)
    except DbError as e:
        print("db:", e, e.code, e.table, e.args, type(e).__name__)
    except AppError as e:
        print("app:", e, e.code, e.args)
for k in range(4):
    try:
        run(k)
    except AppError as e:
        print(type(e).__name__, e.code)
raise LockError("final")
