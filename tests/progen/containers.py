"""The generator's list and dict methods, chained comparisons and loops with `else` (a mixin of
`generator.Gen`): `insert` at negative and out-of-range positions, `remove`/`index` of missing
items and `del` of missing keys inside try, `pop(i)`, `extend`, `reverse`, `update`,
`setdefault`, `pop(k, default)`, keys/values as lists, slices with steps, `for`/`while` with
`else` and `break`, dict comprehensions, zip/enumerate/any/all.
"""

from __future__ import annotations


class ContainersMixin:
    def container_stmt(self, env: dict[str, str], indent: str, fn) -> list[str]:
        r = self.r
        lists = [n for n, ty in env.items() if ty == "list[int]"]
        dicts = [n for n, ty in env.items() if ty == "dict[str, int]"]
        i = lambda: self.expr("int", env, 1)  # noqa: E731
        w = self.spell(self.fresh())
        k = r.randrange(9)
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
        xs = self.expr("list[int]", env, 1)
        return [f"{indent}print(list(zip({xs}, {self.expr('str', env, 1)})), list(enumerate({xs}, {r.randint(-1, 2)})), "
                f"any({xs}), all({xs}), [{w} for {w} in {xs} if {w} > {i()}])"]
