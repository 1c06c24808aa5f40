# expect: unsupported-class @ 13
class HttpError(Exception):
    def __init__(self, status: int) -> None:
        super().__init__(f"status {status}")
        self.status = status


def main() -> None:
    try:
        raise HttpError(404)
    except (HttpError, ValueError) as e:
        # `e` may be a ValueError here: it has no field `status`
        print(e.status)


if __name__ == "__main__":
    main()
