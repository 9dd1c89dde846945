#!/usr/bin/env python3
"""Words to watch (B005) and balance (B001-B003) on the 3,210 benchmark articles: counts,
and seeded samples for a hand-check. See docs/accuracy.md ("Words to watch", "Balance").

    python3 bench/watch_balance.py run OUT.json            # lint the benchmark's Markdown
    python3 bench/watch_balance.py counts OUT.json         # findings per rule, files, B005 categories
    python3 bench/watch_balance.py sample OUT.json b005 SEED N     # N B005 findings with context
    python3 bench/watch_balance.py sample OUT.json balance SEED N  # N B001-B003 findings, each section

`run` uses target/release/encyclint ($CARGO_TARGET_DIR/release/encyclint when set) and the Markdown of ../shared/corpus/enwiki-2015-3210.tar.gz,
unpacked once into bench/.work/ (or BENCH_MD when set). The sample is Python's
`random.seed(SEED); random.sample(findings, N)` over the findings of the report, in its order,
so the same report and seed give the same sample. Print the sample, judge each finding on the
text alone, and only then read the rule's message (`--reasons` adds it). Judgments written as
`N A|D|U note` lines become a TSV with `bench/handcheck/tsv.py` (see bench/handcheck/).
"""

import collections
import json
import os
import random
import re
import subprocess
import sys
import tarfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
BIN = os.path.join(os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target"), "release", "encyclint")
CORPUS = os.path.join(ROOT, "..", "shared", "corpus", "enwiki-2015-3210.tar.gz")
WORK = os.path.join(ROOT, "bench", ".work")
BALANCE = ("B001", "B002", "B003")


def bench_dir():
    if os.environ.get("BENCH_MD"):
        return os.environ["BENCH_MD"]
    md = os.path.join(WORK, "md", "enwiki_wx")
    if not os.path.isdir(md):
        os.makedirs(WORK, exist_ok=True)
        with tarfile.open(CORPUS) as t:
            members = [m for m in t.getmembers() if m.name.startswith("md/enwiki_wx/")]
            t.extractall(WORK, members=members, filter="data")
    return md


def run(out):
    p = subprocess.run(
        [BIN, "check", bench_dir(), "--format", "json"], capture_output=True, check=False
    )
    if p.returncode not in (0, 1):
        sys.exit(p.stderr.decode(errors="replace"))
    with open(out, "wb") as f:
        f.write(p.stdout)


def diagnostics(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)["diagnostics"]


def category(d):
    m = re.match(r"`[^`]*` is (\w+):", d["message"])
    return m.group(1) if m else "framing"


def counts(path):
    ds = diagnostics(path)
    n = collections.Counter(d["code"] for d in ds)
    files = collections.defaultdict(set)
    for d in ds:
        files[d["code"]].add(d["file"])
    for code in ("B001", "B002", "B003", "B005"):
        print(f"{code}: {n[code]} findings in {len(files[code])} files")
    cats = collections.Counter(category(d) for d in ds if d["code"] == "B005")
    for c, k in sorted(cats.items()):
        print(f"  B005 {c}: {k}")


def text_of(d):
    with open(d["file"], "rb") as f:
        raw = f.read()
    start = d["span"]["offset"]
    return raw, start, start + d["span"]["length"]


def sample(path, which, seed, n, reasons):
    ds = diagnostics(path)
    codes = ("B005",) if which == "b005" else BALANCE
    pool = [d for d in ds if d["code"] in codes]
    random.seed(seed)
    picked = random.sample(pool, min(n, len(pool)))
    for i, d in enumerate(picked):
        raw, a, b = text_of(d)
        line = raw[:a].count(b"\n") + 1
        name = os.path.basename(d["file"])
        print(f"===== {i} {d['code']} {name} line {line}")
        if which == "b005":
            before = raw[max(0, a - 260) : a].decode(errors="ignore").split("\n")[-1]
            after = raw[b : b + 200].decode(errors="ignore").split("\n")[0]
            print(f"{before}[[{raw[a:b].decode(errors='ignore')}]]{after}")
        else:
            text = raw.decode(errors="ignore")
            pos = len(raw[:a].decode(errors="ignore"))
            heads = [m.start() for m in re.finditer(r"(?m)^#+ ", text)]
            start = max([h for h in heads if h <= pos] or [0])
            end = min([h for h in heads if h > pos] or [len(text)])
            print(text[start:end].strip()[:2500])
        if reasons:
            print(f"  -- {d['message']}")
        print()


def main():
    args = [a for a in sys.argv[1:] if a != "--reasons"]
    reasons = "--reasons" in sys.argv
    if len(args) >= 2 and args[0] == "run":
        run(args[1])
    elif len(args) >= 2 and args[0] == "counts":
        counts(args[1])
    elif len(args) >= 5 and args[0] == "sample" and args[2] in ("b005", "balance"):
        sample(args[1], args[2], int(args[3]), int(args[4]), reasons)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
