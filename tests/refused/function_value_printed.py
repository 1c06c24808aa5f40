# expect: unsupported-builtin @ 9
def double(x: int) -> int:
    return 2 * x


handlers = {"double": double}
print(handlers["double"](4))
# CPython prints `{'double': <function double at 0x7f...>}`: an address
print(handlers)
