# SystemExit as CPython builds it: sys.exit()/sys.exit(None) is SystemExit() with status 0,
# sys.exit(True) keeps True, sys.exit("msg") keeps the message (printed only if uncaught),
# and `raise SystemExit(main())` exits with main's return value.
import sys


def main() -> int:
    checks = 0
    try:
        sys.exit("config file missing")
    except SystemExit as e:
        print("exit:", e, repr(e))
        checks += 1
    try:
        sys.exit()
    except SystemExit as e:
        print("exit:", repr(e), str(e) == "")
        checks += 1
    try:
        sys.exit(None)
    except SystemExit as e:
        print("exit:", repr(e))
        checks += 1
    try:
        sys.exit(True)
    except SystemExit as e:
        print("exit:", e, repr(e))
        checks += 1
    try:
        raise SystemExit(3)
    except SystemExit as e:
        print("exit:", e, repr(e))
        checks += 1
    try:
        raise SystemExit
    except SystemExit as e:
        print("exit:", repr(e))
        checks += 1
    try:
        raise SystemExit("boom")
    except BaseException as e:
        print("exit:", repr(e))
        checks += 1
    print("checks", checks)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
