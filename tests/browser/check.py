#!/usr/bin/env python3
"""The HTML report in a real browser (headless Chromium), for `.ci/run`.

1. `encyclint check --format html fixtures/` and `--format json fixtures/`.
2. Chromium loads the page and dumps its DOM: every finding of the JSON report
   is a `.finding` element with the same rule and severity, none hidden; the
   page's script ran (the Content-Security-Policy hash admits it) and shows
   the filters; every chart is an `<svg role="img">` with a title and a
   description.
3. The filters work: the same page with the `error` box and one rule's box
   unchecked hides exactly those findings and says how many are shown.
4. Chromium takes a 1280x2000 screenshot: a PNG of that size, not small, and
   not one colour.

Usage: python3 tests/browser/check.py ENCYCLINT [FIXTURES] [OUTDIR]
(defaults: fixtures/, target/browser/). Standard library only.
"""

import collections
import json
import os
import subprocess
import sys
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import png  # noqa: E402


def chromium(*args):
    return subprocess.run(
        ["bash", os.path.join(HERE, "chromium.sh"), *args],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


class Dom(HTMLParser):
    """What the check needs from the rendered DOM."""

    def __init__(self):
        super().__init__()
        self.findings = []  # (rule, severity, hidden)
        self.root = {}
        self.filters_hidden = None
        self.svgs = []  # [first child tag names] per chart
        self.stack = []
        self.status = None
        self._in_status = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "html":
            self.root = a
        if tag == "article" and "finding" in classes:
            self.findings.append((a.get("data-rule"), a.get("data-sev"), "hidden" in a))
        if tag == "form" and a.get("id") == "filters":
            self.filters_hidden = "hidden" in a
        if a.get("id") == "shown":
            self._in_status = True
        if tag == "svg" and a.get("role") == "img":
            self.svgs.append([])
            self.stack.append(len(self.svgs) - 1)
        elif self.stack and len(self.svgs[self.stack[-1]]) < 2:
            self.svgs[self.stack[-1]].append(tag)

    def handle_endtag(self, tag):
        if tag == "svg" and self.stack:
            self.stack.pop()
        if tag == "p":
            self._in_status = False

    def handle_data(self, data):
        if self._in_status:
            self.status = (self.status or "") + data


def main():
    binary = sys.argv[1]
    fixtures = sys.argv[2] if len(sys.argv) > 2 else "fixtures/"
    outdir = os.path.abspath(sys.argv[3] if len(sys.argv) > 3 else "target/browser")
    os.makedirs(outdir, exist_ok=True)
    page = os.path.join(outdir, "fixtures.html")

    with open(page, "wb") as f:
        run = subprocess.run([binary, "check", "--format", "html", fixtures], stdout=f)
    assert run.returncode in (0, 1), f"encyclint exited {run.returncode}"
    report = json.loads(
        subprocess.run(
            [binary, "check", "--format", "json", fixtures], capture_output=True, text=True
        ).stdout
    )
    expected = collections.Counter((d["code"], d["severity"]) for d in report["diagnostics"])
    total = sum(expected.values())
    assert total > 0, "the fixtures have findings"

    dom = Dom()
    dom.feed(chromium("--dump-dom", "file://" + page))
    got = collections.Counter((rule, sev) for rule, sev, _ in dom.findings)
    assert got == expected, f"DOM findings {dict(got)} != JSON diagnostics {dict(expected)}"
    assert not any(hidden for _, _, hidden in dom.findings), "a finding is hidden"
    assert dom.root.get("data-filters") == "on", "the page's script did not run"
    assert dom.filters_hidden is False, "the filters are not shown"
    assert dom.svgs, "no chart"
    for i, first in enumerate(dom.svgs):
        assert first == ["title", "desc"], f"chart {i} starts with {first}"
    print(f"DOM: {len(dom.findings)} findings = {total} JSON diagnostics, {len(expected)} (rule, severity) pairs, {len(dom.svgs)} charts, script ran")

    # The filters, in the browser: uncheck `error` and the most frequent rule.
    with open(page, encoding="utf-8") as f:
        text = f.read()
    rule = max(expected, key=lambda k: expected[k])[0]
    for box in ['name="sev" value="error" checked', f'name="rule" value="{rule}" checked']:
        assert box in text, box
        text = text.replace(box, box[: -len(" checked")])
    filtered = os.path.join(outdir, "fixtures-filtered.html")
    with open(filtered, "w", encoding="utf-8") as f:
        f.write(text)
    dom2 = Dom()
    dom2.feed(chromium("--dump-dom", "file://" + filtered))
    shown = [(r, s) for r, s, hidden in dom2.findings if not hidden]
    want = sum(n for (r, s), n in expected.items() if s != "error" and r != rule)
    assert len(shown) == want, f"{len(shown)} shown, expected {want}"
    assert all(s != "error" and r != rule for r, s in shown)
    assert dom2.status == f"{want} of {total} findings shown", dom2.status
    print(f"filters: without errors and {rule}, {want} of {total} findings shown")

    shot = os.path.join(outdir, "fixtures.png")
    chromium("--screenshot=" + shot, "--window-size=1280,2000", "file://" + page)
    size = os.path.getsize(shot)
    width, height, channels, rows = png.read(shot)
    assert (width, height) == (1280, 2000), (width, height)
    assert size > 20_000, f"screenshot of {size} bytes"
    samples = collections.Counter()
    for r in rows[::7]:
        for i in range(0, len(r), channels * 7):
            samples[r[i : i + 3]] += 1
    common, n = samples.most_common(1)[0]
    share = n / sum(samples.values())
    assert len(samples) >= 16, f"only {len(samples)} colours"
    assert share < 0.97, f"{share:.0%} of the page is {common.hex()}"
    print(f"screenshot: {shot}, {width}x{height}, {size} bytes, {len(samples)} colours sampled, background {share:.0%}")


if __name__ == "__main__":
    main()
