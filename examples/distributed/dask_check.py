#!/usr/bin/env python3
"""Lint a directory of articles on a Dask cluster with encyclint.

    python examples/distributed/dask_check.py DIR [--scheduler ADDRESS]

Without ``--scheduler`` a ``LocalCluster`` of ``--workers`` processes is
started (one thread each: encyclint's own threads do the rest, see
``--threads``). The driver lists the files and builds the run's title index
(the articles' own titles, then ``--titles``/``--aliases``) once; the index
is scattered to every worker once, each worker makes its checker once
(``encyclint.worker_checker``), and each task checks one batch of files.
The run's summary is printed on stdout as one JSON line, the same as the
``summary`` of ``encyclint check --format json DIR``; ``--report FILE``
writes the whole JSON report as ``check_paths`` gives it. Timing and the
index loads per worker go to stderr. R006 (orphan-article), which needs every
article at once, is not run in pieces: with it selected (``--select R``
selects it), use ``check_paths`` or add ``--ignore R006``.

Exit code: 0, 1 when a finding has severity error, 2 when a file could not
be read, as the CLI's.
"""

import argparse
import json
import sys
import time

import encyclint


def check_batch(index, options, batch, threads):
    """One task: check a batch on this worker's checker (made once)."""
    checker = encyclint.worker_checker(index, **options)
    return checker.check(batch, threads=threads)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="+", metavar="DIR", help="directories or files to check")
    ap.add_argument("--scheduler", metavar="ADDRESS", help="a running Dask scheduler (default: a LocalCluster)")
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes (default 2)")
    ap.add_argument("--batch", type=int, default=64, help="files per task (default 64)")
    ap.add_argument("--threads", type=int, default=1, help="encyclint threads per task (default 1)")
    ap.add_argument("--select", help="rule codes, prefixes or names, comma-separated")
    ap.add_argument("--ignore", help="rule codes, prefixes or names, comma-separated")
    ap.add_argument("--titles", help="a title list or index file")
    ap.add_argument("--aliases", help="an alias list (alias<TAB>target lines)")
    ap.add_argument("--config", help="an encyclint.toml (default: the nearest from here)")
    ap.add_argument("--report", metavar="FILE", help="also write the whole JSON report here")
    args = ap.parse_args(argv)

    from dask.distributed import Client, LocalCluster, as_completed

    options = {
        k: v
        for k, v in {
            "select": args.select,
            "ignore": args.ignore,
            "titles": args.titles,
            "aliases": args.aliases,
            "config": args.config,
        }.items()
        if v is not None
    }
    driver = encyclint.Checker(**options)
    inputs = driver.discover(args.paths)
    index = driver.run_index(inputs)
    # Workers get the run's whole index; the lists are in it already.
    worker_options = {k: v for k, v in options.items() if k not in ("titles", "aliases")}

    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(
            n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    try:
        start = time.perf_counter()
        shared = client.scatter(index, broadcast=True) if index is not None else None
        batches = list(encyclint.batches(inputs, args.batch))
        futures = [
            client.submit(check_batch, shared, worker_options, b, args.threads, pure=False)
            for b in batches
        ]
        order = {f.key: i for i, f in enumerate(futures)}
        parts = [None] * len(futures)
        for fut in as_completed(futures):
            parts[order[fut.key]] = fut.result()
        elapsed = time.perf_counter() - start
        loads = client.run(encyclint._index_loads)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    totals = encyclint.add_totals(*(p["totals"] for p in parts))
    tail = driver.with_index(index).finish(totals)
    if args.report:
        report = {
            "diagnostics": [d for p in parts for d in p["diagnostics"]],
            "files": [f for p in parts for f in p["files"]],
            **tail,
        }
        with open(args.report, "w", encoding="utf-8") as f:
            json.dump(report, f, indent=2, sort_keys=True)
            f.write("\n")
    print(json.dumps(tail["summary"]))
    for note in tail.get("notes", []):
        print(f"note: {note}", file=sys.stderr)
    n = totals["files"]
    print(
        f"dask: {n} files in {len(batches)} batches on {len(loads)} workers: "
        f"{elapsed:.2f} s, {n / elapsed if elapsed else 0:.0f} files/s",
        file=sys.stderr,
    )
    print(f"dask: index loads per worker: {json.dumps(sorted(loads.values()))}", file=sys.stderr)
    if any(d["code"].startswith("E") for p in parts for d in p["diagnostics"]):
        return 2
    return 1 if totals["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
