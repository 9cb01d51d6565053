"""Writers' edits survive re-runs of ingest and extract."""

from __future__ import annotations

from pathlib import Path

import yaml

from conftest import run

TOPIC = "data/topics/xiaohua-qianbao.yml"


def _load(project: Path, rel: str) -> dict:
    return yaml.safe_load((project / rel).read_text(encoding="utf-8"))


def _save(project: Path, rel: str, data: dict) -> None:
    (project / rel).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


# A source of the tests' own with several steps, so that what the tests edit does not depend
# on what the shipped seeds happen to say.
STEPS_SOURCE = """京东白条逾期后的几个阶段
一、还款日当天
京东白条会先从绑定的银行卡自动扣款。
二、逾期1-3天
这几天会收到短信提醒。
三、逾期4-15天
客服会打电话催收。
四、逾期30天以上
可能委托第三方催收公司。
"""
OWN_TOPIC = "data/topics/jd-baitiao.yml"


def test_edited_rejected_and_editorial_claims_survive_extract(machine_project: Path) -> None:
    project = machine_project
    (project / "data/sources/zz-own-steps.txt").write_text(STEPS_SOURCE, encoding="utf-8")
    assert run(project, "ingest").returncode == 0 and run(project, "extract").returncode == 0
    TOPIC = OWN_TOPIC  # noqa: N806
    topic = _load(project, TOPIC)
    edited, rejected = topic["timeline"][1], topic["timeline"][2]
    edited.update(text="催收方不得把你的欠款告诉通讯录里的联系人。", status="edited")
    rejected["status"] = "rejected"
    topic.setdefault("credit", []).insert(0, {"id": "credit-0000abcd", "status": "editorial", "text": "逾期记录会保留在征信报告里。",
                               "note": "writer's own wording, pending a regulation id"})
    stage = topic["timeline"][0]
    stage["days"] = [-3, 0]  # a machine claim corrected in place, status left as machine
    _save(project, TOPIC, topic)

    result = run(project, "extract")
    assert result.returncode == 0, result.stderr
    after = _load(project, TOPIC)
    by_id = {c["id"]: c for k in ("timeline", "credit", "rights") for c in after.get(k, [])}
    assert by_id[edited["id"]]["text"] == "催收方不得把你的欠款告诉通讯录里的联系人。"
    assert by_id[edited["id"]]["status"] == "edited"
    assert by_id[rejected["id"]]["status"] == "rejected"
    assert sum(c["id"] == rejected["id"] for c in after["timeline"]) == 1, "a rejected claim came back"
    assert after["credit"][0]["id"] == "credit-0000abcd", "the writer's ordering was lost"
    assert after["credit"][0]["note"].startswith("writer's own wording")
    assert by_id[stage["id"]]["days"] == [-3, 0]
    assert by_id[stage["id"]]["status"] == "edited", "a hand-corrected machine claim must be marked edited"

    # and a second run changes nothing
    before = (project / TOPIC).read_bytes()
    assert run(project, "extract").returncode == 0
    assert (project / TOPIC).read_bytes() == before


def test_rejected_claims_are_not_published(machine_project: Path) -> None:
    project = machine_project
    topic = _load(project, TOPIC)
    rejected = topic["timeline"][0]
    rejected["status"] = "rejected"
    _save(project, TOPIC, topic)
    assert run(project, "render").returncode == 0
    page = (project / "docs/generated/products/xiaohua-qianbao.md").read_text(encoding="utf-8")
    assert rejected["text"][:15] not in page.replace("\\", "")
    assert topic["timeline"][1]["text"][:15] in page.replace("\\", "")


def test_extract_never_overwrites_a_broken_topic_file(project: Path) -> None:
    broken = (project / TOPIC).read_text(encoding="utf-8") + "timeline: [oops\n"
    (project / TOPIC).write_text(broken, encoding="utf-8")
    result = run(project, "extract")
    assert result.returncode == 1
    assert f"{TOPIC}:" in result.stderr
    assert (project / TOPIC).read_text(encoding="utf-8") == broken


