// Drives code-server (real VS Code 1.100.3 in the browser) with headless chromium + playwright-core
// through the Portalis scenario. env: CS_URL, FOLDER, OUT (screenshots + result.json), PW_TMP, CHROMIUM.
// Exit 0 only when every step was seen.
const { chromium } = require("playwright-core");
const fs = require("fs");
const path = require("path");
const os = require("os");

const OUT = process.env.OUT;
const t0 = Date.now();
const ms = () => Date.now() - t0;
const log = (...a) => console.log(`[${(ms() / 1000).toFixed(1)}s]`, ...a);
const result = { steps: {} };
const shot = (page, name) => page.screenshot({ path: path.join(OUT, name) });

async function palette(page, title) {
  await page.keyboard.press("F1");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ timeout: 10000 });
  await input.fill(`>${title}`);
  await page.locator(".quick-input-list .monaco-list-row", { hasText: title }).first().waitFor({ timeout: 10000 });
  await page.keyboard.press("Enter");
}

async function statusText(page) {
  const item = page.locator(".statusbar-item", { hasText: "Portalis" }).first();
  return (await item.innerText().catch(() => "")).trim();
}

async function waitStatus(page, pred, timeout, what) {
  const end = Date.now() + timeout;
  let last = "";
  while (Date.now() < end) {
    last = await statusText(page);
    if (pred(last)) return last;
    await page.waitForTimeout(200);
  }
  throw new Error(`status bar never showed ${what} (last: ${JSON.stringify(last)})`);
}

// click on a line of the Python editor (the first editor group) that contains `text`, at its end
async function clickLine(page, text) {
  const line = page.locator(".editor-group-container").first().locator(".view-line", { hasText: text }).first();
  const b = await line.boundingBox();
  await page.mouse.click(b.x + Math.min(b.width - 5, 300), b.y + b.height / 2);
}

// Restricted Mode: hover works; a translation is written but not built, and the extension says why;
// Build Workspace builds nothing and says why.
async function untrusted(page) {
  await clickLine(page, "a, b = b, a % b");
  await palette(page, "Portalis: Translate Function to Rust");
  const toast = page.locator(".notifications-toasts .notification-toast", { hasText: "not trusted" }).first();
  await toast.waitFor({ timeout: 20000 });
  result.untrusted_notice = (await toast.innerText()).replace(/\s+/g, " ").trim();
  log("notice:", result.untrusted_notice);
  if (!/Manage Workspace Trust/.test(result.untrusted_notice)) throw new Error("no Manage Workspace Trust button");
  const rustGroup = page.locator(".editor-group-container").nth(1);
  await rustGroup.locator(".view-line", { hasText: /fn\sgcd\(/ }).first().waitFor({ timeout: 60000 });
  result.rust_beside = true;
  const done = await waitStatus(page, t => /not built|failed|verified|built/.test(t) && !/translating/.test(t), 60000, "the end of the translation");
  result.status_after_gcd = done; log("status:", done);
  await page.locator(".statusbar-item", { hasText: "Portalis" }).first().hover();
  await page.waitForTimeout(800);
  await shot(page, "2-untrusted-translate.png");
  await toast.locator(".codicon-notifications-clear, .codicon-close").first().click().catch(() => {});
  await palette(page, "Portalis: Build Workspace");
  const toast2 = page.locator(".notifications-toasts .notification-toast", { hasText: "nothing is built" }).first();
  await toast2.waitFor({ timeout: 20000 });
  result.untrusted_build_notice = (await toast2.innerText()).replace(/\s+/g, " ").trim();
  log("build workspace:", result.untrusted_build_notice);
  await shot(page, "3-untrusted-build.png");
  // nothing was built: no wasm anywhere under the workspace's rust/ folder
  const wasm = [];
  const walk = d => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const f = path.join(d, e.name); if (e.isDirectory()) walk(f); else if (/\.(wasm|rlib)$/.test(e.name)) wasm.push(f); } };
  if (fs.existsSync(path.join(process.env.FOLDER, "rust"))) walk(path.join(process.env.FOLDER, "rust"));
  result.built_files = wasm;
  if (wasm.length) throw new Error(`built in an untrusted workspace: ${wasm}`);
  // trusting the folder (the notification's button -> the trust editor) enables builds at once:
  // the extension tells the server (trusted: true) without a restart
  await toast2.locator(".monaco-button", { hasText: "Manage Workspace Trust" }).first().click();
  await page.locator(".workspace-trust-editor .monaco-button", { hasText: /^Trust$/ }).first().click({ timeout: 20000 });
  await page.locator(".statusbar-item", { hasText: "Restricted Mode" }).first().waitFor({ state: "detached", timeout: 20000 });
  log("workspace trusted");
  await page.locator(".tab", { hasText: "sample.py" }).first().click();
  await clickLine(page, "a, b = b, a % b");
  await palette(page, "Portalis: Translate Function to Rust");
  await waitStatus(page, t => !/not built/.test(t), 30000, "a build starting");
  const after = await waitStatus(page, t => /failed|built|verified/.test(t) && !/building|verifying|translating/.test(t), 150000, "the end of the build");
  result.status_after_trust = after; log("status after trusting:", after);
  await shot(page, "4-trusted-verified.png");
  if (!/verified/.test(after)) throw new Error(`not verified after trusting the workspace: ${after}`);
}

