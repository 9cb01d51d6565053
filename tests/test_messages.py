"""Messages for writers: in Chinese, at the line where the writer must act, saying what to do."""

from __future__ import annotations

from pathlib import Path

from conftest import run

TOPIC = "data/topics/huabei.yml"


def test_an_old_english_header_becomes_the_chinese_one(project: Path) -> None:
    from creditfaq.pipeline import OLD_HEADERS, TOPIC_HEADER

    path = project / TOPIC
    body = path.read_text(encoding="utf-8").removeprefix(TOPIC_HEADER)
    path.write_text(OLD_HEADERS[2] + body, encoding="utf-8")
    assert run(project, "extract").returncode == 0
    assert path.read_text(encoding="utf-8") == TOPIC_HEADER + body
