# expect: type-mismatch @ 6
from typing import Optional

scores: list[Optional[int]] = [3, None, 1]
print(len(scores))
ranked = sorted(scores)
print(ranked)
