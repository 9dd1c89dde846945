#!/usr/bin/env python3
"""Lint a directory of articles with PySpark and encyclint.

    python examples/distributed/spark_check.py DIR [--master URL]

The driver lists the files and builds the run's title index once; the index
is broadcast (each executor's Python worker unpickles it once and makes its
checker once, ``encyclint.worker_checker``); the batches of files are an RDD,
and a ``mapPartitions`` checks each partition's batches. The run's summary is
printed on stdout as one JSON line, the same as the ``summary`` of
``encyclint check --format json DIR``. Needs ``pip install pyspark`` and a
Java runtime (``--master`` defaults to ``local[2]``); the package must be
installed where the executors run.
"""

import argparse
import json
import os
import sys
import time

import encyclint


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="+", metavar="DIR")
    ap.add_argument("--master", default="local[2]", help="Spark master (default local[2])")
    ap.add_argument("--batch", type=int, default=64, help="files per batch (default 64)")
    ap.add_argument("--select", help="rule codes, prefixes or names, comma-separated")
    ap.add_argument("--ignore", help="rule codes, prefixes or names, comma-separated")
    ap.add_argument("--titles", help="a title list or index file")
    ap.add_argument("--aliases", help="an alias list (alias<TAB>target lines)")
    args = ap.parse_args(argv)

    # Local executors run this interpreter, which has the package.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    options = {
        k: v
        for k, v in {
            "select": args.select,
            "ignore": args.ignore,
            "titles": args.titles,
            "aliases": args.aliases,
        }.items()
        if v is not None
    }
    driver = encyclint.Checker(**options)
    inputs = driver.discover(args.paths)
    index = driver.run_index(inputs)
    worker_options = {k: v for k, v in options.items() if k not in ("titles", "aliases")}
    batches = list(enumerate(encyclint.batches(inputs, args.batch)))

    spark = (
        SparkSession.builder.master(args.master)
        .appName("encyclint")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    try:
        start = time.perf_counter()
        shared = spark.sparkContext.broadcast(index)

        def check_partition(items):
            checker = encyclint.worker_checker(shared.value, **worker_options)
            for i, batch in items:
                yield i, checker.check(batch, threads=1)

        rdd = spark.sparkContext.parallelize(batches, max(1, len(batches)))
        parts = [p for _, p in sorted(rdd.mapPartitions(check_partition).collect(), key=lambda x: x[0])]
        elapsed = time.perf_counter() - start
    finally:
        spark.stop()

    totals = encyclint.add_totals(*(p["totals"] for p in parts))
    tail = driver.with_index(index).finish(totals)
    print(json.dumps(tail["summary"]))
    for note in tail.get("notes", []):
        print(f"note: {note}", file=sys.stderr)
    n = totals["files"]
    print(f"spark: {n} files in {len(batches)} batches: {elapsed:.2f} s", file=sys.stderr)
    if any(d["code"].startswith("E") for p in parts for d in p["diagnostics"]):
        return 2
    return 1 if totals["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
