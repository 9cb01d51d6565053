"""The content health report: counts first, then rows that point at the line to fix."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import run


def test_report_counts_and_points_at_lines(machine_project: Path) -> None:
    topic = machine_project / "data/topics/huabei.yml"
    text = topic.read_text(encoding="utf-8").replace("product: huabei\n", "product: huabei\nreviewed: 2026-11-20\n")
    topic.write_text(text, encoding="utf-8")
    result = run(machine_project, "report", "--today", "2026-11-23", "--max-age-days", "365")
    assert result.returncode == 0, result.stderr
    first, *rows = result.stdout.splitlines()
    m = re.match(r"内容健康报告：共 (\d+) 项（(.+)）。", first)
    assert m and int(m.group(1)) == len(rows) > 0
    shown = dict(part.rsplit(" ", 1) for part in m.group(2).split("，"))
    assert sum(int(n) for n in shown.values()) == len(rows), "the counts add up to the rows"
    # most urgent first: the rows' kinds come in the order of the report's priority
    from creditfaq.report import KINDS, PRIORITY

    order = [PRIORITY.index(next(k for k, label in KINDS.items() if f"：{label}：" in r)) for r in rows]
    assert order == sorted(order)
    assert not any(r.startswith("data/topics/huabei.yml") and "从未审核" in r for r in rows)
    # reviewed, yet machine claims are left: the report says the review is not finished
    assert any(r.startswith("data/topics/huabei.yml") and "审核日期已填但未审完" in r for r in rows)
    assert any(r.startswith("data/topics/xiaohua-qianbao.yml") and "从未审核" in r for r in rows)
    # the censored gaps of the 花呗 seed are open defects of the 花呗 page, at their line
    defect = next(r for r in rows if r.startswith("data/articles/003-b85ce5825ee596e3.yml") and "审查空缺" in r)
    path, line = re.match(r"(\S+?):(\d+):", defect).groups()
    lines = (machine_project / path).read_text(encoding="utf-8").splitlines()
    assert lines[int(line) - 1].strip().startswith("text:"), "the row points at the paragraph to mend"
    para = re.search(r"段落 (p-[0-9a-f]+)「(.+?)…?」", defect)
    assert para and para.group(2).rstrip("…") in lines[int(line) - 1] and para.group(1) in lines[int(line) - 2]
    # every defect of a source once, however many pages cite it
    import yaml
    from collections import Counter

    # (two of the same kind in one paragraph are one row that says how many)
    reported = Counter()
    for r in rows:
        if "来源文章待修正的问题" in r:
            many = re.search(r"这里共 (\d+) 处", r)
            reported[r.split(":")[0]] += int(many.group(1)) if many else 1
    for file, n in reported.items():
        assert n == len(yaml.safe_load((machine_project / file).read_text(encoding="utf-8"))["defects"]), file
    # an old source is one published more than --max-age-days before --today, whichever it is
    import datetime as dt

    olds = [r for r in rows if "较旧的来源" in r]
    assert olds
    for r in olds:
        published = dt.date.fromisoformat(re.search(r"发表于 (\d{4}-\d{2}-\d{2})", r).group(1))
        assert (dt.date(2026, 11, 23) - published).days > 365, r
    machine = next(r for r in rows if "有未审核说法的产品" in r and r.startswith("data/topics/huabei.yml"))
    line = int(re.match(r"\S+?:(\d+):", machine).group(1))
    assert "- id:" in topic.read_text(encoding="utf-8").splitlines()[line - 1]


def test_report_page_on_the_site(built_site: Path) -> None:
    page = BeautifulSoup((built_site / "report/index.html").read_text(encoding="utf-8"), "lxml")
    assert "内容健康报告" in page.find("h1").get_text()
    assert page.find("table") is not None and page.find("h2", id="huabei") is not None
    assert "data/topics/huabei.yml:" in page.get_text()
    # writers reach it from their guide; readers' pages do not link their editors' queue
    reader = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "lxml").select_one(".md-copyright")
    assert "内容健康报告" not in reader.get_text()
    guide = BeautifulSoup((built_site / "contributing/index.html").read_text(encoding="utf-8"), "lxml")
    assert guide.find("a", href=lambda h: h and "report/" in h) is not None
    assert '<meta name="robots" content="noindex">' in (built_site / "report/index.html").read_text(encoding="utf-8")
