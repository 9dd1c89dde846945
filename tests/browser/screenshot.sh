#!/usr/bin/env bash
# Draw an HTML report as headless Chromium renders it, at the size of the
# README's picture: bash tests/browser/screenshot.sh REPORT.html [OUT.png]
# (default target/browser/report.png; docs/report.png is a copy of it).
set -euo pipefail
cd "$(dirname "$0")/../.."
in=$(realpath "$1")
out=${2:-target/browser/report.png}
mkdir -p "$(dirname "$out")"
out=$(realpath "$out")
bash tests/browser/chromium.sh --force-device-scale-factor=0.75 --window-size=1200,1700 \
  --screenshot="$out" "file://$in" >/dev/null
echo "wrote $out ($(wc -c <"$out") bytes)"
