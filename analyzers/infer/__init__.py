"""Type inference in layers, for any Python file (issue 13, part A).

    infer_file(source, path) -> FileTypes: every parameter and return of every function and method

Layers, each answer carrying its source and a confidence; when layers disagree the more certain
wins and the loser is kept in `conflicts`:
  1. annotation  annotations (PEP 484/585/604, Optional/Union, generics, Callable, Final, ...) and a
                 `.pyi` stub beside the module (the stub wins over the module's own annotations)
  2. dataflow    returns from literals/operators/containers/calls, fixpoint over the module
     call-site   a parameter's type from every call passing it (the file and `workspace` files)
     usage       what the body does with a parameter (x.split() -> str, x.append(...) -> list)
     default     a parameter's default value
  3. jedi        what lies outside the file (imported functions, stdlib via typeshed)
  4. model       portalis.model.predict on the slots still unknown (only when that package exists)

Broken code is data: this never raises; a syntax error gives a FileTypes with `error` set.
"""

from __future__ import annotations

import ast
import os
from dataclasses import dataclass, field

from .dataflow import Func, Module
from .types import UNK, is_known, parts, to_rust

__all__ = ["SlotType", "ParamTypes", "FunctionTypes", "FileTypes", "infer_file", "SOURCES"]

SOURCES = ("annotation", "dataflow", "call-site", "usage", "jedi", "model", "default")
_CONFIDENCE = {"annotation": 1.0, "dataflow": 0.9, "call-site": 0.85, "jedi": 0.8, "usage": 0.65, "default": 0.6}


@dataclass(frozen=True)
class SlotType:
    python: str  # PEP 585/604 text or "unknown"
    rust: str | None
    source: str  # "annotation" | "dataflow" | "call-site" | "usage" | "jedi" | "model" | "default"
    confidence: float
    conflicts: tuple[tuple[str, str], ...] = ()  # (other python type, its source) that lost

    def to_json(self) -> dict:
        d = {"python": self.python, "rust": self.rust, "source": self.source, "confidence": round(self.confidence, 3)}
        if self.conflicts:
            d["conflicts"] = [{"python": p, "source": s} for p, s in self.conflicts]
        return d


UNKNOWN = SlotType(UNK, None, "default", 0.0)


@dataclass(frozen=True)
class ParamTypes:
    name: str
    type: SlotType


@dataclass(frozen=True)
class FunctionTypes:
    name: str  # qualified: "clamp", "Shape.area", "outer.inner"
    line: int
    params: tuple[ParamTypes, ...]
    returns: SlotType

    def param(self, name: str) -> SlotType | None:
        return next((p.type for p in self.params if p.name == name), None)

    def to_json(self) -> dict:
        return {"name": self.name, "line": self.line,
                "params": [{"name": p.name, **p.type.to_json()} for p in self.params],
                "returns": self.returns.to_json()}


@dataclass(frozen=True)
class FileTypes:
    functions: tuple[FunctionTypes, ...] = ()
    error: str | None = None  # "line N: message" for a syntax error
    error_line: int | None = None
    layers_used: tuple[str, ...] = field(default=())

    def function(self, name: str) -> FunctionTypes | None:
        return next((f for f in self.functions if f.name == name), None)

    def to_json(self) -> dict:
        return {"functions": [f.to_json() for f in self.functions]}


def _slot(t: str, source: str, confidence: float | None = None, conflicts=()) -> SlotType:
    if not is_known(t):
        return UNKNOWN
    return SlotType(t, to_rust(t), source, _CONFIDENCE[source] if confidence is None else confidence, tuple(conflicts))


