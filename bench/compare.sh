#!/usr/bin/env bash
# Time encyclint against peer tools on the 3,210-article benchmark set.
# See docs/benchmarks.md. Not run in CI.
#
#   bench/compare.sh            # everything: peers, threads, 1x/4x/16x scaling
#   RUNS=3 bench/compare.sh     # fewer runs per measurement (default 5)
#   SCALE=0 bench/compare.sh    # skip the 4x/16x scaling runs
#   PEERS=0 bench/compare.sh    # skip installing and timing peer tools
#
# Peer tools are installed into bench/.tools/ (git-ignored); data and results go
# to bench/.work/ (git-ignored). A tool that cannot be installed or run is
# reported as "unavailable" and the script goes on.
set -uo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
SCALE=${SCALE:-1}
PEERS=${PEERS:-1}
WORK=bench/.work
TOOLS=bench/.tools
CORPUS=${CORPUS:-../shared/corpus/enwiki-2015-3210.tar.gz}
RESULTS=$WORK/results.md
mkdir -p "$WORK" "$TOOLS"

say() { printf '%s\n' "$*" >&2; }

if [ ! -x /usr/bin/time ]; then
  say "GNU time (/usr/bin/time) is needed for peak RSS: apt-get install -y time"
  exit 2
fi

# --- data -------------------------------------------------------------------
DATA=$WORK/enwiki
if [ ! -d "$DATA/md/enwiki_wx" ]; then
  say "unpacking $CORPUS into $DATA"
  mkdir -p "$DATA" && tar xzf "$CORPUS" -C "$DATA" || { say "cannot unpack $CORPUS"; exit 2; }
fi
MD=$DATA/md/enwiki_wx
TXT=$DATA/txt/enwiki_wx
bytes_of() { find "$1" -type f \( -name '*.md' -o -name '*.txt' \) -printf '%s\n' | awk '{s+=$1} END {print s+0}'; }
files_of() { find "$1" -type f \( -name '*.md' -o -name '*.txt' \) | wc -l; }

# --- builds -----------------------------------------------------------------
say "building encyclint (release)"
cargo build --release --quiet || { say "encyclint does not build"; exit 2; }
ENC=target/release/encyclint
say "building the parse-only floor (bench/floor)"
FLOOR=""
if (cd bench/floor && CARGO_TARGET_DIR=../.work/floor-target cargo build --release --quiet); then
  FLOOR=$WORK/floor-target/release/encyclint-floor
fi

# --- peers ------------------------------------------------------------------
RUMDL="" ; MDL2="" ; PYMD=""
if [ "$PEERS" = 1 ]; then
  if [ ! -d "$TOOLS/py/rumdl" ] && [ ! -x "$TOOLS/py/bin/rumdl" ]; then
    say "installing rumdl (PyPI wheel with the binary)"
    python3 -m pip install --quiet --target "$TOOLS/py" rumdl >&2 || say "rumdl: install failed"
  fi
  for c in "$TOOLS/py/bin/rumdl" "$(find "$TOOLS/py" -maxdepth 4 -type f -name rumdl -perm -u+x 2>/dev/null | head -1)"; do
    if [ -n "$c" ] && [ -x "$c" ] && "$c" --version >/dev/null 2>&1; then RUMDL=$c; break; fi
  done
  if [ ! -d "$TOOLS/py/pymarkdown" ]; then
    say "installing pymarkdownlnt (PyPI)"
    python3 -m pip install --quiet --target "$TOOLS/py" pymarkdownlnt >&2 || say "pymarkdownlnt: install failed"
  fi
  if PYTHONPATH=$TOOLS/py python3 -m pymarkdown version >/dev/null 2>&1; then PYMD=1; fi
  if [ ! -x "$TOOLS/npm/node_modules/.bin/markdownlint-cli2" ]; then
    say "installing markdownlint-cli2 (npm)"
    if command -v npm >/dev/null 2>&1; then
      npm install --silent --prefix "$TOOLS/npm" markdownlint-cli2 >&2 || say "markdownlint-cli2: install failed"
    else
      say "markdownlint-cli2: npm not found"
    fi
  fi
  if [ -x "$TOOLS/npm/node_modules/.bin/markdownlint-cli2" ]; then MDL2=$TOOLS/npm/node_modules/.bin/markdownlint-cli2; fi