def test_a_writers_fix_to_an_article_survives_ingest(machine_project: Path) -> None:
    project = machine_project
    rel = "data/articles/003-b85ce5825ee596e3.yml"
    text = (project / rel).read_text(encoding="utf-8")
    assert "通过短信、 、邮件" in text
    assert "detail: …蚁金服会通过短信、 、邮件" in text
    fixed = text.replace("通过短信、 、邮件", "通过短信、电话、邮件", 1)  # the paragraph, not the defect note
    (project / rel).write_text(fixed, encoding="utf-8")
    assert run(project, "ingest").returncode == 0
    after = (project / rel).read_text(encoding="utf-8")
    assert "text: 1. 提醒通知：花呗逾期后，蚂蚁金服会通过短信、电话、邮件等方式" in after
    assert "通过短信、 、邮件" not in after, "the fixed gap is still listed as a defect"
    assert "催收 ：" in after, "other defects must stay listed"
    assert run(project, "ingest").returncode == 0
    assert (project / rel).read_text(encoding="utf-8") == after


def test_ingest_never_overwrites_a_broken_article_file(project: Path) -> None:
    rel = "data/articles/000-135ab216341479b2.yml"
    broken = (project / rel).read_text(encoding="utf-8").replace("title:", "title: [", 1)
    (project / rel).write_text(broken, encoding="utf-8")
    result = run(project, "ingest")
    assert result.returncode == 1
    assert rel in result.stderr
    assert (project / rel).read_text(encoding="utf-8") == broken


def test_paragraphs_a_writer_adds_survive_ingest_and_close_the_defect(machine_project: Path) -> None:
    project = machine_project
    """A writer restores the list a scraped page lost, under its lead-in heading."""
    rel = "data/articles/000-135ab216341479b2.yml"
    article = _load(project, rel)
    assert any(d["kind"] == "lost-list" and d["where"] == "建议做法：" for d in article["defects"])
    section = next(s for s in article["sections"] if s.get("heading") == "建议做法：")
    assert not section.get("paragraphs")
    section["paragraphs"] = [
        {"id": "w-advice-1", "text": "1. 先登录APP查看应还金额，能还多少先还多少。", "kind": "item"},
        {"id": "w-advice-2", "text": "2. 主动联系客服说明情况，询问能否延期或分期。", "kind": "item"},
    ]
    # and one more after an existing paragraph of another section
    first = next(s for s in article["sections"] if s.get("paragraphs"))
    anchor = first["paragraphs"][0]["id"]
    first["paragraphs"].insert(1, {"id": "w-note", "text": "编者注：各平台的做法不尽相同。"})
    _save(project, rel, article)

    assert run(project, "ingest").returncode == 0
    after = _load(project, rel)
    section = next(s for s in after["sections"] if s.get("heading") == "建议做法：")
    assert [p["id"] for p in section["paragraphs"]] == ["w-advice-1", "w-advice-2"]
    first = next(s for s in after["sections"] if s.get("paragraphs"))
    assert [p["id"] for p in first["paragraphs"][:2]] == [anchor, "w-note"]
    assert not any(d["kind"] == "lost-list" and d["where"] == "建议做法：" for d in after.get("defects", []))

    assert run(project, "build").returncode == 0
    page = (project / "site/articles/000-135ab216341479b2/index.html").read_text(encoding="utf-8")
    assert "主动联系客服说明情况" in page and 'id="w-advice-2"' in page


