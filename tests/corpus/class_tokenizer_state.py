# corpus: classes: a tokenizer and a recursive-descent parser as objects with position state, errors raised with positions, an AST of node objects evaluated by dispatch
class ParseError(Exception):
    pass


class Tok:
    def __init__(self, kind: str, text: str, pos: int) -> None:
        self.kind = kind
        self.text = text
        self.pos = pos

    def __repr__(self) -> str:
        return f"{self.kind}:{self.text}"


class Lexer:
    def __init__(self, src: str) -> None:
        self.src = src
        self.i = 0

    def tokens(self) -> list[Tok]:
        out: list[Tok] = []
        while self.i < len(self.src):
            ch = self.src[self.i]
            if ch.isspace():
                self.i += 1
            elif ch.isdigit():
                start = self.i
                while self.i < len(self.src) and self.src[self.i].isdigit():
                    self.i += 1
                out.append(Tok("num", self.src[start:self.i], start))
            elif ch in "+-*/()":
                out.append(Tok("op", ch, self.i))
                self.i += 1
            else:
                raise ParseError(f"bad character {ch!r} at {self.i}")
        return out


class Expr:
    def eval(self) -> int:
        raise NotImplementedError("eval")

    def show(self) -> str:
        raise NotImplementedError("show")


class Num(Expr):
    def __init__(self, v: int) -> None:
        self.v = v

    def eval(self) -> int:
        return self.v

    def show(self) -> str:
        return str(self.v)


class Bin(Expr):
    def __init__(self, op: str, left: Expr, right: Expr) -> None:
        self.op = op
        self.left = left
        self.right = right

    def eval(self) -> int:
        a, b = self.left.eval(), self.right.eval()
        if self.op == "+":
            return a + b
        if self.op == "-":
            return a - b
        if self.op == "*":
            return a * b
        return a // b

    def show(self) -> str:
        return f"({self.left.show()} {self.op} {self.right.show()})"


class Parser:
    def __init__(self, toks: list[Tok]) -> None:
        self.toks = toks
        self.k = 0

    def peek(self) -> str:
        return self.toks[self.k].text if self.k < len(self.toks) else ""

    def expr(self) -> Expr:
        node = self.term()
        while self.peek() in ("+", "-"):
            op = self.toks[self.k].text
            self.k += 1
            node = Bin(op, node, self.term())
        return node

    def term(self) -> Expr:
        node = self.atom()
        while self.peek() in ("*", "/"):
            op = self.toks[self.k].text
            self.k += 1
            node = Bin(op, node, self.atom())
        return node

    def atom(self) -> Expr:
        if self.k >= len(self.toks):
            raise ParseError("unexpected end")
        t = self.toks[self.k]
        self.k += 1
        if t.kind == "num":
            return Num(int(t.text))
        if t.text == "(":
            e = self.expr()
            self.k += 1
            return e
        raise ParseError(f"unexpected {t.text!r} at {t.pos}")


def main() -> None:
    for src in ["1 + 2 * 3", "(1 + 2) * 3", "100 / 7 - 2 * (3 - 10)", "2 * (3 + ", "4 $ 4", "8 / (2 - 2)"]:
        try:
            toks = Lexer(src).tokens()
            tree = Parser(toks).expr()
            print(src, "=>", tree.show(), "=", tree.eval())
        except ParseError as e:
            print(src, "=> syntax error:", e)
        except ZeroDivisionError as e:
            print(src, "=> error:", e)
    print(Lexer("12+(3)").tokens())


main()