def _decide(candidates: list[tuple[str, str, float]], maybe_none: bool = False) -> SlotType:
    """The most certain candidate wins; the different ones that lost are its conflicts."""
    cands = [(t, s, c) for t, s, c in candidates if is_known(t)]
    if not cands:
        return UNKNOWN
    cands.sort(key=lambda x: -x[2])
    t, s, c = cands[0]
    if maybe_none and s != "annotation" and "None" not in parts(t):
        t = f"{t} | None"
    agree = [x for x in cands[1:] if x[0] == cands[0][0]]
    if agree and s != "annotation":
        c = min(0.99, c + 0.05 * len(agree))
    lost = []
    for ot, os_, _ in cands[1:]:
        if ot != cands[0][0] and (ot, os_) not in lost:
            lost.append((ot, os_))
    return _slot(t, s, c, lost)


def infer_file(source: str, path: str | None = None, *, workspace: list[str] | None = None,
               model_server: str | None = "off", use_jedi: bool = True) -> FileTypes:
    """Every parameter and return type of every function in `source`. Never raises.
    `model_server`: layer 4, the type model: a Triton URL, "local", "off" (its weights
    in-process) or None / "none" (no model)."""
    try:
        return _infer(source, path, workspace or [], model_server, use_jedi)
    except SyntaxError as e:
        return FileTypes(error=f"line {e.lineno}: {e.msg}", error_line=e.lineno)
    except (RecursionError, MemoryError, ValueError) as e:  # pathological input: data, not a crash
        return FileTypes(error=f"could not analyse: {type(e).__name__}")
    except Exception as e:  # noqa: BLE001 - the contract: never raises; the message names the bug
        return FileTypes(error=f"internal error in type inference: {type(e).__name__}: {e}")


def _parse(text: str) -> ast.Module:
    return ast.parse(text)


def _read(path: str) -> str | None:
    try:
        from portalis.sourcefile import read_source
        text, _ = read_source(path)
        return text
    except Exception:  # noqa: BLE001
        try:
            with open(path, encoding="utf-8", errors="replace") as fh:
                return fh.read()
        except OSError:
            return None


def _infer(source: str, path: str | None, workspace: list[str], model_server: str | None, use_jedi: bool) -> FileTypes:
    tree = _parse(source)
    extra = []
    for w in workspace:
        if path and os.path.abspath(w) == os.path.abspath(path):
            continue
        text = _read(w)
        if text is None:
            continue
        try:
            extra.append(_parse(text))
        except (SyntaxError, ValueError):
            continue
    mod = Module(tree, extra)
    stub = _stub_annotations(path)
    for f in mod.funcs.values():  # the stub's annotations are layer 1 too
        s = stub.get(f.qual)
        if s:
            params, ret = s
            f.ann.update({k: v for k, v in params.items() if is_known(v)})
            if is_known(ret):
                f.ret_ann = ret
    mod.run()

    out = _static_layers(mod)
    layers = ["annotation", "dataflow"]
    if use_jedi:
        got = _jedi_layer(source, path, mod, out)
        if got:
            layers.append("jedi")
            out = _second_round(mod, out)
    # layer 4 on what is still unknown ("off": the model's in-process weights; None or "none":
    # no model at all)
    if model_server not in (None, "none") and _apply_model(source, path, out, model_server):
        layers.append("model")

    functions = []
    for qual, (f, ps, r) in out.items():
        functions.append(FunctionTypes(qual, f.node.lineno, tuple(ParamTypes(n, t) for n, t in ps.items()), r))
    functions.sort(key=lambda x: (x.line, x.name))
    return FileTypes(tuple(functions), layers_used=tuple(layers))


