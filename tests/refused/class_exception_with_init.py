# expect: unsupported-class @ 2
class HttpError(Exception):
    def __init__(self, status: int) -> None:
        super().__init__(f"status {status}")
        self.status = status


def main() -> None:
    try:
        raise HttpError(404)
    except HttpError as e:
        print(e.status, e)


if __name__ == "__main__":
    main()
