// The Portalis extension: starts `portalis serve` (stdio) with vscode-languageclient, passes the
// settings and workspace trust as initializationOptions, adds the editor commands, opens the
// translated Rust beside the Python, and shows the server's background work in the status bar.
import * as vscode from "vscode";
import {
  LanguageClient, LanguageClientOptions, ServerOptions, TransportKind, ExecuteCommandRequest,
  DidChangeConfigurationNotification, State,
} from "vscode-languageclient/node";
import { discover, describeFailure, DiscoveryInput } from "./discovery";
import { serverSettings } from "./settings";
import { StatusModel, ProgressValue } from "./status";

let client: LanguageClient | undefined;
let out: vscode.LogOutputChannel;
let statusItem: vscode.StatusBarItem;
const status = new StatusModel();
let activatedAt = 0;
let firstHoverLogged = false;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  activatedAt = Date.now();
  out = vscode.window.createOutputChannel("Portalis", { log: true });  // a LogOutputChannel: vscode-languageclient >= 10 needs one
  statusItem = vscode.window.createStatusBarItem("portalis.status", vscode.StatusBarAlignment.Left, 10);
  statusItem.name = "Portalis";
  statusItem.command = "portalis.showOutput";
  statusItem.text = "$(loading~spin) Portalis: starting";
  statusItem.show();
  context.subscriptions.push(out, statusItem);
  const reg = (id: string, fn: (...a: any[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  reg("portalis.showOutput", () => out.show(true));
  reg("portalis.restartServer", () => restart(context));
  reg("portalis.editor.translateFunction", () => runAtCursor("portalis.translateFunction", true));
  reg("portalis.editor.translateModule", () => runAtCursor("portalis.translateModule", true));
  reg("portalis.editor.showRust", () => showRust());
  reg("portalis.editor.buildWorkspace", () => buildWorkspace());
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(e => {
      if (e.affectsConfiguration("portalis.serverPath")) {
        void restart(context);
      } else if (e.affectsConfiguration("portalis")) {
        sendSettings();
      }
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      out.info("workspace trusted: builds enabled");
      sendSettings();
    }),
  );
  await start(context);
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}

function currentSettings() {
  const cfg = vscode.workspace.getConfiguration("portalis");
  const { settings, problems } = serverSettings(k => cfg.get(k), vscode.workspace.isTrusted);
  for (const p of problems) out.warn(p);
  return settings;
}

function sendSettings(): void {
  if (client?.state === State.Running) {
    void client.sendNotification(DidChangeConfigurationNotification.type, { settings: { portalis: currentSettings() } });
  }
}

/** python.defaultInterpreterPath; in Restricted Mode only the user's own value (a workspace's
 *  settings must not choose what runs: without the Python extension, VS Code does not know this
 *  setting is a restricted one). */
function interpreterSetting(resource?: vscode.Uri): string | undefined {
  const cfg = vscode.workspace.getConfiguration("python", resource);
  if (vscode.workspace.isTrusted) return cfg.get<string>("defaultInterpreterPath");
  const i = cfg.inspect<string>("defaultInterpreterPath");
  return i?.globalValue ?? i?.defaultValue;
}

async function selectedInterpreter(resource?: vscode.Uri): Promise<string | undefined> {
  const ext = vscode.extensions.getExtension("ms-python.python");
  if (!ext) return undefined;
  try {
    const api: any = ext.isActive ? ext.exports : await ext.activate();
    const env = api?.environments?.getActiveEnvironmentPath?.(resource);
    if (env?.path) return env.path;
    const details = api?.settings?.getExecutionDetails?.(resource);
    return details?.execCommand?.[0];
  } catch (e) {
    out.warn(`the Python extension's interpreter could not be read: ${e}`);
    return undefined;
  }
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const input: DiscoveryInput = {
    serverPath: vscode.workspace.getConfiguration("portalis").get<string>("serverPath") ?? "",
    selectedInterpreter: await selectedInterpreter(folder?.uri),
    defaultInterpreterPath: interpreterSetting(folder?.uri),
    workspaceFolder: folder?.uri.fsPath,
    untrusted: !vscode.workspace.isTrusted,
  };
  if (!vscode.workspace.isTrusted && input.serverPath) {
    // portalis.serverPath is a restricted setting: VS Code ignores the workspace's value here
    out.info("untrusted workspace: portalis.serverPath is taken from user settings only");
  }
  const found = await discover(input);
  for (const a of found.tried) out.warn(`not usable: ${[a.candidate.command, ...a.candidate.args].join(" ")} (${a.candidate.source}): ${a.error}`);
  if (!found.found) {
    statusItem.text = "$(error) Portalis: no server";
    statusItem.tooltip = describeFailure(found);
    out.error(`no Portalis language server: ${describeFailure(found)}`);
    const pick = await vscode.window.showErrorMessage(
      `Portalis: the language server was not found (${describeFailure(found)}). Install Portalis in the workspace's Python ` +
      "interpreter, or set portalis.serverPath to a `portalis` executable.",
      "Open Setting", "Install Instructions", "Show Log");
    if (pick === "Open Setting") void vscode.commands.executeCommand("workbench.action.openSettings", "portalis.serverPath");
    else if (pick === "Install Instructions") void vscode.commands.executeCommand("markdown.showPreview", vscode.Uri.joinPath(context.extensionUri, "README.md"));
    else if (pick === "Show Log") out.show(true);
    return;
  }
  const cmd = found.found;
  out.info(`starting ${[cmd.command, ...cmd.args].join(" ")} (found via ${cmd.source})`);
  // the server's own log on stderr: warnings and errors (its progress and messages arrive as
  // window/logMessage); everything with portalis.trace.server = verbose
  const verbose = vscode.workspace.getConfiguration("portalis").get<string>("trace.server") === "verbose";
  const serverOptions: ServerOptions = {
    command: cmd.command, args: [...cmd.args, "--log-level", verbose ? "INFO" : "WARNING"], transport: TransportKind.stdio,  // the client appends --stdio: accepted
    options: { cwd: folder?.uri.fsPath },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: "file", language: "python" }],
    outputChannel: out,
    initializationOptions: currentSettings(),
    middleware: {
      window: {
        // the translated Rust opens beside the Python, scrolled to the function
        showDocument: async (params, _token, next) => {
          if (params.external || !params.uri.endsWith(".rs")) return next(params, _token);
          await openBeside(vscode.Uri.parse(params.uri), params.selection?.start.line, params.takeFocus === true);
          return { success: true };
        },
      },
      handleWorkDoneProgress: (token, params, next) => {
        status.update(String(token), params as ProgressValue);
        renderStatus();
        next(token, params);
      },
      provideHover: async (document, position, token, next) => {
        const h = await next(document, position, token);
        if (h && !firstHoverLogged) {
          firstHoverLogged = true;
          out.info(`first hover: ${Date.now() - activatedAt} ms after activation`);
        }
        return h;
      },
    },
  };
  client = new LanguageClient("portalis", "Portalis", serverOptions, clientOptions);
  try {
    await client.start();
  } catch (e) {
    statusItem.text = "$(error) Portalis: server failed";
    out.error(`the server did not start: ${e}`);
    const pick = await vscode.window.showErrorMessage(`Portalis: the language server (${cmd.command}) did not start: ${e}`, "Open Setting", "Show Log");
    if (pick === "Open Setting") void vscode.commands.executeCommand("workbench.action.openSettings", "portalis.serverPath");
    else if (pick === "Show Log") out.show(true);
    return;
  }
  out.info(`server started in ${Date.now() - activatedAt} ms after activation; trusted=${vscode.workspace.isTrusted}`);
  renderStatus();
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  if (client) {
    try { await client.stop(); } catch (e) { out.warn(`stopping the server: ${e}`); }
    client = undefined;
  }
  await start(context);
}

