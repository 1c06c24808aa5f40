# corpus: exc: execution order of try/except/else/finally across nested calls, re-raise with bare raise
LOG: list[str] = []


def step(name: str, fail: bool) -> int:
    LOG.append(f"enter {name}")
    try:
        if fail:
            raise RuntimeError(f"{name} failed")
        LOG.append(f"{name} body ok")
    except RuntimeError:
        LOG.append(f"{name} handler, re-raising")
        raise
    else:
        LOG.append(f"{name} else")
    finally:
        LOG.append(f"{name} finally")
    return len(name)


def pipeline(fail_at: int) -> None:
    names = ["load", "parse", "save"]
    try:
        for i, n in enumerate(names):
            step(n, i == fail_at)
    except RuntimeError as e:
        LOG.append(f"pipeline caught: {e}")
    finally:
        LOG.append("pipeline cleanup")


def main() -> None:
    for fail_at in [-1, 1]:
        LOG.clear()
        pipeline(fail_at)
        print(f"--- fail_at={fail_at} ({len(LOG)} events)")
        for line in LOG:
            print("  " + line)
    try:
        try:
            raise KeyError("inner")
        finally:
            print("inner finally runs before outer handler")
    except KeyError as e:
        print("outer caught:", e)


if __name__ == "__main__":
    main()
