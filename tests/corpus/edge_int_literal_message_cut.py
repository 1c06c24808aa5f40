# CPython cuts the repr in int()'s ValueError after 200 characters (%.200R); float() does not
texts = ["x" * 250, "  padded  back\\slash" * 20, "é" * 199, "é" * 198 + "'", "12" * 150 + "z"]
for t in texts:
    for base in (10, 16, 0):
        try:
            print(int(t, base))
        except ValueError as e:
            print(len(str(e)), e)
    try:
        print(float(t))
    except ValueError as e:
        print(len(str(e)), e)