def test_writers_comments_and_ordering_survive_extract_with_new_claims(machine_project: Path) -> None:
    project = machine_project
    path = project / TOPIC
    text = path.read_text(encoding="utf-8")
    # a writer moves the last timeline stage to the top and annotates the file
    topic = _load(project, TOPIC)
    stage_ids = [c["id"] for c in topic["timeline"]]
    lines = text.splitlines(keepends=True)
    text = text.replace("product: xiaohua-qianbao\n", "product: xiaohua-qianbao  # 审核人：小王\n")
    text = text.replace("timeline:\n", "timeline:\n# 下面的阶段顺序已人工核对，请勿调整\n", 1)
    text = text.replace(f"- id: {stage_ids[1]}\n", f"# 这一条需要补充天数\n- id: {stage_ids[1]}\n", 1)
    path.write_text(text, encoding="utf-8")
    assert len(lines) > 10

    # a new source brings new machine claims for the same product: a step of a kind the topic
    # has none of (a dated step makes an undated one of its kind say nothing more, by design)
    steps = {"电话催收": "1. 电话提醒:逾期第三天起,客服会打电话提醒还款。", "委外催收": "2. 委外:逾期第六十天起,会委托第三方催收机构处理。",
             "律师函": "3. 律师函:逾期第九十天起,会寄送律师函。", "上门": "4. 上门:逾期第一百二十天起,可能安排上门走访。"}
    have = {c.get("action") for c in topic["timeline"]}
    step = next(line for action, line in steps.items() if action not in have)
    (project / "data/sources/xiaohua-extra.txt").write_text(
        "小花钱包逾期以后会怎样\n\n发布时间:2024-07-01\n\n一、催收流程\n\n"
        f"{step}\n"
        "小花钱包逾期后可能上报征信,影响个人信用记录。\n"
        "催收人员不得骚扰借款人的亲友。\n", encoding="utf-8")
    assert run(project, "ingest").returncode == 0
    assert run(project, "extract").returncode == 0

    after = path.read_text(encoding="utf-8")
    for comment in ("# 审核人：小王", "# 下面的阶段顺序已人工核对，请勿调整", "# 这一条需要补充天数"):
        assert comment in after, comment
    assert after.index("# 这一条需要补充天数") < after.index(f"- id: {stage_ids[1]}")
    new = _load(project, TOPIC)
    assert [c["id"] for c in new["timeline"]][:len(stage_ids)] == stage_ids, "existing order kept"
    assert any("xiaohua-extra#" in c["sources"][0] for c in new["timeline"][len(stage_ids):]), "new stage appended"
    assert any("xiaohua-extra#" in c["sources"][0] for c in new.get("credit", []))
    assert run(project, "check").returncode == 0


def test_an_improved_extractor_updates_machine_claims_without_calling_them_edited(machine_project: Path) -> None:
    project = machine_project
    """What an older extractor wrote (days unknown), stamped with its fingerprint, is replaced
    by what the current one finds; only a writer's change makes a claim `edited`."""
    from creditfaq.merge import content_hash
    from creditfaq.model import OverdueStage

    topic = _load(project, TOPIC)
    stage = next(c for c in topic["timeline"] if c.get("days"))
    stage_days = stage.pop("days")
    stage["fingerprint"] = content_hash(OverdueStage.model_validate(stage), frozenset({"disputed"}))
    _save(project, TOPIC, topic)
    assert run(project, "extract").returncode == 0
    after = next(c for c in _load(project, TOPIC)["timeline"] if c["id"] == stage["id"])
    assert after["status"] == "machine" and after["days"] == stage_days


def test_the_review_date_survives_extract(project: Path) -> None:
    path = project / TOPIC
    path.write_text(path.read_text(encoding="utf-8").replace("product: xiaohua-qianbao\n",
                                                             "product: xiaohua-qianbao\nreviewed: 2026-11-20\n"),
                    encoding="utf-8")
    (project / "data/sources/xiaohua-more.txt").write_text(
        "小花钱包逾期一周\n\n小花钱包逾期一周后可能上报征信。\n", encoding="utf-8")
    assert run(project, "ingest").returncode == 0 and run(project, "extract").returncode == 0
    assert str(_load(project, TOPIC)["reviewed"]) == "2026-11-20"


