# expect: generator @ 6
def running_total():
    total = 0
    while True:
        # the value of `yield` is what send() passes in
        x = yield total
        total += x


for t in running_total():
    print(t)
    break
