"""A traffic light controller: an Enum state machine with a transition table."""
from enum import Enum


class Light(Enum):
    RED = 1
    GREEN = 2
    YELLOW = 3


NEXT: dict[Light, Light] = {Light.RED: Light.GREEN, Light.GREEN: Light.YELLOW, Light.YELLOW: Light.RED}
DURATION: dict[Light, int] = {Light.RED: 30, Light.GREEN: 25, Light.YELLOW: 5}


def run(start: Light, ticks: int) -> list[Light]:
    seen: list[Light] = []
    state = start
    left = DURATION[state]
    for _ in range(ticks):
        left -= 5
        if left <= 0:
            state = NEXT[state]
            left = DURATION[state]
            seen.append(state)
    return seen


def main() -> None:
    history = run(Light.RED, 20)
    print(history)
    print([s.name for s in history])
    for s in Light:
        print(f"{s.name:<7} lasts {DURATION[s]:>3}s, then {NEXT[s]}")
    total = 0
    for s in history:
        total += DURATION[s]
    print("time in shown states:", total)
    print(Light.RED == Light.RED, Light.RED != Light.GREEN, Light.YELLOW is NEXT[Light.GREEN])
    print(Light(2), repr(Light(3)), Light["RED"].value)


if __name__ == "__main__":
    main()
