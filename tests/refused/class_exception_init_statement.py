# expect: unsupported-class @ 5
class HttpError(Exception):
    def __init__(self, status: int) -> None:
        super().__init__(f"status {status}")
        print("creating", status)  # only super().__init__ and self.NAME = value are translated
        self.status = status


def main() -> None:
    try:
        raise HttpError(404)
    except HttpError as e:
        print(e.status, e)


if __name__ == "__main__":
    main()
