# expect: unsupported-syntax @ 9
def naturals():
    n = 0
    while True:
        yield n
        n += 1


it = naturals()
for n in it:
    if n > 3:
        break
