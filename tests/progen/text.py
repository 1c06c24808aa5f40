"""Text and dict idioms (a mixin of `generator.Gen`; session 19): the shapes the translator
rewrites for speed, written as users write them, so the differential check covers each
rewrite and the cases next to it that must not be rewritten:

* one-character locals: `for ch in s:` and `c = s[i]` inside an index loop, compared with
  characters and with longer or empty strs, `in` a literal, `ord()`, `.isdigit()`, used as a str
  (appended, concatenated, formatted, a dict key); `s[i].isalpha()`, `ord(s[i])`, and an index
  out of range inside try;
* the counting idiom `if k in d: d[k] += x` / `else: d[k] = x` (both orders, and an `else` that
  stores another value);
* the grouping idiom `if k not in d: d[k] = []` then `d[k].append(x)`, with an argument that
  reads the dict;
* `sep.join([str(n) for n in ints])`, nested f-strings in a loop.
"""

from __future__ import annotations


class TextMixin:
    def text_stmt(self, env: dict[str, str], indent: str) -> list[str]:
        r = self.r
        s = self.expr("str", env, 1)
        ch, c, i, d, g, acc = (self.spell(self.fresh()) for _ in range(6))
        k = r.randrange(6)
        lit = repr(r.choice(["a", "l", " ", ",", "é", "🙂", "", "ab", "Σ", "1"]))
        chars = repr(r.choice(["aeiou", " ,;", "0123456789", "", "éΣ🙂", "lL"]))
        test = r.choice([f"{{c}} == {lit}", f"{{c}} != {lit}", f"{{c}} in {chars}", f"{{c}} not in {chars}",
                         "{c}.isdigit()", "{c}.isalpha()", "{c}.isspace()", "{c}.isupper()", "ord({c}) > 100",
                         f"{lit} == {{c}}", "{c} < 'm'"])
        use = r.choice(["{acc}.append({c})", "{acc}.append({c} + {c})", "{acc}.append(f'<{c}>')",
                        "{acc}.append({c}.upper())", "{acc}.append(str(ord({c})))", "{acc}.append(repr({c}))"])
        if k == 0:  # for ch in s
            t, u = test.format(c=ch), use.format(acc=acc, c=ch)
            return [f"{indent}{acc}: list[str] = []", f"{indent}{d}: dict[str, int] = {{}}",
                    f"{indent}for {ch} in {s}:",
                    f"{indent}    if {t}:", f"{indent}        {u}",
                    f"{indent}    if {ch} in {d}:", f"{indent}        {d}[{ch}] += 1", f"{indent}    else:",
                    f"{indent}        {d}[{ch}] = 1",
                    f"{indent}print({acc}, sorted({d}.items()))"]
        if k == 1:  # c = s[i] in an index loop
            t, u = test.format(c=c), use.format(acc=acc, c=c)
            t2 = r.choice([f"{g}[{i}].isalpha()", f"{g}[{i}] == {lit}", f"ord({g}[{i}]) % 2 == 0", f"{g}[{i}].isdigit()"])
            return [f"{indent}{acc}: list[str] = []", f"{indent}{i} = 0", f"{indent}{g} = {s}",
                    f"{indent}while {i} < len({g}):",
                    f"{indent}    {c} = {g}[{i}]",
                    f"{indent}    if {t}:", f"{indent}        {u}",
                    f"{indent}    elif {t2}:", f"{indent}        {acc}.append(str({i}))",
                    f"{indent}    {i} += 1",
                    f"{indent}print({acc})",
                    f"{indent}try:", f"{indent}    {c} = {g}[{r.choice([-1, 0, 3, 40])}]",
                    f"{indent}    print({c}, ord({c}), {c} == {lit})",
                    f"{indent}except IndexError as {d}:", f"{indent}    print('IndexError', {d})"]
        if k == 2:  # counting idiom
            key = r.choice([f"{s}[:{r.randint(0, 2)}]", self.expr("str", env, 1)])
            x = self.expr("int", env, 1)
            inc = r.choice([acc, "1", "-2"])
            other = r.choice([inc, inc, "7"])  # 7: not the idiom (the else stores another value)
            hit, miss = (f"{d}[{g}] += {inc}", f"{d}[{g}] = {other}")
            head = f"if {g} in {d}:" if r.random() < 0.5 else f"if {g} not in {d}:"
            first, second = (hit, miss) if "not" not in head else (miss, hit)
            return [f"{indent}{d}: dict[str, int] = {{}}", f"{indent}{acc} = {x}",
                    f"{indent}for {ch} in [{key}, {key}, {self.expr('str', env, 1)}, {key}]:",
                    f"{indent}    {g} = {ch}",
                    f"{indent}    {head}", f"{indent}        {first}", f"{indent}    else:", f"{indent}        {second}",
                    f"{indent}print(sorted({d}.items()), len({d}))"]
        if k == 3:  # grouping idiom
            arg = r.choice([f"len({ch})", f"len({d})", "0"])
            default = r.choice(["[]", "[]", "[-1]", f"[len({d})]"])
            return [f"{indent}{d}: dict[str, list[int]] = {{}}",
                    f"{indent}for {ch} in ({s} + ' ab a').split():",
                    f"{indent}    {g} = {ch}[:1]",
                    f"{indent}    if {g} not in {d}:", f"{indent}        {d}[{g}] = {default}",
                    f"{indent}    {c} = {arg}" if r.random() < 0.3 else f"{indent}    pass",
                    f"{indent}    {d}[{g}].append({arg})",
                    f"{indent}print({d}, list({d}))"]
        if k == 4:  # join of str(int)
            xs = self.expr("list[int]", env, 1)
            sep = repr(r.choice([", ", "", "|", "é"]))
            return [f"{indent}print({sep}.join([str({i}) for {i} in {xs}]), {sep}.join([str({i} * {i}) for {i} in {xs} if {i} % 2]))"]
        n = r.randint(0, 4)  # nested f-strings in a loop
        return [f"{indent}{acc}: list[str] = []", f"{indent}{g} = {s}", f"{indent}for {i} in range({n}):",
                f"{indent}    {acc}.append(f\"{{{i}}}:{{f'{{{g}!r}}|{{{i} * 2:>{{{i} + 1}}}}'}}\")",
                f"{indent}print({acc}, '/'.join({acc}))"]