(async () => {
  const udd = fs.mkdtempSync(path.join(process.env.PW_TMP || os.tmpdir(), "chromium-"));
  const ctx = await chromium.launchPersistentContext(udd, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true, viewport: { width: 1400, height: 850 },
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = ctx.pages()[0] || await ctx.newPage();
  page.on("console", m => { if (m.type() === "error") fs.appendFileSync(path.join(OUT, "console-errors.log"), m.text() + "\n"); });
  try {
    await page.goto(`${process.env.CS_URL}/?folder=${encodeURIComponent(process.env.FOLDER)}`, { waitUntil: "domcontentloaded" });
    await page.waitForSelector(".monaco-workbench", { timeout: 60000 });
    log("workbench up");
    // 1. open the Python file (activates the extension: onLanguage:python)
    await page.locator(".explorer-folders-view .monaco-list-row", { hasText: "sample.py" }).first().click({ timeout: 30000 });
    await page.locator(".monaco-editor .view-line", { hasText: "def gcd" }).first().waitFor({ timeout: 20000 });
    result.steps.editor_open_s = ms() / 1000; log("sample.py open");
    await page.locator(".statusbar-item", { hasText: "Portalis" }).first().waitFor({ timeout: 30000 });
    const activated = Date.now();
    result.steps.status_item_s = ms() / 1000; log("extension active:", await statusText(page));

    // 2. hover `gcd`: the card shows the Rust signature (retried until the server has analysed the file)
    const span = page.locator(".editor-group-container").first()
      .locator(".view-line", { hasText: "def gcd" }).locator("span span", { hasText: /^gcd$/ }).first();
    const hover = page.locator(".monaco-hover-content").filter({ hasText: "fn gcd" }).first();
    const hoverEnd = Date.now() + 60000;
    for (;;) {
      const b = await span.boundingBox();
      await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
      try { await hover.waitFor({ timeout: 1500 }); break; } catch (e) {
        if (Date.now() > hoverEnd) throw new Error("no hover with the Rust signature of gcd within 60 s");
        await page.mouse.move(5, 400);
        await page.waitForTimeout(100);
      }
    }
    result.activation_to_hover_s = (Date.now() - activated) / 1000;
    result.hover_text = (await hover.innerText()).trim();
    log(`hover after ${result.activation_to_hover_s}s:`, result.hover_text.split("\n").slice(0, 6).join(" | "));
    if (!/fn\sgcd\(/.test(result.hover_text)) throw new Error("hover lacks the Rust signature");
    await page.waitForTimeout(700);  // the hover fades in
    await shot(page, "1-hover.png");
    await page.mouse.move(5, 400);
    await page.keyboard.press("Escape");

    if (process.env.SCENARIO === "untrusted") {
      await untrusted(page);
      result.ok = true;
      return;
    }
    // 3. palette: Translate Function to Rust, the cursor inside gcd
    await clickLine(page, "a, b = b, a % b");
    await palette(page, "Portalis: Translate Function to Rust");
    log("translate gcd requested");
    // 4. the Rust opens beside the Python (a second editor group), at the function
    const rustGroup = page.locator(".editor-group-container").nth(1);
    await rustGroup.locator(".tab", { hasText: "lib.rs" }).first().waitFor({ timeout: 60000 });
    await rustGroup.locator(".view-line", { hasText: /fn\sgcd\(/ }).first().waitFor({ timeout: 20000 });
    result.rust_beside = true; result.steps.rust_beside_s = ms() / 1000; log("lib.rs open beside, at `fn gcd`");
    await shot(page, "2-rust-beside.png");
    // 5. the status bar follows the build to its end: verified on the doctests
    const done = await waitStatus(page, t => /verified|failed|built|not built/.test(t) && !/building|verifying|translating/.test(t), 150000, "the end of the build");
    result.status_after_gcd = done; result.steps.gcd_built_s = ms() / 1000; log("status:", done);
    if (!/verified/.test(done)) throw new Error(`gcd was not verified: ${done}`);
    await shot(page, "3-status-verified.png");

    // 6. a function whose verification fails (a doctest stops at a Portalis limit): a diagnostic on its `>>>` line
    await clickLine(page, "return sum(xs)");
    await palette(page, "Portalis: Translate Function to Rust");
    log("translate total requested");
    await waitStatus(page, t => !/verified/.test(t), 30000, "a new build starting");
    const done2 = await waitStatus(page, t => /failed|built|not built|verified/.test(t) && !/building|verifying|translating/.test(t), 150000, "the end of the second build");
    result.status_after_square = done2; log("status:", done2);
    await page.keyboard.press("Control+Shift+M");  // Problems panel
    const problem = page.locator(".markers-panel .monaco-list-row", { hasText: "Portalis limit" }).first();
    await problem.waitFor({ timeout: 30000 });
    result.problem_text = (await problem.innerText()).replace(/\s+/g, " ").trim();
    log("problem:", result.problem_text);
    const m = /Ln (\d+)/.exec(result.problem_text);
    const want = fs.readFileSync(path.join(process.env.FOLDER, "sample.py"), "utf8").split("\n").findIndex(l => l.includes(">>> total([])")) + 1;
    result.problem_line = m ? Number(m[1]) : null; result.expected_line = want;
    if (result.problem_line !== want) throw new Error(`the diagnostic is on line ${result.problem_line}, not ${want}`);
    // the squiggle on that line, with its hover, for the screenshot
    await page.locator(".monaco-editor .squiggly-info, .monaco-editor .squiggly-error, .monaco-editor .squiggly-warning").first().waitFor({ timeout: 10000 });
    await shot(page, "4-diagnostic.png");
    // the marketplace screenshot: the hover card of `total` over the diagnostic in the Problems panel
    const sq = page.locator(".editor-group-container").first()
      .locator(".view-line", { hasText: "def total" }).locator("span span", { hasText: /^total$/ }).first();
    const sb = await sq.boundingBox();
    await page.mouse.move(sb.x + sb.width / 2, sb.y + sb.height / 2);
    await page.locator(".monaco-hover-content").filter({ hasText: /fn\stotal\(/ }).first().waitFor({ timeout: 20000 });
    await page.waitForTimeout(700);
    await shot(page, "5-hover-and-diagnostic.png");
    await page.mouse.move(5, 400);
    await page.keyboard.press("Escape");

    // Show Rust on gcd: its crate's lib.rs comes to the front beside the Python, at `fn gcd`
    await page.locator(".editor-group-container").first().locator(".tab", { hasText: "sample.py" }).first().click();
    await clickLine(page, "a, b = b, a % b");
    await palette(page, "Portalis: Show Rust");
    await page.locator(".editor-group-container").nth(1).locator(".tab.active", { hasText: "lib.rs" })
      .filter({ hasText: "sample_gcd" }).first().waitFor({ timeout: 20000 });
    await page.locator(".editor-group-container").nth(1).locator(".view-line", { hasText: /fn\sgcd\(/ }).first().waitFor({ timeout: 20000 });
    result.show_rust = true; log("Show Rust: sample_gcd/src/lib.rs in front, at `fn gcd`");
    await shot(page, "5b-show-rust.png");

    // 7. a server that cannot be found: a notification with the fix, not silence. The user sets
    //    portalis.serverPath in the Settings editor; the extension restarts the server with it.
    await palette(page, "Preferences: Open User Settings");
    const search = page.locator(".settings-editor .suggest-input-container textarea, .settings-editor .suggest-input-container input").first();
    await search.waitFor({ timeout: 20000 });
    await search.fill("portalis.serverPath");
    // a machine-overridable path: set on the machine the server runs on (code-server's "Remote" tab)
    await page.locator(".settings-editor .settings-tabs-widget .action-label", { hasText: "Remote" }).first().click();
    const field = page.locator(".settings-editor .setting-item-contents", { hasText: "Server Path" }).locator("input").first();
    await field.waitFor({ timeout: 20000 });
    await field.fill("/nonexistent/portalis");
    await page.keyboard.press("Tab");
    const toast = page.locator(".notifications-toasts .notification-toast", { hasText: "language server was not found" }).first();
    await toast.waitFor({ timeout: 30000 });
    result.not_found_text = (await toast.innerText()).replace(/\s+/g, " ").trim();
    log("notification:", result.not_found_text);
    await shot(page, "6-server-not-found.png");
    await toast.locator(".monaco-button", { hasText: "Install Instructions" }).first().click();
    await page.locator(".tab", { hasText: /Preview README\.md/ }).first().waitFor({ timeout: 20000 });
    result.install_instructions_shown = true; log("Install Instructions: the README preview opened");
    await shot(page, "7-install-instructions.png");
    result.ok = true;
  } catch (e) {
    result.ok = false; result.error = String(e).slice(0, 1000);
    await shot(page, "failure.png").catch(() => {});
  } finally {
    result.total_s = ms() / 1000;
    fs.writeFileSync(path.join(OUT, "result.json"), JSON.stringify(result, null, 1));
    log(JSON.stringify({ ok: result.ok, error: result.error, activation_to_hover_s: result.activation_to_hover_s,
      status_after_gcd: result.status_after_gcd, status_after_square: result.status_after_square, problem_line: result.problem_line }));
    await ctx.close();
    fs.rmSync(udd, { recursive: true, force: true });
    process.exit(result.ok ? 0 : 1);
  }
})();
