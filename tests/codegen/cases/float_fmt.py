x = 0.1 + 0.2
print(x, f"{x:.2f}", round(2.5), 1 / 3)
