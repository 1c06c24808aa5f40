class HttpError(Exception):
    def __init__(self, status: int) -> None:
        super().__init__(f"status {status}")
        self.status = status


class NotFound(HttpError):
    def __init__(self, path: str) -> None:
        super().__init__(404)
        self.path = path


def main() -> None:
    try:
        raise NotFound("/x")
    except NotFound as e:
        print(e.path, e.status)


if __name__ == "__main__":
    main()
