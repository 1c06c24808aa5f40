# corpus: data: inverted index dict[str, list[int]] over documents, AND/OR queries with sets
DOCS = [
    "rust is a systems programming language",
    "python is a dynamic programming language",
    "webassembly runs in the browser",
    "rust compiles to webassembly",
    "python programs can be translated to rust",
]


def build_index(docs: list[str]) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for i, doc in enumerate(docs):
        for word in doc.split():
            postings = index.setdefault(word, [])
            if not postings or postings[-1] != i:
                postings.append(i)
    return index


def query_and(index: dict[str, list[int]], words: list[str]) -> list[int]:
    result = set(range(len(DOCS)))
    for w in words:
        result = result & set(index.get(w, []))
    return sorted(result)


def query_or(index: dict[str, list[int]], words: list[str]) -> list[int]:
    result: set[int] = set()
    for w in words:
        result = result | set(index.get(w, []))
    return sorted(result)


def main() -> None:
    index = build_index(DOCS)
    print("vocabulary size:", len(index))
    for word in ["rust", "python", "language", "to", "java"]:
        print(f"{word!r:>12}: {index.get(word, [])}")
    for q in [["rust", "webassembly"], ["programming", "language"], ["python", "rust"], ["java"]]:
        print(f"AND {q}: {query_and(index, q)}  OR: {query_or(index, q)}")
    common = sorted(index, key=lambda w: (-len(index[w]), w))[:5]
    print("most common:", [(w, len(index[w])) for w in common])
    only = sorted(set(index) - {w for w in index if len(index[w]) > 1})
    print("unique words:", len(only), only[:6])


if __name__ == "__main__":
    main()