fi

# --- measuring ---------------------------------------------------------------
# measure NAME BYTES FILES CMD... : RUNS runs after one warm-up; prints
# "name wall_median_s rss_median_kb" on stdout, one line, or "name unavailable".
median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print "nan"; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
declare -A WALL RSS BYTES FILES
measure() {
  local name=$1 bytes=$2 files=$3; shift 3
  local t walls="" rsss=""
  t=$(mktemp)
  if ! /usr/bin/time -f '%e %M' -o "$t" "$@" >/dev/null 2>"$t.err"; then
    # Linters exit 1 when they find something; only a missing result is a failure.
    if ! grep -qE '^[0-9.]+ [0-9]+$' "$t"; then
      say "$name: failed: $(tail -n 2 "$t.err" | tr '\n' ' ')"; echo "$name unavailable"; rm -f "$t" "$t.err"; return
    fi
  fi
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f '%e %M' -o "$t" "$@" >/dev/null 2>"$t.err"
    local line; line=$(grep -E '^[0-9.]+ [0-9]+$' "$t" | tail -n 1)
    walls+="${line%% *}"$'\n'; rsss+="${line##* }"$'\n'
  done
  rm -f "$t" "$t.err"
  WALL[$name]=$(printf '%s' "$walls" | median); RSS[$name]=$(printf '%s' "$rsss" | median)
  BYTES[$name]=$bytes; FILES[$name]=$files
  say "$name: ${WALL[$name]} s (median of $RUNS), ${RSS[$name]} KB"
}
row() { # row NAME REFERENCE
  local n=$1 ref=$2
  if [ -z "${WALL[$n]:-}" ]; then printf '| %s | unavailable | | | | |\n' "$n"; return; fi
  awk -v n="$n" -v w="${WALL[$n]}" -v r="${RSS[$n]}" -v b="${BYTES[$n]}" -v f="${FILES[$n]}" -v ref="${WALL[$ref]:-0}" 'BEGIN {
    mbs = (w > 0) ? b / 1e6 / w : 0; fps = (w > 0) ? f / w : 0; ratio = (ref > 0) ? w / ref : 0
    printf "| %s | %.2f | %.1f | %.0f | %.0f | %.2fx |\n", n, w, mbs, fps, r / 1024, ratio }'
}

MDB=$(bytes_of "$MD"); MDF=$(files_of "$MD"); TXB=$(bytes_of "$TXT"); TXF=$(files_of "$TXT")
say "Markdown: $MDF files, $MDB bytes; text: $TXF files, $TXB bytes; $(nproc) cores; $(uptime)"

# encyclint: report written as JSON to /dev/null (all diagnostics are serialised).
measure "encyclint md" "$MDB" "$MDF" "$ENC" check --format json "$MD"
measure "encyclint txt" "$TXB" "$TXF" "$ENC" check --format json "$TXT"
measure "encyclint md --threads 1" "$MDB" "$MDF" "$ENC" check --threads 1 --format json "$MD"
measure "encyclint md --threads 2" "$MDB" "$MDF" "$ENC" check --threads 2 --format json "$MD"
measure "encyclint txt --threads 1" "$TXB" "$TXF" "$ENC" check --threads 1 --format json "$TXT"
if [ -n "$FLOOR" ]; then
  measure "comrak floor, 1 thread" "$MDB" "$MDF" "$FLOOR" --threads 1 "$MD"
  measure "comrak floor, 2 threads" "$MDB" "$MDF" "$FLOOR" --threads 2 "$MD"
fi
if [ "$PEERS" = 1 ]; then
  [ -n "$RUMDL" ] && measure "rumdl check" "$MDB" "$MDF" "$RUMDL" check --no-cache "$MD"
  [ -n "$MDL2" ] && measure "markdownlint-cli2" "$MDB" "$MDF" "$MDL2" "$MD/*.md"
  [ -n "$PYMD" ] && measure "pymarkdownlnt scan" "$MDB" "$MDF" env PYTHONPATH="$TOOLS/py" python3 -m pymarkdown scan -r "$MD"
fi

