# corpus: parse: CSV line parser with quoted fields and escaped quotes, typed column conversion
def parse_line(line: str) -> list[str]:
    fields: list[str] = []
    cur = ""
    in_quotes = False
    i = 0
    while i < len(line):
        c = line[i]
        if in_quotes:
            if c == '"' and i + 1 < len(line) and line[i + 1] == '"':
                cur += '"'
                i += 1
            elif c == '"':
                in_quotes = False
            else:
                cur += c
        elif c == '"':
            in_quotes = True
        elif c == ",":
            fields.append(cur)
            cur = ""
        else:
            cur += c
        i += 1
    if in_quotes:
        raise ValueError("unterminated quote")
    fields.append(cur)
    return fields


DATA = '''name,age,city,quote
Alice,30,"New York, NY","She said ""hi"""
Bob,25,Boston,
"Smith, Jr.",41,"",plain
Eve,x,Paris,"unterminated'''


def main() -> None:
    lines = DATA.splitlines()
    header = parse_line(lines[0])
    print("columns:", header)
    ages: list[int] = []
    for n, line in enumerate(lines[1:], start=2):
        try:
            row = parse_line(line)
        except ValueError as e:
            print(f"line {n}: error: {e}")
            continue
        record = dict(zip(header, row))
        print(f"line {n}: {record}")
        if record["age"].isdigit():
            ages.append(int(record["age"]))
        else:
            print(f"line {n}: bad age {record['age']!r}")
    print("ages:", ages, "mean:", sum(ages) / len(ages))
    print(parse_line(",,"), parse_line('""'), parse_line("a"))


if __name__ == "__main__":
    main()
