# corpus: exc: int()/float() ValueError messages, retry loop over candidates, exception chaining via raise in handler
class ConfigError(Exception):
    pass


def parse_port(raw: str) -> int:
    try:
        port = int(raw)
    except ValueError:
        raise ConfigError(f"port {raw!r} is not a number")
    if not 0 < port < 65536:
        raise ConfigError(f"port {port} out of range")
    return port


def first_valid(candidates: list[str]) -> int:
    for c in candidates:
        try:
            return parse_port(c)
        except ConfigError as e:
            print(f"  skip: {e}")
    raise ConfigError("no valid port in " + ", ".join(candidates))


def main() -> None:
    for raw in ["abc", "12.5", "", " 42 ", "-1", "+7", "1_000", "0x10"]:
        try:
            print(f"int({raw!r}) = {int(raw)}")
        except ValueError as e:
            print(f"int({raw!r}) failed: {e}")
    for raw in ["3.25", "1e3", "nan-ish", " -0.5 "]:
        try:
            print(f"float({raw!r}) = {float(raw)}")
        except ValueError as e:
            print(f"float({raw!r}) failed: {e}")
    for group in [["x", "99999", "8080", "9090"], ["no", "0"]]:
        try:
            print("chosen port:", first_valid(group))
        except ConfigError as e:
            print("config error:", e)


if __name__ == "__main__":
    main()
