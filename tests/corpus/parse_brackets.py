# corpus: parse: balanced brackets with a list stack, error position reporting, max depth
PAIRS: dict[str, str] = {")": "(", "]": "[", "}": "{"}


def check(s: str) -> str:
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(s):
        if ch in "([{":
            stack.append((ch, i))
        elif ch in PAIRS:
            if not stack:
                return f"unexpected {ch!r} at {i}"
            top, pos = stack.pop()
            if top != PAIRS[ch]:
                return f"mismatch: {top!r} at {pos} closed by {ch!r} at {i}"
    if stack:
        ch, pos = stack[-1]
        return f"unclosed {ch!r} at {pos}"
    return "ok"


def max_depth(s: str) -> int:
    depth = 0
    best = 0
    for ch in s:
        if ch in "([{":
            depth += 1
            best = max(best, depth)
        elif ch in ")]}":
            depth -= 1
    return best


CASES = ["()", "([]{})", "((())", "([)]", "}{", "", "f(a[i], {k: (v)})", "(((((x)))))", "[1, 2, (3]"]
for case in CASES:
    print(f"{case!r:<22} depth={max_depth(case)} -> {check(case)}")
ok_count = sum(1 for c in CASES if check(c) == "ok")
print(f"{ok_count}/{len(CASES)} balanced")
