# s.split(sep)[k] (a constant k >= 0, or -1) picks the piece without building the list: the same
# pieces, IndexError and the empty-separator ValueError as the list would give.
def main() -> None:
    for s in ["a,b,c", "", ",", "a", " x  y ", "k=v=w", "é,ü", "a--b--c", "   "]:
        for sep in [",", "=", "--"]:
            out = []
            for k in range(4):
                try:
                    out.append(s.split(sep)[k])
                except IndexError as e:
                    out.append(f"IndexError {e}")
            out.append(s.split(sep)[-1])
            out.append(s.split(sep, 1)[0])
            out.append(s.split(sep, 1)[-1])
            print(repr(s), repr(sep), out)
        out = []
        for k in range(3):
            try:
                out.append(s.split()[k])
            except IndexError as e:
                out.append(f"IndexError {e}")
        try:
            out.append(s.split()[-1])
        except IndexError as e:
            out.append(f"IndexError {e}")
        print(out, s.split(None, 1)[0] if s.strip() else "-")
    try:
        print("abc".split("")[0])
    except ValueError as e:
        print("ValueError", e)
    line = 'GET "/x" 200'
    print(line.split('"')[1], line.split()[2], int(line.split()[-1]) + 1)


if __name__ == "__main__":
    main()
