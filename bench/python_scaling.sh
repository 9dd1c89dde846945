#!/usr/bin/env bash
# How the Dask example scales with workers on the 3,210-article benchmark set
# (docs/python.md), beside the CLI and check_paths on the same files. Every
# run's summary must be the CLI's.
#
#   PYTHON=/path/to/venv/bin/python bench/python_scaling.sh   # the whole set
#   FILES=200 PYTHON=... bench/python_scaling.sh              # the first 200 files (CI)
#
# PYTHON is an interpreter with the package installed (pip install .) and
# dask[distributed]; data goes to bench/.work/ (git-ignored), as for
# bench/compare.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
FILES=${FILES:-0}
WORKERS=${WORKERS:-"1 2 4"}
CORPUS=${CORPUS:-../shared/corpus/enwiki-2015-3210.tar.gz}
WORK=bench/.work
DATA=$WORK/enwiki
mkdir -p "$WORK"
if [ ! -d "$DATA/md/enwiki_wx" ]; then
  echo "unpacking $CORPUS into $DATA" >&2
  mkdir -p "$DATA" && tar xzf "$CORPUS" -C "$DATA"
fi
DIR=$DATA/md/enwiki_wx
if [ "$FILES" -gt 0 ]; then
  DIR=$WORK/enwiki-first-$FILES
  if [ ! -d "$DIR" ]; then
    mkdir -p "$DIR"
    # head closes the pipe early: sort's SIGPIPE is not a failure here.
    (find "$DATA/md/enwiki_wx" -type f -name '*.md' -print0 | sort -z | head -z -n "$FILES" | xargs -0 cp -t "$DIR") || true
  fi
fi
n=$(find "$DIR" -type f -name '*.md' | wc -l)

cargo build --release --quiet
BIN=${CARGO_TARGET_DIR:-target}/release/encyclint

summary_of() { "$PY" -c 'import json,sys; print(json.dumps(json.load(sys.stdin)["summary"]))'; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", b - a}'; }
rate() { awk -v n="$n" -v s="$1" 'BEGIN {printf "%.0f", n / s}'; }

echo "$n files in $DIR; $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| run | wall s | files/s | in-run s | summary |"
echo "|---|---:|---:|---:|---|"
t0=$(now)
want=$("$BIN" check --format json "$DIR" | summary_of || true)
t1=$(now)
echo "| \`encyclint check --format json\` (all cores) | $(secs "$t0" "$t1") | $(rate "$(secs "$t0" "$t1")") | | the CLI's |"
for threads in 1 2; do
  t0=$(now)
  got=$("$PY" -c 'import encyclint, json, sys; print(json.dumps(encyclint.check_paths(sys.argv[1], threads=int(sys.argv[2]))["summary"]))' "$DIR" "$threads")
  t1=$(now)
  same=$([ "$got" = "$want" ] && echo same || echo DIFFERENT)
  echo "| \`check_paths(threads=$threads)\` | $(secs "$t0" "$t1") | $(rate "$(secs "$t0" "$t1")") | | $same |"
  [ "$same" = same ] || { echo "check_paths: $got, CLI: $want" >&2; exit 1; }
done
for w in $WORKERS; do
  t0=$(now)
  got=$("$PY" examples/distributed/dask_check.py "$DIR" --workers "$w" 2>"$WORK/dask-$w.err" || true)
  t1=$(now)
  inrun=$(sed -n 's/.*: \([0-9.]*\) s, .*/\1/p' "$WORK/dask-$w.err")
  same=$([ "$got" = "$want" ] && echo same || echo DIFFERENT)
  echo "| \`dask_check.py --workers $w\` | $(secs "$t0" "$t1") | $(rate "$(secs "$t0" "$t1")") | $inrun | $same |"
  [ "$same" = same ] || { cat "$WORK/dask-$w.err" >&2; echo "dask: $got, CLI: $want" >&2; exit 1; }
done
echo
echo "summary: $want"
