# expect: dynamic-eval @ 5
def main() -> None:
    text = "Hello"
    for method in ["upper", "lower", "title"]:
        transform = getattr(text, method)
        print(method, transform())


if __name__ == "__main__":
    main()
