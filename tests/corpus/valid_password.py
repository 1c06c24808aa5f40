# corpus: valid: password strength rules with any/all over generators, scoring, bool printing
SPECIAL = "!@#$%^&*()-_=+[]{};:,.?/"
COMMON = ["password", "123456", "qwerty", "letmein", "admin"]


def check(pw: str) -> tuple[int, list[str]]:
    missing: list[str] = []
    score = 0
    rules = [
        (len(pw) >= 8, "at least 8 characters"),
        (any(c.isupper() for c in pw), "an uppercase letter"),
        (any(c.islower() for c in pw), "a lowercase letter"),
        (any(c.isdigit() for c in pw), "a digit"),
        (any(c in SPECIAL for c in pw), "a special character"),
        (not any(c.isspace() for c in pw), "no whitespace"),
        (pw.lower() not in COMMON, "not a common password"),
    ]
    for ok, text in rules:
        if ok:
            score += 1
        else:
            missing.append(text)
    if len(pw) >= 16:
        score += 2
    return score, missing


def label(score: int) -> str:
    if score >= 8:
        return "strong"
    elif score >= 6:
        return "medium"
    return "weak"


def main() -> None:
    for pw in ["password", "Tr0ub4dor&3", "correct horse battery staple", "Sh0rt!", "ALLUPPER123!", "N0-Spaces-Here-Ok!!", ""]:
        score, missing = check(pw)
        print(f"{pw!r:<32} score={score} {label(score)}")
        if missing:
            print("    needs: " + ", ".join(missing))
    print(all(c.isalnum() for c in "abc123"), all(c.isalnum() for c in ""), any(c.isdigit() for c in ""))


if __name__ == "__main__":
    main()
