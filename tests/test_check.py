"""`creditfaq check` on bad data: every error as path:line:col, exit 1, never a traceback."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

import pytest

from conftest import run

TOPIC = "data/topics/huabei.yml"


def _edit(project: Path, rel: str, old: str, new: str, count: int = 1) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {rel}: {old!r}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _line_of(project: Path, rel: str, needle: str) -> int:
    lines = (project / rel).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


# Each case: a change that breaks the data, the file, the text on the line the error must
# point at, and a pattern the message must match.
CASES: dict[str, tuple[Callable[[Path], None], str, str, str]] = {
    "yaml syntax": (
        lambda p: _edit(p, TOPIC, "timeline:\n", "timeline:\n  - [unclosed\n"),
        TOPIC, "- [unclosed", r"YAML 格式错误，括号未闭合：这里的 \[ 没有配对的 \]",
    ),
    "unknown key": (
        lambda p: _edit(p, TOPIC, "  channels:", "  chanels: []\n  channels:"),
        TOPIC, "chanels:", r"timeline\[\d+\]\.chanels: 没有 `chanels` 这个键（拼错了？）；这里可以用的键：.*channels",
    ),
    "unknown channel": (
        lambda p: _edit(p, TOPIC, "channels: [短信, APP, 邮件]", "channels: [短信, 飞鸽传书, 邮件]"),
        TOPIC, "飞鸽传书", r"timeline\[\d+\]\.channels\[1\]: `飞鸽传书` 不是允许的值：只能从 `短信`、`APP`.* 或 `无` 中选一个",
    ),
    "days reversed": (
        lambda p: _edit(p, TOPIC, "  channels: [短信, APP, 邮件]", "  days: [30, 3]\n  channels: [短信, APP, 邮件]"),
        TOPIC, "days: [30, 3]", r"timeline\[\d+\]\.days: 起始天数（30）比结束天数（3）还大：.*`\[3, 30\]`",
    ),
    "days not numbers": (
        lambda p: _edit(p, TOPIC, "  channels: [短信, APP, 邮件]", "  days: [三天, 5]\n  channels: [短信, APP, 邮件]"),
        TOPIC, "三天", r"timeline\[\d+\]\.days\[0\]: `三天` 不是有效的天数：天数写成 `\[从第几天, 到第几天\]`",
    ),
    "bad status": (
        lambda p: _edit(p, TOPIC, "status: machine", "status: accepted"),
        TOPIC, "accepted", r"timeline\[\d+\]\.status: `accepted` 不是允许的值：只能从 `machine`、`approved`、`edited`、`rejected` 或 `editorial` 中选一个",
    ),
    "unknown paragraph": (
        lambda p: _edit(p, TOPIC, "#p-df92d050", "#p-00000000"),
        TOPIC, "p-00000000", r"timeline\[\d+\]\.sources\[\d+\]: 文章 `003-b85ce5825ee596e3` 里没有段落 `p-00000000`：请打开 data/articles/003-b85ce5825ee596e3.yml",
    ),
    "unknown article": (
        lambda p: _edit(p, TOPIC, "003-b85ce5825ee596e3#p-df92d050", "999-nope#p-df92d050"),
        TOPIC, "999-nope", r"没有文章 `999-nope`",
    ),
    "malformed source ref": (
        lambda p: _edit(p, TOPIC, "003-b85ce5825ee596e3#p-df92d050", "第三篇第二段"),
        TOPIC, "第三篇第二段", r"sources\[\d+\]: `第三篇第二段` 的格式不对：应写成`<文章编号>#<段落编号>`，例如 `003-",
    ),
    "claim without source": (
        lambda p: _edit(p, TOPIC, "  sources:\n  - 003-b85ce5825ee596e3#p-df92d050\n", "  sources: []\n"),
        TOPIC, "- id: stage-", r"timeline\[\d+\]: 这条说法没有依据：请写上 `sources`.*`editorial`",
    ),
    "duplicate key": (
        lambda p: _edit(p, TOPIC, "  status: machine\n", "  status: machine\n  status: edited\n"),
        TOPIC, "  status: edited", r"timeline\[\d+\]\.status: 键 `status` 出现了两次",
    ),
    "unknown product": (
        lambda p: _edit(p, TOPIC, "product: huabei", "product: huabie"),
        TOPIC, "product: huabie", r"(没有登记的产品 `huabie`|请把文件改名为 `huabie.yml`)",
    ),
    "duplicate product id": (
        lambda p: _edit(p, "data/products.yml", "- id: jiebei", "- id: huabei"),
        "data/products.yml", "- id: huabei\n", r"产品编号 `huabei` 重复了",
    ),
    "alias claimed twice": (
        lambda p: _edit(p, "data/products.yml", "aliases: [蚂蚁借呗,", "aliases: [蚂蚁花呗, 蚂蚁借呗,"),
        "data/products.yml", "蚂蚁花呗", r"`蚂蚁花呗` 已经是产品 `huabei` 的名称或别名",
    ),
    "article paragraph id": (
        lambda p: _edit(p, "data/articles/003-b85ce5825ee596e3.yml", "id: p-87cca116", "id: paragraph-one"),
        "data/articles/003-b85ce5825ee596e3.yml", "paragraph-one", r"`paragraph-one` 的格式不对：应写成.*`w-`",
    ),
    "article source missing": (
        lambda p: (p / "data/sources/003_b85ce5825ee596e3.txt").unlink(),
        "data/articles/003-b85ce5825ee596e3.yml", "source: data/sources/", r"来源文件 `data/sources/003_b85ce5825ee596e3.txt` 不存在",
    ),
    "unknown regulation": (
        lambda p: _edit(p, TOPIC, "  sources:\n  - 003-b85ce5825ee596e3#p-df92d050\n",
                        "  sources:\n  - 003-b85ce5825ee596e3#p-df92d050\n  regulations: [zhengxin-tiaoli-99]\n"),
        TOPIC, "zhengxin-tiaoli-99", r"timeline\[\d+\]\.regulations\[0\]: 没有编号为 `zhengxin-tiaoli-99` 的法规",
    ),
    "unverified regulation cited": (
        lambda p: _edit(p, TOPIC, "  sources:\n  - 003-b85ce5825ee596e3#p-df92d050\n",
                        "  sources:\n  - 003-b85ce5825ee596e3#p-df92d050\n  regulations: [meituan-yuefu-zhengxin]\n"),
        TOPIC, "meituan-yuefu-zhengxin", r"法规 `meituan-yuefu-zhengxin` 是未核实的（unverified），不能作为已发布说法的依据",
    ),
    "secondary regulation without attribution": (
        lambda p: _edit(p, "data/regulations.yml", "  attribution: 据新闻报道\n", "  attribution: null\n"),
        "data/regulations.yml", "  attribution: null", r"regulations\[\d+\]\.attribution: 可信度为 `secondary` 的法规必须写 `attribution`",
    ),
    "regulation names unknown product": (
        lambda p: _edit(p, "data/regulations.yml", "  products: [huabei]", "  products: [huabay]"),
        "data/regulations.yml", "huabay", r"没有登记的产品 `huabay`",
    ),
    "glossary cites an unverified regulation": (
        lambda p: _edit(p, "data/glossary.yml", "regulations: [zhengxin-tiaoli-25]", "regulations: [meituan-yuefu-zhengxin]"),
        "data/glossary.yml", "meituan-yuefu-zhengxin", r"terms\[2\]\.regulations\[0\]: 法规 `meituan-yuefu-zhengxin` 是未核实的",
    ),
    "guidance cites an unknown regulation": (
        lambda p: _edit(p, "data/guidance.yml", "regulations: [minfadian-1032-1033]", "regulations: [minfadian-9999]"),
        "data/guidance.yml", "minfadian-9999", r"guidance\[2\]\.regulations\[0\]: 没有编号为 `minfadian-9999` 的法规",
    ),
    "guidance with no grounds": (
        lambda p: _edit(p, "data/guidance.yml", "regulations: [minfadian-1032-1033]", "regulations: []"),
        "data/guidance.yml", "regulations: []", r"guidance\[2\]\.regulations: 这里至少要写 1 项",
    ),
    "empty file": (
        lambda p: (p / TOPIC).write_text("", encoding="utf-8"),
        TOPIC, None, r"文件是空的",
    ),
    "not utf-8": (
        lambda p: (p / TOPIC).write_bytes("product: 花呗\n".encode("gbk")),
        TOPIC, None, r"文件不是 UTF-8 编码.*另存为 UTF-8",
    ),
    "search page that does not exist": (
        lambda p: (p / "data/search.yml").write_text(
            "pages:\n- page: topics/no-such-topic\n  words: [协商]\n", encoding="utf-8"),
        "data/search.yml", "topics/no-such-topic", r"pages\[0\]\.page: 网站上没有 `topics/no-such-topic` 这个读者页面",
    ),
    "search word that is empty": (
        lambda p: (p / "data/search.yml").write_text("synonyms:\n- means: 刑事责任\n  words: [坐牢, \"\"]\n",
                                                     encoding="utf-8"),
        "data/search.yml", 'words: [坐牢, ""]', r"synonyms\[0\]\.words\[1\]",
    ),
    "search synonym without words": (
        lambda p: (p / "data/search.yml").write_text("synonyms:\n- means: 协商还款\n  words: []\n", encoding="utf-8"),
        "data/search.yml", "words: []", r"synonyms\[0\]\.words",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_data_is_reported_with_its_position(machine_project: Path, case: str) -> None:
    project = machine_project  # the fixtures edit machine output, not what writers committed
    breaker, rel, needle, pattern = CASES[case]
    breaker(project)
    result = run(project, "check")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    lines = [l for l in result.stderr.splitlines() if l.startswith(rel + ":")]
    assert lines, result.stderr
    matching = [l for l in lines if re.search(pattern, l)]
    assert matching, f"no line matches {pattern!r}:\n{result.stderr}"
    m = re.match(rf"{re.escape(rel)}:(\d+):(\d+): ", matching[0])
    assert m, matching[0]
    if needle is not None:
        reported = (project / rel).read_text(encoding="utf-8").splitlines()[int(m.group(1)) - 1]
        assert needle.rstrip("\n") in reported, (matching[0], reported)


def test_every_error_is_reported_at_once(machine_project: Path) -> None:
    project = machine_project
    CASES["unknown channel"][0](project)
    _edit(project, "data/topics/xiaohua-qianbao.yml", "001-8e2430c837e93bd2#p-", "001-8e2430c837e93bd2#p-0", 1)
    CASES["duplicate product id"][0](project)
    result = run(project, "check")
    assert result.returncode == 1
    assert len([l for l in result.stderr.splitlines() if re.match(r"^data/\S+:\d+:\d+: ", l)]) >= 3
    assert re.search(r"共发现 \d+ 个问题", result.stderr)


def test_build_stops_on_bad_data_and_renders_nothing_new(machine_project: Path) -> None:
    project = machine_project
    CASES["unknown channel"][0](project)
    result = run(project, "build")
    assert result.returncode == 1
    assert "飞鸽传书" in result.stderr
    assert not (project / "site").exists()


def test_one_bad_regulation_entry_is_one_error_not_a_flood(machine_project: Path) -> None:
    _edit(machine_project, "data/regulations.yml", "  attribution: 据新闻报道\n", "  attribution: null\n")
    result = run(machine_project, "check")
    assert result.returncode == 1
    errors = [l for l in result.stderr.splitlines() if re.match(r"^data/\S+:\d+:\d+: ", l)]
    assert len(errors) == 1 and errors[0].startswith("data/regulations.yml:"), errors


def test_a_writers_own_claim_id_and_an_unclosed_list_are_placed_right(machine_project: Path) -> None:
    own = "- id: credit-my-note-1\n  status: editorial\n  text: 逾期记录会在还清后保存5年。\n  regulations: [zhengxin-tiaoli-16]\n"
    if "\ncredit:\n" in (machine_project / TOPIC).read_text(encoding="utf-8"):
        _edit(machine_project, TOPIC, "\ncredit:\n", "\ncredit:\n" + own)
    else:  # the machine found no credit claim for this product: the writer starts the list
        _edit(machine_project, TOPIC, "\nquestions:\n", "\ncredit:\n" + own + "questions:\n")
    assert run(machine_project, "check").returncode == 0
    _edit(machine_project, TOPIC, "  regulations: [zhengxin-tiaoli-16]\n", "  regulations: [zhengxin-tiaoli-16\n")
    result = run(machine_project, "check")
    line = next(i for i, l in enumerate((machine_project / TOPIC).read_text(encoding="utf-8").splitlines(), 1)
                if l.startswith("  regulations: [zhengxin-tiaoli-16"))
    assert f"{TOPIC}:{line}:" in result.stderr, result.stderr