def test_a_title_a_writer_wrote_survives_ingest_and_answers_the_no_title_defect(machine_project: Path) -> None:
    project = machine_project
    (project / "data/sources/demo-no-headline.txt").write_text(
        "今天想聊聊示例借逾期这件事。很多人都没算过逾期的代价。\n\n示例借逾期第3天会有客服打电话提醒还款。\n", encoding="utf-8")
    assert run(project, "ingest").returncode == 0
    rel = next(str(p.relative_to(project)) for p in (project / "data/articles").glob("*.yml")
               if "demo-no-headline" in p.read_text(encoding="utf-8"))
    article = _load(project, rel)
    assert any(d["kind"] == "no-title" for d in article.get("defects", []))
    article["title"] = "示例借逾期三天会怎样"
    _save(project, rel, article)
    assert run(project, "ingest").returncode == 0
    again = _load(project, rel)
    assert again["title"] == "示例借逾期三天会怎样"
    assert not any(d["kind"] == "no-title" for d in again.get("defects", []))
    assert run(project, "ingest").returncode == 0
    assert _load(project, rel)["title"] == "示例借逾期三天会怎样"


LEAD_INS = """分期乐逾期后怎么和平台协商
发布时间：2025-05-02
一、协商前的准备
协商之前，建议先把以下几件事做好：
二、协商时怎么说
要是对方一开始就拒绝，可以参考以下几种说法：
三、协商之后
最后一点，协商出来的还款方案一定要让平台以短信或者书面的形式确认下来。
"""


def test_a_lost_list_after_a_lead_in_paragraph_closes_when_put_back_or_reworded(project: Path) -> None:
    """The writer puts the first lead-in's list back after it (w- paragraphs) and rewords the
    second so it announces no list: both defects close, and both edits survive ingest."""
    (project / "data/sources/960_xieshang-jiqiao.txt").write_text(LEAD_INS, encoding="utf-8")
    assert run(project, "ingest").returncode == 0
    rel = "data/articles/960-xieshang-jiqiao.yml"
    article = _load(project, rel)
    lost = [d["where"] for d in article["defects"] if d["kind"] == "lost-list"]
    assert len(lost) == 2 and lost[0].startswith("协商之前") and lost[1].startswith("要是对方")
    for section in article["sections"]:
        paragraphs = section.get("paragraphs") or []
        for i, para in enumerate(paragraphs):
            if para["text"].startswith("协商之前"):
                paragraphs.insert(i + 1, {"id": "w-prepare-1", "text": "1. 算清楚每月最多能还多少。", "kind": "item"})
            elif para["text"].startswith("要是对方"):
                para["text"] = "要是对方一开始就拒绝，可以说明会按月还一部分，请对方再考虑。"
    _save(project, rel, article)

    assert run(project, "ingest").returncode == 0
    after = _load(project, rel)
    assert not [d for d in after.get("defects") or [] if d["kind"] == "lost-list"]
    texts = [p["text"] for s in after["sections"] for p in s.get("paragraphs") or []]
    assert "1. 算清楚每月最多能还多少。" in texts and "要是对方一开始就拒绝，可以说明会按月还一部分，请对方再考虑。" in texts
    # a lead-in left as it was stays listed
    (project / "data/sources/960_xieshang-jiqiao.txt").write_text(LEAD_INS.replace("三、协商之后\n", "三、协商之后\n另外，还需要准备以下材料：\n四、其他\n"),
                                                                 encoding="utf-8")
    assert run(project, "ingest").returncode == 0
    again = [d["where"] for d in _load(project, rel).get("defects") or [] if d["kind"] == "lost-list"]
    assert again == ["另外，还需要准备以下材料："]


def test_a_date_a_writer_corrects_survives_ingest(project: Path) -> None:
    (project / "data/sources/961_riqi.txt").write_text(
        "示例借逾期以后会怎样\n发布时间：2025-03-19\n示例借逾期第1天起按日收取罚息，第3天起会有电话提醒。\n", encoding="utf-8")
    assert run(project, "ingest").returncode == 0
    rel = "data/articles/961-riqi.yml"
    text = (project / rel).read_text(encoding="utf-8")
    assert "date: 2025-03-19" in text
    (project / rel).write_text(text.replace("date: 2025-03-19", "date: 2025-03-18"), encoding="utf-8")
    assert run(project, "ingest").returncode == 0
    assert "date: 2025-03-18" in (project / rel).read_text(encoding="utf-8"), "the writer's date is kept"
