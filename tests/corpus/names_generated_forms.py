# Python names spelled like the emitter's temporaries and the runtime's helpers (_t1, _e, _depth, parse_body, g_total, pf_h, String, Ok, rt)
def f(n: int, _depth: int) -> int:
    if n <= 0:
        return _depth
    return f(n - 1, _depth + 1)

def g(xs: list[int]) -> int:
    _t1 = 0
    _v1 = 0
    _o3 = 5
    _e = 7
    _l1 = 100
    _k2 = 3
    for x in xs:
        _t1 += x
        _v1 += 2 * x
    print(_t1, _v1, _o3, _e, _l1, _k2)
    try:
        print(xs[10])
    except IndexError as err:
        print("idx", _e, err)
    return _t1

def parse(s: str) -> int:
    parse_body = len(s)
    return parse_body

total = 5

def h() -> int:
    g_total = 1
    pf_h = 2
    String = 3
    Ok = 4
    Err = 5
    rt = 6
    Vec = 7
    Some = 8
    return g_total + pf_h + total + String + Ok + Err + rt + Vec + Some

print(f(5, 0), g([1, 2, 3]), parse("abc"), h())
