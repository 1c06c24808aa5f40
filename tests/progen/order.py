"""Evaluation order against a walrus (a mixin of `generator.Gen`; session 20): an operand reads a
variable and a later operand rebinds it with `:=`. CPython evaluates left to right, so the earlier
operand sees the old value (the old object, for a list or dict) and what follows sees the new one.
The shapes: print's arguments, comparisons (also chained), `+`, `max()`, a method's receiver
(`xs.count(len(xs := ys))`), a subscript, container displays, f-strings, `and`/`or` and a
conditional expression, a call of a user function (positional or keyword arguments in order), and
`+=` whose right side rebinds the target. Objects (session 21): a local object whose field,
method or list field an earlier operand or an augmented target reads, rebound by a later operand
(`o.a += (o := C(1, 'x')).a` changes the old object; an alias shows which one changed).
Only in functions: Portalis refuses a walrus that assigns a module variable.
"""

from __future__ import annotations

_TYPES = ("int", "str", "list[int]", "dict[str, int]", "float", "tuple[int, str]")


class OrderMixin:
    def order_stmt(self, env: dict[str, str], indent: str, fn) -> list[str]:
        r = self.r
        if fn is not None and self.classes and r.random() < 0.35:
            return self.order_obj(env, indent)
        cands = [n for n, t in env.items() if t in _TYPES and n not in self.globals]
        if fn is None or not cands:  # (a walrus assigning a module variable is refused: refusal-codes)
            return []
        name = r.choice(cands)
        t = env[name]
        v = self.spell(name)
        w = f"({v} := {self.expr(t, env, 1)})"
        forms = [f"print({v}, {w}, {v})", f"print([{v}, {w}, {v}])", f"print(({v}, {w}))",
                 f"print({v} == {w}, {v})", f"print({v} != {w}, {v})",
                 f"print({v} if {w} else {v}, {v})", f"print({v} and {w}, {v})", f"print({v} or {w}, {v})",
                 f"print({{'a': {v}, 'b': {w}}}, {v})"]
        quote = next((q for q in "'\"" if q not in w), None)  # 3.11: no reused quote, no backslash
        if quote and "\\" not in w:
            forms.append(f"print(f{quote}{{{v}}}|{{{w}}}|{{{v}}}{quote})")
        if t in ("int", "str", "float", "list[int]", "tuple[int, str]"):
            forms += [f"print({v} < {w}, {v})", f"print({v} <= {w} <= {v}, {v})", f"print(max({v}, {w}), {v})"]
        if t in ("int", "str", "float", "list[int]"):
            forms += [f"print({v} + {w}, {v})", f"print({v} + {v} + {w} + {v})", f"{v} += {w}"]
        if t == "int":
            forms += [f"print({v} - {w} * 2 - {v}, {v})", f"print({v} in [{w}, {v}], {v})", f"print(-{v} < {w}, {v})"]
        if t == "str":
            forms += [f"print({v}.find(str(len({w}))), {v})", f"print({v}.replace('a', {w}), {v})",
                      f"print({v}.startswith({w}), {v})", f"print({v}[len({w}) % max(len({v}), 1):], {v})",
                      f"print({v}.count({w}[:1]), {v})"]
        if t == "list[int]":
            forms += [f"print({v}.count(len({w})), {v})", f"print({v} * len({w}), {v})",
                      f"print({v}[len({w}) % max(len({v}), 1):], {v})", f"print({v} == {w}, {v})",
                      f"print(len({v}) + len({w}), {v})", f"print(sorted({v} + {w}), {v})"]
        if t == "dict[str, int]":
            forms += [f"print({v}.get(str(len({w})), -1), {v})", f"print(sorted({v}.items()), {w}, {v})",
                      f"print(len({v}) - len({w}), {v})", f"print('a' in {v}, {v} == {w})"]
        fns = [f for f in self.fns if f is not self.current and f is not self.enclosing
               and len(f.params) >= 2 and f.params[0][1] == t and f.params[1][1] == t]
        if fns:  # a user function's arguments, left to right
            f = r.choice(fns)
            rest = ", ".join(self.expr(pt, env, 1) for _, pt in f.params[2:])
            forms.append(f"print({self.spell(f.name)}({v}, {w}{', ' + rest if rest else ''}), {v})")
            (p0, _), (p1, _) = f.params[:2]
            kw = "".join(f", {self.spell(pn)}={self.expr(pt, env, 1)}" for pn, pt in f.params[2:])
            forms.append(f"print({self.spell(f.name)}({self.spell(p0)}={v}, {self.spell(p1)}={w}{kw}), {v})")
        pick = r.choice(forms)
        if pick == f"{v} += {w}":
            return [f"{indent}{pick}", f"{indent}print({v})"]
        return [f"{indent}{pick}"]

    def order_obj(self, env: dict[str, str], indent: str) -> list[str]:
        """A fresh local object `o` and its alias `old`; then a statement whose earlier operand
        (or augmented target) reads `o` and whose later operand rebinds it."""
        r = self.r
        c = r.choice(self.classes)
        so, sold = self.spell(self.fresh()), self.spell(self.fresh())

        def make() -> str:
            return f"{self.spell(c)}({self.expr('int', env, 1)}, {self.expr('str', env, 1)})"

        w = f"({so} := {make()})"
        forms = [
            [f"print({so}.a, {w}.a, {so}.a, {sold}.a)"],
            [f"{so}.a += {w}.a", f"print({sold}.a, {so}.a)"],
            [f"{so}.b += {w}.b", f"print({sold}.b, {so}.b)"],
            [f"{so}.a -= len({w}.hist)", f"print({sold}.a, {so}.a)"],
            [f"print({so}.label() + {w}.label(), {so}.a)"],
            [f"{so}.hist.append(len({w}.hist))", f"print({sold}.hist, {so}.hist)"],
            [f"{so}.hist[0] += {w}.a", f"print({sold}.hist, {so}.hist)"],
            [f"print({so}.bump({w}.a), {sold}.a, {so}.a)"],
            [f"print([{so}.a, {w}.a, {so}.b], {sold}.hist)"],
            [f"print({so}.a < {w}.a, {so}.a == {sold}.a)"],
        ]
        quote = next((q for q in "'\"" if q not in w), None)  # 3.11: no reused quote, no backslash
        if quote and "\\" not in w:
            forms.append([f"print(f{quote}{{{so}.b}}|{{{w}.b}}|{{{so}.b}}{quote})"])
        return [f"{indent}{so} = {make()}", f"{indent}{sold} = {so}"] + [indent + line for line in r.choice(forms)]
