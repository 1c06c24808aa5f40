# corpus: num: mean/median/mode/variance/stddev on float lists, percentiles, formatted output
import math

SAMPLES: dict[str, list[float]] = {
    "temps": [21.5, 23.0, 19.8, 22.4, 25.1, 24.7, 20.0],
    "scores": [88.0, 92.5, 79.0, 92.5, 65.5, 100.0, 92.5, 71.0],
    "single": [42.0],
    "pair": [1.0, 2.0],
}


def mean(xs: list[float]) -> float:
    return sum(xs) / len(xs)


def median(xs: list[float]) -> float:
    s = sorted(xs)
    n = len(s)
    if n % 2 == 1:
        return s[n // 2]
    return (s[n // 2 - 1] + s[n // 2]) / 2


def variance(xs: list[float]) -> float:
    if len(xs) < 2:
        return 0.0
    m = mean(xs)
    return sum((x - m) ** 2 for x in xs) / (len(xs) - 1)


def mode(xs: list[float]) -> float:
    s = sorted(xs)
    best, best_run, run = s[0], 1, 1
    for i in range(1, len(s)):
        run = run + 1 if s[i] == s[i - 1] else 1
        if run > best_run:
            best, best_run = s[i], run
    return best


def percentile(xs: list[float], p: float) -> float:
    s = sorted(xs)
    k = (len(s) - 1) * p / 100
    lo = math.floor(k)
    hi = math.ceil(k)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def main() -> None:
    print(f"{'name':<8}{'n':>3}{'mean':>9}{'median':>9}{'stdev':>9}{'min':>7}{'max':>7}")
    for name, xs in SAMPLES.items():
        sd = math.sqrt(variance(xs))
        print(f"{name:<8}{len(xs):>3}{mean(xs):>9.3f}{median(xs):>9.2f}{sd:>9.4f}{min(xs):>7}{max(xs):>7}")
    scores = SAMPLES["scores"]
    print("mode of scores:", mode(scores))
    for p in [0.0, 25.0, 50.0, 90.0, 100.0]:
        print(f"p{p:.0f} = {percentile(scores, p):.3f}")
    print("mean of temps raw:", mean(SAMPLES["temps"]))


if __name__ == "__main__":
    main()
