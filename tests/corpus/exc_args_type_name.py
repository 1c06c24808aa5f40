"""e.args and type(e).__name__ for builtin and user exceptions, as a log of failures."""


class ConfigError(Exception):
    pass


class MissingKey(ConfigError):
    def __init__(self, key: str, section: str) -> None:
        super().__init__(key, section)
        self.key = key


def load(settings: dict[str, str], key: str) -> int:
    if key not in settings:
        raise MissingKey(key, "main")
    raw = settings[key]
    if raw == "":
        raise ConfigError()
    if raw.startswith("-"):
        raise ConfigError("negative", raw, len(raw))
    return 100 // int(raw)


def main() -> None:
    settings = {"a": "4", "b": "zero", "c": "0", "d": "", "e": "-3"}
    log: list[str] = []
    for key in ["a", "b", "c", "d", "e", "f"]:
        try:
            print(key, "->", load(settings, key))
        except Exception as e:
            name = type(e).__name__
            log.append(name)
            print(f"{key}: {name} args={e.args} n={len(e.args)} str={str(e)!r}")
            if not e.args:
                print("   (no arguments)")
    print(log)
    try:
        settings["zz"]
    except KeyError as e:
        print(type(e).__name__, e.args, repr(e))
    print(type(1.5).__name__, type(True).__name__, type({1: 2}).__name__, type(log).__name__)


main()
