#!/usr/bin/env python3
"""The hand-adjudicated plain-text heading set (fixtures/accuracy/headings-adjudicated.tsv).

  python3 bench/heading_set.py sample            # the 160 articles, their half, one a line
  python3 bench/heading_set.py candidates        # the lines the 40 of sample2() were decided on
  python3 bench/heading_set.py diff BIN [HALF]   # per article: Markdown headings, plain-text
                                                 # headings, and the lines where they disagree
  python3 bench/heading_set.py build > fixtures/accuracy/headings-adjudicated.tsv

The sample: benchmark articles 601 to 3,210 by file name (the first 600 were used
while tuning), the 120 with the smallest sha256("head11-2026:" + name); the half
is "dev" when sha256("half:" + name) starts with an even hex digit, else "held".
Widened in session 13 by `sample2()`: 40 more, halves "dev2" and "held2".
BENCH (default /tmp/enwiki) holds the unpacked benchmark set.
"""
import hashlib, json, os, re, subprocess, sys

BENCH = os.environ.get("BENCH", "/tmp/enwiki")
TXT = os.path.join(BENCH, "txt/enwiki_wx")
MD = os.path.join(BENCH, "md/enwiki_wx")


def h(s):
    return hashlib.sha256(s.encode()).hexdigest()


def sample(n=120):
    names = sorted(f[:-4] for f in os.listdir(TXT) if f.endswith(".txt"))
    pool = names[600:]
    pool.sort(key=lambda x: h("head11-2026:" + x))
    chosen = sorted(pool[:n])
    return [(x, "dev" if int(h("half:" + x)[0], 16) % 2 == 0 else "held") for x in chosen]


def sample2(n=40):
    """The widening of session 13: 40 more of articles 601 to 3,210, not in
    `sample()`, the 40 with the smallest sha256("head11-s13:" + name); half
    "dev2" or "held2" by the same hash as `sample()`. Candidates were listed
    by `candidates()` and decided by reading, never from encyclint's output."""
    names = sorted(f[:-4] for f in os.listdir(TXT) if f.endswith(".txt"))
    old = {x for x, _ in sample()}
    pool = [x for x in names[600:] if x not in old]
    pool.sort(key=lambda x: h("head11-s13:" + x))
    chosen = sorted(pool[:n])
    return [(x, "dev2" if int(h("half:" + x)[0], 16) % 2 == 0 else "held2") for x in chosen]


def candidates(name):
    """The lines `sample2()` was decided on, chosen by a rule fixed before
    reading: every Markdown heading, and every other line of at most 12
    words that ends in no `.!?:;,`, does not open in lower case and stands
    next to running text (16 words or more) or next to a Markdown heading."""
    lines = open(os.path.join(TXT, name + ".txt"), encoding="utf-8").read().split("\n")
    mh = {ln for ln, _, _ in map_md(name, md_headings(name)) if ln}
    ne = [i for i, l in enumerate(lines) if l.strip()]
    out = []
    for k, i in enumerate(ne):
        if i == 0:
            continue
        t = " ".join(lines[i].split())
        p = " ".join(lines[ne[k - 1]].split())
        n = " ".join(lines[ne[k + 1]].split()) if k + 1 < len(ne) else ""
        shaped = len(t.split()) <= 12 and not t.endswith((".", "!", "?", ":", ";", ",")) and not t[:1].islower()
        near = (len(p.split()) >= 16 or len(n.split()) >= 16 or ne[k - 1] + 1 in mh
                or (k + 1 < len(ne) and ne[k + 1] + 1 in mh))
        if i + 1 in mh or (shaped and near):
            out.append((i + 1, "M" if i + 1 in mh else "?", t))
    return out


def md_headings(name):
    out = []
    for line in open(os.path.join(MD, name + ".md"), encoding="utf-8"):
        m = re.match(r"^(#{2,6})\s+(.*?)\s*#*\s*$", line)
        if m:
            out.append((len(m.group(1)), m.group(2)))
    return out


def txt_lines(name):
    raw = open(os.path.join(TXT, name + ".txt"), "rb").read()
    starts, pos = [], 0
    for line in raw.split(b"\n"):
        starts.append(pos)
        pos += len(line) + 1
    return raw, starts


def tool_headings(binary, name):
    raw, starts = txt_lines(name)
    out = subprocess.run([binary, "parse", os.path.join(TXT, name + ".txt")],
                         capture_output=True, check=True).stdout
    d = json.loads(out)
    res = []

    def walk(secs):
        for s in secs:
            off = s["heading"]["span"]["offset"]
            import bisect
            ln = bisect.bisect_right(starts, off)
            res.append((ln, s["heading"]["level"], s["heading"]["text"]))
            walk(s.get("subsections", []))
    walk(d["sections"])
    return res


def map_md(name, mds):
    """Markdown headings to plain-text line numbers, in order."""
    lines = open(os.path.join(TXT, name + ".txt"), encoding="utf-8").read().split("\n")
    out, at = [], 0
    for lvl, text in mds:
        key = " ".join(text.split())
        for i in range(at, len(lines)):
            if " ".join(lines[i].split()) == key:
                out.append((i + 1, lvl, text))
                at = i + 1
                break
        else:
            out.append((None, lvl, text))
    return out


