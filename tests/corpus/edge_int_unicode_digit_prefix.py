"""int() reads Unicode decimal digits as their ASCII digits before it looks for a base prefix
(CPython's _PyUnicode_TransformDecimalAndSpaceToASCII): "٠x1f" is 0x1f in base 0 or 16, and
its error messages show the text as given. Found by the hunt of 2026-12-04: Portalis raised
ValueError for "٠x1" in base 0 and 16."""

texts = ["٠x1f", "٠X1F", "٠b101", "٠o17", "-٠x10", " ٠x_ff ", "٠x", "٠٠", "٠٧", "١٢", "٠xffffffffffffffffffff",
         "١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨٩٠", "²", "٠x²"]
for t in texts:
    row: list[str] = []
    for base in [0, 2, 8, 10, 16, 36]:
        try:
            row.append(str(int(t, base)))
        except ValueError as e:
            row.append(str(e))
    print(row)
print(int("٠x1f", 0) + int("٠b1", 2) + int("١٠", 16))
print(int("٠y", 0))
