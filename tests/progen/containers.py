"""The generator's list and dict methods, chained comparisons and loops with `else` (a mixin of
`generator.Gen`): `insert` at negative and out-of-range positions, `remove`/`index` of missing
items and `del` of missing keys inside try, `pop(i)`, `extend`, `reverse`, `update`,
`setdefault`, `pop(k, default)`, keys/values as lists, slices with steps, `for`/`while` with
`else` and `break`, dict comprehensions, zip/enumerate/any/all; star-unpacking (`h, *t = xs`,
`name, *ints, x = (s, 1, 2, 1.5)`, `[*t, *ys]`, `{**d, k: v}`, `print(*t)`), zip(strict=True),
tuple.count, int.bit_length, ascii, casefold/expandtabs/removeprefix/removesuffix/isprintable;
`best = None` ... `best = v` without an annotation; Optionals narrowed by `is None` tests;
collections.defaultdict (list, int, set) and Counter (of a list, a dict; most_common, total,
update, del, ==); `if (x := ...) is not None:`; `match` statements (values, `|`, guards,
sequence, tuple and mapping patterns); collections.deque (maxlen windows, both ends, rotate,
indexing, remove/index of missing items, loops that change it).
"""

from __future__ import annotations

import ast


class ContainersMixin:
    def container_stmt(self, env: dict[str, str], indent: str, fn) -> list[str]:
        r = self.r
        lists = [n for n, ty in env.items() if ty == "list[int]"]
        dicts = [n for n, ty in env.items() if ty == "dict[str, int]"]
        i = lambda: self.expr("int", env, 1)  # noqa: E731
        w = self.spell(self.fresh())
        k = r.randrange(16)
        if k <= 2 and lists:
            xs = self.spell(r.choice(lists))
            return r.choice([
                [f"{indent}{xs}.insert({r.choice([0, -1, -3, 2, 100, -100])}, {i()})", f"{indent}{xs}.extend([{i()}, {i()}])",
                 f"{indent}print({xs}, len({xs}))"],
                [f"{indent}{xs}.reverse()", f"{indent}print({xs}[::{r.choice([2, -1, -2, 3])}], {xs}[1:-1])"],
                [f"{indent}if len({xs}) > 2:", f"{indent}    print({xs}.pop({r.choice([0, 1, -2])}), {xs})"],
                [f"{indent}try:", f"{indent}    {xs}.remove({i()})", f"{indent}    print('removed', {xs})",
                 f"{indent}except ValueError as {w}:", f"{indent}    print('ValueError', {w})"],
                [f"{indent}try:", f"{indent}    print({xs}.index({i()}))", f"{indent}except ValueError as {w}:",
                 f"{indent}    print('ValueError', {w})"],
            ])
        if k <= 5 and dicts:
            dd = self.spell(r.choice(dicts))
            key = self.expr("str", env, 1)
            return r.choice([
                [f"{indent}{dd}.update({{{self.literal('str')}: {i()}, {self.literal('str')}: {i()}}})",
                 f"{indent}print(sorted({dd}.items()), len({dd}))"],
                [f"{indent}print({dd}.setdefault({key}, {i()}), sorted({dd}.keys()), sorted({dd}.values()))"],
                [f"{indent}try:", f"{indent}    del {dd}[{key}]", f"{indent}    print('deleted', sorted({dd}))",
                 f"{indent}except KeyError as {w}:", f"{indent}    print('KeyError', {w})"],
                [f"{indent}print({dd}.pop({key}, {i()}), {dd}.get({key}, {i()}), {key} in {dd}, sorted({dd}, reverse=True))"],
                [f"{indent}print({{{w}: {dd}[{w}] * 2 for {w} in sorted({dd}) if {dd}[{w}] % 2 == 0}})"],
            ])
        if k == 6:
            a, b, c = i(), i(), i()
            return [f"{indent}print({a} < {b} <= {c}, {a} == {b} != {c}, {a} < {b} > {c}, {a} >= {b} >= {c})"]
        if k == 7:
            v = self.fresh()
            inner = dict(env)
            inner[v] = "int"
            self.depth += 1
            self.for_depth += 1
            body = self.block(inner, indent + "    ", r.randint(1, 2), fn) if self.depth < 2 else [indent + "    pass"]
            self.for_depth -= 1
            self.depth -= 1
            stop = [f"{indent}    if {self.spell(v)} == {r.randint(0, 4)}:", f"{indent}        break"]
            return [f"{indent}for {self.spell(v)} in range({r.randint(0, 5)}):"] + stop + body + \
                   [f"{indent}else:", f"{indent}    print('no break', {self.literal('str')})"]
        if k == 9:  # star-unpacking: into names (ValueError when too short), in literals, in print()
            h, tl = self.spell(self.fresh()), self.spell(self.fresh())
            shape = r.randrange(4)
            target = [f"{h}, *{tl}", f"*{tl}, {h}", f"{h}, *{tl}, {w}", f"{h}, *{tl}, {w}"][shape]
            shown = f"{h}, {tl}, {w}" if shape >= 2 else f"{h}, {tl}"
            value = self.expr('list[int]', env, 1)
            if shape == 3:  # a row of mixed types: a name, the ints between, a name
                ints = ", ".join(i() for _ in range(r.randrange(4)))
                value = f"({self.expr('str', env, 1)}, {ints}{', ' if ints else ''}{self.expr('float', env, 1)})"
            return [f"{indent}try:", f"{indent}    {target} = {value}",
                    f"{indent}    print({shown}, [*{tl}, *{self.expr('list[int]', env, 1)}, {i()}], *{tl})",
                    f"{indent}except ValueError as {w}:", f"{indent}    print('ValueError', {w})"]
        if k == 11:  # a name that starts as None, unannotated (an Optional of what it is given later)
            v, e = self.spell(self.fresh()), self.spell(self.fresh())
            op = r.choice(["<", ">", "<=", ">="])
            return [f"{indent}{w} = None", f"{indent}for {v} in {self.expr('list[int]', env, 1)}:",
                    f"{indent}    if {w} is None or {v} {op} {w}:", f"{indent}        {w} = {v}",
                    f"{indent}print({w})", f"{indent}try:", f"{indent}    print({w} {r.choice(['+', '-', '*', '<'])} {i()})",
                    f"{indent}except TypeError as {e}:", f"{indent}    print('TypeError', {e})"]
        if k == 12:  # an Optional narrowed by the flow, used where a plain int is needed
            v, acc = self.spell(self.fresh()), self.spell(self.fresh())
            xs = self.expr("list[int]", env, 1)
            shape = r.randrange(4)
            head = [f"{indent}{acc}: list[int] = []", f"{indent}for {v} in {xs}:",
                    f"{indent}    {w} = None if {v} % {r.choice([2, 3])} == 0 else {v} * {i()}"]
            if shape == 3:  # stored by a walrus in the test itself
                return head[:2] + [
                    f"{indent}    if ({w} := None if {v} % {r.choice([2, 3])} == 0 else {v} * {i()}) is not None:",
                    f"{indent}        {acc}.append({w} - 1)", f"{indent}    print({w} is None)",
                    f"{indent}print({acc}, sum({acc}))"]
            if shape == 0:  # an early continue
                body = [f"{indent}    if {w} is None:", f"{indent}        continue", f"{indent}    {acc}.append({w} // 2)"]
            elif shape == 1:  # given a value when None
                body = [f"{indent}    if {w} is None{r.choice(['', f' or {w} < {i()}'])}:",
                        f"{indent}        {w} = {i()}", f"{indent}    {acc}.append({w})"]
            else:  # inside `is not None`, and on the right of `or`
                body = [f"{indent}    if {w} is not None and {w} {r.choice(['<', '>', '!='])} {i()}:",
                        f"{indent}        {acc}.insert(0, {w} - 1)",
                        f"{indent}    print({w} is None or {w} % 2 == 0)"]
            return head + body + [f"{indent}print({acc}, sum({acc}))"]
        if k == 13:  # collections.defaultdict and Counter (2026-12-05)
            v = self.spell(self.fresh())
            xs = self.expr("list[int]", env, 1)
            shape = r.randrange(3)
            if shape == 0:
                fac, use = r.choice([("list", f"{w}[{v} % {r.randint(2, 4)}].append({v})"),
                                     ("int", f"{w}[{v} % {r.randint(2, 4)}] += {v}"),
                                     ("set", f"{w}[{v} % 3].add({v} // 2)")])
                # a set prints in hash order in CPython (Portalis warns `set-iteration-order`): sorted
                shown = f"sorted((k, sorted(s)) for k, s in {w}.items())" if fac == "set" else f"{w}, dict({w})"
                item = f"len({w}[{i()}])" if fac == "set" else f"{w}[{i()}]"
                return [f"{indent}{w} = defaultdict({fac})", f"{indent}for {v} in {xs}:", f"{indent}    {use}",
                        f"{indent}print({shown}, {item}, len({w}), {i()} in {w}, {w}.get({i()}) is None)"]
            if shape == 1:
                return [f"{indent}{w} = Counter({xs})", f"{indent}{w}.update({xs})",
                        f"{indent}print({w}, {w}.most_common({r.randint(-1, 3)}), {w}[{i()}], {w}.total(), len({w}))",
                        f"{indent}del {w}[{i()}]", f"{indent}print({w} == Counter({xs}), sorted({w}.items()))"]
            src = self.expr("dict[str, int]", env, 1) if dicts else f"{{{self.literal('str')}: {i()}}}"
            return [f"{indent}{w} = Counter({src})", f"{indent}{w}[{self.expr('str', env, 1)}] += {i()}",
                    f"{indent}print({w}, {w}.most_common(), {w}.copy() == {w}, {w}.copy())"]
        if k == 14:  # match statements (2026-12-05, session 14)
            return self.match_stmt(env, indent, dicts)
        if k == 15:  # collections.deque and OrderedDict (2026-12-05, session 15)
            return self.deque_stmt(env, indent) if r.random() < 0.6 else self.odict_stmt(env, indent)
        if k == 10:  # builtins added on 2026-12-05
            s = lambda: self.expr("str", env, 1)  # noqa: E731
            return [f"{indent}try:", f"{indent}    print(list(zip({self.expr('list[int]', env, 1)}, {s()}, strict=True)))",
                    f"{indent}except ValueError as {w}:", f"{indent}    print('ValueError', {w})",
                    f"{indent}print({{**{self.expr('dict[str, int]', env, 1)}, {s()}: {i()}}}, ({i()}, {i()}, {i()}).count({i()}), "
                    f"({i()}).bit_length(), ascii({s()}), {s()}.casefold(), {s()}.expandtabs({r.randint(-1, 9)}), "
                    f"{s()}.{r.choice(['removeprefix', 'removesuffix'])}({self.literal('str')}), {s()}.isprintable())"]
        xs = self.expr("list[int]", env, 1)
        return [f"{indent}print(list(zip({xs}, {self.expr('str', env, 1)})), list(enumerate({xs}, {r.randint(-1, 2)})), "
                f"any({xs}), all({xs}), [{w} for {w} in {xs} if {w} > {i()}])"]

    def deque_stmt(self, env: dict[str, str], indent: str) -> list[str]:
        r = self.r
        i = lambda: self.expr("int", env, 1)  # noqa: E731
        xs = lambda: self.expr("list[int]", env, 1)  # noqa: E731
        w, v, e = self.spell(self.fresh()), self.spell(self.fresh()), self.spell(self.fresh())
        shape = r.randrange(4)
        if shape == 0:  # a window: a full deque drops from the other end
            end = r.choice(["append", "appendleft"])
            return [f"{indent}{w} = deque(maxlen={r.randint(0, 4)})", f"{indent}for {v} in {xs()}:",
                    f"{indent}    {w}.{end}({v} * {i()})", f"{indent}    print({w}, sum({w}), len({w}), {w}.maxlen)"]
        if shape == 1:  # both ends, rotate, extend/extendleft, popping until empty
            pops = r.choice(["pop", "popleft"])
            return [f"{indent}{w} = deque({xs()}{r.choice(['', f', {r.randint(0, 5)}'])})",
                    f"{indent}{w}.rotate({i()})", f"{indent}{w}.extend({xs()})",
                    f"{indent}{w}.extendleft({v} + 1 for {v} in {xs()})", f"{indent}print({w}, list(reversed({w})))",
                    f"{indent}try:", f"{indent}    while True:", f"{indent}        print({w}.{pops}(), end=' ')",
                    f"{indent}except IndexError as {e}:", f"{indent}    print('IndexError', {e}, {w})"]
        if shape == 2:  # indexing and searching, with their errors
            return [f"{indent}{w} = deque({xs()})", f"{indent}try:", f"{indent}    {w}[{i()}] += {i()}",
                    f"{indent}    print({w}[{i()}], {w})", f"{indent}    {w}.remove({i()})",
                    f"{indent}    print({w}.index({i()}))",
                    f"{indent}except IndexError as {e}:", f"{indent}    print('IndexError', {e})",
                    f"{indent}except ValueError as {e}:", f"{indent}    print('ValueError', {e})",
                    f"{indent}print({w}.count({i()}), {i()} in {w}, {w} == deque({xs()}), {w}.copy(), bool({w}))"]
        # a loop over a deque that may change it: RuntimeError at the next step
        op = r.choice([f"{w}.append({v})", f"{w}.popleft()", f"{w}.rotate({i()})", f"{w}[0] = {v} + 1",
                       f"{w}.reverse()", f"{w}.clear()", f"{w}.insert({i()}, {v})", f"del {w}[{i()}]"])
        return [f"{indent}{w} = deque({xs()})", f"{indent}try:", f"{indent}    for {v} in {w}:",
                f"{indent}        print({v}, end=' ')", f"{indent}        if {v} > {i()}:", f"{indent}            {op}",
                f"{indent}except RuntimeError as {e}:", f"{indent}    print('RuntimeError', {e})",
                f"{indent}except IndexError as {e}:", f"{indent}    print('IndexError', {e})",
                f"{indent}print({w})"]

    def odict_stmt(self, env: dict[str, str], indent: str) -> list[str]:
        r = self.r
        i = lambda: self.expr("int", env, 1)  # noqa: E731
        s = lambda: self.expr("str", env, 1)  # noqa: E731
        w, k, e = self.spell(self.fresh()), self.spell(self.fresh()), self.spell(self.fresh())
        if r.random() < 0.5:  # an LRU-style sequence of moves and pops
            return [f"{indent}{w} = OrderedDict([({s()}, {i()}), ({s()}, {i()}), ({s()}, {i()})])",
                    f"{indent}try:", f"{indent}    {w}.move_to_end({s()}, last={r.choice(['True', 'False'])})",
                    f"{indent}    {w}[{s()}] = {i()}", f"{indent}    print({w}.popitem(last={r.choice(['True', 'False'])}), {w})",
                    f"{indent}except KeyError as {e}:", f"{indent}    print('KeyError', {e})",
                    f"{indent}print({w} == OrderedDict(reversed(list({w}.items()))), {w} == dict({w}), {w}.keys())"]
        op = r.choice([f"{w}[{s()}] = {i()}", f"{w}.move_to_end({k})", f"del {w}[{k}]", f"{w}[{k}] = {i()}",
                       f"{w}.clear()", f"{w}.pop({s()}, -1)"])
        return [f"{indent}{w} = OrderedDict([({s()}, {i()}), ({s()}, {i()})])", f"{indent}try:",
                f"{indent}    for {k} in {w}:", f"{indent}        print({k}, end=' ')", f"{indent}        {op}",
                f"{indent}except RuntimeError as {e}:", f"{indent}    print('RuntimeError', {e})",
                f"{indent}except KeyError as {e}:", f"{indent}    print('KeyError', {e})",
                f"{indent}print({w})"]

    def match_stmt(self, env: dict[str, str], indent: str, dicts: list[str]) -> list[str]:
        r = self.r
        i = lambda: self.expr("int", env, 1)  # noqa: E731
        a, b, c = (self.spell(self.fresh()) for _ in range(3))
        shape = r.randrange(4)
        if shape == 0:  # an int: literals, `|`, a guarded capture, the wildcard
            cases = [(f"{r.randint(-2, 3)} | {r.randint(4, 9)}", f"'small', {i()}"),
                     (f"{a} if {a} % {r.choice([2, 3])} == 0", f"'guarded', {a}"),
                     (f"{b}", f"'other', {b} * {i()}")]
            subject = i()
        elif shape == 1:  # a list: sequence patterns with and without a star
            cases = [("[]", "'empty'"), (f"[{a}]", f"'one', {a}"),
                     (f"[{a}, {b}] if {a} {r.choice(['<', '>', '=='])} {b}", f"'pair', {a}, {b}"),
                     (f"[{a}, *{c}]", f"'head', {a}, {c}, len({c})"), ("_", "'never'")]
            subject = self.expr("list[int]", env, 1)
        elif shape == 2:  # a tuple of an int and a str
            cases = [(f"(0, {c})", f"'zero', {c}"),
                     (f"({a}, {self.literal('str')} | {self.literal('str')})", f"'word', {a}"),
                     (f"({a}, {b}) if {a} > {i()}", f"'big', {a}, {b}"), (f"(_, {c})", f"'rest', {c}")]
            subject = f"({i()}, {self.expr('str', env, 1)})"
        else:  # a dict: mapping patterns
            k1, k2 = self.literal("str"), self.literal("str")
            if ast.literal_eval(k2) == ast.literal_eval(k1):  # a duplicate key is CPython's SyntaxError
                k2 = repr(ast.literal_eval(k1) + "2")
            cases = [(f"{{{k1}: {r.randint(0, 3)}}}", "'exact'"), (f"{{{k1}: {a}, {k2}: {b}}}", f"'both', {a}, {b}"),
                     (f"{{{k2}: {a}}} if {a} > {i()}", f"'big', {a}"), ("{}", "'any'")]
            subject = self.expr("dict[str, int]", env, 1) if dicts else f"{{{k1}: {i()}, {k2}: {i()}}}"
        out = [f"{indent}match {subject}:"]
        for pat, shown in cases:
            out += [f"{indent}    case {pat}:", f"{indent}        print({shown})"]
        return out
