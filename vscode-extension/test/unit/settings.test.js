// Settings -> initializationOptions (src/settings.ts), in the shape server/app.py Settings.update reads.
const test = require("node:test");
const assert = require("node:assert");
const { serverSettings, normaliseModelServer } = require("../../out/settings.js");

const getter = obj => k => obj[k];

test("defaults", () => {
  const { settings, problems } = serverSettings(getter({}), false);
  assert.deepStrictEqual(settings, { outputFolder: "rust", buildOnSave: false, diagnostics: { untranslatableSeverity: "information" }, modelServer: "off", trusted: false });
  assert.deepStrictEqual(problems, []);
});

test("every setting is passed, trust from the workspace", () => {
  const { settings } = serverSettings(getter({ outputFolder: " out/rs ", buildOnSave: true, "diagnostics.untranslatableSeverity": "Warning", modelServer: "http://127.0.0.1:8000/v2" }), true);
  assert.deepStrictEqual(settings, { outputFolder: "out/rs", buildOnSave: true, diagnostics: { untranslatableSeverity: "warning" }, modelServer: "http://127.0.0.1:8000/v2", trusted: true });
});

test("bad values fall back and are reported", () => {
  const { settings, problems } = serverSettings(getter({ outputFolder: "", buildOnSave: "yes", "diagnostics.untranslatableSeverity": "error", modelServer: "gpu please" }), false);
  assert.strictEqual(settings.outputFolder, "rust");
  assert.strictEqual(settings.buildOnSave, false);
  assert.strictEqual(settings.diagnostics.untranslatableSeverity, "information");
  assert.strictEqual(settings.modelServer, "off");
  assert.match(problems[0], /modelServer/);
  assert.strictEqual(normaliseModelServer("LOCAL").value, "local");
  assert.strictEqual(normaliseModelServer(" Off ").value, "off");
});
