# corpus: text: palindromes with slicing [::-1], filtering isalnum, longest palindromic substring; some helpers unannotated
def clean(s):
    return "".join(c.lower() for c in s if c.isalnum())


def is_palindrome(s: str) -> bool:
    t = clean(s)
    return t == t[::-1]


def longest_palindrome(s: str) -> str:
    best = ""
    for center in range(len(s)):
        for lo, hi in [(center, center), (center, center + 1)]:
            while lo >= 0 and hi < len(s) and s[lo] == s[hi]:
                lo -= 1
                hi += 1
            if hi - lo - 1 > len(best):
                best = s[lo + 1:hi]
    return best


PHRASES = [
    "A man, a plan, a canal: Panama",
    "racecar",
    "hello",
    "Was it a car or a cat I saw?",
    "No 'x' in Nixon",
    "",
    "ab",
]

for p in PHRASES:
    print(f"{p!r:<36} -> {is_palindrome(p)}")
for s in ["babad", "cbbd", "forgeeksskeegfor", "abacdfgdcaba", "x"]:
    print(f"longest in {s}: {longest_palindrome(s)!r}")
nums = [n for n in range(100, 200) if str(n) == str(n)[::-1]]
print("palindromic numbers 100-199:", nums)
