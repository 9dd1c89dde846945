#!/usr/bin/env bash
# Headless Chromium with the flags this project's machines need (run as root:
# no sandbox; no GPU; nothing fetched in the background) and a throwaway
# profile. Arguments go to Chromium: `bash tests/browser/chromium.sh --dump-dom file:///...`.
# Chromium's own log goes to $CHROMIUM_LOG (default: discarded).
set -euo pipefail
browser=${CHROMIUM:-chromium}
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
timeout 180 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --hide-scrollbars --user-data-dir="$profile" "$@" 2>>"${CHROMIUM_LOG:-/dev/null}"