def _static_layers(mod: Module) -> dict[str, tuple[Func, dict[str, SlotType], SlotType]]:
    """Layers 1-2 decided for every slot of every function."""
    out: dict[str, tuple[Func, dict[str, SlotType], SlotType]] = {}
    for f in mod.funcs.values():
        ps: dict[str, SlotType] = {}
        for p in f.params:
            n = p.arg
            cands = []
            if n in f.ann:
                cands.append((f.ann[n], "annotation", 1.0))
            if n in f.callsite:
                c = _CONFIDENCE["call-site"] if len(parts(f.callsite[n])) == 1 else 0.6
                cands.append((f.callsite[n], "call-site", c))
            if n in f.usage:
                u = f.usage[n]
                c = _CONFIDENCE["usage"] if "[" in u or u in ("int", "float", "str", "bool") else 0.5
                if f.callsite_seen.get(n) and n not in f.callsite:
                    c -= 0.1  # call sites saw something else or unknown
                cands.append((u, "usage", c))
            if n in f.default:
                cands.append((f.default[n], "default", _CONFIDENCE["default"]))
            if not cands:  # an override's (or overridden method's) parameter at the same position
                i = [q.arg for q in f.params].index(n)
                for m in mod.overrides(f):
                    if i < len(m.params) and m.params[i].arg == n:
                        t = mod.param_type(m, n)
                        if is_known(t):
                            cands.append((t, "dataflow", 0.7))
                            break
            ps[n] = _decide(cands, maybe_none=n in f.maybe_none and not (n in f.ann))
        if is_known(f.ret_ann):
            r = _decide([(f.ret_ann, "annotation", 1.0), (f.ret, "dataflow", 0.9)])
        else:
            r = _slot(f.ret, "dataflow")
            if r.python == UNK:  # an abstract method: what its overrides return
                rs = [mod.returns_of(m) for m in mod.overrides(f)]
                from .types import join_all
                t = join_all(x for x in rs if is_known(x))
                if is_known(t) and len(parts(t)) <= 2:
                    r = _slot(t, "dataflow", 0.7)
        out[f.qual] = (f, ps, r)

    return out


def _second_round(mod: Module, out: dict) -> dict:
    """Dataflow again, with jedi's answers for the returns it could not settle: a function that
    returns (or yields) what another one returns learns it now (`return helper(x)`,
    `yield self.prop`). Dataflow's answers win as in the first round; a slot it still cannot
    settle keeps jedi's."""
    hints = {q: r.python for q, (f, ps, r) in out.items() if r.source == "jedi"}
    if not hints:
        return out
    for q, t in hints.items():
        mod.funcs[q].ret_hint = t
    mod.run()
    new = _static_layers(mod)
    for q, (f, ps, r) in new.items():
        if q in hints and (r.python == UNK or r.python == hints[q]):
            new[q] = (f, ps, out[q][2])
    return new


# ---------------------------------------------------------------------- layer 1: .pyi beside the module


def _stub_annotations(path: str | None) -> dict[str, tuple[dict[str, str], str]]:
    if not path:
        return {}
    stub = os.path.splitext(path)[0] + ".pyi"
    if not os.path.isfile(stub):
        return {}
    text = _read(stub)
    try:
        tree = _parse(text or "")
    except (SyntaxError, ValueError):
        return {}
    m = Module(tree)
    out = {}
    for f in m.funcs.values():
        m._annotations_and_defaults(f)
        out[f.qual] = (dict(f.ann), f.ret_ann)
    return out


# ---------------------------------------------------------------------- layer 3: jedi


_JEDI_BUDGET = 40  # probes per file: jedi is ~10-50 ms each


def _jedi_layer(source: str, path: str | None, mod: Module, out: dict) -> bool:
    """Unknown returns whose returned expression is a call: ask jedi what that call gives (it
    follows imports and typeshed). A probe line `__portalis_probe = <expr>` is inserted before the
    return and jedi infers the probe name."""
    try:
        import jedi  # noqa: F401
    except ImportError:
        return False
    lines = source.splitlines()
    probes = 0
    used = False
    for qual, (f, ps, r) in list(out.items()):
        if r.python != UNK:
            continue
        rets = [n for n in ast.walk(f.node) if isinstance(n, ast.Return) and n.value is not None]
        found: list[str] = []
        for ret in rets[:3]:
            if probes >= _JEDI_BUDGET:
                break
            if not isinstance(ret.value, (ast.Call, ast.Attribute, ast.Name, ast.Subscript, ast.BinOp)):
                continue
            probes += 1
            t = _jedi_probe(lines, ret, path)
            if t:
                found.append(t)
        if found:
            from .types import join_all
            t = join_all(found)
            if is_known(t):
                out[qual] = (f, ps, _slot(t, "jedi"))
                used = True
    return used


