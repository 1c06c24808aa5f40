# corpus: parse: URL parsing with partition/split, percent-decoding via int(x, 16), multi-valued params
HEX = "0123456789abcdef"


def percent_decode(s: str) -> str:
    out = ""
    i = 0
    while i < len(s):
        if s[i] == "%" and i + 2 < len(s) and all(c in HEX for c in s[i + 1:i + 3].lower()):
            out += chr(HEX.index(s[i + 1].lower()) * 16 + HEX.index(s[i + 2].lower()))
            i += 3
        elif s[i] == "+":
            out += " "
            i += 1
        else:
            out += s[i]
            i += 1
    return out


def parse_url(url: str) -> tuple[str, str, str, dict[str, list[str]]]:
    scheme, _, rest = url.partition("://")
    rest, _, fragment = rest.partition("#")
    hostpath, _, query = rest.partition("?")
    host, slash, path = hostpath.partition("/")
    params: dict[str, list[str]] = {}
    for pair in query.split("&"):
        if not pair:
            continue
        k, _, v = pair.partition("=")
        params.setdefault(percent_decode(k), []).append(percent_decode(v))
    return scheme, host, slash + path, params


URLS = [
    "https://example.com/search?q=rust+wasm&page=2&tag=a&tag=b#results",
    "http://localhost:8080/api/v1/items?name=Ann%20Lee%2Fx&empty=&flag",
    "ftp://files.example.org",
    "https://x.io/path%20with%20spaces?msg=100%25+sure%21",
]

for url in URLS:
    scheme, host, path, params = parse_url(url)
    print(url)
    print(f"  scheme={scheme} host={host} path={path!r}")
    for key in sorted(params):
        print(f"  {key} -> {params[key]}")
