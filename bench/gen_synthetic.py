#!/usr/bin/env python3
"""Derive a synthetic Wikipedia-scale title list from the real titles.

    python3 bench/gen_synthetic.py TITLES.txt.gz OUT_DIR [--titles 7000000] [--redirects 10000000]

Writes OUT_DIR/titles.txt: every real title once, then new titles made from
the real ones until the count is reached, in the proportions of a Wikipedia
dump (people, disambiguated titles, lists, years and seasons, places,
species, and titles spliced from two real ones), so that the lengths (about
23 bytes a title on average, like English Wikipedia's 7 million) and the
shared prefixes are realistic; then the titles are shuffled. Also writes
OUT_DIR/redirects.tsv (alias<TAB>target: a "The " prefix, a lower-case form,
an ampersand form, underscores, ...; none with --redirects 0) and
OUT_DIR/queries.txt (100,000 lookups: a third exact, a third redirects or
exact when there are none, a third misses with one typo). Deterministic
(seeded). Do not commit the output.
"""
import argparse, gzip, os, random, re

QUALIFIERS = ["film", "album", "song", "band", "novel", "TV series", "play", "magazine", "ship", "horse",
              "painting", "river", "mountain", "village", "company", "politician", "footballer", "singer",
              "poet", "actor", "video game", "opera", "newspaper", "surname", "given name", "disambiguation"]
PEOPLE_Q = ["footballer", "politician", "cricketer", "actor", "actress", "singer", "writer", "painter",
            "American football", "rugby league", "ice hockey", "bishop", "musician", "architect"]
LIST_NOUNS = ["people", "schools", "churches", "rivers", "railway stations", "football clubs", "mountains",
              "airports", "museums", "newspapers", "companies", "hospitals", "bridges", "lakes", "islands",
              "television stations", "radio stations", "universities", "castles", "parks", "monuments",
              "villages", "municipalities", "songs", "albums", "films", "awards", "cemeteries", "ships"]
REGIONS = ["England", "Ontario", "Texas", "Bavaria", "Queensland", "Poland", "Iran", "Kerala", "Illinois",
           "New South Wales", "Brittany", "Saxony", "Virginia", "Ohio", "Quebec", "Norway", "Sweden",
           "Greece", "Romania", "Chile", "Uttar Pradesh", "California", "Wales", "Scotland", "Japan"]
SPORTS = ["season", "football season", "NCAA Division I men's basketball season", "Tour de France",
          "in film", "in music", "in science", "in literature", "elections", "Summer Olympics",
          "FIFA World Cup qualification", "in rail transport", "in aviation"]
PLACE_ENDS = ["ton", "ville", "burg", "field", "ford", "wick", "by", "ham", "stadt", "dorf", "ice", "ów",
              "ово", "pur", "abad", "heim", "berg", "mouth", "wood", "bridge"]
NAME = re.compile(r"^[A-Z][a-z]+ [A-Z][a-z]+$")


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
    firsts, lasts, words = [], [], []
    for t in real:
        if NAME.match(t):
            f, l = t.split(" ")
            firsts.append(f); lasts.append(l)
        for w in t.split(" "):
            if w.isalpha() and len(w) > 3:
                words.append(w)
    short = [t for t in real if len(t) < 24 and "(" not in t]
    capwords = [w for w in words if w[0].isupper()]
    lowwords = [w.lower() for w in words if w.islower()]
    ch, ri, rr = rnd.choice, rnd.randint, rnd.random

    def person():
        s = ch(firsts) + " "
        if rr() < 0.15:
            s += ch("ABCDEFGHJKLMNPRSTW") + ". "
        s += ch(lasts)
        r = rr()
        if r < 0.12:
            s += f" ({ch(PEOPLE_Q)})"
        elif r < 0.16:
            s += f" ({ch(PEOPLE_Q)}, born {ri(1890, 2004)})"
        return s

    def disambiguated():
        q = ch(QUALIFIERS)
        if rr() < 0.3:
            q = f"{ri(1900, 2024)} {q}"
        return f"{ch(short)} ({q})"

    def listing():
        if rr() < 0.5:
            return f"List of {ch(LIST_NOUNS)} in {ch(capwords)}"
        return f"List of {ch(short)} episodes" if rr() < 0.5 else f"List of {ch(LIST_NOUNS)} in {ch(REGIONS)}"

    def yearly():
        y = ri(1850, 2024)
        if rr() < 0.5:
            return f"{y} {ch(SPORTS)}"
        return f"{y}–{(y + 1) % 100:02d} {ch(capwords)} F.C. season"

    def place():
        p = ch(capwords)[: ri(3, 7)] + ch(PLACE_ENDS)
        return f"{p}, {ch(REGIONS)}" if rr() < 0.6 else p

    def species():
        return f"{ch(capwords)}{ch(['ia', 'us', 'ella', 'opsis', 'idae'])} {ch(lowwords)}{ch(['a', 'is', 'us', 'ii', 'ensis'])}"

    def spliced():
        x, y = ch(real).split(" "), ch(real).split(" ")
        return " ".join(x[: max(1, len(x) // 2)] + y[len(y) // 2:])

    makers = [(0.30, person), (0.50, disambiguated), (0.58, listing), (0.66, yearly), (0.80, place),
              (0.88, species), (1.01, spliced)]
    titles, seen = [], set()
    for t in real:
        if t not in seen:
            seen.add(t); titles.append(t)
    while len(titles) < a.n:
        r = rr()
        t = next(m for p, m in makers if r < p)()
        if t not in seen and 0 < len(t.encode()) <= 255:
            seen.add(t); titles.append(t)
    del seen
    rnd.shuffle(titles)
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
            if k == 0 or (k == 1 and not redirects):
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
