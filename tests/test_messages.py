"""Messages for writers: in Chinese, at the line where the writer must act, saying what to do;
English behind `--lang en` / CREDITFAQ_LANG=en; `make check` without make's own error line."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, run

TOPIC = "data/topics/huabei.yml"


def _edit(project: Path, rel: str, old: str, new: str) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {rel}: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _reported(project: Path, result: subprocess.CompletedProcess[str], rel: str, pattern: str) -> tuple[str, str]:
    """The message line about `rel` that matches `pattern`, and the file's line it points at."""
    assert result.returncode == 1, result.stdout + result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith(rel + ":") and re.search(pattern, line)]
    assert lines, f"no line matches {pattern!r}:\n{result.stderr}"
    m = re.match(rf"{re.escape(rel)}:(\d+):(\d+): ", lines[0])
    assert m, lines[0]
    return lines[0], (project / rel).read_text(encoding="utf-8").splitlines()[int(m.group(1)) - 1]


# Each YAML mistake a writer makes: the edit, the text of the line the message must point at,
# and the kind of mistake the message must name.
SYNTAX = {
    "tab": (r"\n  status: ", "\n\tstatus: ", "\tstatus: ", "使用了 Tab"),
    "colon inside a value": ("\n  text: ", "\n  text: 注意: ", "text: 注意: ", "值里有冒号"),
    "no space after a colon": ("product: huabei", "product:huabei", "product:huabei", "冒号后缺空格"),
    "full-width colon": ("product: huabei", "product：huabei", "product：huabei", "用了中文冒号"),
    "unclosed single quote": ("\n  status: ", "\n  status: '", "status: '", "引号未闭合"),
    "unclosed double quote": ("\n  status: ", '\n  status: "', 'status: "', "引号未闭合"),
    "indented too far": ("\n  status: ", "\n   status: ", "   status: ", "缩进不一致"),
    "indented too little": ("\n  status: ", "\n status: ", " status: ", "缩进不一致"),
    "unclosed bracket": ("  channels: [短信, APP, 邮件]", "  channels: [短信, APP, 邮件", "channels: [短信, APP, 邮件", "括号未闭合"),
    "stray bracket": ("  channels: [短信, APP, 邮件]", "  channels: [短信, APP, 邮件]]", "邮件]]", "多了一个括号"),
    "no space after a dash": ("\n- id: stage-", "\n-id: stage-", "-id: stage-", "列表的 - 后缺空格"),
    "duplicate key": ("\n  status: ", "\n  status: edited\n  status: ", "  status: machine", "键 `status` 出现了两次"),
}


@pytest.mark.parametrize("case", sorted(SYNTAX))
def test_a_yaml_mistake_is_named_in_chinese_at_the_line_to_fix(project: Path, case: str) -> None:
    old, new, needle, kind = SYNTAX[case]
    if old.startswith(r"\n"):
        old = "\n" + old[2:]
    _edit(project, TOPIC, old, new)
    result = run(project, "check")
    line, pointed = _reported(project, result, TOPIC, re.escape(kind))
    assert needle in pointed, (line, pointed)
    assert "YAML syntax error" not in result.stderr and "mapping values" not in result.stderr
    assert "Traceback" not in result.stderr


def test_a_bad_date_says_the_expected_form(project: Path) -> None:
    _edit(project, TOPIC, "product: huabei\n", "product: huabei\nreviewed: 2026/11/20\n")
    line, pointed = _reported(project, run(project, "check"), TOPIC, r"reviewed: ")
    assert "reviewed: 2026/11/20" in pointed
    assert "`2026/11/20` 不是日期：日期请写成 2024-06-30 这样的形式" in line
    assert "Input should be" not in line


def test_a_date_that_does_not_exist_says_so(project: Path) -> None:
    _edit(project, TOPIC, "product: huabei\n", "product: huabei\nreviewed: 2024-02-30\n")
    line, _ = _reported(project, run(project, "check"), TOPIC, r"reviewed: ")
    assert "`2024-02-30` 这一天不存在" in line and "2024-06-30" in line


