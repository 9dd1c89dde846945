#!/usr/bin/env python3
"""Choose the sections of stance set c (fixtures/accuracy/stance-dev-c.tsv), blind and reproducible.

    python3 bench/stance_set_c.py eligible   # every eligible (article, section) pair, in hash order
    python3 bench/stance_set_c.py chosen     # the pairs taken (hash order, until the total passes 300)
    python3 bench/stance_set_c.py skeleton   # the chosen sections' sentences as unlabelled TSV rows

Environment: ENWIKI (default /tmp/enwiki/md/enwiki_wx), ENCYCLINT (default
/work/main/target/release/encyclint), CACHE (default /tmp/stance_set_c_cache).

Rules (fixed before any section was read):
- articles: every `*.md` in ENWIKI whose title (from `encyclint parse`) is not in column 1 of
  fixtures/accuracy/stance-dev.tsv;
- a section is eligible when its heading reads as a debate about the subject (HEADING below), it has
  no subsections, every block is a paragraph, and it has 3 to 20 sentences (the tool's sentences);
- at most one section per article: the first eligible one in the article's order;
- order: sha256("stance-c-s16:" + title); sections are taken in that order until the running total
  of sentences reaches 300 (the section that passes 300 is the last one taken).

Only the sentence `text` of `encyclint parse` is kept: the tool's stance, actor, cue, voices and
watch fields are dropped when the output is read, so they were never seen while labelling.
"""
import hashlib
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
ENWIKI = os.environ.get("ENWIKI", "/tmp/enwiki/md/enwiki_wx")
ENCYCLINT = os.environ.get("ENCYCLINT", "/work/main/target/release/encyclint")
CACHE = os.environ.get("CACHE", "/tmp/stance_set_c_cache")
SALT = "stance-c-s16:"
TARGET = 300

# Headings that read as a debate about the subject. Whole heading, case-insensitive.
DEBATE = (
    r"criticisms?|critique|controvers(y|ies)|reception|critical (reception|response|reaction|reactions|acclaim)"
    r"|reactions?|responses?|legacy|assessments?|opposition|reviews?|evaluations?|appraisal"
)
# In the "X and ..." and "... of/to/from X" forms, "response(s)" is left out (it reads as an
# action: "Planning and response", "Response to 2015 unrest"), and X must not be a stage of a
# life or a history (those sections are narration first: "Death and legacy", "Release and reception").
PAIRED = DEBATE.replace("|reactions?|responses?", "|reactions?")
NARRATION = re.compile(
    r"^(?:death|(?:later |early )?life|succession|inauguration|planning|release|publication"
    r"|(?:musical )?career|synthesis)\b",
    re.IGNORECASE,
)
HEADING = re.compile(
    r"^(?:"
    rf"(?:{DEBATE})"  # Criticism, Reception, Legacy, ...
    rf"|(?:[\w'’.\- ]+ )?(?:and|&) (?:{PAIRED})"  # "X and criticism", "Reception and legacy"
    rf"|(?:{PAIRED}) (?:and|&) [\w'’.\- ]+"  # "Criticism and controversy", "Legacy and influence"
    rf"|(?:public|popular|critical|scholarly|historical|contemporary|modern|later|initial|international"
    rf"|political|academic|religious|scientific|general|commercial and critical|critical and commercial"
    rf") (?:{DEBATE})"  # "Public reaction", "Historical assessment"
    rf"|(?:{PAIRED}) (?:of|to|from) [\w'’.\- ]+"  # "Criticism of X", "Opposition from business"
    r")$",
    re.IGNORECASE,
)


def done_titles():
    titles = set()
    with open(os.path.join(ROOT, "fixtures/accuracy/stance-dev.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            titles.add(line.split("\t", 1)[0])
    return titles


def text_only(path):
    """The article's title and sections, with only heading text, block types and sentence text."""
    os.makedirs(CACHE, exist_ok=True)
    cached = os.path.join(CACHE, hashlib.sha256(path.encode()).hexdigest() + ".json")
    if os.path.exists(cached):
        with open(cached, encoding="utf-8") as f:
            return json.load(f)
    out = subprocess.run([ENCYCLINT, "parse", path], capture_output=True, check=True).stdout
    model = json.loads(out)

    def section(s):
        return {
            "heading": s["heading"]["text"],
            "blocks": [
                {"type": b["type"], "sentences": [t["text"] for t in b.get("sentences") or []]}
                for b in s.get("blocks") or []
            ],
            "subsections": [section(x) for x in s.get("subsections") or []],
        }

    slim = {"title": model["title"]["text"], "sections": [section(s) for s in model["sections"]]}
    with open(cached, "w", encoding="utf-8") as f:
        json.dump(slim, f, ensure_ascii=False)
    return slim


def walk(sections):
    for s in sections:
        yield s
        yield from walk(s["subsections"])


def eligible():
    done = done_titles()
    pairs = []
    for name in sorted(os.listdir(ENWIKI)):
        if not name.endswith(".md"):
            continue
        path = os.path.join(ENWIKI, name)
        art = text_only(path)
        title = art["title"]
        if title in done or name[:-3].replace("_", " ") in done:
            continue
        for s in walk(art["sections"]):
            heading = s["heading"].strip()
            if not HEADING.match(heading) or NARRATION.match(heading):
                continue
            if s["subsections"] or not s["blocks"]:
                continue
            if any(b["type"] != "paragraph" for b in s["blocks"]):
                continue
            count = sum(len(b["sentences"]) for b in s["blocks"])
            if 3 <= count <= 20:
                key = hashlib.sha256((SALT + title).encode("utf-8")).hexdigest()
                pairs.append((key, title, s["heading"], count, name, s))
                break  # at most one section per article: the first eligible one
    pairs.sort(key=lambda p: p[0])
    return pairs


def chosen():
    taken, total = [], 0
    for p in eligible():
        if total >= TARGET:
            break
        taken.append(p)
        total += p[3]
    return taken


def main():
    cmd = sys.argv[1] if len(sys.argv) > 1 else "chosen"
    if cmd in ("eligible", "chosen"):
        rows = eligible() if cmd == "eligible" else chosen()
        total = 0
        for key, title, heading, count, name, _ in rows:
            total += count
            print(f"{key[:12]}\t{title}\t{heading}\t{count}\t{total}\tenwiki_wx/{name}")
    elif cmd == "skeleton":
        print("#article\tsection\tpara\tn\tstance\tactor\tactor_kind\tsentence")
        for _, title, heading, _, _, s in chosen():
            n = 0
            for para, b in enumerate(s["blocks"]):
                for text in b["sentences"]:
                    print(f"{title}\t{heading}\t{para}\t{n}\t\t\t\t{text}")
                    n += 1
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
