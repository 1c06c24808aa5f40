"""The generator's enums, named tuples and values of several types (a mixin of `generator.Gen`).

Enums (`Enum` and `IntEnum`, int values, `auto()`, aliases) and `typing.NamedTuple` classes are
declared at module level; their members' and fields' names are drawn to collide with Rust
keywords, the runtime's names and tuple methods (`count`, `index`). Statements use them the ways
CPython documents: repr/str/format (with a spec too), `.name`/`.value`, lookup by value and by
name (also failing ones, inside try), iteration, identity, dict keys, IntEnum arithmetic and
ordering; named tuples' repr, fields by name and index, `_replace`, `_fields`, unpacking,
ordering, equality, dict keys, `match` (members, class patterns by keyword and position, sequence
patterns). `mixed_stmt` writes dicts of lists, sets and `int | float` / `int | str` values (also
matched by class patterns).
"""

from __future__ import annotations

MEMBERS = ["RED", "GREEN", "LOW", "HIGH", "type", "Self", "fn", "crate", "match", "Ok", "mut", "loop", "A", "a",
           "impl", "Some"]
FIELDS = ["x", "y", "count", "index", "type", "match", "label", "fn", "Self", "loop", "kind"]


class RecordsMixin:
    # set by Gen.__init__: self.enums {name: (members [(member, value)], is_int_enum)},
    # self.nts {name: [(field, type, default or None)]}

    def enum_decl(self) -> list[str]:
        r = self.r
        name = self.fresh()
        self.module.add(name)
        is_int = r.random() < 0.5
        members: list[tuple[str, int]] = []
        lines = [f"class {self.spell(name)}({'IntEnum' if is_int else 'Enum'}):"]
        for m in r.sample(MEMBERS, k=r.randint(1, 4)):
            if members and r.random() < 0.35:
                v, text = max(mv for _, mv in members) + 1, "auto()"  # CPython 3.11: the largest value + 1
            elif members and r.random() < 0.15:
                v = r.choice(members)[1]  # an alias of an earlier member
                text = str(v)
            else:
                v = r.randint(-4, 12) if members or r.random() < 0.7 else 1
                if any(v == mv for _, mv in members):
                    v = max(mv for _, mv in members) + 1
                text = str(v) if not (not members and v == 1 and r.random() < 0.5) else "auto()"
            members.append((m, v))
            lines.append(f"    {m} = {text}")
        self.enums[name] = (members, is_int)
        return lines + [""]

    def nt_decl(self) -> list[str]:
        r = self.r
        name = self.fresh()
        self.module.add(name)
        fields = []
        lines = [f"class {self.spell(name)}(NamedTuple):"]
        for i, f in enumerate(r.sample(FIELDS, k=r.randint(1, 3))):
            t = r.choice(["int", "str"])
            # a default must be a literal (a constant expression such as `2 ** 62` is refused)
            big = [4611686018427387904, -9223372036854775808] if self.wide_ints else [65535, -32768]
            lit = str(r.choice([0, -1, 7, *big])) if t == "int" else self.literal(t)
            default = lit if i and fields[-1][2] is not None or (i and r.random() < 0.3) else None
            fields.append((f, t, default))
            lines.append(f"    {f}: {t}" + (f" = {default}" if default is not None else ""))
        self.nts[name] = fields
        return lines + [""]

    def _canonical(self, e: str) -> list[tuple[str, int]]:
        """The members iteration shows (aliases are not listed)."""
        seen: set[int] = set()
        out = []
        for m, v in self.enums[e][0]:
            if v not in seen:
                seen.add(v)
                out.append((m, v))
        return out

    def nt_value(self, p: str, env: dict[str, str]) -> str:
        fields = self.nts[p]
        required = sum(1 for _, _, dflt in fields if dflt is None)
        n = self.r.randint(required, len(fields))  # the defaults left out are a suffix
        return f"{self.spell(p)}({', '.join(self.expr(t, env, 1) for _, t, _ in fields[:n])})"

    def record_stmt(self, env: dict[str, str], indent: str) -> list[str]:
        r = self.r
        if self.enums and (not self.nts or r.random() < 0.5):
            return self.enum_stmt(env, indent)
        return self.nt_stmt(env, indent)

    def enum_stmt(self, env: dict[str, str], indent: str) -> list[str]:
        r = self.r
        e = r.choice(sorted(self.enums))
        members, is_int = self.enums[e]
        se = self.spell(e)
        have = [n for n, ty in env.items() if ty == "enum:" + e]
        if not have or r.random() < 0.3:
            v = self.fresh()
            env[v] = "enum:" + e
            m = r.choice(members)[0]
            return [f"{indent}{self.spell(v)} = {se}.{m}",
                    f"{indent}print({self.spell(v)}, repr({self.spell(v)}), {self.spell(v)}.name, {self.spell(v)}.value)"]
        v = self.spell(r.choice(have))
        m2 = r.choice(members)[0]
        val = r.choice(members)[1] if r.random() < 0.8 else 99
        w = self.fresh()
        opts = [
            [f"{indent}print({v} == {se}.{m2}, {v} is {se}.{m2}, {v} != {se}.{m2})"],
            [f"{indent}print(f\"{{{v}}}|{{{v}!r}}|{{{v}:{r.choice(['>9', '<7', '^8', ''])}}}|\", str({v}))"],
            [f"{indent}try:", f"{indent}    print({se}({val}))", f"{indent}except ValueError as {self.spell(w)}:",
             f"{indent}    print('ValueError', {self.spell(w)})"],
            [f"{indent}try:", f"{indent}    print({se}[{r.choice([m2, m2.lower(), 'name'])!r}])",
             f"{indent}except KeyError as {self.spell(w)}:", f"{indent}    print('KeyError', {self.spell(w)})"],
            [f"{indent}for {self.spell(w)} in {se}:",
             f"{indent}    print({self.spell(w)}.name, {self.spell(w)}.value, {self.spell(w)} is {v})"],
            [f"{indent}print(list({se}), len({se}), [{self.spell(w)}.name for {self.spell(w)} in {se}])"],
            [f"{indent}print({{{self.spell(w)}: {self.spell(w)}.name * 2 for {self.spell(w)} in {se}}}[{v}])"],
            [f"{indent}match {v}:", f"{indent}    case {se}.{m2} | {se}.{r.choice(members)[0]}:",
             f"{indent}        print('first', {v}.name)", f"{indent}    case {self.spell(w)}:",
             f"{indent}        print('other', {self.spell(w)}, {self.spell(w)}.value)"],
        ]
        if is_int:
            opts += [
                [f"{indent}print({v} + {self.expr('int', env, 1)}, {v} < {self.expr('int', env, 1)}, {v} * 2, -{v})"],
                [f"{indent}print(sorted([{se}.{m2}, {v}]), max({se}), min({v}, {se}.{m2}), {v} == {r.choice(members)[1]})"],
            ]
        return r.choice(opts)

    def nt_stmt(self, env: dict[str, str], indent: str) -> list[str]:
        r = self.r
        p = r.choice(sorted(self.nts))
        fields = self.nts[p]
        sp = self.spell(p)
        have = [n for n, ty in env.items() if ty == "nt:" + p]
        if not have or r.random() < 0.3:
            v = self.fresh()
            env[v] = "nt:" + p
            return [f"{indent}{self.spell(v)} = {self.nt_value(p, env)}", f"{indent}print({self.spell(v)})"]
        v = self.spell(r.choice(have))
        f, t, _ = r.choice(fields)
        w = self.fresh()
        if r.random() < 1 / 6:
            names = [self.fresh() for _ in fields]
            lines = [f"{indent}{', '.join(self.spell(n) for n in names)}{',' if len(names) == 1 else ''} = {v}",
                     f"{indent}print({', '.join(self.spell(n) for n in names)})"]
            for n, (_, ft, _) in zip(names, fields):
                env[n] = ft
            return lines
        opts = [
            [f"{indent}print({v}.{f}, {v}[{r.randrange(len(fields))}], len({v}), {sp}._fields, repr({v}))"],
            [f"{indent}{self.spell(w)} = {v}._replace({f}={self.expr(t, env, 1)})",
             f"{indent}print({self.spell(w)}, {self.spell(w)} == {v}, {self.spell(w)} < {v}, {v} <= {self.spell(w)})"],
            [f"{indent}print(sorted([{v}, {self.nt_value(p, env)}, {v}]), max([{v}, {self.nt_value(p, env)}]))"],
            [f"{indent}print({{{v}: 1, {self.nt_value(p, env)}: 2}}[{v}], {v} in [{self.nt_value(p, env)}])"],
            [f"{indent}print(f'{{{v}}}', {v} == {self.nt_value(p, env)})"],
            self.nt_match(p, v, env, indent),
        ]
        return r.choice(opts)

    def nt_match(self, p: str, v: str, env: dict[str, str], indent: str) -> list[str]:
        """`match` on a named tuple: a class pattern by keyword and by position, a sequence pattern."""
        r = self.r
        fields = self.nts[p]
        f, t, _ = r.choice(fields)
        caps = [self.spell(self.fresh()) for _ in fields]
        last = self.spell(self.fresh())
        return [f"{indent}match {v}:",
                # a pattern takes a literal, not an expression (`-(2 ** 63)`, `2 ** 62`: SyntaxError)
                f"{indent}    case {self.spell(p)}({f}={str(r.randint(-50, 50)) if t == 'int' else self.literal(t)}):",
                f"{indent}        print('by keyword', {v}.{f})",
                f"{indent}    case {self.spell(p)}({', '.join(caps)}) if {caps[0]} {r.choice(['==', '!='])} {self.literal(fields[0][1])}:",
                f"{indent}        print('by position', {', '.join(caps)})",
                f"{indent}    case ({last}, *_):",
                f"{indent}        print('as a sequence', {last})"]

    def mixed_stmt(self, env: dict[str, str], indent: str) -> list[str]:
        """Dicts of lists, sets, and values of several types (`int | float`, `int | str`)."""
        r = self.r
        a, b, c = self.fresh(), self.fresh(), self.fresh()
        k = r.randrange(4)
        if k == 0:
            words = self.expr("list[str]", env, 1)
            return [f"{indent}{self.spell(a)}: dict[str, list[int]] = {{}}",
                    f"{indent}for {self.spell(b)} in {words}:",
                    f"{indent}    {self.spell(a)}.setdefault({self.spell(b)}[:1], []).append(len({self.spell(b)}))",
                    f"{indent}print({self.spell(a)}, sorted(({self.spell(b)}, sum({self.spell(c)})) for {self.spell(b)}, {self.spell(c)} in {self.spell(a)}.items()))"]
        if k == 1:
            return [f"{indent}{self.spell(a)} = set({self.expr('list[int]', env, 1)})",
                    f"{indent}{self.spell(b)} = {{{self.expr('int', env, 1)}, {r.randint(-3, 9)}}}",
                    f"{indent}print(sorted({self.spell(a)} | {self.spell(b)}), sorted({self.spell(a)} & {self.spell(b)}), "
                    f"sorted({self.spell(a)} - {self.spell(b)}), {self.spell(a)} <= {self.spell(b)}, len({self.spell(a)} ^ {self.spell(b)}))"]
        if k == 2:
            return [f"{indent}{self.spell(a)}: int | float = {self.expr('int', env, 1)}",
                    f"{indent}if {self.bool_expr(env, 1)}:",
                    f"{indent}    {self.spell(a)} = {self.spell(a)} * {self.expr('float', env, 1)}",
                    f"{indent}print({self.spell(a)}, isinstance({self.spell(a)}, int), {self.spell(a)} + 1, {self.spell(a)} == 2)",
                    f"{indent}match {self.spell(a)}:", f"{indent}    case int({self.spell(b)}) if {self.spell(b)} > {r.randint(-3, 5)}:",
                    f"{indent}        print('int', {self.spell(b)} // 2)", f"{indent}    case float() | int():",
                    f"{indent}        print('number', {self.spell(a)} * 2)"]
        return [f"{indent}{self.spell(a)}: int | str = {self.expr('int', env, 1)}",
                f"{indent}if {self.bool_expr(env, 1)}:",
                f"{indent}    {self.spell(a)} = {self.expr('str', env, 1)}",
                f"{indent}print({self.spell(a)}, repr({self.spell(a)}), isinstance({self.spell(a)}, str), {self.spell(a)} == 0)",
                f"{indent}match {self.spell(a)}:", f"{indent}    case str({self.spell(b)}) if {self.spell(b)}:",
                f"{indent}        print('text', {self.spell(b)}.upper())", f"{indent}    case {r.randint(-2, 2)} | '':",
                f"{indent}        print('small or empty')", f"{indent}    case {self.spell(c)}:",
                f"{indent}        print('other', repr({self.spell(c)}))"]
