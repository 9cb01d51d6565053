"""Golden pages: what readers see, for a small corpus of our own (tests/golden/project/: two
products, two sources, a few rows of the fact sheet), rendered and compared with the pages
pinned in tests/golden/expected/. A change to what any page says shows here as a diff, to be
read like code; after reading it, re-pin with

    .venv/bin/python -m pytest tests/test_golden.py --update-golden
"""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, run

GOLDEN = ROOT / "tests/golden"
# what is pinned: every page, and the data the self-check page runs on
PINNED = ("*.md", "assets/self-check.json")


def _rendered(tmp_path: Path) -> dict[str, str]:
    root = tmp_path / "golden"
    shutil.copytree(GOLDEN / "project", root)
    shutil.copy2(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for verb in ("ingest", "extract", "render"):
        result = run(root, verb, env={"CREDITFAQ_EDIT_URL": ""})
        assert result.returncode == 0, result.stdout + result.stderr
    generated = root / "docs/generated"
    return {p.relative_to(generated).as_posix(): p.read_text(encoding="utf-8")
            for pattern in PINNED for p in sorted(generated.rglob(pattern))}


def test_the_pages_of_the_golden_corpus_are_as_pinned(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    got = _rendered(tmp_path)
    expected_dir = GOLDEN / "expected"
    if request.config.getoption("--update-golden"):
        shutil.rmtree(expected_dir, ignore_errors=True)
        for name, text in got.items():
            (expected_dir / name).parent.mkdir(parents=True, exist_ok=True)
            (expected_dir / name).write_text(text, encoding="utf-8")
        return
    expected = {p.relative_to(expected_dir).as_posix(): p.read_text(encoding="utf-8")
                for p in sorted(expected_dir.rglob("*")) if p.is_file()}
    assert expected, "no pinned pages: run with --update-golden once"
    assert sorted(got) == sorted(expected), "pages came or went: " + str(sorted(set(got) ^ set(expected)))
    diffs = ["".join(difflib.unified_diff(expected[name].splitlines(keepends=True), got[name].splitlines(keepends=True),
                                          f"expected/{name}", f"rendered/{name}", n=1))
             for name in sorted(got) if got[name] != expected[name]]
    assert not diffs, ("what readers see changed; read the diff, then re-pin with "
                       "`.venv/bin/python -m pytest tests/test_golden.py --update-golden`\n" + "\n".join(diffs)[:8000])


def test_a_golden_page_that_changes_is_reported_as_a_diff(tmp_path: Path) -> None:
    """The comparison is not vacuous: a corpus with one sentence changed renders differently."""
    before = _rendered(tmp_path / "a")
    source = GOLDEN / "project/data/sources/001_demo-yuefu.txt"
    root = tmp_path / "b" / "golden"
    shutil.copytree(GOLDEN / "project", root)
    shutil.copy2(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "data/sources" / source.name).write_text(
        source.read_text(encoding="utf-8").replace("还款日前2天", "还款日前5天"), encoding="utf-8")
    for verb in ("ingest", "extract", "render"):
        assert run(root, verb, env={"CREDITFAQ_EDIT_URL": ""}).returncode == 0
    page = (root / "docs/generated/products/demo-yuefu.md").read_text(encoding="utf-8")
    assert page != before["products/demo-yuefu.md"] and "还款日前5天" in page
