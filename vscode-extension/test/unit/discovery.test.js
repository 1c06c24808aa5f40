// Server discovery (src/discovery.ts, compiled to out/ by `npm run build`).
const test = require("node:test");
const assert = require("node:assert");
const fs = require("fs");
const os = require("os");
const path = require("path");
const d = require("../../out/discovery.js");

function sandbox() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portalis-disc-"));
  const exe = (rel, body = "#!/bin/sh\nexit 0\n") => {
    const f = path.join(dir, rel);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, body, { mode: 0o755 });
    return f;
  };
  return { dir, exe, done: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

test("python executables are recognised by name", () => {
  for (const p of ["python", "python3", "/x/.venv/bin/python3.11", "pypy3", "python.exe"]) assert.ok(d.isPythonExecutable(p), p);
  for (const p of ["portalis", "/usr/bin/portalis", "pythonista", "mypython"]) assert.ok(!d.isPythonExecutable(p), p);
});

test("the serverPath setting wins and nothing else is tried", () => {
  const s = sandbox();
  try {
    const py = s.exe("venv/bin/python3");
    s.exe("bin/portalis");
    const env = { PATH: path.join(s.dir, "bin") };
    const c = d.candidates({ serverPath: "${workspaceFolder}/venv/bin/python3", workspaceFolder: s.dir, env, selectedInterpreter: "/nope/python" });
    assert.deepStrictEqual(c.map(x => [x.command, x.args, x.source]), [[py, ["-m", "portalis", "serve"], "setting"]]);
    const c2 = d.candidates({ serverPath: path.join(s.dir, "bin/portalis"), env });
    assert.deepStrictEqual(c2.map(x => [x.args, x.source]), [[["serve"], "setting"]]);
  } finally { s.done(); }
});

test("order: selected interpreter, python.defaultInterpreterPath, python3, then portalis on PATH", () => {
  const s = sandbox();
  try {
    const sel = s.exe("sel/bin/python");
    const def = s.exe("def/bin/python3");
    const py3 = s.exe("bin/python3");
    const por = s.exe("bin/portalis");
    const env = { PATH: path.join(s.dir, "bin") };
    const c = d.candidates({ selectedInterpreter: sel, defaultInterpreterPath: def, env });
    assert.deepStrictEqual(c.map(x => [x.command, x.source]), [[sel, "interpreter"], [def, "interpreter"], [py3, "interpreter"], [por, "path"]]);
    assert.deepStrictEqual(c[3].args, ["serve"]);
    // VS Code's placeholder default "python" is skipped; duplicates are tried once
    const c2 = d.candidates({ defaultInterpreterPath: "python", selectedInterpreter: py3, env });
    assert.deepStrictEqual(c2.map(x => x.command), [py3, por]);
  } finally { s.done(); }
});

test("discover probes in order and reports every failure", async () => {
  const s = sandbox();
  try {
    s.exe("bin/python3");
    const por = s.exe("bin/portalis");
    const env = { PATH: path.join(s.dir, "bin") };
    const seen = [];
    const r = await d.discover({ env }, async c => { seen.push(c.command); return c.source === "path" ? undefined : "Portalis is not installed in this interpreter"; });
    assert.strictEqual(r.found.command, por);
    assert.strictEqual(r.tried.length, 1);
    assert.match(d.describeFailure(r), /python3 -m portalis serve \(interpreter\): Portalis is not installed/);
    const none = await d.discover({ env }, async () => "exit code 1");
    assert.strictEqual(none.found, undefined);
    assert.strictEqual(none.tried.length, 2);
    const empty = await d.discover({ env: { PATH: "" } }, async () => undefined);
    assert.strictEqual(empty.found, undefined);
    assert.match(d.describeFailure(empty), /no Python interpreter/);
    const badSetting = await d.discover({ serverPath: path.join(s.dir, "missing/portalis"), env });
    assert.strictEqual(badSetting.found, undefined);  // a broken explicit setting is reported, not replaced
    assert.deepStrictEqual(badSetting.tried.map(a => a.candidate.source), ["setting"]);
    assert.match(badSetting.tried[0].error, /ENOENT/);
  } finally { s.done(); }
});

test("the real probe: exit status and a Python without Portalis", async () => {
  const s = sandbox();
  try {
    const ok = s.exe("ok/portalis", "#!/bin/sh\n[ \"$1 $2\" = \"serve --help\" ] && exit 0; exit 9\n");
    assert.strictEqual(await d.runProbe({ command: ok, args: ["serve"], probe: ["serve", "--help"], source: "path" }), undefined);
    const bad = s.exe("bad/portalis", "#!/bin/sh\necho boom >&2\nexit 2\n");
    assert.match(await d.runProbe({ command: bad, args: ["serve"], probe: ["serve", "--help"], source: "path" }), /exit code 2: boom/);
    assert.match(await d.runProbe({ command: path.join(s.dir, "nothing"), args: [], probe: [], source: "path" }), /ENOENT/);
    // a real interpreter without portalis installed (the system python3, isolated from site-packages)
    const py = s.exe("py/python3", `#!/bin/sh\nexec /usr/bin/python3 -I -S "$@"\n`);
    const c = d.candidates({ selectedInterpreter: py, env: { PATH: "" } })[0];
    assert.strictEqual(await d.runProbe(c), "Portalis is not installed in this interpreter");
  } finally { s.done(); }
});

test("the real probe finds the project's own venv", { skip: !fs.existsSync(path.join(__dirname, "../../../.venv/bin/python")) && "no .venv (run scripts/setup.sh)" }, async () => {
  const venvPy = path.resolve(__dirname, "../../../.venv/bin/python");
  const r = await d.discover({ defaultInterpreterPath: venvPy, env: { PATH: "" } });
  assert.strictEqual(r.found && r.found.command, venvPy);
  assert.deepStrictEqual(r.found.args, ["-m", "portalis", "serve"]);
});

test("paths: ~, ${userHome}, ${env:X}, relative to the workspace", () => {
  const home = os.homedir();
  assert.strictEqual(d.expandPath("~/x/portalis", {}), path.join(home, "x/portalis"));
  assert.strictEqual(d.expandPath("${userHome}/p", {}), `${home}/p`);
  assert.strictEqual(d.expandPath("${env:VENV}/bin/python", { env: { VENV: "/v" } }), "/v/bin/python");
  assert.strictEqual(d.expandPath(".venv/bin/python", { workspaceFolder: "/ws" }), "/ws/.venv/bin/python");
  assert.strictEqual(d.expandPath("  portalis ", {}), "portalis");
});

test("Restricted Mode: nothing inside the untrusted workspace is run", () => {
  const s = sandbox();
  try {
    const inWs = s.exe("ws/.venv/bin/python");
    const outside = s.exe("home/venv/bin/python3");
    const por = s.exe("ws/bin/portalis");
    const env = { PATH: path.join(s.dir, "ws/bin") };
    const input = { selectedInterpreter: inWs, defaultInterpreterPath: outside, workspaceFolder: path.join(s.dir, "ws"), env };
    assert.deepStrictEqual(d.candidates(input).map(c => c.command).slice(0, 2), [inWs, outside]);  // trusted: all
    const restricted = d.candidates({ ...input, untrusted: true }).map(c => c.command);
    assert.ok(!restricted.includes(inWs) && !restricted.includes(por), restricted);
    assert.strictEqual(restricted[0], outside);
    assert.ok(d.isInside(path.join(s.dir, "ws/a/b"), path.join(s.dir, "ws")));
    assert.ok(!d.isInside(path.join(s.dir, "wsx/a"), path.join(s.dir, "ws")));
  } finally { s.done(); }
});
