"""Shared helpers: the repository, and the encyclint binary the CLI side of
each comparison runs (``ENCYCLINT_BIN``, else target/release, else
target/debug)."""

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _binary() -> str:
    env = os.environ.get("ENCYCLINT_BIN")
    if env:
        return env
    for profile in ("release", "debug"):
        p = ROOT / "target" / profile / "encyclint"
        if p.exists():
            return str(p)
    raise RuntimeError("no encyclint binary: cargo build, or set ENCYCLINT_BIN")


@pytest.fixture(scope="session")
def cli():
    """Run the CLI from the repository's root: (exit code, stdout, stderr)."""
    binary = _binary()

    def run(*args: str):
        p = subprocess.run(
            [binary, *args], cwd=ROOT, capture_output=True, text=True, check=False
        )
        return p.returncode, p.stdout, p.stderr

    return run


@pytest.fixture(scope="session")
def cli_json(cli):
    def run(*args: str):
        code, out, err = cli("check", "--format", "json", "--color", "never", *args)
        assert code in (0, 1, 2), err
        return json.loads(out)

    return run


@pytest.fixture(autouse=True)
def _at_root(monkeypatch):
    # The CLI runs from the root; so do the binding's calls (config search,
    # the paths shown in reports).
    monkeypatch.chdir(ROOT)


def fixture_files():
    out = []
    for p in sorted((ROOT / "fixtures").rglob("*")):
        if p.is_file() and p.suffix in (".txt", ".md", ".markdown", ".wiki"):
            out.append(p.relative_to(ROOT).as_posix())
    return out
