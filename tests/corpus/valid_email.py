# corpus: valid: email address validation by hand (no regex), reasons collected in a list
ALLOWED_LOCAL = "abcdefghijklmnopqrstuvwxyz0123456789._+-"


def problems(addr: str) -> list[str]:
    out: list[str] = []
    if addr.count("@") != 1:
        out.append(f"expected exactly one '@', found {addr.count('@')}")
        return out
    local, _, domain = addr.partition("@")
    if not local:
        out.append("empty local part")
    elif local.startswith(".") or local.endswith(".") or ".." in local:
        out.append("misplaced dot in local part")
    bad = [c for c in local.lower() if c not in ALLOWED_LOCAL]
    if bad:
        out.append(f"bad characters {''.join(bad)!r}")
    labels = domain.split(".")
    if len(labels) < 2:
        out.append("domain needs a dot")
    for label in labels:
        if not label:
            out.append("empty domain label")
        elif not all(c.isalnum() or c == "-" for c in label) or label.startswith("-"):
            out.append(f"bad domain label {label!r}")
    if len(labels[-1]) < 2 or not labels[-1].isalpha():
        out.append(f"bad top-level domain {labels[-1]!r}")
    return out


def main() -> None:
    addresses = [
        "alice@example.com", "bob.smith+news@mail.co.uk", "no-at-sign.com", "two@@example.com",
        ".dot@example.com", "x@localhost", "sp ace@example.com", "ok@sub-domain.example.org",
        "weird@-bad.com", "tld@example.c0m", "@example.com", "a@b.cd",
    ]
    valid = 0
    for a in addresses:
        errs = problems(a)
        if errs:
            print(f"INVALID {a:<28} {'; '.join(errs)}")
        else:
            valid += 1
            print(f"valid   {a}")
    print(f"{valid} of {len(addresses)} valid")


if __name__ == "__main__":
    main()
