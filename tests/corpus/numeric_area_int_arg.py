def area(radius: float) -> float:
    return 3.14159 * radius * radius


def main() -> None:
    print(f"{area(1.5):.2f}")
    print(f"{area(2):.2f}")


if __name__ == "__main__":
    main()
