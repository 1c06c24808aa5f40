"""The generator's value classes with protocols (a mixin of `generator.Gen`).

A value class has fields `v` (int) and `tag` (str) and a random selection of: a class attribute
counting the instances (`C.made += 1`), `__str__` and/or `__repr__`, `__eq__` (with an
isinstance test returning NotImplemented) and `__hash__`, `__lt__` alone or with
`functools.total_ordering`, `__add__` (with another instance, and maybe with an int through
isinstance), `__len__`, `__bool__`, a property, a classmethod constructor parsing text, and a
staticmethod. Statements use only what the class has (so CPython does not fail where no error
was meant), in the ways CPython documents: print (str) and containers (repr), comparisons
with reflected fallbacks, sorting with ties, min/max, dict keys, truthiness, len.
"""

from __future__ import annotations


class RichMixin:
    # set by Gen.__init__: self.rich {name: set of features}

    def rich_decl(self) -> list[str]:
        r = self.r
        name = self.fresh()
        self.module.add(name)
        n = self.spell(name)
        f: set[str] = {x for x in ("made", "str", "repr", "eq", "lt", "add", "len", "bool", "prop", "parse", "static")
                       if r.random() < 0.5}
        if "eq" in f and r.random() < 0.6:
            f.add("hash")
        if "lt" in f and r.random() < 0.5:
            f.add("total")
        if "add" in f and r.random() < 0.4:
            f.add("add_int")
        if "parse" in f:
            f.add("repr")  # printing what it parsed
        out = ["@total_ordering"] if "total" in f else []
        out.append(f"class {n}:")
        if "made" in f:
            out.append("    made = 0")
        out += ["    def __init__(self, v: int, tag: str):", "        self.v = v", "        self.tag = tag"]
        if "made" in f:
            out.append(f"        {n}.made += 1")
        if "prop" in f:
            out += ["    @property", "    def size(self) -> int:", f"        return self.v * {r.randint(2, 5)} + len(self.tag)"]
        if "parse" in f:
            out += ["    @classmethod", f"    def parse(cls, text: str) -> '{n}':", "        head, _, rest = text.partition(' ')",
                    "        return cls(int(head), rest)"]
        if "static" in f:
            out += ["    @staticmethod", "    def norm(t: str) -> str:", f"        return t.strip().{r.choice(['lower', 'upper', 'title'])}()"]
        if "str" in f:
            out += ["    def __str__(self) -> str:", f"        return f'<{{self.tag}}:{{self.v:{r.choice(['', '>4', '+', '_'])}}}>'"]
        if "repr" in f:
            out += ["    def __repr__(self) -> str:", f"        return f'{name}({{self.v!r}}, {{self.tag!r}})'"]
        if "eq" in f:
            out += ["    def __eq__(self, other: object) -> bool:", f"        if not isinstance(other, {n}):",
                    "            return NotImplemented",
                    "        return self.v == other.v" + (" and self.tag == other.tag" if r.random() < 0.5 else "")]
        if "hash" in f:
            out += ["    def __hash__(self) -> int:", "        return self.v"]
        if "lt" in f:
            key = r.choice(["self.v < other.v", "(self.v, self.tag) < (other.v, other.tag)", "len(self.tag) < len(other.tag)"])
            out += [f"    def __lt__(self, other: '{n}') -> bool:", f"        return {key}"]
        if "add" in f:
            if "add_int" in f:
                out += ["    def __add__(self, other: object) -> " + f"'{n}':", f"        if isinstance(other, {n}):",
                        f"            return {n}(self.v + other.v, self.tag + other.tag)",
                        "        if isinstance(other, int):", f"            return {n}(self.v + other, self.tag)",
                        "        return NotImplemented"]
            else:
                out += [f"    def __add__(self, other: '{n}') -> '{n}':", f"        return {n}(self.v + other.v, self.tag[:3] + other.tag[:3])"]
        if "len" in f:
            out += ["    def __len__(self) -> int:", "        return len(self.tag)"]
        if "bool" in f:
            out += ["    def __bool__(self) -> bool:", "        return self.v % 3 != 0"]
        self.rich[name] = f
        return out + [""]

    def rich_value(self, c: str, env: dict[str, str]) -> str:
        return f"{self.spell(c)}({self.expr('int', env, 1)}, {self.expr('str', env, 1)})"

    def rich_stmt(self, env: dict[str, str], indent: str) -> list[str]:
        r = self.r
        c = r.choice(sorted(self.rich))
        f = self.rich[c]
        sc = self.spell(c)
        have = [n for n, ty in env.items() if ty == "rich:" + c]
        if not have or r.random() < 0.25:
            v = self.fresh()
            env[v] = "rich:" + c
            made = f", {sc}.made" if "made" in f else ""
            return [f"{indent}{self.spell(v)} = {self.rich_value(c, env)}", f"{indent}print({self.spell(v)}.v, {self.spell(v)}.tag{made})"]
        x = self.spell(r.choice(have))
        y = self.spell(r.choice(have))
        w = self.fresh()
        opts: list[list[str]] = []
        if "str" in f or "repr" in f:
            opts.append([f"{indent}print({x}, str({x}), f'{{{x}}}')"])
        if "repr" in f:
            opts.append([f"{indent}print([{x}, {y}], repr({x}), f'{{{x}!r}}')"])
        if "eq" in f:
            opts.append([f"{indent}print({x} == {y}, {x} != {y}, {x} == {self.rich_value(c, env)}, {x} == {r.choice(['3', repr('a'), 'None'])})"])
            opts.append([f"{indent}print({x} in [{y}, {self.rich_value(c, env)}], [{x}, {y}].count({x}))"])
        if "hash" in f:
            opts.append([f"{indent}{self.spell(w)} = {{{x}: 1, {y}: 2}}",
                         f"{indent}print(len({self.spell(w)}), {self.spell(w)}[{x}], {x} in {self.spell(w)}, len({{{x}, {y}, {x}}}))"])
        if "lt" in f:
            opts.append([f"{indent}print({x} < {y}, {x} > {y})"])
            key = "lambda z: z.v" if r.random() < 0.5 else "lambda z: z.tag"
            show = "[z.v for z in " if "repr" not in f else "("
            close = "]" if "repr" not in f else ")"
            opts.append([f"{indent}print({show}sorted([{x}, {y}, {self.rich_value(c, env)}, {x}]){close}, "
                         f"{'[z.tag for z in ' if 'repr' not in f else '('}sorted([{y}, {x}], key={key}, reverse={r.choice(['True', 'False'])}){close})"])
            opts.append([f"{indent}print(max({x}, {y}).v, min([{y}, {x}]).tag)"])
        if "total" in f:
            opts.append([f"{indent}print({x} <= {y}, {x} >= {y}, {y} >= {x})"])
        if "add" in f:
            opts.append([f"{indent}{self.spell(w)} = {x} + {y}", f"{indent}print({self.spell(w)}.v, {self.spell(w)}.tag)"])
            opts.append([f"{indent}{x} += {y}", f"{indent}print({x}.v, {x}.tag, {x} is {y})"])
        if "add_int" in f:
            opts.append([f"{indent}print(({x} + {self.expr('int', env, 1)}).v)"])
        if "len" in f:
            opts.append([f"{indent}print(len({x}), len({x}) + len({y}))"])
        if "bool" in f or "len" in f:
            opts.append([f"{indent}if {x}:", f"{indent}    print('truthy', {x}.v)", f"{indent}else:", f"{indent}    print('falsy', {x}.tag)",
                         f"{indent}print(bool({y}), not {x}, [{self.spell(w)}.v for {self.spell(w)} in [{x}, {y}] if {self.spell(w)}])"])
        if "prop" in f:
            opts.append([f"{indent}print({x}.size, {y}.size - {x}.size)"])
        if "parse" in f:
            opts.append([f"{indent}print({sc}.parse(str({self.expr('int', env, 1)}) + ' ' + {self.expr('str', env, 1)}))"])
        if "static" in f:
            opts.append([f"{indent}print({sc}.norm({x}.tag), {x}.norm({self.expr('str', env, 1)}))"])
        if "made" in f:
            opts.append([f"{indent}print({sc}.made, {x}.made)"])
        opts.append([f"{indent}{x}.v = {x}.v * 2 - {self.expr('int', env, 1)}", f"{indent}print({x}.v, {y}.v, {x} is {y})"])
        return r.choice(opts)
