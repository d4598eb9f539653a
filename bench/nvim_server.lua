-- Drive `draftlint server` from a real Neovim, headless, and time what a writer would see.
--
--   DRAFTLINT=.venv/bin/draftlint nvim --headless -u NONE -c "luafile bench/nvim_server.lua" DRAFT.md
--
-- Attaches the server to the buffer (vim.lsp.start_client, as in Neovim 0.7; 0.8+ also has vim.lsp.start),
-- waits for the first diagnostics, types a disclaimer line and times the new diagnostics, asks for the code
-- actions on that line and applies the quick fix, then prints what it saw and quits (exit 1 on a failure).
local draftlint = os.getenv("DRAFTLINT") or "draftlint"
local out = {}
local function say(s) table.insert(out, s) end
local function finish(code)
  io.stdout:write(table.concat(out, "\n") .. "\n")
  vim.cmd((code == 0) and "qall!" or "cquit!")
end
local function ms(since) return (vim.loop.hrtime() - since) / 1e6 end

local changed = 0
vim.api.nvim_create_autocmd("DiagnosticChanged", { callback = function() changed = changed + 1 end })

local started = vim.loop.hrtime()
local id = vim.lsp.start_client({
  name = "draftlint",
  cmd = { draftlint, "server" },
  root_dir = vim.fn.getcwd(),
  flags = { debounce_text_changes = 0 },
})
vim.lsp.buf_attach_client(0, id)
if not vim.wait(60000, function() return changed > 0 end, 5) then
  say("no diagnostics within 60 s"); return finish(1)
end
say(string.format("first diagnostics after %.0f ms (server start, spaCy load, lint)", ms(started)))
for _, d in ipairs(vim.diagnostic.get(0)) do
  say(string.format("  %d:%d %s %s", d.lnum + 1, d.col + 1, d.code or d.user_data.lsp.code,
    (d.message:gsub("\n.*", ""))))
end

-- type a line: the time from the edit to the new diagnostics
local before = changed
local typed = vim.loop.hrtime()
vim.api.nvim_buf_set_lines(0, 0, 0, false, { "As an AI language model, I cannot say.", "" })
if not vim.wait(10000, function() return changed > before end, 1) then
  say("no diagnostics after the edit"); return finish(1)
end
say(string.format("diagnostics after typing a line: %.1f ms", ms(typed)))
local found = false
for _, d in ipairs(vim.diagnostic.get(0, { lnum = 0 })) do
  if (d.code or d.user_data.lsp.code) == "B101" then found = true end
end
if not found then say("B101 missing on line 1"); return finish(1) end

-- code actions on line 1, then apply the quick fix
local params = vim.lsp.util.make_range_params()
params.range = { start = { line = 0, character = 0 }, ["end"] = { line = 0, character = 0 } }
params.context = { diagnostics = {} }
local asked = vim.loop.hrtime()
local replies = vim.lsp.buf_request_sync(0, "textDocument/codeAction", params, 10000)
say(string.format("code actions in %.1f ms:", ms(asked)))
local fix
for _, reply in pairs(replies or {}) do
  for _, action in ipairs(reply.result or {}) do
    say("  " .. action.title)
    if action.kind == "quickfix" and action.isPreferred then fix = fix or action end
  end
end
if not fix then say("no quick fix offered"); return finish(1) end
before = changed
vim.lsp.util.apply_workspace_edit(fix.edit, "utf-16")
vim.wait(10000, function() return changed > before end, 1)
say("after the quick fix, line 1: " .. vim.api.nvim_buf_get_lines(0, 0, 1, false)[1])
say(string.format("diagnostics now: %d", #vim.diagnostic.get(0)))
vim.lsp.stop_client(id)
finish(0)