def test_days_out_of_order_point_at_the_days_line(project: Path) -> None:
    _edit(project, TOPIC, "  days: [1, null]\n", "  days: [30, 3]\n")
    line, pointed = _reported(project, run(project, "check"), TOPIC, r"\.days: ")
    assert pointed.strip() == "days: [30, 3]", (line, pointed)
    assert "`[3, 30]`" in line


@pytest.mark.parametrize("how", ["flag", "environment"])
def test_developers_get_english(project: Path, how: str) -> None:
    _edit(project, TOPIC, "  channels: [短信, APP, 邮件]", "  chanels: []\n  channels: [短信, APP, 邮件")
    args, env = (["--lang", "en", "check"], None) if how == "flag" else (["check"], {"CREDITFAQ_LANG": "en"})
    result = run(project, *args, env=env)
    assert result.returncode == 1
    assert "YAML syntax error: while parsing a flow sequence" in result.stderr, result.stderr
    assert "1 problem found; fix them and run the command again." in result.stderr
    assert not re.search(r"[\u4e00-\u9fff]{2}", result.stderr.replace("短信", "").replace("邮件", "")), result.stderr
    _edit(project, TOPIC, "邮件\n", "邮件]\n")
    result = run(project, *args, env=env)
    assert "unknown key `chanels` (a typo?)" in result.stderr, result.stderr


def test_an_old_english_header_becomes_the_chinese_one(project: Path) -> None:
    from creditfaq.pipeline import OLD_HEADERS, TOPIC_HEADER

    path = project / TOPIC
    body = path.read_text(encoding="utf-8").removeprefix(TOPIC_HEADER)
    path.write_text(OLD_HEADERS[2] + body, encoding="utf-8")
    assert run(project, "extract").returncode == 0
    assert path.read_text(encoding="utf-8") == TOPIC_HEADER + body


def test_a_build_shows_no_mkdocs_chatter_unless_asked(project: Path) -> None:
    quiet = run(project, "build")
    assert quiet.returncode == 0, quiet.stderr
    out = quiet.stdout + quiet.stderr
    assert not re.search(r"^(INFO|Building prefix dict|Loading model)", out, re.M), out
    assert "end of life" not in out
    assert "build: 网站已生成在" in quiet.stdout
    verbose = run(project, "build", "--verbose")
    assert re.search(r"^INFO\b", verbose.stdout + verbose.stderr, re.M)


@pytest.mark.skipif(shutil.which("make") is None, reason="needs GNU make")
def test_make_check_on_bad_data_ends_with_the_message_and_exits_1(project: Path) -> None:
    for name in ("Makefile", "requirements.txt", "pyproject.toml"):
        shutil.copy2(ROOT / name, project / name)
    venv = project / "venv"  # this interpreter's bin, as if `make` had installed it
    venv.mkdir()
    (venv / "bin").symlink_to(Path(sys.executable).parent)
    (venv / ".installed").touch()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "SOURCE_DATE_EPOCH": "1718000000"}
    for name in ("CREDITFAQ_LANG", "MAKEFLAGS", "MFLAGS", "MAKELEVEL"):  # not a make inside `make test`
        env.pop(name, None)
    make = ["make", "--no-print-directory", f"VENV={venv}", "check"]
    good = subprocess.run(make, cwd=project, env=env, capture_output=True, text=True, timeout=300)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "全部正确" in good.stdout
    _edit(project, TOPIC, "channels: [短信, APP, 邮件]", "channels: [短信, 飞鸽传书, 邮件]")
    bad = subprocess.run(make, cwd=project, env=env, capture_output=True, text=True, timeout=300)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "make:" not in bad.stdout + bad.stderr and "Error" not in bad.stderr, bad.stderr
    last = bad.stderr.strip().splitlines()
    assert last[-1].startswith("共发现 1 个问题"), bad.stderr
    assert last[-2].startswith(f"{TOPIC}:") and "`飞鸽传书` 不是允许的值" in last[-2]
