"""The Python package answers what the CLI answers: every fixture, the whole
report, the article model, errors; and it is safe from several threads."""

import json
import pickle
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

import encyclint
from conftest import ROOT, fixture_files

FILES = fixture_files()


def test_there_are_fixtures():
    assert len(FILES) > 50


@pytest.mark.parametrize("path", FILES)
def test_lint_agrees_with_the_cli_on_every_fixture(path, cli_json):
    text = (ROOT / path).read_text(encoding="utf-8")
    expected = cli_json(path)["diagnostics"]
    assert encyclint.lint(text, path) == expected


@pytest.mark.parametrize("threads", [1, 2])
def test_check_paths_is_the_cli_report(threads, cli_json):
    assert encyclint.check_paths("fixtures/", threads=threads) == cli_json("fixtures/")


def test_check_paths_with_options_and_an_index(cli_json):
    want = cli_json(
        "--select", "R,S", "--titles", "fixtures/references/titles.txt",
        "--aliases", "fixtures/references/aliases.tsv", "fixtures/references",
    )
    opts = dict(select=["R", "S"], aliases="fixtures/references/aliases.tsv")
    by_path = encyclint.check_paths(
        ["fixtures/references"], titles="fixtures/references/titles.txt", **opts
    )
    assert by_path == want
    loaded = encyclint.TitleIndex.load("fixtures/references/titles.txt")
    by_index = encyclint.check_paths(["fixtures/references"], titles=loaded, **opts)
    assert by_index["diagnostics"] == want["diagnostics"]
    assert by_index["summary"] == want["summary"]
    assert by_index["notes"] == want["notes"]


def test_lint_with_an_index_judges_references():
    text = "Alpha\n\nAlpha is a letter.\n\nSee also\n\n- Beta\n- Gamma\n"
    ix = encyclint.TitleIndex.build(["Alpha", "Beta"], {"Gamma (letter)": "Beta"})
    with_index = encyclint.lint(text, titles=ix, select="R")
    with_list = encyclint.lint(text, titles=["Alpha", "Beta"], select="R")
    without = encyclint.lint(text, select="R")
    assert without == []
    assert with_index == encyclint.lint(text, titles=ix, select=["R"])
    assert isinstance(with_list, list)


def test_parse_is_encyclint_parse(cli):
    for path in FILES[:10]:
        code, out, err = cli("parse", path)
        assert code == 0, err
        text = (ROOT / path).read_text(encoding="utf-8")
        assert encyclint.parse(text, path) == json.loads(out)


def test_a_bad_selector_has_the_cli_message(cli):
    code, _, err = cli("check", "--select", "nope", "fixtures/")
    assert code == 2
    for call in (
        lambda: encyclint.lint("Title\nLead.\n", select="nope"),
        lambda: encyclint.check_paths("fixtures/", select=["nope"]),
        lambda: encyclint.Checker(select="nope"),
    ):
        with pytest.raises(encyclint.EncyclintError) as e:
            call()
        assert str(e.value) == err.strip()
        assert isinstance(e.value, ValueError)


def test_a_missing_title_list_has_the_cli_message(cli):
    code, _, err = cli("check", "--titles", "no/such/titles.txt", "fixtures/")
    assert code == 2
    with pytest.raises(encyclint.EncyclintError) as e:
        encyclint.check_paths("fixtures/", titles="no/such/titles.txt")
    assert str(e.value) == err.strip()
    with pytest.raises(encyclint.EncyclintError) as e:
        encyclint.TitleIndex.load("no/such/titles.txt")
    assert str(e.value) == err.strip()


