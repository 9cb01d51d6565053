"""A writer's save while a run works is never overwritten, and the preview rebuilds for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run
from creditfaq.serve import _settled
from creditfaq.store import EditedMeanwhile, Project


def test_a_file_saved_while_a_run_worked_from_its_old_content_is_not_overwritten(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    topic, other = tmp_path / "data/topics/a.yml", tmp_path / "data/topics/b.yml"
    topic.parent.mkdir(parents=True)
    topic.write_text("product: a\n", encoding="utf-8")
    project = Project(tmp_path)
    read = project.read_bytes(topic)  # the run reads the file …
    topic.write_text("product: a\nreviewed: 2024-06-01\n", encoding="utf-8")  # … the writer saves …
    project.stage(topic, read + b"timeline: []\n")  # … the run stages what it made from the old one
    project.stage(other, "product: b\n")
    with pytest.raises(EditedMeanwhile) as caught:
        project.commit()
    assert caught.value.paths == [topic]
    assert "被改动过" in caught.value.message(project) and "data/topics/a.yml" in caught.value.message(project)
    assert topic.read_text(encoding="utf-8") == "product: a\nreviewed: 2024-06-01\n", "the writer's save is kept"
    assert not other.exists(), "the run writes nothing at all"
    # the next run works from what the file now holds, and goes through
    again = Project(tmp_path)
    again.stage(topic, again.read_bytes(topic) + b"timeline: []\n")
    again.commit()
    assert topic.read_text(encoding="utf-8").endswith("reviewed: 2024-06-01\ntimeline: []\n")


def test_a_run_that_did_not_read_a_file_the_writer_saved_still_writes(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    project = Project(tmp_path)
    (tmp_path / "data").mkdir()
    (tmp_path / "data/notes.yml").write_text("x: 1\n", encoding="utf-8")  # nothing the run read or writes
    project.stage(tmp_path / "data/new.yml", "y: 2\n")
    project.commit()
    assert (tmp_path / "data/new.yml").read_text(encoding="utf-8") == "y: 2\n"


def test_the_command_line_says_it_in_chinese_and_writes_nothing(project: Path, monkeypatch) -> None:
    """The run reads the data files, the writer saves them (a fixed article paragraph, a topic
    file's comment) before the run writes: exit 1, a message naming them, the writer's versions
    on disk, nothing else written."""
    import creditfaq.pipeline as pipeline

    topics = sorted([*(project / "data/topics").glob("*.yml"), *(project / "data/articles").glob("*.yml")])
    saved = {t: t.read_text(encoding="utf-8") + "# 编辑刚保存的一行注释\n" for t in topics}
    real = pipeline.run_extract

    def extract_then_the_writer_saves(p):
        result = real(p)
        for t, text in saved.items():
            t.write_text(text, encoding="utf-8")
        return result

    monkeypatch.setattr(pipeline, "run_extract", extract_then_the_writer_saves)
    # a changed source, so the run has its article to write
    source = next((project / "data/sources").glob("*.txt"))
    source.write_text(source.read_text(encoding="utf-8") + "\n逾期第5天起，会有人工电话催收。\n", encoding="utf-8")
    generated = project / "docs/generated"
    result = run(project, "build")
    assert result.returncode == 1
    assert "被改动过" in result.stderr and "data/articles/" in result.stderr and "Traceback" not in result.stderr
    assert all(t.read_text(encoding="utf-8") == text for t, text in saved.items()), "no save is overwritten"
    assert not generated.exists(), "the run wrote nothing"


def test_the_preview_rebuilds_for_a_save_made_while_it_was_rebuilding() -> None:
    started = {"a.yml": 1, "b.yml": 1, "gone.yml": 1}
    # the pipeline rewrote a.yml and deleted gone.yml; the writer saved b.yml and made c.yml
    after = {"a.yml": 5, "b.yml": 6, "c.yml": 7}
    written = {"a.yml": 5, "gone.yml": -1}
    settled = _settled(started, after, written)
    assert settled["a.yml"] == 5 and "gone.yml" not in settled, "the pipeline's own writes are no change"
    assert settled["b.yml"] == 1 and "c.yml" not in settled, "the writer's saves are still to be rebuilt"
    # the writer saves a.yml again after the pipeline wrote it
    assert _settled(started, {**after, "a.yml": 9}, written)["a.yml"] == 1
    # nothing but the pipeline's writes: the preview is settled
    assert _settled(started, {"a.yml": 5, "b.yml": 1}, written) == {"a.yml": 5, "b.yml": 1}
