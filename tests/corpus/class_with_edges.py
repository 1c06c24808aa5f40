# corpus: classes: `with` inside methods and loops, a loop with break inside a with block, __exit__ that raises its own error, __enter__ returning another object
class Tx:
    def __init__(self, db: "Db") -> None:
        self.db = db
        self.ops: list[str] = []

    def put(self, k: str) -> None:
        if k == "bad":
            raise KeyError(k)
        self.ops.append(k)


class Db:
    def __init__(self) -> None:
        self.rows: list[str] = []
        self.aborts = 0
        self.pending: Tx | None = None

    def __enter__(self) -> Tx:
        tx = Tx(self)
        self.pending = tx
        return tx

    def __exit__(self, exc_type, exc, tb) -> bool:
        tx = self.pending
        self.pending = None
        if exc is None and tx is not None:
            self.rows.extend(tx.ops)
        else:
            self.aborts += 1
        return False

    def load(self, keys: list[str]) -> int:
        with self as tx:
            for k in keys:
                if k == "stop":
                    break
                tx.put(k)
        return len(self.rows)


class Strict:
    def __enter__(self) -> "Strict":
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        if exc is not None:
            raise RuntimeError("cleanup failed")
        return False


def main() -> None:
    db = Db()
    print(db.load(["a", "b"]), db.load(["c", "stop", "d"]), db.rows)
    try:
        db.load(["x", "bad", "y"])
    except KeyError as e:
        print("aborted:", e, db.aborts, db.rows)
    for n in range(3):
        with Strict():
            print("in", n)
    try:
        with Strict():
            raise ValueError("inner")
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(db.pending is None)


main()
