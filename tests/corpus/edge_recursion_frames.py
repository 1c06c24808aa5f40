# RecursionError where CPython 3.11 raises it when recursion goes through comprehensions,
# generator expressions, lambdas, key functions, map/filter and exception constructors: each
# Python frame counts, and so do builtins that call back into Python without specialising
# (min/max, the sort inside sorted/list.sort, any/all, str.join). Each probe runs once to warm
# CPython's code up (its specialised calls count less), then reports the deepest level reached.
deep = 0


def via_listcomp(n: int) -> int:
    global deep
    deep = n
    return sum([via_listcomp(n + 1) for _ in range(1)])


def via_genexpr(n: int) -> int:
    global deep
    deep = n
    return sum(via_genexpr(n + 1) for _ in range(1))


def via_for_genexpr(n: int) -> int:
    global deep
    deep = n
    for v in (via_for_genexpr(n + 1) for _ in range(1)):
        return v
    return 0


def via_key_lambda(n: int) -> int:
    global deep
    deep = n
    return max([n], key=lambda v: via_key_lambda(v + 1))


def via_key_function(n: int) -> int:
    global deep
    deep = n
    return min([n + 1], key=via_key_function)


def via_map_function(n: int) -> int:
    global deep
    deep = n
    return sum(map(via_map_function, [n + 1]))


def via_map_lambda(n: int) -> int:
    global deep
    deep = n
    return sum(map(lambda v: via_map_lambda(v), [n + 1]))


def via_filter_lambda(n: int) -> int:
    global deep
    deep = n
    return len(list(filter(lambda v: via_filter_lambda(v) > 0, [n + 1])))


def via_sorted(n: int) -> int:
    global deep
    deep = n
    return sorted([n], key=lambda v: via_sorted(v + 1))[0]


def via_list_sort(n: int) -> int:
    global deep
    deep = n
    xs = [n]
    xs.sort(key=lambda v: via_list_sort(v + 1))
    return xs[0]


class Deeper(Exception):
    def __init__(self, n: int):
        super().__init__("deeper")
        self.v = via_exception(n + 1)


def via_exception(n: int) -> int:
    global deep
    deep = n
    raise Deeper(n)


def via_nested_comps(n: int) -> int:
    global deep
    deep = n
    return sum([sum([via_nested_comps(n + 1) for _ in range(1)]) for _ in range(1)])


def via_first_iterable(n: int) -> int:
    # a comprehension's first iterable is evaluated in the enclosing frame
    global deep
    deep = n
    return len([x for x in range(via_first_iterable(n + 1))])


def via_genexpr_in_comp(n: int) -> int:
    global deep
    deep = n
    return sum([y for y in (via_genexpr_in_comp(n + 1) for _ in range(1))])


def via_min_genexpr(n: int) -> int:
    global deep
    deep = n
    return min(via_min_genexpr(n + 1) for _ in range(1))


def via_setcomp(n: int) -> int:
    global deep
    deep = n
    return len({via_setcomp(n + 1) for _ in range(1)})


def via_dict_of_genexpr(n: int) -> int:
    global deep
    deep = n
    return len(dict((via_dict_of_genexpr(n + 1), 1) for _ in range(1)))


def via_join(n: int) -> int:
    global deep
    deep = n
    return len("".join(str(via_join(n + 1)) for _ in range(1)))


def via_any(n: int) -> int:
    global deep
    deep = n
    return int(any(via_any(n + 1) > 0 for _ in range(1)))


def empty_comp_at_depth(n: int) -> int:
    # the comprehension's frame counts even when it has nothing to iterate
    global deep
    deep = n
    if n > 0:
        x = len([0 for _ in range(0)])
    return empty_comp_at_depth(n + 1)


def tree_sum(depth: int) -> int:
    # a realistic shape: a recursive walk that sums its children with a generator
    if depth == 0:
        return 1
    return 1 + sum(tree_sum(depth - 1) for _ in range(1))


def main() -> None:
    global deep
    names = ["via_listcomp", "via_genexpr", "via_for_genexpr", "via_key_lambda", "via_key_function",
             "via_map_function", "via_map_lambda", "via_filter_lambda", "via_sorted", "via_list_sort",
             "via_exception", "via_nested_comps", "via_first_iterable", "via_genexpr_in_comp",
             "via_min_genexpr", "via_setcomp", "via_dict_of_genexpr", "via_join", "via_any",
             "empty_comp_at_depth"]
    for name in names:
        for attempt in range(2):
            deep = 0
            try:
                if name == "via_listcomp":
                    via_listcomp(1)
                elif name == "via_genexpr":
                    via_genexpr(1)
                elif name == "via_for_genexpr":
                    via_for_genexpr(1)
                elif name == "via_key_lambda":
                    via_key_lambda(1)
                elif name == "via_key_function":
                    via_key_function(1)
                elif name == "via_map_function":
                    via_map_function(1)
                elif name == "via_map_lambda":
                    via_map_lambda(1)
                elif name == "via_filter_lambda":
                    via_filter_lambda(1)
                elif name == "via_sorted":
                    via_sorted(1)
                elif name == "via_list_sort":
                    via_list_sort(1)
                elif name == "via_exception":
                    via_exception(1)
                elif name == "via_nested_comps":
                    via_nested_comps(1)
                elif name == "via_first_iterable":
                    via_first_iterable(1)
                elif name == "via_genexpr_in_comp":
                    via_genexpr_in_comp(1)
                elif name == "via_min_genexpr":
                    via_min_genexpr(1)
                elif name == "via_setcomp":
                    via_setcomp(1)
                elif name == "via_dict_of_genexpr":
                    via_dict_of_genexpr(1)
                elif name == "via_join":
                    via_join(1)
                elif name == "via_any":
                    via_any(1)
                else:
                    empty_comp_at_depth(1)
            except RecursionError:
                if attempt == 1:  # the warm run
                    print(name, deep)
    for depth in (300, 480, 600):
        try:
            print("tree", depth, tree_sum(depth))
        except RecursionError:
            print("tree", depth, "RecursionError")


main()
