"""Sorting objects whose __lt__ reports every comparison: CPython's exact sequence of
comparisons (timsort's runs, binary insertion, merges) is part of the output."""


class Task:
    def __init__(self, name: str, prio: int) -> None:
        self.name = name
        self.prio = prio

    def __lt__(self, other: "Task") -> bool:
        print(f"  {self.name} < {other.name}?")
        return self.prio < other.prio

    def __repr__(self) -> str:
        return f"{self.name}:{self.prio}"


tasks = [Task("write", 3), Task("test", 1), Task("lint", 2), Task("ship", 5), Task("plan", 1),
         Task("fix", 4), Task("docs", 2)]
print("sorted:")
print(sorted(tasks))
print("reverse:")
print(sorted(tasks, reverse=True))
print("by (prio, name length) key:")
print(sorted(tasks, key=lambda t: (len(t.name), t)))
print("min/max:")
print(min(tasks), max(tasks))
tasks.sort()
print("in place:", tasks)
