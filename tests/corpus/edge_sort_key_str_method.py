# key=str.lower / str.strip: the str method applied to each item
words = ["banana", "Apple", "cherry", " date", "apple"]
print(sorted(words, key=str.lower))
print(sorted(words, key=str.strip, reverse=True))
print(max(words, key=str.upper), min(words, key=str.lower))
words.sort(key=str.lower)
print(words)
