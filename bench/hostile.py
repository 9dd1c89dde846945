#!/usr/bin/env python3
"""Write the hostile inputs of the memory figures in docs/benchmarks.md.

    python3 bench/hostile.py [OUT_DIR]      (default /tmp)

- see1m.txt: one million distinct `See Xn.` sentences (n = 0 .. 999,999),
  ten to a line, lines ended by one newline: 12,888,890 bytes (12.9 MB).
  Every sentence is a `See` reference.
- see1m.md: the same sentences as Markdown paragraphs (ten to a paragraph,
  paragraphs apart by a blank line): 12,988,889 bytes.
- see1m-line.txt: the same sentences on one line (one paragraph).
- words50m.txt: about 52 MB of words on one line with no full stop (so one
  paragraph of one sentence), a word to watch every few words.

Deterministic. Check with `--max-file-size 100000000`. Do not commit the output.
"""
import os, sys

out = sys.argv[1] if len(sys.argv) > 1 else "/tmp"
sentences = [f"See X{n}." for n in range(1_000_000)]
lines = [" ".join(sentences[i:i + 10]) for i in range(0, len(sentences), 10)]

with open(os.path.join(out, "see1m.txt"), "w") as f:
    f.write("\n".join(lines) + "\n")
with open(os.path.join(out, "see1m.md"), "w") as f:
    f.write("\n\n".join(lines) + "\n")
with open(os.path.join(out, "see1m-line.txt"), "w") as f:
    f.write(" ".join(sentences) + "\n")

words = ("the council said that it was clearly a very notable and famous "
         "project which critics claim is arguably the best of its kind ")
with open(os.path.join(out, "words50m.txt"), "w") as f:
    f.write(words * (52_000_000 // len(words)) + "\n")
