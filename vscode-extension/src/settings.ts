// VS Code settings -> the Portalis server's initializationOptions / didChangeConfiguration
// settings, in the shape server/app.py `Settings.update` reads. Pure: unit-tested.

export interface ServerSettings {
  outputFolder: string;
  buildOnSave: boolean;
  diagnostics: { untranslatableSeverity: "information" | "warning" };
  modelServer: string;
  trusted: boolean;
}

export type Getter = (key: string) => unknown;

/** `modelServer`: `off`, `local` or an http(s) URL; anything else is `off` (and reported). */
export function normaliseModelServer(v: unknown): { value: string; problem?: string } {
  const s = typeof v === "string" ? v.trim() : "";
  if (!s || s.toLowerCase() === "off") return { value: "off" };
  if (s.toLowerCase() === "local") return { value: "local" };
  if (/^https?:\/\/[^\s/]+/i.test(s)) return { value: s };
  return { value: "off", problem: `portalis.modelServer must be a URL, "local" or "off" (got ${JSON.stringify(s)}): using "off"` };
}

/** `get` reads the `portalis` configuration section (keys without the `portalis.` prefix). */
export function serverSettings(get: Getter, trusted: boolean): { settings: ServerSettings; problems: string[] } {
  const problems: string[] = [];
  const folder = get("outputFolder");
  const sev = String(get("diagnostics.untranslatableSeverity") ?? "information").toLowerCase();
  const model = normaliseModelServer(get("modelServer"));
  if (model.problem) problems.push(model.problem);
  return {
    settings: {
      outputFolder: typeof folder === "string" && folder.trim() ? folder.trim() : "rust",
      buildOnSave: get("buildOnSave") === true,
      diagnostics: { untranslatableSeverity: sev === "warning" ? "warning" : "information" },
      modelServer: model.value,
      trusted,
    },
    problems,
  };
}