def _jedi_probe(lines: list[str], ret: ast.Return, path: str | None) -> str | None:
    try:
        import jedi
        seg = ast.unparse(ret.value)
        line = lines[ret.lineno - 1]
        indent = line[: len(line) - len(line.lstrip())]
        probe = f"{indent}__portalis_probe = ({seg})"
        new = lines[: ret.lineno - 1] + [probe] + lines[ret.lineno - 1:]
        script = jedi.Script("\n".join(new), path=path)
        names = script.infer(ret.lineno, len(indent) + 2)
        ts = []
        for n in names[:4]:
            if n.type == "instance" or n.type == "class" and False:
                full = n.full_name or n.name
                ts.append(_jedi_name(full))
            else:
                return None
        if not ts:
            return None
        from .types import join_all
        t = join_all(ts)
        # typeshed's AnyStr functions (os.path.*) come back as both: the str case is the usual one
        return "str" if t in ("str | bytes", "bytes | str") else t
    except Exception:  # noqa: BLE001 - jedi failing is "no answer"
        return None


def _jedi_name(full: str) -> str:
    if full.startswith("builtins."):
        full = full[len("builtins."):]
    full = full.rsplit(".", 1)[-1]  # module paths dropped, as in the annotations people write
    return {"NoneType": "None"}.get(full, full)


# ---------------------------------------------------------------------- layer 4: the model


# A model answer below this confidence is not used (the slot stays unknown). On the held-out
# projects, the shipped model answers 41.6 % of slots at >= 0.5 with 81.7 % of those right
# (analyzers/model/metrics.json; docs/deploy-triton.md).
MODEL_MIN_CONFIDENCE = 0.5


def _model_layer(queries: list, server: str) -> list:
    """portalis.model.predict on the queries; no answers when that package is not installed."""
    try:
        from portalis import model  # type: ignore[attr-defined]
    except ImportError:
        return [None] * len(queries)
    try:
        return list(model.predict(queries, server))
    except Exception:  # noqa: BLE001 - the model failing is "no answer"
        return [None] * len(queries)


_BARE = ("list", "dict", "set", "frozenset", "tuple", "Iterator")


def _refinable(t: SlotType) -> bool:
    """Unknown, or a container whose items are unknown (jedi's bare `list`): the model may say more."""
    return t.python == UNK or (t.python in _BARE and t.source != "annotation")


def _apply_model(source: str, path: str | None, out: dict, server: str) -> bool:
    want = [(q, "return" if n is None else n) for q, (f, ps, r) in out.items()
            for n, t in [(None, r)] + list(ps.items()) if _refinable(t)]
    if not want:
        return False
    try:
        from portalis.model.features import slot_queries  # type: ignore[import-not-found]
    except ImportError:
        return False
    try:
        module = os.path.splitext(os.path.basename(path))[0] if path else "module"
        allq = slot_queries(source, module)
        keys = [k for k in want if k in allq]
        preds = _model_layer([allq[k] for k in keys], server)
    except Exception:  # noqa: BLE001
        return False
    used = False
    for (qual, slot), p in zip(keys, preds):
        if p is None or not is_known(getattr(p, "python", UNK)) or float(p.confidence) < MODEL_MIN_CONFIDENCE:
            continue
        f, ps, r = out[qual]
        cur = r if slot == "return" else ps[slot]
        if cur.python != UNK:  # a bare container: only the same container with its items
            from .types import head_args
            if head_args(p.python)[0] != cur.python or not head_args(p.python)[1]:
                continue
        conflicts = ((cur.python, cur.source),) if cur.python != UNK else ()
        st = SlotType(p.python, to_rust(p.python), "model", float(p.confidence), conflicts)
        used = True
        if slot == "return":
            out[qual] = (f, ps, st)
        else:
            ps[slot] = st
    return used