# The adjudication, by reading the plain text (never from encyclint's output).
# Markdown headings that are not headings of the article: (article, line, why).
REMOVED = [
    ("Baltic_Sea", 79, "a list of countries"),
    ("Baltic_Sea", 81, "a list of countries"),
    ("Bantu_languages", 15, "a caption (a sentence about Guthrie's reconstruction)"),
    ("Cairo", 81, "a sentence without its period"),
    ("Carcinogen", 10, "the IUPAC definition, a `term: definition` line"),
    ("Category_theory", 63, "the end of a book title cut from a sentence"),
    ("Catherine_Coleman", 20, "the public-domain attribution, cut short"),
    ("Cell_nucleus", 44, "a caption (a sentence)"),
    ("Chalcogen", 29, "a caption (a sentence)"),
    ("Decade_(Neil_Young_album)", 14, "a note of the track listing"),
    ("Foreign_relations_of_Dominica", 7, "the content of `International disputes`, a sentence"),
]
# The same for `sample2()` (session 13), decided on the lines `candidates()` lists.
REMOVED += [
    ("Ankara", 37, "a caption (`A panoramic view of Ankara at the present time`)"),
    ("Azores", 70, "a data row of a genetics table (`Haplogroup U= 16.7% ...`)"),
    ("Azores", 81, "a data row of a genetics table"),
    ("Category_of_being", 22, "a sentence, an example (`The properties of a black square are: ...`)"),
    ("Columbus,_Indiana", 43, "a sentence without its period"),
    ("Comedy_film", 33, "the end of a sentence cut at a film title"),
    ("Discordianism", 29, "an entry of the list of the five degrees"),
    ("Discordianism", 30, "an entry of the list of the five degrees"),
    ("Discordianism", 31, "an entry of the list of the five degrees"),
    ("Discordianism", 57, "a caption (`A stylized description of confirmation bias`)"),
    ("Dodecahedron", 27, "a caption, a sentence"),
    ("Transport_in_Chad", 15, "the content of `Seaports and harbors` (`None (landlocked)`)"),
    ("Transport_in_Chad", 28, "the licence notice, cut short"),
]
# Lines the Markdown reading has as text that are headings of the article.
ADDED = [
    ("Battery_Park_City", 68, "`Notes` under `References`, an empty subsection"),
    ("Battery_Park_City", 69, "`Further reading`, a closing section"),
    ("Boeing_Vertol_CH-46_Sea_Knight", 36, "a country under `Former operators`, its list lost"),
    ("Bodmin", 50, "`See also` between two sections, its list lost"),
    ("Cuba_Libre", 26, "`Notes` under `References`"),
    ("Decade_(Neil_Young_album)", 18, "`Album` under `Charts`, its table lost"),
    ("General_Conference_on_Weights_and_Measures", 10, "`Member States`, the heading of the list of members"),
    ("General_Conference_on_Weights_and_Measures", 66, "`Notes` after the list of members"),
    ("General_Conference_on_Weights_and_Measures", 67, "`Associates`, a section of prose and a list"),
    # sample2()
    ("Cheerleading", 102, "`Notes` under `References`"),
    ("Control_theory", 95, "`For Chemical Engineering`, a part of `Further reading`, its list lost"),
]


def build():
    removed = {(a, l): w for a, l, w in REMOVED}
    added = {(a, l): w for a, l, w in ADDED}
    print("# Plain-text headings of 160 benchmark articles, adjudicated by hand (fixtures/accuracy/README.md).")
    print("# article\thalf\tline\theading\treference")
    for name, half in sample() + sample2():
        lines = open(os.path.join(TXT, name + ".txt"), encoding="utf-8").read().split("\n")
        rows = {}
        for ln, _, text in map_md(name, md_headings(name)):
            assert ln is not None, (name, text)
            rows[ln] = "removed" if (name, ln) in removed else "kept"
        for (a, ln) in added:
            if a == name:
                assert ln not in rows, (a, ln)
                rows[ln] = "added"
        for key in list(removed) + list(added):
            if key[0] == name:
                assert key[1] in rows, key
        if not any(v != "removed" for v in rows.values()):
            print(f"{name}\t{half}\t0\t\tnone")
        for ln in sorted(rows):
            text = " ".join(lines[ln - 1].split())
            print(f"{name}\t{half}\t{ln}\t{text}\t{rows[ln]}")


def main():
    if sys.argv[1] == "build":
        build()
        return
    if sys.argv[1] == "sample":
        for x, half in sample() + sample2():
            print(f"{x}\t{half}")
        return
    if sys.argv[1] == "candidates":
        for x, half in sample2():
            print(f"=== {x} [{half}]")
            for ln, tag, t in candidates(x):
                print(f"  {tag} {ln:4} {t[:100]!r}")
        return
    binary = sys.argv[2]
    only = sys.argv[3] if len(sys.argv) > 3 else None
    agree = 0
    for name, half in sample() + sample2():
        if only and half != only:
            continue
        m = map_md(name, md_headings(name))
        t = tool_headings(binary, name)
        ml = {x[0] for x in m}
        tl = {x[0] for x in t}
        if ml == tl:
            agree += 1
            continue
        lines = open(os.path.join(TXT, name + ".txt"), encoding="utf-8").read().split("\n")
        print(f"=== {name} [{half}]")
        for ln in sorted((ml | tl) - {None}):
            tag = ("M" if ln in ml else "-") + ("T" if ln in tl else "-")
            if tag == "MT":
                continue
            print(f"  {tag} {ln}: {lines[ln-1][:100]!r}")
            for k in (ln - 2, ln):
                if 0 <= k < len(lines):
                    print(f"        {'<' if k < ln-1 else '>'} {lines[k][:140]!r}")
        for x in m:
            if x[0] is None:
                print(f"  M? unmapped {x[2]!r}")
    print(f"# agree {agree}", file=sys.stderr)


if __name__ == "__main__":
    main()
