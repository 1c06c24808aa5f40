# corpus: data: bank-teller queue simulation with lists as FIFO, global tick counter, per-customer waits
ARRIVALS: list[tuple[str, int, int]] = [
    ("ann", 0, 3), ("ben", 1, 2), ("cid", 2, 4), ("dee", 2, 1),
    ("eva", 6, 2), ("fox", 7, 5), ("gia", 8, 1), ("hal", 15, 2),
]
TELLERS = 2
ticks = 0


def tick() -> int:
    global ticks
    ticks += 1
    return ticks


def main() -> None:
    queue: list[tuple[str, int, int]] = []
    busy: list[tuple[str, int]] = []
    waits: dict[str, int] = {}
    pending = list(ARRIVALS)
    now = 0
    while pending or queue or busy:
        while pending and pending[0][1] == now:
            queue.append(pending.pop(0))
        busy = [(n, end) for n, end in busy if end > now]
        while queue and len(busy) < TELLERS:
            name, arrived, service = queue.pop(0)
            waits[name] = now - arrived
            busy.append((name, now + service))
            print(f"t={now:>2}: {name} served after waiting {now - arrived}")
        if queue:
            print(f"t={now:>2}: queue = {[c[0] for c in queue]}")
        now = tick()
        if now > 100:
            break
    print("simulation ended at t =", now)
    avg = sum(waits.values()) / len(waits)
    print(f"average wait {avg:.3f}, max wait {max(waits.values())}")
    print("waited longest:", sorted(waits, key=lambda n: waits[n], reverse=True)[:3])


if __name__ == "__main__":
    main()