def test_a_binary_text_has_the_cli_message(cli, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Title\n\x00\n")
    code, _, err = cli("check", "--format", "json", str(bad))
    assert code == 2
    with pytest.raises(encyclint.EncyclintError) as e:
        encyclint.lint("Title\n\x00\n", str(bad))
    assert str(e.value) == err.strip()
    with pytest.raises(encyclint.EncyclintError, match=r"^error\[E001\]: x.txt: "):
        encyclint.parse("Title\n\x00\n", "x.txt")


def test_an_unreadable_file_is_in_the_report(cli_json):
    report = encyclint.check_paths(["fixtures/no-such-file.txt"])
    assert report == cli_json("fixtures/no-such-file.txt")
    assert report["diagnostics"][0]["code"] == "E001"


def test_bad_argument_types_raise_type_errors():
    with pytest.raises(TypeError):
        encyclint.lint(b"bytes are not text")
    with pytest.raises(TypeError):
        encyclint.check_paths("fixtures/", titles=42)


def test_title_index_resolves_and_pickles():
    ix = encyclint.TitleIndex.build(["Alpha", "Beta"], [("Gamma", "Beta")])
    assert ix.titles == 2 and ix.redirects == 1
    assert ix.resolve("alpha") == "Alpha"
    assert ix.resolve("Gamma") == "Beta"
    assert "Delta" not in ix and "Beta" in ix
    loads = encyclint._index_loads()
    back = pickle.loads(pickle.dumps(ix))
    assert encyclint._index_loads() == loads + 1
    assert (back.titles, back.redirects, back.sources) == (2, 1, ix.sources)
    assert back.resolve("Gamma") == "Beta"
    loaded = encyclint.TitleIndex.load(
        ROOT / "fixtures/references/titles.txt", ROOT / "fixtures/references/aliases.tsv"
    )
    assert len(loaded.sources) == 2
    assert pickle.loads(pickle.dumps(loaded)).titles == loaded.titles
    assert "TitleIndex" in repr(loaded)


def test_a_run_in_pieces_adds_up_to_the_report(cli_json):
    want = cli_json("fixtures/")
    driver = encyclint.Checker()
    inputs = driver.discover("fixtures/")
    index = driver.run_index(inputs)
    worker = encyclint.Checker().with_index(pickle.loads(pickle.dumps(index)))
    parts = [worker.check(b, threads=1) for b in encyclint.batches(inputs, 9)]
    assert [d for p in parts for d in p["diagnostics"]] == want["diagnostics"]
    assert [f for p in parts for f in p["files"]] == want["files"]
    tail = driver.with_index(index).finish(encyclint.add_totals(*(p["totals"] for p in parts)))
    assert tail["summary"] == want["summary"]
    assert tail.get("notes") == want.get("notes")
    assert tail["tool"] == want["tool"] and tail["version"] == want["version"]


DUMP = "fixtures/wikitext/paintings-small.xml"


@pytest.mark.parametrize("threads", [1, 2])
def test_a_dump_is_checked_page_by_page_as_the_cli_does(threads, cli_json):
    want = cli_json(DUMP)
    assert want["summary"]["files"] > 1
    assert all(d["file"] == DUMP and d["page"] for d in want["diagnostics"])
    assert encyclint.check_paths(DUMP, threads=threads) == want
    assert encyclint.check_paths([DUMP, "fixtures/wikitext"], threads=threads) == cli_json(
        DUMP, "fixtures/wikitext"
    )


def test_a_run_in_pieces_with_a_dump_adds_up_to_the_report(cli_json):
    want = cli_json(DUMP, "fixtures/wikitext")
    driver = encyclint.Checker()
    inputs = driver.discover([DUMP, "fixtures/wikitext"])
    index = driver.run_index(inputs)
    worker = encyclint.Checker().with_index(pickle.loads(pickle.dumps(index)))
    parts = [worker.check(b, threads=2) for b in encyclint.batches(inputs, 2)]
    assert [d for p in parts for d in p["diagnostics"]] == want["diagnostics"]
    assert [f for p in parts for f in p["files"]] == want["files"]
    tail = driver.with_index(index).finish(encyclint.add_totals(*(p["totals"] for p in parts)))
    assert tail["summary"] == want["summary"]
    assert tail.get("notes") == want.get("notes")


def test_lint_from_several_threads_gives_the_serial_answers():
    texts = [(p, (ROOT / p).read_text(encoding="utf-8")) for p in FILES]
    ix = encyclint.TitleIndex.build(["Alpha", "Beta"])
    serial = [encyclint.lint(t, p, titles=ix) for p, t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        for _ in range(3):
            parallel = list(pool.map(lambda pt: encyclint.lint(pt[1], pt[0], titles=ix), texts))
            assert parallel == serial


def test_check_paths_from_several_threads():
    want = encyclint.check_paths("fixtures/", threads=1)
    results, errors = [], []

    def run():
        try:
            results.append(encyclint.check_paths("fixtures/", threads=2))
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=run) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert results == [want] * 4


def test_version_and_stubs():
    assert encyclint.__version__
    stub = ROOT / "python" / "encyclint" / "__init__.pyi"
    text = stub.read_text(encoding="utf-8")
    for name in encyclint.__all__:
        assert name in text, name


def test_the_docs_first_example_runs(capsys):
    text = (ROOT / "docs" / "python.md").read_text(encoding="utf-8")
    block = text.split("```python\n", 1)[1].split("```", 1)[0]
    exec(compile(block, "docs/python.md", "exec"), {})
    out = capsys.readouterr().out
    assert out.strip(), "the example prints the findings"
