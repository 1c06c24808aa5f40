# expect: unsupported-import @ 3
import math
import json


def main() -> None:
    data = {"pi": round(math.pi, 2)}
    print(json.dumps(data))


if __name__ == "__main__":
    main()
