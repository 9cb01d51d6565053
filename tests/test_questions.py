"""Reader questions: from related titles and headings, merged, linked, and writer-safe."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from conftest import run
from creditfaq.model import Paragraph, Product, Section, SourceArticle
from creditfaq.questions import collect, question_key, question_topic

PRODUCTS = [Product(id="huabei", name="花呗", aliases=["花唄"]), Product(id="rongyi-huabei", name="融易花呗"),
            Product(id="jiebei", name="借呗")]


def _article(aid: str, related: list[str], headings: tuple[str, ...] = ()) -> SourceArticle:
    sections = [Section(heading=h, paragraphs=[Paragraph(id=f"p-{i:08x}", text="花呗逾期会上征信。")])
                for i, h in enumerate(headings or ("",))]
    return SourceArticle(id=aid, title="花呗逾期说明", source="s", source_sha256="0" * 64, encoding="utf-8",
                         sections=sections, related_titles=related)


def test_padding_and_year_do_not_make_a_new_question() -> None:
    assert question_key("2021年花呗上征信情况解析") == question_key("花呗上征信情况")
    assert question_key("花呗逾期对征信的影响及应对策略") == question_key("花呗逾期对征信的影响")


def test_near_identical_questions_merge_across_articles() -> None:
    index = collect([_article("a", ["花呗逾期对征信的影响及应对策略"]), _article("b", ["花呗逾期对征信的影响解析"])],
                    PRODUCTS)
    [question] = index.by_product["huabei"]
    assert question.sources == ["a", "b"] and question.variants == ["花呗逾期对征信的影响解析"]


def test_questions_differing_in_days_or_product_stay_apart() -> None:
    index = collect([_article("a", ["花呗逾期5天对征信的影响", "花呗逾期15天对征信的影响", "融易花呗逾期对征信的影响",
                                    "花呗逾期对征信的影响"])], PRODUCTS)
    assert len(index.by_product["huabei"]) == 3
    assert [q.days for q in index.by_product["huabei"][:2]] == [(5, 5), (15, 15)]
    assert [q.text for q in index.by_product["rongyi-huabei"]] == ["融易花呗逾期对征信的影响"]  # longest alias


def test_topic_days_products_and_off_topic_teasers() -> None:
    index = collect([_article("a", ["借呗晚还一天会被催收吗", "花唄逾期三天怎麼辦", "离婚第二天可以复婚吗",
                                    "京东白条与借呗的征信影响"], headings=("花呗逾期后怎么办？",))], PRODUCTS)
    jiebei = index.by_product["jiebei"][0]
    assert jiebei.topic == "催收权益" and jiebei.days == (1, 1)
    traditional = next(q for q in index.by_product["huabei"] if q.text == "花唄逾期三天怎麼辦")
    assert traditional.days == (3, 3) and traditional.topic == "逾期时间线"
    assert any(q.text == "花呗逾期后怎么办？" for q in index.by_product["huabei"]), "question-like headings count"
    assert index.off_topic == 1
    assert question_topic("招联金融协商还款") == "协商还款"


def test_seed_questions_resolve_to_registered_products(project: Path) -> None:
    result = run(project, "extract")
    m = re.search(r"questions: 点名产品的 (\d+) 个读者问题中，有 (\d+) 个对应到已登记的产品（([\d.]+)%）",
                  result.stderr)
    assert m, result.stderr
    naming, resolved, share = int(m.group(1)), int(m.group(2)), float(m.group(3))
    assert naming >= 150 and share >= 95.0 and resolved == round(naming * share / 100)
    jiebei = yaml.safe_load((project / "data/topics/jiebei.yml").read_text(encoding="utf-8"))
    assert any("借呗晚还一天" in q["text"] for q in jiebei["questions"])
    general = yaml.safe_load((project / "data/questions.yml").read_text(encoding="utf-8"))["questions"]
    assert all(len(q.get("products", [])) != 1 for q in general)
    everything = (project / "data/questions.yml").read_text(encoding="utf-8") + "".join(
        p.read_text(encoding="utf-8") for p in (project / "data/topics").glob("*.yml"))
    assert "离婚" not in everything and "锻炼" not in everything


def test_writers_question_edits_survive(machine_project: Path) -> None:
    project = machine_project
    path = project / "data/topics/jiebei.yml"
    topic = yaml.safe_load(path.read_text(encoding="utf-8"))
    first, second, third = topic["questions"][:3]
    first.update(text="借呗上征信吗？", status="edited")
    second["status"] = "rejected"
    third["topic"] = "开通与使用"  # corrected in place, status left as machine
    path.write_text(yaml.safe_dump(topic, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert run(project, "extract").returncode == 0
    after = {q["id"]: q for q in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]}
    assert after[first["id"]]["text"] == "借呗上征信吗？"
    assert after[second["id"]]["status"] == "rejected"
    assert after[third["id"]]["status"] == "edited" and after[third["id"]]["topic"] == "开通与使用"
    assert run(project, "build").returncode == 0
    page = (project / "site/products/jiebei/index.html").read_text(encoding="utf-8")
    assert second["text"] not in page and "借呗上征信吗？" in page


def test_question_links_lead_to_the_answering_section(built_site: Path) -> None:
    from bs4 import BeautifulSoup

    # whatever the data: a question links only to a section of its page that publishes facts;
    # one nothing answers says so
    for path in (built_site / "products").glob("*/index.html"):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        section = page.find("h2", id="questions")
        if section is None:
            continue
        for li in section.find_next("ul").find_all("li"):
            a = li.find("a", href=True)
            if a is None:
                assert "暂无可靠回答" in li.get_text(), f"{path}: {li.get_text()}"
                continue
            if "questions/#" in a["href"]:
                assert "其余" in li.get_text(), "only the line to the rest leaves the page"
                continue
            assert a["href"] in ("#timeline", "#credit", "#rights"), a["href"]
            target = page.find("h2", id=a["href"][1:])
            assert target is not None and target.find_next("li") is not None, f"{path}: {a['href']} is empty"


def test_a_question_is_answered_only_by_a_fact_of_what_it_asks_and_of_its_day() -> None:
    from creditfaq.model import CreditImpact, OverdueStage, Question, TopicFile
    from creditfaq.render import answering

    topic = TopicFile(product="demo-pay",
                      timeline=[OverdueStage(id="stage-a", status="editorial", days=(3, None), text="示例付逾期第3天起会打电话。",
                                             action="电话催收")],
                      credit=[CreditImpact(id="credit-a", status="editorial", text="示例付的逾期记录会影响贷款。", action="影响贷款")])

    def q(text: str, topic_name: str, days=None) -> Question:
        return Question(id="q-0000000a", status="machine", text=text, topic=topic_name, days=days)

    assert answering(q("示例付逾期第5天会打电话吗", "逾期时间线", (5, 5)), topic) == "timeline"
    assert answering(q("示例付逾期第1天会打电话吗", "逾期时间线", (1, 1)), topic) is None, "no fact of day 1"
    assert answering(q("示例付逾期会上门吗", "逾期时间线"), topic) is None, "no fact of visits"
    assert answering(q("示例付逾期对征信的影响", "征信影响"), topic) == "credit"
    assert answering(q("示例付逾期一天会上征信吗", "征信影响", (1, 1)), topic) is None, "nothing says when it is reported"
    assert answering(q("示例付征信记录对公务员政审的影响", "征信影响"), topic) is None, "nothing speaks of 政审"
    # a day question about the report is filed under the timeline for its day; a credit fact of
    # that day answers it (a writer's approved 逾期第1–3天通常不会上报征信 was shown as unanswered)
    asked = q("示例付逾期一天会上征信吗", "逾期时间线", (1, 1))
    assert answering(asked, topic) is None
    reported = topic.model_copy(update={"credit": [CreditImpact(
        id="credit-b", status="approved", days=(1, 3), text="示例付逾期第1–3天，通常不会上报征信。", action="上报征信",
        sources=["a#p-00000001"])]})
    assert answering(asked, reported) == "credit"
    assert answering(q("示例付逾期十天会上征信吗", "逾期时间线", (10, 10)), reported) is None, "nothing of day 10"
    # a question filed under collection for 起诉 is answered by the timeline's lawsuit step
    sued = topic.model_copy(update={"timeline": [*topic.timeline, OverdueStage(
        id="stage-b", status="editorial", days=(90, None), text="示例付逾期第90天起可能起诉。", action="起诉")]})
    assert answering(q("示例付逾期后多久会被起诉？", "催收权益", (1, None)), sued) == "timeline", "逾期后 names no day"
    assert answering(q("示例付逾期后多久会被起诉？", "催收权益"), topic) is None, "no lawsuit step"
    # a day and no step: any step of that day answers it
    assert answering(q("示例付逾期五天会怎样", "逾期时间线", (5, 5)), topic) == "timeline"
    assert answering(q("示例付逾期一天会怎样", "逾期时间线", (1, 1)), topic) is None, "no step on day 1"


def test_sources_that_disagree_are_both_kept_and_marked(project: Path) -> None:
    (project / "data/sources/huabei-fast.txt").write_text(
        "花呗逾期多久上征信\n\n发布时间:2024-03-01\n\n花呗逾期1天就会上征信,所以一定要按时还款。\n", encoding="utf-8")
    (project / "data/sources/huabei-slow.txt").write_text(
        "花呗逾期几天会上征信\n\n发布时间:2024-03-05\n\n一般来说花呗逾期超过30天才会上报征信,短期逾期影响不大。\n",
        encoding="utf-8")
    assert run(project, "ingest").returncode == 0
    assert run(project, "extract").returncode == 0
    credit = yaml.safe_load((project / "data/topics/huabei.yml").read_text(encoding="utf-8"))["credit"]
    fast = next(c for c in credit if c["sources"][0].startswith("huabei-fast#"))
    slow = next(c for c in credit if c["sources"][0].startswith("huabei-slow#"))
    assert fast.get("disputed") is True and slow.get("disputed") is True
    assert not any(c.get("disputed") for c in credit if c["sources"][0].startswith("003-"))
    assert run(project, "build").returncode == 0
    page = (project / "site/products/huabei/index.html").read_text(encoding="utf-8")
    assert page.count("来源说法不一") >= 4  # the summary box, the warning and both claims
    from bs4 import BeautifulSoup

    assert "来源说法不一" in BeautifulSoup(page, "lxml").select_one(".cf-infobox").get_text()


def test_a_question_like_heading_is_asked_without_its_numbering() -> None:
    article = _article("n-1", [], ("六、催收不能做什么", "（二）花呗逾期多久会上征信？", "第三部分：征信有问题怎么办",
                                   "3. 怎么投诉催收"))
    index = collect([article], PRODUCTS)
    asked = {q.text for q in [*index.general, *(q for qs in index.by_product.values() for q in qs)]}
    assert {"催收不能做什么", "花呗逾期多久会上征信？", "征信有问题怎么办", "怎么投诉催收"} <= asked
    assert not any(re.match(r"[一二三四五六七八九十\d（(第]", t) for t in asked)


def test_slang_for_a_crowded_credit_report_is_not_offered_as_a_product_name() -> None:
    from creditfaq.questions import product_like_names

    assert product_like_names("征信花了多久能恢复") == []  # "征信花了": too many inquiries
    assert product_like_names("唯品花逾期一天怎么办") == ["唯品花"]
