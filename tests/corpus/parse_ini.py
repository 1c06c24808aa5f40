# corpus: parse: INI-style text into dict[str, dict[str, str]], comments, sections, typed lookups with errors
TEXT = """
; global settings
name = portalis
[server]
host = 127.0.0.1
port = 8080
# duplicate below overrides
port = 9090
[paths]
root=/srv/app
logs = /var/log/app   
[empty]
[broken
key without equals
"""


def parse_ini(text: str) -> tuple[dict[str, dict[str, str]], list[str]]:
    sections: dict[str, dict[str, str]] = {"": {}}
    errors: list[str] = []
    current = ""
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line[0] in ";#":
            continue
        if line.startswith("["):
            if not line.endswith("]"):
                errors.append(f"line {lineno}: unterminated section header {line!r}")
                continue
            current = line[1:-1].strip()
            sections.setdefault(current, {})
        elif "=" in line:
            key, _, value = line.partition("=")
            sections[current][key.strip()] = value.strip()
        else:
            errors.append(f"line {lineno}: expected key = value, got {line!r}")
    return sections, errors


def get_int(sections: dict[str, dict[str, str]], section: str, key: str) -> int:
    return int(sections[section][key])


def main() -> None:
    sections, errors = parse_ini(TEXT)
    for name, values in sections.items():
        print(f"[{name or '<global>'}] {len(values)} keys")
        for k, v in values.items():
            print(f"    {k} = {v!r}")
    for e in errors:
        print("error:", e)
    print("port + 1 =", get_int(sections, "server", "port") + 1)
    for sec, key in [("server", "timeout"), ("nosuch", "x"), ("server", "host")]:
        try:
            print(f"{sec}.{key} as int: {get_int(sections, sec, key)}")
        except KeyError as e:
            print(f"{sec}.{key}: missing {e}")
        except ValueError as e:
            print(f"{sec}.{key}: {e}")


if __name__ == "__main__":
    main()
