"""Generator functions and their consumers (a mixin of `generator.Gen`; session 16): bodies that
print between `yield`s (the order of the generator's and the consumer's output is the check),
yields in loops and branches, `yield from` a list, a range or another generator, an early bare
`return`, `yield` inside `try`/`except ValueError` around a parse that may fail; consumed by
`for` loops that `break`, `continue` or raise, by list/sum/sorted/any/all/min/max, str.join,
comprehensions and enumerate.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class GenFn:
    name: str
    params: list[tuple[str, str]]
    elem: str  # "int" | "str"


class GensMixin:
    def gen_decl(self) -> list[str]:
        r = self.r
        name = self.fresh()
        self.module.add(name)
        elem = r.choice(["int", "int", "str"])
        params = [(self.fresh(), r.choice(["int", "str", "list[int]"])) for _ in range(r.randint(0, 2))]
        env = {p: t for p, t in params}
        sig = ", ".join(f"{self.spell(p)}: {t}" for p, t in params)
        ann = r.choice([f" -> Iterator[{elem}]", f" -> Generator[{elem}, None, None]", f" -> Iterable[{elem}]", ""])
        lines = [f"\ndef {self.spell(name)}({sig}){ann}:"]
        saved, self.current = self.current, None
        self.depth += 1
        body: list[str] = []
        for _ in range(r.randint(1, 4)):
            body += self.gen_piece(env, "    ", elem)
        if not any("yield" in ln for ln in body):  # else a plain function: its annotation would be wrong
            body.append(f"    yield {self.expr(elem, env, 1)}")
        self.depth -= 1
        self.current = saved
        lines += body
        self.gens.append(GenFn(name, params, elem))
        return lines

    def gen_piece(self, env: dict[str, str], ind: str, elem: str) -> list[str]:
        r = self.r
        v = lambda e: self.expr(elem, e, 1)  # noqa: E731
        k = r.randrange(9)
        if k == 0:
            return [f"{ind}yield {v(env)}"]
        if k == 1:  # a statement of the usual kinds (prints, assignments) between the yields
            return self.stmt(env, ind, None)
        if k == 2:
            i = self.fresh()
            inner = dict(env)
            inner[i] = "int"
            src = r.choice([f"range({r.randint(0, 5)})", f"[{self.expr('int', env, 1)}, {self.expr('int', env, 1)}]"])
            body = [f"{ind}    print({self.literal('str')}, {self.spell(i)})"] if r.random() < 0.5 else []
            body.append(f"{ind}    yield {v(inner)}")
            if r.random() < 0.3:
                body.append(f"{ind}    if {self.bool_expr(inner, 1)}:\n{ind}        {r.choice(['break', 'continue', 'return'])}")
            return [f"{ind}for {self.spell(i)} in {src}:", *body]
        if k == 3:
            return [f"{ind}if {self.bool_expr(env, 1)}:", f"{ind}    yield {v(env)}", f"{ind}else:",
                    f"{ind}    print({self.literal('str')})"]
        if k == 4:  # yield from a list, or from another generator of the same items
            others = [g for g in self.gens if g.elem == elem]
            if others and r.random() < 0.6:
                return [f"{ind}yield from {self.gen_call(r.choice(others), env)}"]
            return [f"{ind}yield from [{v(env)}, {v(env)}]"]
        if k == 5:
            return [f"{ind}if {self.bool_expr(env, 1)}:", f"{ind}    return", f"{ind}yield {v(env)}"]
        if k == 6 and elem == "int":  # a yield guarded by a handler: the consumer's errors pass it by
            s = self.fresh()
            return [f"{ind}for {self.spell(s)} in [{self.literal('str')}, {self.literal('str')}, '7']:",
                    f"{ind}    try:", f"{ind}        yield int({self.spell(s)})",
                    f"{ind}    except ValueError:", f"{ind}        print('bad', repr({self.spell(s)}))"]
        if k == 7:
            i = self.fresh()
            return [f"{ind}{self.spell(i)} = 0", f"{ind}while {self.spell(i)} < {r.randint(0, 3)}:",
                    f"{ind}    {self.spell(i)} += 1", f"{ind}    yield {v(env)}"]
        return [f"{ind}print('in generator', {self.literal('str')})", f"{ind}yield {v(env)}"]

    def gen_call(self, g: GenFn, env: dict[str, str]) -> str:
        return f"{self.spell(g.name)}({', '.join(self.expr(t, env, 1) for _, t in g.params)})"

    def gen_stmt(self, env: dict[str, str], indent: str, fn) -> list[str]:
        r = self.r
        g = r.choice(self.gens)
        call = self.gen_call(g, env)
        v = self.fresh()
        inner = dict(env)
        inner[v] = g.elem
        x = self.spell(v)
        k = r.randrange(8)
        if k <= 2:
            stop = [f"{indent}    if {self.bool_expr(inner, 1)}:", f"{indent}        {r.choice(['break', 'continue'])}"]
            body = stop if r.random() < 0.6 else []
            body.append(f"{indent}    print('item', {x})")
            if self.excs and r.random() < 0.2:
                e = self.spell(r.choice(self.excs))
                return [f"{indent}try:", *[("    " + ln) for ln in [f"{indent}for {x} in {call}:", *body]],
                        f"{indent}    raise {e}('from the loop')", f"{indent}except {e} as {x}_e:",
                        f"{indent}    print('caught', {x}_e)"]
            out = [f"{indent}for {x} in {call}:", *body]
            if r.random() < 0.3:
                out += [f"{indent}else:", f"{indent}    print('no break')"]
            return out
        if k == 3:
            i = self.spell(self.fresh())
            return [f"{indent}for {i}, {x} in enumerate({call}, {r.randint(0, 2)}):", f"{indent}    print({i}, {x})"]
        if g.elem == "int":
            consumer = r.choice(["list({})", "sum({})", "sorted({}, reverse=True)", "sorted(set({}))", "len(list({}))",
                                 "min({}, default=-1)", "max({}, default=-1)", "all({})"])
            return [f"{indent}print({consumer.format(call)})" if k in (4, 5) else
                    f"{indent}print(any({x} > {self.expr('int', env, 1)} for {x} in {call}))" if k == 6 else
                    f"{indent}print([{x} * 2 for {x} in {call} if {x} % 2 == 0])"]
        return [f"{indent}print({r.choice([repr('|'), repr(''), repr(', ')])}.join({call}))" if k in (4, 5) else
                f"{indent}print(sorted({call}, key=len))" if k == 6 else
                f"{indent}print([{x}.upper() for {x} in {call}])"]
