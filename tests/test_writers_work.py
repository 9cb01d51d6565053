"""Nothing a writer wrote is lost: a run that fails writes nothing, and an edit, a note, a
comment, an order or a rejection survives fixing a source paragraph, a re-scrape that changes
a word, a renamed source and a build."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import EPOCH, run

TOPIC = "data/topics/huabei.yml"


def _snapshot(root: Path) -> dict[str, bytes]:
    """Every file under data/ and docs/, as bytes."""
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for folder in ("data", "docs") for p in sorted((root / folder).rglob("*")) if p.is_file()}


def _first(folder: Path) -> Path:
    return sorted(folder.glob("*.yml"))[0]


def _break_article_syntax(root: Path) -> str:
    path = _first(root / "data/articles")
    path.write_text(path.read_text(encoding="utf-8").replace("title:", "title: [", 1), encoding="utf-8")
    return path.relative_to(root).as_posix()


def _duplicate_product_id(root: Path) -> str:
    path = root / "data/products.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    first, second = data["products"][0]["id"], data["products"][1]["id"]
    text = path.read_text(encoding="utf-8").replace(f"id: {second}\n", f"id: {first}\n", 1)
    path.write_text(text, encoding="utf-8")
    return "data/products.yml"


def _duplicate_paragraph_id(root: Path) -> str:
    path = _first(root / "data/articles")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    paragraphs = [p for s in data["sections"] for p in s.get("paragraphs", [])]
    first, second = paragraphs[0]["id"], paragraphs[1]["id"]
    path.write_text(path.read_text(encoding="utf-8").replace(f"id: {second}\n", f"id: {first}\n", 1), encoding="utf-8")
    return path.relative_to(root).as_posix()


def _alias_bomb(root: Path) -> str:
    path = root / TOPIC
    bomb = "".join(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]\n" for i in range(1, 12))
    path.write_text(path.read_text(encoding="utf-8") + "l0: &l0 [x]\n" + bomb, encoding="utf-8")
    return TOPIC


def _deep_brackets(root: Path) -> str:
    path = root / TOPIC
    path.write_text(path.read_text(encoding="utf-8") + "extra: " + "[" * 5000 + "\n", encoding="utf-8")
    return TOPIC


def _impossible_date(root: Path) -> str:
    path = root / TOPIC
    path.write_text(path.read_text(encoding="utf-8").replace("product: huabei\n", "product: huabei\nreviewed: 2024-02-30\n"),
                    encoding="utf-8")
    return TOPIC


@pytest.mark.parametrize("breakage", [_break_article_syntax, _duplicate_product_id, _duplicate_paragraph_id, _alias_bomb,
                                      _deep_brackets, _impossible_date], ids=lambda f: f.__name__.strip("_"))
def test_a_failed_build_writes_nothing_and_names_the_file(project: Path, breakage) -> None:
    broken = breakage(project)
    before = _snapshot(project)
    result = run(project, "build")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "程序内部出错" not in result.stderr and "Traceback" not in result.stderr
    assert any(line.startswith(f"{broken}:") and line.split(":")[1].isdigit() for line in result.stderr.splitlines()), \
        result.stderr
    assert _snapshot(project) == before, "a failed run changed files"
    assert not (project / "site").exists()
    # and extract on its own refuses the same way
    assert run(project, "extract").returncode == 1
    assert _snapshot(project) == before


def test_a_source_that_cannot_be_read_keeps_its_article_and_the_rest_builds(project: Path) -> None:
    source = sorted((project / "data/sources").iterdir())[0]
    article_files = {p.name: p.read_bytes() for p in (project / "data/articles").glob("*.yml")}
    topics = {p.name: p.read_bytes() for p in (project / "data/topics").glob("*.yml")}
    source.write_bytes(b"\xff\xfe\x00\xd8" + os.urandom(64) + b"\x81")  # re-saved in no known encoding
    result = run(project, "build")
    assert result.returncode == 1
    assert f"data/sources/{source.name}:1:1: 无法识别文件的编码" in result.stderr
    assert (project / "site/index.html").is_file(), "the rest of the site is built"
    assert {p.name: p.read_bytes() for p in (project / "data/articles").glob("*.yml")} == article_files
    assert {p.name: p.read_bytes() for p in (project / "data/topics").glob("*.yml")} == topics


def test_sources_past_the_limits_are_skipped_with_a_reason(project: Path) -> None:
    sources = project / "data/sources"
    (sources / "deep.html").write_text("<html><body>" + "<div>" * 1200 + "花呗逾期" + "</div>" * 1200 + "</body></html>",
                                       encoding="utf-8")
    (sources / "huge.txt").write_bytes(("花呗逾期三天会怎样。" * 40 + "\n").encode("utf-8") * 20_000)
    (sources / "link.txt").symlink_to("/etc/hostname")
    os.mkdir(sources / "folder.txt")
    bad_name = os.fsencode(str(sources)) + b"/bad-\xff\xfe-name.txt"
    with open(bad_name, "wb") as out:
        out.write("借呗逾期\n借呗逾期后会有短信提醒。\n".encode("utf-8"))
    result = run(project, "ingest")
    assert result.returncode == 1
    err = result.stderr
    assert "data/sources/deep.html:1:1: 网页的元素嵌套了" in err
    assert "data/sources/huge.txt:1:1: 文件有" in err and "已跳过" in err
    assert "data/sources/link.txt:1:1: 这是一个符号链接" in err
    assert "data/sources/folder.txt:1:1: 这不是一个文件" in err
    assert "data/sources/bad-\\xff\\xfe-name.txt:1:1: 文件名不是 UTF-8 编码" in err
    assert "程序内部出错" not in err
    assert "ingest: " in result.stdout, "the other sources were ingested"
    names = " ".join(p.read_text(encoding="utf-8") for p in (project / "data/articles").glob("*.yml"))
    assert "/etc/hostname" not in names and "deep.html" not in names and "huge.txt" not in names


def test_two_builds_at_once_both_finish(project: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    runs = [subprocess.Popen([sys.executable, "-m", "creditfaq", "build"], cwd=project, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [r.communicate(timeout=600) for r in runs]
    assert [r.returncode for r in runs] == [0, 0], outputs
    assert (project / "site/index.html").is_file()
    assert not list(project.rglob("*.tmp")), "a temporary file was left behind"


# --- the writer's sequence -----------------------------------------------------------------------


def _timeline(root: Path) -> list[dict]:
    return yaml.safe_load((root / TOPIC).read_text(encoding="utf-8"))["timeline"]


def test_edits_notes_comments_order_and_rejections_survive_fix_rescrape_rename_and_build(machine_project: Path) -> None:
    root = machine_project
    article_rel = "data/articles/003-b85ce5825ee596e3.yml"
    stages = _timeline(root)
    paragraphs = {p["text"]: p["id"] for sec in yaml.safe_load((root / article_rel).read_text(encoding="utf-8"))["sections"]
                  for p in sec.get("paragraphs", [])}
    ref_of = lambda words: "003-b85ce5825ee596e3#" + next(pid for t, pid in paragraphs.items() if words in t)  # noqa: E731
    gap_ref, hole_ref = ref_of("短信、 、邮件"), ref_of("无法通过 联系")  # two paragraphs with censored words
    gap = next(s for s in stages if gap_ref in s["sources"])
    hole = next(s for s in stages if hole_ref in s["sources"] and s["id"] != gap["id"])
    noted = next(s for s in stages if s["id"] not in (gap["id"], hole["id"]) and s["sources"][0].startswith("003-")
                 and gap_ref not in s["sources"] and hole_ref not in s["sources"])
    assert sum(s["text"] == hole["text"] for s in stages) == 1
    # the writer: rejects one claim, rewrites another, notes a third, comments, and reorders
    text = (root / TOPIC).read_text(encoding="utf-8")
    text = text.replace(f"- id: {gap['id']}\n  status: machine\n", f"- id: {gap['id']}\n  status: rejected\n", 1)
    text = text.replace(f"- id: {hole['id']}\n  status: machine\n", f"- id: {hole['id']}\n  status: edited\n", 1)
    text = text.replace(hole["text"], "催收团队会打电话与你沟通还款事宜。", 1)
    text = text.replace(f"- id: {noted['id']}\n", f"# 这一条请法务再看一下\n- id: {noted['id']}\n", 1)
    text = text.replace("product: huabei\n", "product: huabei  # 审核人：小王\n", 1)
    (root / TOPIC).write_text(text, encoding="utf-8")
    data = yaml.safe_load(text)
    for s in data["timeline"]:
        if s["id"] == noted["id"]:
            s["note"] = "上门的说法待核实"
    # note and order through a YAML rewrite, the comments by hand again (a writer's editor keeps them)
    order = [s["id"] for s in data["timeline"]]
    order = order[-1:] + order[:-1]
    data["timeline"] = sorted(data["timeline"], key=lambda s: order.index(s["id"]))
    rewritten = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
    rewritten = rewritten.replace("product: huabei\n", "product: huabei  # 审核人：小王\n", 1)
    rewritten = rewritten.replace(f"- id: {noted['id']}\n", f"# 这一条请法务再看一下\n- id: {noted['id']}\n", 1)
    (root / TOPIC).write_text(rewritten, encoding="utf-8")
    assert run(root, "check").returncode == 0

    def assert_writers_work_holds(step: str) -> None:
        after = _timeline(root)
        ids = [s["id"] for s in after]
        assert len(ids) == len(set(ids)), step
        assert [i for i in ids if i in order] == order, f"{step}: the writer's order changed"
        rejected = [s for s in after if s["id"] == gap["id"]]
        assert len(rejected) == 1 and rejected[0]["status"] == "rejected", f"{step}: the rejection was lost"
        # the rejected statement is not back under another id (the paragraph's other
        # statements, and what the fixed word newly says, are other facts)
        again = [s for s in after if gap_ref in s["sources"] and s.get("action") == gap.get("action")]
        assert again == rejected, f"{step}: a rejected claim came back: {again}"
        edited = [s for s in after if hole_ref in s["sources"] and s.get("action") == hole.get("action")]
        assert [(s["id"], s["status"], s["text"]) for s in edited] == [
            (hole["id"], "edited", "催收团队会打电话与你沟通还款事宜。")], f"{step}: {edited}"
        kept = next(s for s in after if s["id"] == noted["id"])
        assert kept["note"] == "上门的说法待核实", step
        text = (root / TOPIC).read_text(encoding="utf-8")
        assert "product: huabei  # 审核人：小王" in text, step
        assert f"# 这一条请法务再看一下\n- id: {noted['id']}" in text, step

    # 1. the writers' guide: fix the censored words in the article's paragraph
    article = root / article_rel
    article.write_text(article.read_text(encoding="utf-8").replace("通过短信、 、邮件", "通过短信、电话、邮件", 1)
                       .replace("无法通过 联系", "无法通过电话联系", 1), encoding="utf-8")
    assert run(root, "ingest").returncode == 0 and run(root, "extract").returncode == 0
    assert_writers_work_holds("after fixing the source paragraph")

    # 2. a re-scrape changes one word in the paragraph of the noted claim
    source = root / "data/sources/003_b85ce5825ee596e3.txt"
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    import re

    said = (noted.get("evidence") or [{}])[0].get("quote") or noted.get("quote") or noted["text"]
    words = max(re.findall(r"[\u4e00-\u9fff]{6,}", said), key=len)  # the source has ASCII punctuation
    at = next(i for i, line in enumerate(lines) if words in line)
    assert "蚂蚁金服" in lines[at]
    lines[at] = lines[at].replace("蚂蚁金服", "蚂蚁集团", 1)
    source.write_text("".join(lines), encoding="utf-8")
    assert run(root, "ingest").returncode == 0 and run(root, "extract").returncode == 0
    assert_writers_work_holds("after a re-scrape")
    now = next(s for s in _timeline(root) if s["id"] == noted["id"])
    assert "蚂蚁集团" in ((now.get("evidence") or [{}])[0].get("quote") or now["text"]), "the machine claim updates"

    # 3. the source is renamed
    source.rename(root / "data/sources/huabei-cuishou-liucheng.txt")
    assert run(root, "ingest").returncode == 0 and run(root, "extract").returncode == 0
    assert_writers_work_holds("after renaming the source")
    assert sorted(p.name for p in (root / "data/articles").glob("*.yml")).count("003-b85ce5825ee596e3.yml") == 1
    assert not (root / "data/articles/huabei-cuishou-liucheng.yml").exists(), "a second article for the same source"
    assert yaml.safe_load(article.read_text(encoding="utf-8"))["source"] == "data/sources/huabei-cuishou-liucheng.txt"

    # 4. and the build
    result = run(root, "build")
    assert result.returncode == 0, result.stderr
    assert_writers_work_holds("after the build")
    before = (root / TOPIC).read_bytes()
    assert run(root, "build").returncode == 0
    assert (root / TOPIC).read_bytes() == before, "a second build changed the writer's file"


def test_a_new_machine_stage_is_placed_by_day(machine_project: Path) -> None:
    root = machine_project
    sources = root / "data/sources"
    (sources / "huabei-late.txt").write_text(
        "花呗逾期一个月以后\n\n发布时间：2024-07-01\n\n一、催收流程\n\n"
        "1. 委外催收：逾期第30天起，平台会委托第三方机构催收。\n", encoding="utf-8")
    assert run(root, "ingest").returncode == 0 and run(root, "extract").returncode == 0
    (sources / "huabei-week.txt").write_text(
        "花呗逾期一周会怎样\n\n发布时间：2024-07-02\n\n一、催收流程\n\n"
        "1. 电话提醒：逾期第7天起，客服会打电话提醒你还款。\n", encoding="utf-8")
    assert run(root, "ingest").returncode == 0 and run(root, "extract").returncode == 0
    after = _timeline(root)
    late = next(i for i, s in enumerate(after) if s["sources"][0].startswith("huabei-late#"))
    week = next(i for i, s in enumerate(after) if s["sources"][0].startswith("huabei-week#"))
    assert after[week]["days"] == [7, None] and after[late]["days"] == [30, None]
    assert week < late, "the day-7 stage was appended after the day-30 one"
    assert all(not s.get("days") or s["days"][0] is None or s["days"][0] <= 7 for s in after[:week])


def test_editing_a_machine_claims_text_keeps_the_comment_above_the_next_one(machine_project: Path) -> None:
    root = machine_project
    path = root / TOPIC
    first, second = _timeline(root)[:2]
    text = path.read_text(encoding="utf-8").replace(first["text"], "改写后的第一条。", 1)
    text = text.replace(f"- id: {second['id']}\n", f"# 第二条的注释\n- id: {second['id']}\n", 1)
    path.write_text(text, encoding="utf-8")
    assert run(root, "extract").returncode == 0
    after = path.read_text(encoding="utf-8")
    assert f"# 第二条的注释\n- id: {second['id']}" in after
    edited = next(s for s in _timeline(root) if s["id"] == first["id"])
    assert (edited["status"], edited["text"]) == ("edited", "改写后的第一条。")


def test_comments_stay_above_what_they_stood_above_when_records_come_and_go() -> None:
    from creditfaq.yamlio import update

    text = ("product: x  # 审核人\ntimeline:\n# 顺序已核对\n- id: a\n  text: one\n  fingerprint: '11111111'\n"
            "# 关于 b\n- id: b\n  days: [1, 3]\n# 关于 c\n- id: c\n  text: three  # 行尾\n  fingerprint: '33333333'\n"
            "# 关于 credit\ncredit: []\n")
    data = yaml.safe_load(text)
    a, b, c = data["timeline"]
    a = {k: v for k, v in a.items() if k != "fingerprint"}  # a key that held the comment below it goes
    new = {"id": "n", "text": "new", "days": [2, 2]}
    out = update(text, {"product": "x", "timeline": [a, new, c], "credit": []})
    assert yaml.safe_load(out) == {"product": "x", "timeline": [a, new, c], "credit": []}
    for comment in ("# 审核人", "# 顺序已核对", "# 关于 b", "# 关于 c", "# 行尾", "# 关于 credit"):
        assert comment in out, (comment, out)
    # b went: its comment and c's now stand above c; the new record is where it was put
    assert out.index("- id: n") < out.index("# 关于 b") < out.index("# 关于 c") < out.index("- id: c")
    assert out.index("# 关于 credit") > out.index("- id: c") and out.index("# 关于 credit") < out.index("credit:")


MIGRATION_SOURCE = """京东白条逾期以后会经历什么
作者：编辑部
一、还款日当天
京东白条会先从绑定的银行卡自动扣款。
二、逾期1-3天
这几天会收到京东金融APP的推送和短信提醒。
三、逾期4-15天
客服会打电话催收，每天按未还金额收取罚息。
四、逾期30天以上
可能会联系你填写的紧急联系人，也可能委托第三方催收公司。
五、征信
京东白条逾期满7天通常会报送征信，结清后记录还会保留5年。
"""


def _old_format(record: dict) -> dict:
    """A record as the sentence-level extractor wrote it: the source's words as its text, no
    action, hedge or quote, and the fingerprint of that."""
    from creditfaq.merge import CLAIM_MACHINE_FIELDS, content_hash
    from creditfaq.model import CreditImpact, OverdueStage

    old = {k: v for k, v in record.items() if k not in ("action", "hedge", "quote", "evidence", "fingerprint")}
    old["text"] = (record.get("evidence") or [{}])[0].get("quote") or record["text"]
    model = OverdueStage if record["id"].startswith("stage-") else CreditImpact
    old["fingerprint"] = content_hash(model.model_validate(old), CLAIM_MACHINE_FIELDS)
    return old


def test_a_writer_edited_topic_file_of_the_old_model_keeps_every_edit_under_the_clause_extractor(project: Path) -> None:
    """Migration (issue 10): a topic file written before facts had an action, a hedge and a
    quote, then edited by a writer (an edit, a rejection, an editorial claim, a note, a
    comment and an order of their own), goes through the new extractor with all of it."""
    (project / "data/sources/zz-baitiao-steps.txt").write_text(MIGRATION_SOURCE, encoding="utf-8")
    assert run(project, "ingest").returncode == 0
    assert run(project, "extract").returncode == 0
    path = project / "data/topics/jd-baitiao.yml"
    fresh = yaml.safe_load(path.read_text(encoding="utf-8"))
    timeline = [_old_format(r) for r in fresh["timeline"]]
    credit = [_old_format(r) for r in fresh["credit"]]
    assert len(timeline) >= 5 and len(credit) >= 2
    by_action = {r["action"]: r for r in fresh["timeline"]}
    edited_id, rejected_id = by_action["电话催收"]["id"], by_action["委外催收"]["id"]
    untouched_id = by_action["自动扣款"]["id"]
    for r in timeline:
        if r["id"] == edited_id:
            r.update(status="edited", text="京东白条逾期第4天起会有客服来电。")
        elif r["id"] == rejected_id:
            r.update(status="rejected", note="来源只说可能，先不发布")
    moved = timeline.pop()  # the writer's own order: the last step first
    timeline.insert(0, moved)
    credit.append({"id": "credit-writer-1", "status": "editorial", "text": "逾期记录可以在征信中心查询。",
                   "regulations": [yaml.safe_load((project / "data/regulations.yml").read_text(encoding="utf-8"))
                                   ["regulations"][0]["id"]]})
    body = yaml.safe_dump({"product": "jd-baitiao", "timeline": timeline, "credit": credit}, allow_unicode=True,
                          sort_keys=False)
    anchor = f"- id: {untouched_id}\n"
    assert anchor in body
    path.write_text(body.replace(anchor, "# 编辑：自动扣款这一步已向客服核实\n" + anchor), encoding="utf-8")

    result = run(project, "extract")
    assert result.returncode == 0, result.stdout + result.stderr
    text = path.read_text(encoding="utf-8")
    after = yaml.safe_load(text)
    by_id = {r["id"]: r for kind in ("timeline", "credit") for r in after.get(kind) or []}
    assert by_id[edited_id]["status"] == "edited" and by_id[edited_id]["text"] == "京东白条逾期第4天起会有客服来电。"
    assert by_id[rejected_id]["status"] == "rejected" and by_id[rejected_id]["note"] == "来源只说可能，先不发布"
    assert [r["id"] for r in after["timeline"]][0] == moved["id"], "the writer's order was lost"
    assert "credit-writer-1" in by_id and by_id["credit-writer-1"]["status"] == "editorial"
    assert "# 编辑：自动扣款这一步已向客服核实\n" + f"- id: {untouched_id}\n" in text, "the comment moved or was lost"
    # the untouched old records are upgraded in place: same id, the new model's fields, not called edited
    upgraded = by_id[untouched_id]
    assert upgraded["status"] == "machine" and upgraded["action"] == "自动扣款" and upgraded.get("evidence")
    assert len(after["timeline"]) == len(timeline) and len(after["credit"]) == len(credit), "a record was added twice"

    assert run(project, "render").returncode == 0
    page = (project / "docs/generated/products/jd-baitiao.md").read_text(encoding="utf-8")
    assert "京东白条逾期第4天起会有客服来电。" in page and "来源只说可能" not in page


def test_the_publication_gate_holds_back_what_an_editor_would_strike_and_tells_writers(project: Path) -> None:
    """A machine claim with a censored gap, a question or a lost list never reaches the page;
    the report lists it with its file, line and reason; the same words set `edited` by a
    writer are published as the writer wrote them."""
    path = project / TOPIC
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    held = {"timeline": "平台会通过短信、 、邮件提醒你还款。", "credit": "逾期多久会上征信？"}
    for kind, text in held.items():
        data.setdefault(kind, []).insert(0, {"id": f"{'stage' if kind == 'timeline' else kind}-held-1",
                                             "status": "machine", "text": text,
                                             "sources": [data["timeline"][-1]["sources"][0]] if data.get("timeline")
                                             else []})
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert run(project, "render").returncode == 0
    page = (project / "docs/generated/products/huabei.md").read_text(encoding="utf-8")
    assert "邮件提醒你还款" not in page and "逾期多久会上征信？" not in page.split("## 读者常问")[0]
    report = run(project, "report")
    lines = [l for l in report.stdout.splitlines() if "未发布的机器说法" in l]
    assert any(l.startswith(f"{TOPIC}:") and "审查空缺" in l for l in lines), report.stdout
    assert any("不是陈述" in l for l in lines), report.stdout

    data["timeline"][0]["status"] = "edited"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert run(project, "render").returncode == 0
    assert "邮件提醒你还款" in (project / "docs/generated/products/huabei.md").read_text(encoding="utf-8")


def test_two_complaint_routes_of_one_sentence_keep_their_own_ids_and_rejections(project: Path) -> None:
    (project / "data/sources/zz-routes.txt").write_text(
        "京东白条催收投诉\n遇到京东白条违规催收，可以拨打12378投诉，受到威胁时直接拨打110报警。\n", encoding="utf-8")
    assert run(project, "ingest").returncode == 0 and run(project, "extract").returncode == 0
    path = project / "data/topics/jd-baitiao.yml"  # the sentence names the product
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    routes = [r for r in data["rights"] if r.get("action") == "投诉渠道"]
    by_route = {("12378" if "12378" in r["text"] else "110"): r for r in routes}
    assert set(by_route) == {"12378", "110"}
    by_route["12378"]["status"] = "rejected"
    data["rights"].remove(by_route["110"])
    data["rights"].insert(0, by_route["110"])  # the writer's own order
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert run(project, "extract").returncode == 0
    after = {r["id"]: r for r in yaml.safe_load(path.read_text(encoding="utf-8"))["rights"]}
    assert after[by_route["12378"]["id"]]["status"] == "rejected" and "12378" in after[by_route["12378"]["id"]]["text"]
    assert "110" in after[by_route["110"]["id"]]["text"]


def test_an_approved_claim_is_published_as_it_is_kept_by_extract_and_a_review_date_in_the_future_is_refused(
        project: Path) -> None:
    from creditfaq.yamlio import load_located

    path = project / TOPIC
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    kinds = [k for k in ("timeline", "credit", "rights") if data.get(k)]
    kind = kinds[0]
    data[kind][0]["status"] = "approved"
    approved = data[kind][0]
    data["reviewed"] = "2999-01-01"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run(project, "check")
    assert result.returncode == 1 and "审核日期 2999-01-01 在今天" in result.stderr, result.stderr
    line = load_located(path.read_text(encoding="utf-8"))[0].where(("reviewed",))[0]
    assert f"{TOPIC}:{line}:" in result.stderr, "the message points at the reviewed: line"

    data["reviewed"] = "2024-06-01"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert run(project, "extract").returncode == 0
    after = yaml.safe_load(path.read_text(encoding="utf-8"))
    kept = next(c for c in after[kind] if c["id"] == approved["id"])
    assert kept["status"] == "approved" and kept["text"] == approved["text"]
    report = run(project, "report").stdout
    machine_left = any(c.get("status") == "machine" for k in kinds for c in after[k])
    assert ("`reviewed:` 已填写（2024-06-01）" in report) == machine_left