function renderStatus(): void {
  const v = status.view();
  statusItem.text = v.text;
  statusItem.tooltip = `${v.tooltip}\n(click for the Portalis log)`;
  statusItem.backgroundColor = v.phase === "failed" ? new vscode.ThemeColor("statusBarItem.errorBackground") : undefined;
}

async function openBeside(uri: vscode.Uri, line: number | undefined, focus: boolean): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const shown = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === uri.toString());
  const editor = await vscode.window.showTextDocument(doc, {
    viewColumn: shown?.viewColumn ?? vscode.ViewColumn.Beside, preserveFocus: !focus, preview: false,
  });
  if (line !== undefined) {
    const pos = new vscode.Position(line, 0);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.AtTop);
  }
}

function pythonEditor(): vscode.TextEditor | undefined {
  const e = vscode.window.activeTextEditor;
  if (e && e.document.languageId === "python") return e;
  void vscode.window.showWarningMessage("Portalis: open a Python file first.");
  return undefined;
}

async function ready(): Promise<LanguageClient | undefined> {
  if (client?.state === State.Running) return client;
  const pick = await vscode.window.showErrorMessage("Portalis: the language server is not running.", "Show Log");
  if (pick) out.show(true);
  return undefined;
}

function explainUntrusted(what: string): void {
  void vscode.window.showWarningMessage(
    `Portalis: this workspace is not trusted, so ${what}. Building compiles the translation and runs it and CPython on ` +
    "your code; trust the workspace to build and verify.", "Manage Workspace Trust").then(pick => {
    if (pick) void vscode.commands.executeCommand("workbench.trust.manage");
  });
}

async function execute(command: string, args: unknown[]): Promise<any> {
  const c = await ready();
  if (!c) return undefined;
  try {
    return await c.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  } catch (e: any) {
    void vscode.window.showErrorMessage(`Portalis: ${e?.message ?? e}`);
    return undefined;
  }
}

async function runAtCursor(command: string, builds: boolean): Promise<void> {
  const e = pythonEditor();
  if (!e) return;
  if (builds && !vscode.workspace.isTrusted) explainUntrusted("the Rust is written but not built or verified");
  const p = e.selection.active;
  const r = await execute(command, [e.document.uri.toString(), { line: p.line, character: p.character }]);
  if (r) out.info(`${command}: ${JSON.stringify(r)}`);
}

async function buildWorkspace(): Promise<void> {
  if (!vscode.workspace.isTrusted) {
    explainUntrusted("nothing is built");
    return;
  }
  const r = await execute("portalis.buildWorkspace", []);
  if (r) out.info(`portalis.buildWorkspace: ${JSON.stringify(r)}`);
}

async function showRust(): Promise<void> {
  const e = pythonEditor();
  if (!e) return;
  const p = e.selection.active;
  const r = await execute("portalis.showRust", [e.document.uri.toString(), { line: p.line, character: p.character }]);
  if (!r || r.file) return;  // a written crate: the server asked to show it (opened beside by the middleware)
  // not translated yet: the Rust it would become, in an unsaved editor
  const doc = await vscode.workspace.openTextDocument({ language: "rust", content: r.rust });
  const word = e.document.getText(e.document.getWordRangeAtPosition(p));
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
  const line = doc.getText().split("\n").findIndex(l => /\bfn\s/.test(l) && l.includes(word));
  if (line >= 0) editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
}
