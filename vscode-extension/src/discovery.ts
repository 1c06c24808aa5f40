// Finding the Portalis language server. Pure Node (no `vscode` import): unit-tested in test/unit.
//
// Order: the `portalis.serverPath` setting (a `portalis` executable, or a Python interpreter that
// has Portalis installed); else the workspace's Python interpreter (the Python extension's
// selection, else `python.defaultInterpreterPath`, else `python3`) running `python -m portalis
// serve`; else `portalis` on PATH. A set `serverPath` that does not work is reported, never
// silently replaced by another server.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawn } from "child_process";

export interface ServerCommand {
  command: string;
  args: string[];
  /** where it came from, for the log and the error message */
  source: "setting" | "interpreter" | "path";
  /** how to check it works: run `command` with these args (exit 0 = usable) */
  probe: string[];
}

export interface DiscoveryInput {
  serverPath?: string;
  /** the interpreter the Python extension selected for the workspace (if that extension is present) */
  selectedInterpreter?: string;
  /** the `python.defaultInterpreterPath` setting */
  defaultInterpreterPath?: string;
  workspaceFolder?: string;
  /** Restricted Mode: never run an executable that lies inside the (untrusted) workspace */
  untrusted?: boolean;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

export interface Attempt { candidate: ServerCommand; error: string }
export interface Discovery { found?: ServerCommand; tried: Attempt[] }

const PROBE_PY = [
  "import importlib.util, sys",
  "try:\n    ok = importlib.util.find_spec('portalis.server') is not None\nexcept ImportError:\n    ok = False",
  "sys.exit(0 if ok else 3)",
].join("\n");

/** `python`, `python3`, `python3.11`, `pypy3`, `python.exe`: run as `python -m portalis serve`. */
export function isPythonExecutable(p: string): boolean {
  return /^(python|pypy)(\d+(\.\d+)*)?(\.exe)?$/i.test(path.basename(p));
}

/** `${workspaceFolder}`, `${userHome}`, `~`, and `${env:NAME}` in a path setting. */
export function expandPath(p: string, input: DiscoveryInput): string {
  const env = input.env ?? process.env;
  let out = p.trim()
    .replace(/\$\{workspaceFolder\}/g, input.workspaceFolder ?? "")
    .replace(/\$\{userHome\}/g, os.homedir())
    .replace(/\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name) => env[name] ?? "");
  if (out === "~" || out.startsWith("~/")) out = path.join(os.homedir(), out.slice(1));
  if (out && !path.isAbsolute(out) && out.includes("/") && input.workspaceFolder) out = path.resolve(input.workspaceFolder, out);
  return out;
}

/** An executable named `name` on PATH (or `name` itself when it is a path), or undefined. */
export function which(name: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  const isExe = (f: string) => {
    try { return fs.statSync(f).isFile() && (platform === "win32" || (fs.accessSync(f, fs.constants.X_OK), true)); }
    catch { return false; }
  };
  if (name.includes("/") || name.includes("\\")) return isExe(name) ? name : undefined;
  const exts = platform === "win32" ? (env.PATHEXT ?? ".EXE;.CMD;.BAT").split(";").concat([""]) : [""];
  for (const dir of (env.PATH ?? "").split(platform === "win32" ? ";" : ":")) {
    if (!dir) continue;
    for (const ext of exts) {
      const f = path.join(dir, name + ext);
      if (isExe(f)) return f;
    }
  }
  return undefined;
}

function forExecutable(exe: string, source: ServerCommand["source"]): ServerCommand {
  if (isPythonExecutable(exe)) {
    return { command: exe, args: ["-m", "portalis", "serve"], source, probe: ["-c", PROBE_PY] };
  }
  return { command: exe, args: ["serve"], source, probe: ["serve", "--help"] };
}

/** The commands to try, in order. */
export function candidates(input: DiscoveryInput): ServerCommand[] {
  const env = input.env ?? process.env;
  const platform = input.platform ?? process.platform;
  const setting = input.serverPath ? expandPath(input.serverPath, input) : "";
  if (setting) return [forExecutable(setting, "setting")];  // explicit: nothing else is tried
  const out: ServerCommand[] = [];
  const pythons = [input.selectedInterpreter, input.defaultInterpreterPath]
    .map(p => (p ? expandPath(p, input) : ""))
    .filter(p => p && p !== "python");  // VS Code's default "python" is only a placeholder
  pythons.push("python3");
  for (const p of pythons) {
    const exe = which(p, env, platform) ?? (path.isAbsolute(p) ? p : undefined);
    if (exe && !out.some(c => c.command === exe)) out.push(forExecutable(exe, "interpreter"));
  }
  const onPath = which("portalis", env, platform);
  if (onPath) out.push(forExecutable(onPath, "path"));
  return input.untrusted && input.workspaceFolder ? out.filter(c => !isInside(c.command, input.workspaceFolder!)) : out;
}

/** `file` is `dir` or below it (after resolving symlinks where they exist). */
export function isInside(file: string, dir: string): boolean {
  const real = (p: string) => { try { return fs.realpathSync(p); } catch { return path.resolve(p); } };
  const rel = path.relative(real(dir), real(file));
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

export type Prober = (c: ServerCommand) => Promise<string | undefined>;  // undefined = works, else the error

/** Runs the candidate's probe (a few hundred ms): exit 0 means the server can start. */
export function runProbe(c: ServerCommand, timeoutMs = 20000, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  return new Promise(resolve => {
    let err = "";
    let done = false;
    const finish = (v: string | undefined) => { if (!done) { done = true; resolve(v); } };
    let child;
    try {
      child = spawn(c.command, c.probe, { env, stdio: ["ignore", "ignore", "pipe"] });
    } catch (e) {
      return finish(String(e));
    }
    const timer = setTimeout(() => { child.kill(); finish(`no answer within ${timeoutMs / 1000} s`); }, timeoutMs);
    child.stderr?.on("data", (b: Buffer) => { err += b.toString(); });
    child.on("error", e => { clearTimeout(timer); finish(e.message); });
    child.on("close", code => {
      clearTimeout(timer);
      if (code === 0) finish(undefined);
      else if (code === 3 && c.probe[0] === "-c") finish("Portalis is not installed in this interpreter");
      else finish(`exit code ${code}${err.trim() ? ": " + err.trim().split("\n").slice(-1)[0] : ""}`);
    });
  });
}

export async function discover(input: DiscoveryInput, probe: Prober = c => runProbe(c, 20000, input.env)): Promise<Discovery> {
  const tried: Attempt[] = [];
  const list = candidates(input);
  if (!list.length && input.serverPath) {
    tried.push({ candidate: forExecutable(input.serverPath, "setting"), error: "not found" });
  }
  for (const c of list) {
    const error = await probe(c);
    if (error === undefined) return { found: c, tried };
    tried.push({ candidate: c, error });
  }
  return { tried };
}

/** One line per attempt, for the notification and the log. */
export function describeFailure(d: Discovery): string {
  if (!d.tried.length) return "no Python interpreter and no `portalis` on PATH were found";
  return d.tried.map(a => `${[a.candidate.command, ...a.candidate.args].join(" ")} (${a.candidate.source}): ${a.error}`).join("; ");
}
