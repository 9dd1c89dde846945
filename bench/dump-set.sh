#!/usr/bin/env bash
# The dump measured in docs/wikitext.md ("Limits"): the shared export's 99
# pages 60 times over (5,280 article pages), copy 0 under its own titles and
# copy k under "Title (copy k)", so links keep pointing at copy 0's pages.
# Deterministic: the same bytes on every run (bzip2 -9, gzip -n).
#
#   bench/dump-set.sh [OUT_DIR] [COPIES]   # writes OUT_DIR/dump.xml{,.bz2,.gz}
set -euo pipefail
out=${1:-/tmp/encyclint-dump-set}
copies=${2:-60}
src=${EXPORT:-/work/shared/corpus/wikitext/paintings-export-20171220.xml}
mkdir -p "$out"
python3 - "$src" "$copies" >"$out/dump.xml" <<'PY'
import re, sys
src, copies = sys.argv[1], int(sys.argv[2])
xml = open(src, encoding="utf-8").read()
start = xml.index("  <page>")
end = xml.rindex("</mediawiki>")
head, pages, tail = xml[:start], xml[start:end], xml[end:]
out = sys.stdout
out.write(head)
for k in range(copies):
    if k == 0:
        out.write(pages)
    else:
        out.write(re.sub(r"<title>(.*?)</title>", lambda m: f"<title>{m.group(1)} (copy {k})</title>", pages))
out.write(tail)
PY
bzip2 -9 -k -c "$out/dump.xml" >"$out/dump.xml.bz2"
gzip -9 -n -c "$out/dump.xml" >"$out/dump.xml.gz"
ls -l "$out"
