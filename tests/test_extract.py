"""The clause-level extractor on hand-written articles in the shapes the web writes: days in
headings, item labels, table rows and questions; scope per clause; one fact per statement;
reader sentences made from the fact, the source's words kept as its quote."""

from __future__ import annotations

from creditfaq.clean import clean
from creditfaq.extract import GENERAL, extract
from creditfaq.model import Product
from creditfaq.readers import read_html, read_text

PRODUCTS = [Product(id="demo-pay", name="示例付", aliases=["示例月付"]), Product(id="demo-loan", name="示例借")]


def _article(text: str, aid: str = "a", reader=read_text):
    return clean(reader(text), article_id=aid, source=f"{aid}.txt", sha256="0" * 64, encoding="utf-8")


def _stages(found, scope: str) -> list:
    return found.timeline.get(scope, [])


def test_a_heading_gives_its_days_to_the_prose_under_it() -> None:
    found = extract([_article("示例付逾期以后会怎样\n二、逾期4-7天：人工介入\n这几天客服会打电话过来，语气比较客气。\n"
                              "三、逾期满30天\n账户额度会被冻结，同时计收罚息。\n")], PRODUCTS)
    stages = {(s.action, s.days) for s in _stages(found, "demo-pay")}
    assert ("电话催收", (4, 7)) in stages
    assert ("冻结额度", (30, None)) in stages and ("罚息", (30, None)) in stages


def test_item_labels_and_table_rows_carry_days() -> None:
    page = ("<html><body><article><h1>示例借逾期处理办法</h1><table><tr><th>逾期天数</th><th>处理</th></tr>"
            "<tr><td>1-3天</td><td>短信提醒</td></tr><tr><td>15天以上</td><td>委托第三方机构催收</td></tr></table>"
            "<p>1. 第8天：会有律师函寄到你的地址。</p></article></body></html>")
    found = extract([_article(page, reader=read_html)], PRODUCTS)
    stages = {(s.action, s.days) for s in _stages(found, "demo-loan")}
    assert {("提醒", (1, 3)), ("委外催收", (15, None)), ("律师函", (8, 8))} <= stages


def test_each_clause_goes_to_the_product_it_names_and_general_rules_are_general() -> None:
    text = ("示例付和示例借逾期了怎么办\n示例借逾期第2天会有电话打来。\n大多数平台逾期第1天就会发短信提醒。\n"
            "示例付逾期第3天起会暂停使用额度。\n")
    found = extract([_article(text)], PRODUCTS)
    assert {(s.action, s.days) for s in _stages(found, "demo-loan")} == {("电话催收", (2, 2))}
    assert {(s.action, s.days) for s in _stages(found, "demo-pay")} == {("冻结额度", (3, None))}
    assert {(s.action, s.days) for s in _stages(found, GENERAL)} == {("提醒", (1, 1))}


def test_questions_filler_and_advice_are_no_facts() -> None:
    text = ("示例付逾期一天会上征信吗？\n首先要弄清楚什么是征信。\n了解这些流程至关重要。\n建议你尽快还款，不要拖延。\n")
    found = extract([_article(text)], PRODUCTS)
    assert not found.timeline and not found.credit and not found.rights


def test_the_same_step_in_two_sources_is_one_fact_with_two_evidences() -> None:
    one = _article("示例付逾期会怎样\n示例付逾期第5天会有电话催收。\n", "one")
    two = _article("示例付逾期第五天\n逾期第五天，示例付的客服会打电话给你。\n", "two")
    stages = _stages(extract([one, two], PRODUCTS), "demo-pay")
    calls = [s for s in stages if s.action == "电话催收"]
    assert len(calls) == 1 and len(calls[0].sources) == 2


def test_the_reader_sees_a_sentence_made_from_the_fact_and_the_quote_keeps_the_source() -> None:
    text = "示例付逾期流程\n1. 提醒：某公司会在逾期当天通过短信、 、邮件提醒借款人尽快还款。\n"
    stage = _stages(extract([_article(text)], PRODUCTS), "demo-pay")[0]
    assert stage.text == "示例付逾期第1天，会通过短信、邮件提醒还款。"
    assert "短信、 、邮件" in stage.quote and "某公司" not in stage.text
