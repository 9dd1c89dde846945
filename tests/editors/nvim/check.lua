-- Headless Neovim against `encyclint lsp` (run by run.sh after init.lua):
-- wait for the diagnostics of the seed article, find S002 on line 1, apply
-- its quick fix through Neovim's own code action flow, check the title line,
-- save, and wait for the fixed diagnostics. Exits non-zero with a message on
-- any failure.
local TIMEOUT = tonumber(vim.env.ENCYCLINT_NVIM_TIMEOUT or "30000")

local function fail(msg)
  io.stderr:write("nvim: FAIL: " .. msg .. "\n")
  vim.cmd("cquit 1")
end

local function say(msg)
  io.stdout:write("nvim: " .. msg .. "\n")
end

local function ok(cond, msg)
  if not cond then
    fail(msg)
  end
end

local bufnr = vim.api.nvim_get_current_buf()
local function s002()
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == "S002" then
      return d
    end
  end
end

ok(vim.wait(TIMEOUT, function()
  return #vim.diagnostic.get(bufnr) > 0
end, 50), "no diagnostics from encyclint lsp within " .. TIMEOUT .. " ms")
local d = s002()
ok(d ~= nil, "no S002 among " .. #vim.diagnostic.get(bufnr) .. " diagnostics")
ok(d.lnum == 0, "S002 is on line " .. (d.lnum + 1) .. ", not line 1")
ok(d.source == "encyclint", "S002 comes from " .. tostring(d.source))
say(("%d diagnostics; S002 on line 1, columns %d-%d: %s"):format(
  #vim.diagnostic.get(bufnr), d.col, d.end_col, d.message:gsub("\n.*", "")))

-- The quick fix, chosen the way a user would from the code action menu.
local offered = {}
vim.ui.select = function(items, opts, on_choice)
  for _, item in ipairs(items) do
    table.insert(offered, item[2].title)
  end
  for _, item in ipairs(items) do
    if item[2].title:match("^S002: ") then
      return on_choice(item)
    end
  end
  on_choice(nil)
end
vim.api.nvim_win_set_cursor(0, { 1, d.col })
vim.lsp.buf.code_action({ only = { "quickfix" } })
local title = "Defense Cooperation"
ok(vim.wait(TIMEOUT, function()
  return vim.api.nvim_buf_get_lines(bufnr, 0, 1, false)[1] == title
end, 50), ("line 1 is %q after the quick fix (offered: %s)"):format(
  vim.api.nvim_buf_get_lines(bufnr, 0, 1, false)[1], table.concat(offered, "; ")))
say("applied " .. table.concat(offered, "; "))

vim.cmd("silent write")
ok(vim.fn.readfile(vim.api.nvim_buf_get_name(bufnr), "", 1)[1] == title, "the saved file's title")
ok(vim.wait(TIMEOUT, function()
  return #vim.diagnostic.get(bufnr) > 0 and s002() == nil
end, 50), "S002 still reported after the fix")
say("title line is now '" .. title .. "'; S002 is gone; " .. #vim.diagnostic.get(bufnr) .. " diagnostics left")
vim.cmd("qall!")
