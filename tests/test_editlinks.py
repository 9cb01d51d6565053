"""From a page to its data file: the 编辑此页 link, the report's row links, the preview note."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import run
from creditfaq.editlinks import EditLinks, read_pattern

PATTERN = "https://gitee.com/team/creditfaq/edit/main/{path}#L{line}"


def test_pattern_and_prefix_forms() -> None:
    assert EditLinks(PATTERN).url("data/topics/huabei.yml", 7) == \
        "https://gitee.com/team/creditfaq/edit/main/data/topics/huabei.yml#L7"
    # a bare prefix, as CREDITFAQ_EDIT_URL used to be: the path and the line are appended
    assert EditLinks("https://git.example.cn/t/c/blob/main/").url("data/sources/a.txt", 3) == \
        "https://git.example.cn/t/c/blob/main/data/sources/a.txt#L3"
    # a file name a writer chose, with Chinese and a space, is quoted, never pasted raw
    url = EditLinks(PATTERN).url("data/sources/花呗 逾期.txt")
    assert " " not in url and "花" not in url and url.endswith("%E9%80%BE%E6%9C%9F.txt#L1")
    assert EditLinks().url("data/topics/huabei.yml") is None


@pytest.mark.parametrize("value", [
    "javascript:alert(1)//{path}",
    'https://x.example/{path}" onmouseover="alert(1)',
    "https://x.example/{path} ](javascript:alert(1))",
    "ftp://x.example/{path}",
    "gitee.com/team/{path}",
])
def test_an_unusable_pattern_gives_no_links_and_a_warning(tmp_path: Path, value: str) -> None:
    (tmp_path / "mkdocs.yml").write_text(f"site_name: x\nextra:\n  edit_link: '{value}'\n", encoding="utf-8")
    pattern, warning = read_pattern(tmp_path / "mkdocs.yml")
    assert pattern == ""
    assert warning and "mkdocs.yml" in warning and "{path}" in warning and "https://" in warning


def test_the_pattern_is_read_from_mkdocs_yml_with_its_variable(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nextra:\n  edit_link: !ENV [CREDITFAQ_EDIT_URL, '']\n",
                                         encoding="utf-8")
    monkeypatch.delenv("CREDITFAQ_EDIT_URL", raising=False)
    assert read_pattern(tmp_path / "mkdocs.yml") == ("", None)
    monkeypatch.setenv("CREDITFAQ_EDIT_URL", PATTERN)
    assert read_pattern(tmp_path / "mkdocs.yml") == (PATTERN, None)


def _pages(root: Path, folder: str) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in (root / "docs/generated" / folder).glob("*.md")
            if p.name != "index.md"}


def test_pages_and_report_rows_link_to_their_file_and_line(project: Path) -> None:
    result = run(project, "render", env={"CREDITFAQ_EDIT_URL": PATTERN})
    assert result.returncode == 0, result.stderr
    products, articles = _pages(project, "products"), _pages(project, "articles")
    assert products and articles
    base = PATTERN.split("{path}")[0]
    for pid, text in products.items():
        assert f"[编辑此页]({base}data/topics/{pid}.yml#L1)" in text, pid
        assert (project / f"data/topics/{pid}.yml").is_file()
    for aid, text in articles.items():
        assert f"[编辑此页]({base}data/articles/{aid}.yml#L1)" in text, aid
        assert (project / f"data/articles/{aid}.yml").is_file()
    report = (project / "docs/generated/report.md").read_text(encoding="utf-8")
    rows = re.findall(r"\[`([^`]+):(\d+)`\]\(([^)]+)\)", report)
    assert rows, "the report's rows are links"
    for path, line, url in rows:
        assert url == f"{base}{path}#L{line}"
        assert int(line) <= len((project / path).read_text(encoding="utf-8").splitlines())


def test_no_pattern_no_paths_for_readers_but_the_preview_names_the_file(project: Path) -> None:
    result = run(project, "render", env={"CREDITFAQ_EDIT_URL": ""})
    assert result.returncode == 0, result.stderr
    for text in (*_pages(project, "products").values(), *_pages(project, "articles").values()):
        assert "编辑此页" not in text and "data/topics/" not in text and "data/articles/" not in text

    from creditfaq.cli import _render
    from creditfaq.store import Project

    preview = Project(project, preview=True)
    assert _render(preview)
    preview.commit()
    for pid, text in _pages(project, "products").items():
        assert f"本页内容来自 <code>data/topics/{pid}.yml</code>" in text


def test_the_note_is_a_small_paragraph_the_search_index_leaves_out() -> None:
    import markdown
    from bs4 import BeautifulSoup

    from creditfaq.search import SEARCH_EXCLUDE

    html = markdown.markdown("正文。\n\n" + EditLinks(PATTERN).page_note("data/topics/x.yml"), extensions=["attr_list"])
    link = BeautifulSoup(html, "html.parser").select_one("p.cf-edit a.cf-edit-link")
    assert link is not None and link.get_text() == "编辑此页"
    assert link["href"] == "https://gitee.com/team/creditfaq/edit/main/data/topics/x.yml#L1"
    assert ".cf-edit" in SEARCH_EXCLUDE
