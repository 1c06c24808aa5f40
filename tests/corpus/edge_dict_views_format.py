# dict views used as values print like CPython's (dict_keys([...]) etc.); format() with a computed spec
def main() -> None:
    d = {"a": 1, "b": 2}
    print(d.keys(), d.values(), d.items())
    print(f"{d.keys()}", str(d.values()), repr(d.items()), len(d.keys()), "a" in d.keys())
    print(sorted(d.keys()), list(d.values()), [k for k in d.keys()])



def fmt_main() -> None:
    spec: str = ">5"
    print(format(12, spec), format(3.14159, ".2f"), format("ab", "^6") + "|", format(7))
    for sp in ["05d", "+", "x", ",", "e"]:
        try:
            print(format(255, sp))
        except ValueError as e:
            print("ValueError", e)



main()
fmt_main()
