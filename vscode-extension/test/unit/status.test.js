// The status bar state from $/progress (src/status.ts), with the messages server/actions.py sends.
const test = require("node:test");
const assert = require("node:assert");
const { StatusModel, phaseOfEnd } = require("../../out/status.js");

test("end messages of server/actions.py", () => {
  assert.strictEqual(phaseOfEnd("built: rust/m_f (a library crate for wasm32-wasi), verified on 2 doctests (30 KiB WASM)"), "verified");
  assert.strictEqual(phaseOfEnd("built: rust/m (1 KiB), same as CPython: stdout (3 lines) and exit code 0"), "verified");
  assert.strictEqual(phaseOfEnd("built: rust/m_f (a library crate for wasm32-wasi), no doctests to verify"), "built");
  assert.strictEqual(phaseOfEnd("built rust/m_f; verification FAILED: doctest `f(1)`: CPython gives '1', the translation '2'"), "failed");
  assert.strictEqual(phaseOfEnd("build failed"), "failed");
  assert.strictEqual(phaseOfEnd("built 3 of 5 modules, 2 failed"), "failed");
  assert.strictEqual(phaseOfEnd("not translatable: `eval` is not supported"), "failed");
  assert.strictEqual(phaseOfEnd("failed: internal error (see the server log)"), "failed");
  assert.strictEqual(phaseOfEnd("translated to rust/m_f; not built: the workspace is not trusted"), "not-built");
  assert.strictEqual(phaseOfEnd("built 5 of 5 modules"), "built");
});

test("idle -> building i of n -> verified / failed", () => {
  const s = new StatusModel();
  assert.match(s.view().text, /^\$\(check\) Portalis$/);
  s.update("t1", { kind: "begin", title: "Portalis: build workspace", message: "building 5 translatable modules of 6", percentage: 0 });
  s.update("t1", { kind: "report", message: "building 2 of 5: b.py", percentage: 20 });
  assert.deepStrictEqual([s.view().phase, s.view().text], ["busy", "$(sync~spin) Portalis: building 2 of 5: b.py"]);
  s.update("t2", { kind: "begin", title: "Portalis: translate `f`", message: "translating `f`" });
  assert.match(s.view().text, /translating `f` \(\+1\)/);
  s.update("t2", { kind: "end", message: "built: rust/m_f (a library crate for wasm32-wasi), verified on 1 doctest (9 KiB WASM)" });
  assert.strictEqual(s.view().phase, "busy");  // the workspace build still runs
  s.update("t1", { kind: "end", message: "built 4 of 5 modules, 1 failed" });
  const v = s.view();
  assert.deepStrictEqual([v.phase, v.text], ["failed", "$(error) Portalis: failed"]);
  assert.match(v.tooltip, /build workspace: built 4 of 5 modules, 1 failed/);
});
