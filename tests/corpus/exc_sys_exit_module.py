# corpus: exc: module-level running total loop that calls sys.exit(3) from inside nested control flow
import sys

THRESHOLD = 40
values = [3, 8, 15, 4, 22, 9, 1]
names = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta"]
total = 0
seen: list[str] = []
print(f"processing {len(values)} values, threshold {THRESHOLD}")
for i, v in enumerate(values):
    total += v
    seen.append(names[i])
    print(f"step {i}: {names[i]:<8} +{v:<3} total={total}")
    if v % 2 == 0:
        print("  (even value)")
    if total > THRESHOLD:
        print(f"threshold {THRESHOLD} exceeded at step {i}")
        if i < len(values) - 1:
            print(f"{len(values) - i - 1} values left unprocessed: {names[i + 1:]}")
            print("seen:", ", ".join(seen))
            sys.exit(3)
        print("exceeded on the last value, exiting normally")
print("finished normally")
