"""The writers' guide stays true: the files it names exist, the commands it shows exist,
and every page links to it."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT
from creditfaq.cli import build_parser

GUIDE = ROOT / "docs/pages/contributing.md"


def test_every_data_file_the_guide_names_exists() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    paths = set(re.findall(r"data/[A-Za-z0-9_./<>-]+\.(?:yml|json)", text))
    assert len(paths) >= 5
    for path in sorted(paths):
        if "<" in path:  # a pattern such as data/topics/<product>.yml
            assert list(ROOT.glob(re.sub(r"<[^>]+>", "*", path))), path
        else:
            assert (ROOT / path).is_file(), path


def test_every_command_the_guide_shows_exists() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    verbs = set(re.findall(r"creditfaq(?:[ \t]+--root[ \t]+\S+)?[ \t]+([a-z]+)", text))
    known = set(build_parser()._subparsers._group_actions[0].choices)  # noqa: SLF001
    assert verbs and verbs <= known, verbs - known
    targets = set(re.findall(r"(?<![-\w])make (?:PYTHON=\S+ )?([a-z]+)\b", text))
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in targets:
        assert re.search(rf"^{target}:", makefile, re.M), target


def test_every_page_links_to_the_guide(built_site: Path) -> None:
    assert (built_site / "contributing/index.html").is_file()
    for page in [built_site / "index.html", built_site / "products/huabei/index.html",
                 built_site / "articles/003-b85ce5825ee596e3/index.html"]:
        assert "contributing/" in page.read_text(encoding="utf-8") and "贡献指南" in page.read_text(encoding="utf-8")


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for verb in build_parser()._subparsers._group_actions[0].choices:  # noqa: SLF001
        assert f"creditfaq {verb}" in readme, verb
