# kernel: dict word counting over a generated text, top words by (-count, word)

WORDS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
         "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "tau", "upsilon"]


def generate(n: int) -> str:
    out: list[str] = []
    x = 12345
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        w = WORDS[x % 20]
        out.append(w + str(x % 37) if x % 3 == 0 else w)
    return " ".join(out)


def count_words(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    return counts


def main() -> None:
    text = generate(10500000)
    counts = count_words(text)
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    print(f"distinct {len(counts)} top {top}")


if __name__ == "__main__":
    main()
