-- encyclint in Neovim's built-in LSP client: start `encyclint lsp` for plain
-- text and Markdown buffers. Works on Neovim 0.7 and later; docs/editors.md
-- shows it, and .ci/run runs it (tests/editors/nvim/run.sh).
local cmd = { vim.env.ENCYCLINT_BIN or "encyclint", "lsp" }

vim.api.nvim_create_autocmd("FileType", {
  pattern = { "text", "markdown" },
  callback = function(args)
    local config = {
      name = "encyclint",
      cmd = cmd,
      -- The workspace folder: encyclint.toml is found from here, and every
      -- article under it is a title the references can name.
      root_dir = vim.fn.getcwd(),
      -- Optional: the command line's options.
      -- init_options = { select = { "S", "B" }, ignore = { "R002" } },
    }
    if vim.lsp.start then
      vim.lsp.start(config) -- Neovim 0.8+: start once, attach every buffer
    else
      _G.encyclint_client = _G.encyclint_client or vim.lsp.start_client(config)
      vim.lsp.buf_attach_client(args.buf, _G.encyclint_client)
    end
  end,
})
