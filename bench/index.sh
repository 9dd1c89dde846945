#!/usr/bin/env bash
# Title-index figures for docs/benchmarks.md ("Index"): build time, peak memory
# and size of an index, and the cost of one `check` with it, with the plain
# list (no cache) and with the plain list through the cache.
#
#   bench/index.sh [N]     # N synthetic titles (default 7000000; 0: the real list only)
#
# Needs python3 and GNU time (/usr/bin/time). Works in bench/.work/index/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-7000000}"
work=bench/.work/index
mkdir -p "$work"
bin="${CARGO_TARGET_DIR:-target}/release/encyclint"
cargo build --release --quiet --bin encyclint --example index_bench
article=fixtures/references/unresolved-reference.txt
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

# One timed command: wall seconds, CPU seconds (user + system) and peak RSS.
timed() {
  local label="$1"
  shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || {
    local rc=$?
    # check exits 1 when it finds errors; anything else is a failure.
    if [ "$rc" -ne 1 ]; then
      cat "$work/err" >&2
      exit "$rc"
    fi
  }
  read -r secs user sys kb < <(tail -n 1 "$work/time")
  awk -v l="$label" -v s="$secs" -v u="$user" -v y="$sys" -v k="$kb" \
    'BEGIN { printf "%-44s %8s s %7.2f s CPU %8.1f MB  (load %s)\n", l, s, u + y, k / 1024, "'"$(cut -d' ' -f1 /proc/loadavg)"'" }'
}

run_set() {
  local name="$1" titles="$2"
  local idx="$work/$name.idx" cache="$work/cache-$name"
  local tbytes
  tbytes=$(stat -c %s "$titles")
  echo "== $name: $(wc -l <"$titles") titles, $tbytes bytes"
  timed "index build" "$bin" index build "$titles" -o "$idx"
  local ibytes
  ibytes=$(stat -c %s "$idx")
  awk -v i="$ibytes" -v t="$tbytes" 'BEGIN { printf "%-44s %8d bytes (%.2fx the titles)\n", "index file", i, i / t }'
  timed "check, --titles INDEX" "$bin" check "$article" --titles "$idx"
  timed "check, --titles plain list, no cache" env ENCYCLINT_INDEX_CACHE= "$bin" check "$article" --titles "$titles"
  rm -rf "$cache"
  timed "check, --titles plain list, cache cold (held, noted)" env ENCYCLINT_INDEX_CACHE="$cache" "$bin" check "$article" --titles "$titles"
  timed "check, --titles plain list, second run (builds the cache)" env ENCYCLINT_INDEX_CACHE="$cache" "$bin" check "$article" --titles "$titles"
  timed "check, --titles plain list, cache warm" env ENCYCLINT_INDEX_CACHE="$cache" "$bin" check "$article" --titles "$titles"
  "${CARGO_TARGET_DIR:-target}/release/examples/index_bench" "$idx" "$work/$name.queries"
}

gzip -dc ../shared/corpus/titles/enwiki-titles.txt.gz >"$work/real.txt"
python3 bench/gen_synthetic.py ../shared/corpus/titles/enwiki-titles.txt.gz "$work/syn-real" \
  --titles 0 --redirects 0 >/dev/null
cp "$work/syn-real/queries.txt" "$work/real.queries"
run_set real "$work/real.txt"
if [ "$n" -gt 0 ]; then
  if [ ! -s "$work/syn-$n/titles.txt" ]; then
    python3 bench/gen_synthetic.py ../shared/corpus/titles/enwiki-titles.txt.gz "$work/syn-$n" \
      --titles "$n" --redirects 0 >/dev/null
  fi
  cp "$work/syn-$n/queries.txt" "$work/syn-$n.queries"
  run_set "syn-$n" "$work/syn-$n/titles.txt"
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
