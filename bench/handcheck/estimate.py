#!/usr/bin/env python3
"""Estimate the share of all B005 findings that a careful editor would agree with, from
every blind hand-check so far rather than from one sample of 100.

    python3 bench/handcheck/estimate.py REPORT.json [TSV ...]

REPORT.json is a `check --format json` report of the 3,210 benchmark articles
(`bench/watch_balance.py run`); the TSVs default to the pair-judged blind checks
(`bench/handcheck/b005-*-blind-[ab].tsv`). Each judged row gives its phrase (the words
flagged, lower case, a leading `it`/`that` dropped) an agree or not; a phrase's rate is
shrunk toward its category's rate (two pseudo-judgments), so a phrase judged once does not
count as all or nothing. The estimate weights each phrase's rate by how often the report
flags it. A bootstrap over the judged rows (fixed seed, 1,000 draws) gives a 90% interval.
The rates come from samples drawn from earlier versions of the rules: a class that a later
rule removed still counts where it was judged, but weighs only by what the report still
flags. Unjudged phrases take their category's rate.
"""

import collections
import glob
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def phrase_key(category, phrase):
    return category, re.sub(r"^(it |that )", "", phrase.lower())


def judged_rows(paths):
    rows = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or line.startswith("n\t"):
                    continue
                r = line.rstrip("\n").split("\t")
                if len(r) >= 6 and r[1] in ("agree", "disagree", "unsure"):
                    rows.append((phrase_key(r[2], r[5]), r[1] == "agree"))
    return rows


def flagged(report):
    with open(report, encoding="utf-8") as f:
        diags = json.load(f)["diagnostics"]
    counts = collections.Counter()
    for d in diags:
        if d["code"] != "B005":
            continue
        m = re.match(r"`([^`]*)` is (\w+)", d["message"])
        if m:
            counts[phrase_key(m.group(2), m.group(1))] += 1
    return counts


def estimate(counts, rows):
    agree, seen = collections.Counter(), collections.Counter()
    cat_agree, cat_seen = collections.Counter(), collections.Counter()
    for key, ok in rows:
        seen[key] += 1
        agree[key] += ok
        cat_seen[key[0]] += 1
        cat_agree[key[0]] += ok
    total, expected, per = 0, 0.0, []
    for key, n in counts.items():
        cat_rate = (cat_agree[key[0]] + 1) / (cat_seen[key[0]] + 2)
        rate = (agree[key] + 2 * cat_rate) / (seen[key] + 2)
        total += n
        expected += n * rate
        per.append((n * (1 - rate), n, agree[key], seen[key], key))
    return expected / max(total, 1), per


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    report = sys.argv[1]
    paths = sys.argv[2:] or sorted(glob.glob(os.path.join(HERE, "b005-*-blind-[ab].tsv")))
    rows = judged_rows(paths)
    counts = flagged(report)
    point, per = estimate(counts, rows)
    rng = random.Random(20261202)
    draws = sorted(estimate(counts, [rng.choice(rows) for _ in rows])[0] for _ in range(1000))
    print(
        f"{sum(counts.values())} findings, {len(rows)} judgments in {len(paths)} checks: "
        f"estimated agreement {point:.3f} (90% interval {draws[50]:.3f}-{draws[949]:.3f})"
    )
    print("expected rejections\tfindings\tagreed/judged\tcategory\tphrase")
    for rej, n, a, s, (cat, phrase) in sorted(per, reverse=True)[:20]:
        print(f"{rej:.0f}\t{n}\t{a}/{s}\t{cat}\t{phrase}")


if __name__ == "__main__":
    main()
