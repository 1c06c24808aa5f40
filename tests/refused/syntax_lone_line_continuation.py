# expect: unsupported-syntax @ 7
# a line continuation with nothing before it: CPython reads the next line at the indentation of
# the backslash line (module level here); libcst read it into `f`'s body, after its return
def f() -> int:
    x = 1
    return x
\
print("hi")
print(f())
