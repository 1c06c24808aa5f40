def add_item(bag: list[object], item: object) -> None:
    bag.append(item)


inner: list[object] = [1, 2]
outer: list[object] = ["head", inner, 3.5]
add_item(inner, "tail")
print(outer)
alias = outer[1]
if isinstance(alias, list):
    alias.append(None)
    alias[0] = 100
print(inner, outer)
record: dict[str, object] = {"n": 1}
holder: list[object] = [record, record]
record["n"] = 2
record["more"] = [1, "x"]
print(holder)
first = holder[0]
if isinstance(first, dict):
    first["n"] = 3.5
print(record, holder[1] == record, len(holder))
