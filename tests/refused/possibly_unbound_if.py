# expect: possibly-unbound @ 7
def main() -> None:
    scores = [40, 75, 90]
    for s in scores:
        if s > 80:
            best = s
    print("best:", best)


if __name__ == "__main__":
    main()
