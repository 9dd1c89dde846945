"""encyclint: a linter for encyclopedic articles, from Python.

The functions are the Rust library's, so they answer exactly what the
command line does:

- ``lint(text, filename)``: the diagnostics of one article, as in
  ``encyclint check --format json``;
- ``parse(text, filename)``: the article's model, as ``encyclint parse``;
- ``check_paths(paths, **options)``: the whole JSON report of a run;
- ``TitleIndex``: a title index loaded once and shared (it pickles);
- ``Checker``: a run in pieces, for Dask, Spark and other clusters
  (``worker_checker``, ``batches``, ``add_totals``).

Errors are ``EncyclintError`` (a ``ValueError``) with the CLI's message.
encyclint releases the GIL while it works, so threads run in parallel.
"""

import json
import threading
from typing import Any, Dict, Iterable, Optional

from ._encyclint import (
    DEFAULT_MAX_FILE_SIZE,
    Checker,
    EncyclintError,
    TitleIndex,
    __version__,
    _index_loads,
    check_paths,
    lint,
    parse,
)

#: The counts in a batch's ``totals`` (``Checker.check``).
TOTALS = (
    "files",
    "errors",
    "warnings",
    "infos",
    "found",
    "resolved",
    "unresolved",
    "non_canonical",
    "known",
    "stale",
)


def add_totals(*totals: Dict[str, int]) -> Dict[str, int]:
    """Add up the ``totals`` of batches checked by ``Checker.check``."""
    out = {k: 0 for k in TOTALS}
    for t in totals:
        for k in TOTALS:
            out[k] += int(t.get(k, 0))
    return out


_WORKER_CHECKERS: Dict[Any, Any] = {}
_WORKER_LOCK = threading.Lock()


def worker_checker(index: Optional[TitleIndex], **options: Any) -> Checker:
    """The ``Checker`` with these options whose index is ``index``, made once
    per process and kept: what a cluster's task calls, so that each worker
    loads the policy and holds the index once however many batches it runs.
    ``index`` is the run's (``Checker.run_index``), shipped to the worker
    once (Dask's ``scatter``, Spark's ``broadcast``)."""
    key = (id(index), json.dumps(options, sort_keys=True, default=str))
    with _WORKER_LOCK:
        hit = _WORKER_CHECKERS.get(key)
        if hit is None:
            # The index is kept with its checker, so its id is not reused.
            hit = (index, Checker(**options).with_index(index))
            _WORKER_CHECKERS[key] = hit
        return hit[1]


def batches(items: Iterable[Any], size: int):
    """Split ``items`` into lists of at most ``size``, in order."""
    if size < 1:
        raise ValueError("size must be at least 1")
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


__all__ = [
    "DEFAULT_MAX_FILE_SIZE",
    "Checker",
    "EncyclintError",
    "TOTALS",
    "TitleIndex",
    "__version__",
    "add_totals",
    "batches",
    "check_paths",
    "lint",
    "parse",
    "worker_checker",
]
