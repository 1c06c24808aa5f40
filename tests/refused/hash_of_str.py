# expect: unsupported-builtin @ 4
def key(name: str, n: int) -> int:
    # CPython salts str hashes per process: hash() of a str differs from run to run
    return hash((name, n))


print(key("a", 1) == key("a", 1))
