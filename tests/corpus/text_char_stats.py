# corpus: text: character class histogram, vowels, sorted by count, module-level script
SAMPLE = """The year 2024 had 366 days.
Python 3.11 was released on 2022-10-24!
  Indented line with TABS?	yes.
"""

VOWELS = "aeiou"
letters = 0
digits = 0
spaces = 0
upper = 0
other = 0
vowel_counts: dict[str, int] = {v: 0 for v in VOWELS}
for ch in SAMPLE:
    if ch.isalpha():
        letters += 1
        if ch.isupper():
            upper += 1
        if ch.lower() in vowel_counts:
            vowel_counts[ch.lower()] += 1
    elif ch.isdigit():
        digits += 1
    elif ch.isspace():
        spaces += 1
    else:
        other += 1
print(f"letters={letters} upper={upper} digits={digits} spaces={spaces} other={other}")
print("total chars:", len(SAMPLE), "=", letters + digits + spaces + other)
for v, c in sorted(vowel_counts.items(), key=lambda kv: kv[1], reverse=True):
    print(f"  {v}: {c:>2} {'#' * c}")
lines = SAMPLE.splitlines()
for i, line in enumerate(lines):
    print(f"line {i}: len={len(line):>2} words={len(line.split())} stripped={line.strip()!r}")
print("digits only:", "".join(c for c in SAMPLE if c.isdigit()))
