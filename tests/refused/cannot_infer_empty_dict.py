# expect: cannot-infer-type @ 3
def main() -> None:
    registry = {}
    print("entries:", len(registry))
    print(registry)


if __name__ == "__main__":
    main()
