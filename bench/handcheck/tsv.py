#!/usr/bin/env python3
"""Turn a blind hand-check into a TSV: the sample (same report, seed and size as
`watch_balance.py sample`) joined with judgments written as `N A|D|U [note]` lines.

    python3 bench/handcheck/tsv.py REPORT.json SEED N JUDGMENTS.txt > OUT.tsv
"""

import json
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import watch_balance as wb  # noqa: E402


def main():
    report, seed, n, judged = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    pool = [d for d in wb.diagnostics(report) if d["code"] == "B005"]
    random.seed(seed)
    picked = random.sample(pool, min(n, len(pool)))
    marks = {}
    with open(judged, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split(" ", 2)
            if len(parts) >= 2:
                marks[int(parts[0])] = (parts[1], parts[2] if len(parts) > 2 else "")
    words = {"A": "agree", "D": "disagree", "U": "unsure"}
    print("# n\tjudgment\tcategory\tfile\tline\tphrase\tnote")
    tally = {"agree": 0, "disagree": 0, "unsure": 0}
    for i, d in enumerate(picked):
        raw, a, b = wb.text_of(d)
        line = raw[:a].count(b"\n") + 1
        j, note = marks[i]
        tally[words[j]] += 1
        phrase = raw[a:b].decode(errors="ignore")
        name = os.path.basename(d["file"])
        print(f"{i}\t{words[j]}\t{wb.category(d)}\t{name}\t{line}\t{phrase}\t{note}")
    decided = tally["agree"] + tally["disagree"]
    share = f"{tally['agree'] / len(picked):.1%}" if picked else "-"
    of_decided = f"{tally['agree'] / decided:.1%}" if decided else "-"
    print(
        f"# {tally['agree']} agree, {tally['disagree']} disagree, {tally['unsure']} unsure of {len(picked)}: "
        f"{share} ({of_decided} of those decided)"
    )


if __name__ == "__main__":
    main()
