#!/usr/bin/env bash
# The Python package in CI (docs/python.md): build and install it from the
# checkout in a fresh virtual environment, run its pytest tests, run the Dask
# example on a 2-worker LocalCluster and compare its summary with the CLI's,
# and the PySpark example where pyspark installs and Java runs (skipped with
# a message otherwise). Prints how long it took.
set -euo pipefail
cd "$(dirname "$0")/../.."
started=$SECONDS

if ! python3 -m venv --help >/dev/null 2>&1; then
  echo "python3 with venv is required" >&2
  exit 1
fi
work="$(mktemp -d)"
scheduler=""
workers=""
stop_dask() {
  for pid in $workers $scheduler; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  workers=""
  scheduler=""
}
trap 'stop_dask; rm -rf "$work"' EXIT
venv="$work/venv"
py="$venv/bin/python"

echo "-- python3 -m venv; pip install maturin pytest dask distributed"
python3 -m venv "$venv"
"$py" -m pip install -q --disable-pip-version-check maturin pytest dask distributed

echo "-- pip install . (maturin builds the abi3 wheel with the python feature)"
"$py" -m pip install -q --disable-pip-version-check .
"$py" -c 'import encyclint; print("encyclint", encyclint.__version__, "from", encyclint.__file__)'

cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/encyclint"
export ENCYCLINT_BIN="$PWD/$bin"

echo "-- pytest tests/python"
"$py" -m pytest -q -p no:cacheprovider tests/python

# The summary of `encyclint check --format json ARGS` as one JSON line.
cli_summary() {
  set +e
  "$ENCYCLINT_BIN" check --format json "$@" >"$work/cli.json"
  local status=$?
  set -e
  if [ "$status" -gt 2 ]; then
    echo "encyclint check $* exited $status" >&2
    exit 1
  fi
  "$py" -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))["summary"]))' "$work/cli.json"
}

# Run an example; its stdout must be the CLI's summary line.
compare() {
  local name="$1"
  shift
  local want="$1"
  shift
  set +e
  got="$("$py" "$@" 2>"$work/$name.err")"
  local status=$?
  set -e
  cat "$work/$name.err" >&2
  if [ "$status" -gt 2 ]; then
    echo "$name exited $status" >&2
    exit 1
  fi
  if [ "$got" != "$want" ]; then
    echo "$name: summary differs from the CLI's" >&2
    echo "  cli:  $want" >&2
    echo "  $name: $got" >&2
    exit 1
  fi
  echo "$name: $got (the CLI's)"
}

echo "-- examples/distributed/dask_check.py fixtures/ (2-worker LocalCluster)"
compare dask "$(cli_summary fixtures/)" \
  examples/distributed/dask_check.py fixtures/ --workers 2 --batch 8
grep -q 'index loads per worker: \[1, 1\]' "$work/dask.err" || {
  echo "dask: each worker should load the index once" >&2
  exit 1
}
compare dask-refs "$(cli_summary --select R --ignore R006 --titles fixtures/references/titles.txt --aliases fixtures/references/aliases.tsv fixtures/references)" \
  examples/distributed/dask_check.py fixtures/references --workers 2 --batch 3 \
  --select R --ignore R006 --titles fixtures/references/titles.txt --aliases fixtures/references/aliases.tsv

echo "-- dask_check.py --scheduler: a scheduler and two workers started by hand (docs/python.md)"
"$venv/bin/dask" scheduler --host 127.0.0.1 --port 8786 --no-dashboard >"$work/scheduler.log" 2>&1 &
scheduler=$!
"$venv/bin/dask" worker tcp://127.0.0.1:8786 --nworkers 2 --nthreads 1 --no-dashboard >"$work/worker.log" 2>&1 &
workers=$!
"$py" -c 'import sys, time
from dask.distributed import Client
c = Client("tcp://127.0.0.1:8786", timeout=60)
deadline = time.time() + 60
while len(c.scheduler_info()["workers"]) < 2 and time.time() < deadline:
    time.sleep(0.5)
sys.exit(0 if len(c.scheduler_info()["workers"]) >= 2 else 1)' || { tail "$work/scheduler.log" "$work/worker.log" >&2; exit 1; }
compare dask-scheduler "$(cli_summary fixtures/)" \
  examples/distributed/dask_check.py fixtures/ --scheduler tcp://127.0.0.1:8786 --batch 8
stop_dask

echo "-- examples/distributed/spark_check.py fixtures/ (only where PySpark runs)"
if [ "${ENCYCLINT_SPARK:-1}" = 0 ]; then
  echo "SKIPPED spark_check.py: ENCYCLINT_SPARK=0"
elif ! java -version >/dev/null 2>&1; then
  echo "SKIPPED spark_check.py: no Java runtime (PySpark needs one)"
elif ! timeout 600 "$py" -m pip install -q --disable-pip-version-check pyspark >"$work/pyspark.log" 2>&1; then
  tail -n 3 "$work/pyspark.log" >&2
  echo "SKIPPED spark_check.py: pip install pyspark failed"
elif ! PYSPARK_PYTHON="$py" "$py" -c 'from pyspark.sql import SparkSession; s = SparkSession.builder.master("local[1]").getOrCreate(); assert s.sparkContext.parallelize([1]).count() == 1; s.stop()' >"$work/spark-probe.log" 2>&1; then
  tail -n 5 "$work/spark-probe.log" >&2
  echo "SKIPPED spark_check.py: PySpark does not start here"
else
  compare spark "$(cli_summary fixtures/)" examples/distributed/spark_check.py fixtures/ --batch 8
fi

echo "-- FILES=200 bench/python_scaling.sh (docs/python.md's scaling table, on 200 articles)"
if [ -f ../shared/corpus/enwiki-2015-3210.tar.gz ]; then
  FILES=200 WORKERS="1 2" PYTHON="$py" bench/python_scaling.sh
else
  echo "SKIPPED bench/python_scaling.sh: ../shared/corpus/enwiki-2015-3210.tar.gz is not there"
fi

echo "python package: $((SECONDS - started)) s"
