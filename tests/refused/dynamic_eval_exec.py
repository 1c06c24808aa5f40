# expect: dynamic-eval @ 4
def main() -> None:
    code = "x = 40 + 2\nprint(x)"
    exec(code)
    print("done")


if __name__ == "__main__":
    main()
