-- Headless Neovim (0.7+) as a real LSP client of `portalis serve`: open a file, wait for
-- diagnostics, hover, ask for code actions, run "Translate function" and wait for its crate.
-- env: PORTALIS_CMD (space-separated), PROBE_FILE, PROBE_OUT, HOVER_LINE/HOVER_COL (0-based)
vim.g.loaded_python3_provider = 0
local out_path = os.getenv("PROBE_OUT")
local file = os.getenv("PROBE_FILE")
local cmd = vim.split(os.getenv("PORTALIS_CMD"), " ", { trimempty = true })
local hl, hc = tonumber(os.getenv("HOVER_LINE")), tonumber(os.getenv("HOVER_COL"))
local t0 = vim.loop.hrtime()
local function ms() return (vim.loop.hrtime() - t0) / 1e6 end
local res = { timings = {}, logs = {} }
local function finish(code)
  res.timings.total_ms = ms()
  local f = assert(io.open(out_path, "w")); f:write(vim.fn.json_encode(res)); f:close()
  vim.cmd((code == 0) and "qall!" or ("cquit! " .. code))
end

vim.cmd("edit " .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
vim.bo[bufnr].filetype = "python"
local root = vim.fn.fnamemodify(file, ":p:h")
local client_id = vim.lsp.start_client({
  name = "portalis", cmd = cmd, root_dir = root, init_options = { trusted = true },
  handlers = {
    ["window/logMessage"] = function(_, result) table.insert(res.logs, result.message) end,
    ["window/showDocument"] = function(_, result) res.shown = result.uri; return { success = true } end,
  },
  on_init = function() res.timings.on_init_ms = ms() end,
  on_exit = function(code, signal) res.server_exit = { code = code, signal = signal } end,
})
if not client_id then res.error = "start_client failed"; return finish(2) end
vim.lsp.buf_attach_client(bufnr, client_id)
local client = vim.lsp.get_client_by_id(client_id)
if not vim.wait(30000, function() return client.initialized end, 10) then res.error = "init timeout"; return finish(3) end
vim.wait(30000, function() return #vim.diagnostic.get(bufnr) > 0 end, 10)
res.timings.diagnostics_ms = ms()
res.diagnostics = vim.tbl_map(function(d) return { lnum = d.lnum, col = d.col, message = d.message,
  severity = d.severity } end, vim.diagnostic.get(bufnr))

local function req(method, params, timeout)
  local r, err = vim.lsp.buf_request_sync(bufnr, method, params, timeout or 30000)
  if not r then return { error = tostring(err) } end
  local v = r[client_id]
  return v and (v.result or { error = v.err }) or { error = "no answer" }
end
local uri = vim.uri_from_bufnr(bufnr)
local t = ms()
res.hover = req("textDocument/hover", { textDocument = { uri = uri }, position = { line = hl, character = hc } })
res.timings.hover_ms = ms() - t
res.code_actions = req("textDocument/codeAction", { textDocument = { uri = uri },
  range = { start = { line = hl + 8, character = 0 }, ["end"] = { line = hl + 8, character = 0 } },
  context = { diagnostics = {} } })
res.command = req("workspace/executeCommand", { command = "portalis.translateFunction", arguments = { uri, "gcd" } })
local lib = root .. "/rust/sample_gcd/src/lib.rs"
local done = vim.wait(240000, function()
  for _, m in ipairs(res.logs) do if m:find("verified on") or m:find("FAILED") or m:find("failed") then return true end end
  return false
end, 50)
res.built_log_seen = done
res.lib_exists = vim.fn.filereadable(lib) == 1
vim.lsp.stop_client(client_id)
vim.wait(5000, function() return res.server_exit ~= nil end, 10)
finish(0)