# --- scaling: 1x, 4x, 16x (Markdown only: 16x is ~1 GB) -----------------------
# Copies are hard links under other names (c1/Foo_1.md, ...): same bytes, new
# paths, no extra disk; every run reads from the page cache either way.
if [ "$SCALE" = 1 ]; then
  for k in 4 16; do
    dir=$WORK/scale/x$k
    if [ ! -d "$dir" ] || [ "$(files_of "$dir")" -ne $((MDF * k)) ]; then
      say "making the ${k}x set in $dir"
      rm -rf "$dir"
      for c in $(seq "$k"); do
        mkdir -p "$dir/c$c"
        for f in "$MD"/*.md; do b=$(basename "$f" .md); ln "$f" "$dir/c$c/${b}_$c.md" 2>/dev/null || cp "$f" "$dir/c$c/${b}_$c.md"; done
      done
    fi
    measure "encyclint md ${k}x" "$((MDB * k))" "$((MDF * k))" "$ENC" check --format json "$dir"
    [ -n "$FLOOR" ] && measure "comrak floor ${k}x, 1 thread" "$((MDB * k))" "$((MDF * k))" "$FLOOR" --threads 1 "$dir"
  done
fi

# --- report -------------------------------------------------------------------
{
  echo "## encyclint benchmark, $(date -u +%Y-%m-%d) ($(nproc) cores; load at end: $(cut -d' ' -f1-3 /proc/loadavg))"
  echo
  echo "3,210 articles: Markdown $((MDB / 1000000)) MB, text $((TXB / 1000000)) MB. Wall time is the median of $RUNS runs"
  echo "(after one warm-up); encyclint writes \`--format json\` to /dev/null. Ratio = wall / wall of \`encyclint md\`."
  echo
  echo "| tool | wall (s) | MB/s | files/s | peak RSS (MB) | ratio to encyclint md |"
  echo "|---|---|---|---|---|---|"
  for n in "encyclint md" "encyclint txt" "encyclint md --threads 1" "encyclint md --threads 2" "encyclint txt --threads 1" \
           "comrak floor, 1 thread" "comrak floor, 2 threads" "rumdl check" "markdownlint-cli2" "pymarkdownlnt scan"; do
    row "$n" "encyclint md"
  done
  if [ -n "${WALL[encyclint md --threads 1]:-}" ] && [ -n "${WALL[encyclint md --threads 2]:-}" ]; then
    awk -v a="${WALL[encyclint md --threads 1]}" -v b="${WALL[encyclint md --threads 2]}" \
      'BEGIN { printf "\nSpeed-up on 2 threads over 1 (Markdown): %.2fx\n", a / b }'
  fi
  if [ -n "${WALL[comrak floor, 1 thread]:-}" ]; then
    awk -v e="${WALL[encyclint md]}" -v e1="${WALL[encyclint md --threads 1]}" -v f="${WALL[comrak floor, 1 thread]}" -v f2="${WALL[comrak floor, 2 threads]:-0}" \
      'BEGIN { printf "encyclint md / floor: %.2fx (default threads vs floor on 1 thread), %.2fx (1 thread each)", e / f, e1 / f;
               if (f2 > 0) printf ", %.2fx (2 threads each)", e / f2; printf "\n" }'
  fi
  if [ "$SCALE" = 1 ]; then
    echo
    echo "| Markdown set | files | wall (s) | s per 1x | peak RSS (MB) | floor, 1 thread (s) |"
    echo "|---|---|---|---|---|---|"
    for k in 1 4 16; do
      n="encyclint md ${k}x"; fl="comrak floor ${k}x, 1 thread"
      [ "$k" = 1 ] && n="encyclint md" && fl="comrak floor, 1 thread"
      [ -z "${WALL[$n]:-}" ] && continue
      awk -v k="$k" -v f="${FILES[$n]}" -v w="${WALL[$n]}" -v r="${RSS[$n]}" -v fw="${WALL[$fl]:-nan}" \
        'BEGIN { printf "| %sx | %d | %.2f | %.3f | %.0f | %s |\n", k, f, w, w / k, r / 1024, fw }'
    done
  fi
} | tee "$RESULTS"
say "written to $RESULTS"
