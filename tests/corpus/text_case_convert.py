# corpus: text: snake_case/camelCase/kebab/slug conversions with char tests, no annotations on locals
def to_snake(name: str) -> str:
    out = []
    for i, ch in enumerate(name):
        if ch.isupper():
            if i > 0 and (name[i - 1].islower() or (i + 1 < len(name) and name[i + 1].islower())):
                out.append("_")
            out.append(ch.lower())
        elif ch == "-" or ch == " ":
            out.append("_")
        else:
            out.append(ch)
    return "".join(out)


def to_camel(name: str) -> str:
    parts = [p for p in to_snake(name).split("_") if p]
    if not parts:
        return ""
    return parts[0] + "".join(p.capitalize() for p in parts[1:])


def slugify(title: str) -> str:
    cleaned = ""
    for ch in title.lower():
        if ch.isalnum():
            cleaned += ch
        else:
            cleaned += " "
    return "-".join(cleaned.split())


def main() -> None:
    names = ["parseHTTPResponse", "userId", "already_snake", "XMLParser", "kebab-case-name", "Simple"]
    for n in names:
        print(f"{n:<20} snake={to_snake(n):<22} camel={to_camel(n)}")
    for t in ["Hello, World!", "  Rust & WebAssembly: 2024 edition  ", "---", "C'est la vie"]:
        print(f"slug({t!r}) = {slugify(t)!r}")


if __name__ == "__main__":
    main()
