"""Exception classes whose __init__ has default values, built with keyword arguments."""


class HttpError(Exception):
    def __init__(self, status: int, reason: str = "unknown", retry: bool = False) -> None:
        super().__init__(f"{status} {reason}")
        self.status = status
        self.retry = retry


class NotFound(HttpError):
    pass


def fetch(path: str) -> str:
    if path == "/missing":
        raise NotFound(404, "not found")
    if path == "/busy":
        raise HttpError(503, retry=True)
    if path == "/teapot":
        raise HttpError(reason="teapot", status=418)
    if path == "/bad":
        raise HttpError(400)
    return "ok " + path


def main() -> None:
    attempts = 0
    for p in ["/", "/missing", "/busy", "/teapot", "/bad"]:
        try:
            print(fetch(p))
        except HttpError as e:
            attempts += 1 if e.retry else 0
            print(f"{type(e).__name__}: {e} (status {e.status}, retry={e.retry}) args={e.args}")
    print("retries:", attempts)
    raise NotFound(410, "gone")


main()
