# corpus: parse: 'key=value;...' config strings into dicts, typed getters, error collection
def parse_config(s: str) -> tuple[dict[str, str], list[str]]:
    result: dict[str, str] = {}
    errors: list[str] = []
    for i, chunk in enumerate(s.split(";")):
        chunk = chunk.strip()
        if not chunk:
            continue
        if "=" not in chunk:
            errors.append(f"segment {i}: missing '=' in {chunk!r}")
            continue
        key, _, value = chunk.partition("=")
        key = key.strip().lower()
        if not key:
            errors.append(f"segment {i}: empty key")
            continue
        if key in result:
            errors.append(f"segment {i}: duplicate key {key!r} (overwritten)")
        result[key] = value.strip()
    return result, errors


def get_int(cfg: dict[str, str], key: str, fallback: int) -> int:
    raw = cfg.get(key, "")
    if raw.lstrip("-").isdigit():
        return int(raw)
    return fallback


def get_bool(cfg: dict[str, str], key: str) -> bool:
    return cfg.get(key, "no").lower() in ["1", "yes", "true", "on"]


def main() -> None:
    inputs = [
        "host=example.com; port=8080; debug=yes",
        "name = Portalis ;version=0.1;;retries=-3",
        "bad segment;=novalue;port=abc;PORT=99;mode=fast=really",
        "",
    ]
    for text in inputs:
        cfg, errs = parse_config(text)
        print(f"input: {text!r}")
        print(f"  parsed: {cfg}")
        print(f"  port={get_int(cfg, 'port', 80)} retries={get_int(cfg, 'retries', 5)} debug={get_bool(cfg, 'debug')}")
        for e in errs:
            print(f"  error: {e}")


if __name__ == "__main__":
    main()
