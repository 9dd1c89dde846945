#!/usr/bin/env python3
"""Derive a synthetic Wikipedia-scale title list from the real titles.

    python3 bench/gen_synthetic.py TITLES.txt.gz OUT_DIR [--titles 7000000] [--redirects 10000000]

Writes OUT_DIR/titles.txt (each real title, then the real titles with
Wikipedia-style disambiguators such as " (film)" or " (1987 album)" until
the count is reached) and OUT_DIR/redirects.tsv (alias<TAB>target: a
"The " prefix, a lower-case form, an ampersand form, a disambiguator
shuffle, ...), and OUT_DIR/queries.txt (100,000 lookups: a third exact,
a third redirects, a third misses with one typo). Deterministic (seeded).
Do not commit the output.
"""
import argparse, gzip, os, random

QUALIFIERS = ["film", "album", "song", "band", "novel", "TV series", "play", "magazine", "ship", "horse",
              "painting", "river", "mountain", "village", "company", "politician", "footballer", "singer",
              "poet", "actor", "video game", "opera", "newspaper", "surname", "given name", "disambiguation"]

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("titles"); ap.add_argument("out")
    ap.add_argument("--titles", dest="n", type=int, default=7_000_000)
    ap.add_argument("--redirects", type=int, default=10_000_000)
    a = ap.parse_args()
    opener = gzip.open if a.titles.endswith(".gz") else open
    with opener(a.titles, "rt", encoding="utf-8") as f:
        real = [l.rstrip("\n") for l in f if l.strip()]
    rnd = random.Random(4)
    os.makedirs(a.out, exist_ok=True)
    titles = []
    seen = set()
    def add(t):
        if t not in seen:
            seen.add(t); titles.append(t)
    for t in real:
        add(t)
    year = 1900
    while len(titles) < a.n:
        t = rnd.choice(real)
        q = rnd.choice(QUALIFIERS)
        if rnd.random() < 0.4:
            q = f"{rnd.randint(1900, 2024)} {q}"
        add(f"{t} ({q})")
    with open(os.path.join(a.out, "titles.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(titles)); f.write("\n")
    forms = [lambda t: "The " + t, lambda t: t.lower(), lambda t: t.replace(" and ", " & "),
             lambda t: t.replace(" ", "_"), lambda t: t + " (redirect)", lambda t: t.upper(),
             lambda t: t.replace("(", "").replace(")", ""), lambda t: "A " + t]
    n = 0
    redirects = []
    with open(os.path.join(a.out, "redirects.tsv"), "w", encoding="utf-8") as f:
        while n < a.redirects:
            t = titles[rnd.randrange(len(titles))]
            alias = rnd.choice(forms)(t)
            if alias != t:
                f.write(f"{alias}\t{t}\n"); n += 1
                if len(redirects) < 40_000:
                    redirects.append(alias)
    with open(os.path.join(a.out, "queries.txt"), "w", encoding="utf-8") as f:
        for i in range(100_000):
            k = i % 3
            if k == 0:
                q = titles[rnd.randrange(len(titles))]
            elif k == 1:
                q = redirects[rnd.randrange(len(redirects))]
            else:
                t = titles[rnd.randrange(len(titles))]
                j = rnd.randrange(1, max(2, len(t)))
                q = t[:j] + rnd.choice("aeiourst") + t[j + 1:]
            f.write(q.replace("\t", " ") + "\n")

if __name__ == "__main__":
    main()
