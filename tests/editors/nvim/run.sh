#!/usr/bin/env bash
# Headless Neovim as a real LSP client of `encyclint lsp`:
#   tests/editors/nvim/run.sh [ENCYCLINT_BINARY]
# Opens a copy of fixtures/defense-cooperation.txt with init.lua (the set-up
# docs/editors.md shows) and check.lua (the assertions). Exits non-zero with a
# message on failure or after a timeout.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
bin="$(realpath "${1:-$repo/target/debug/encyclint}")"
if ! command -v nvim >/dev/null 2>&1; then
  echo "nvim: FAIL: nvim is not installed (apt-get install -y neovim)" >&2
  exit 1
fi
if [ ! -x "$bin" ]; then
  echo "nvim: FAIL: no encyclint binary at $bin (cargo build first)" >&2
  exit 1
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$repo/fixtures/defense-cooperation.txt" "$work/"
cd "$work"
status=0
ENCYCLINT_BIN="$bin" timeout "${NVIM_TIMEOUT:-120}" \
  nvim --headless -n -i NONE -u "$here/init.lua" \
  -c "luafile $here/check.lua" defense-cooperation.txt </dev/null || status=$?
if [ "$status" -eq 124 ]; then
  echo "nvim: FAIL: timed out after ${NVIM_TIMEOUT:-120} s" >&2
fi
if [ "$status" -ne 0 ]; then
  echo "nvim: FAIL (exit $status)" >&2
  exit 1
fi
echo "nvim: OK"
