nums = [3, 1.5, -2, 7.25, 0, 2, 2.0, True]
print(sorted(nums))
print(sorted(nums, reverse=True))
print(min(nums), max(nums), sum(nums))
words = ["b", "a", "c"]
print(sorted(words))
data = {"x": 10, "y": 2.5, "z": -1}
vals = list(data.values())
print(vals, sorted(vals), max(vals))
best = ""
for k in data:
    v = data[k]
    if best == "" or v > data[best]:
        best = k
print(best, data[best])
print(3 < 3.5, 2.0 <= 2, nums[0] > nums[1])
