# f-string text parts that start or end with the other quote character, or hold escapes
def to_json(key: str, values: list[int]) -> str:
    return f'"{key}": [' + ", ".join([str(v) for v in values]) + "]"


def main() -> None:
    name = "x"
    print(to_json("items", [1, 2, 3]))
    print(f'"{name}"', f"'{name}'", f'""{name}""', f"''{name}''")
    print(f'say "hi" {name}', f"it's {name}", f'''"""{name}"""''', f"""'''{name}'''""")
    print(f"tab\t{name}\\", f'back\\{name}\\\\', f"{{{name}}}", f'\'{name}\'', f"\"{name}\"")
    print(f"""two
lines "{name}" here""")


main()
