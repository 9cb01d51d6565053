"""The clause-level extractor on hand-written articles in the shapes the web writes: days in
headings, item labels, table rows and questions; scope per clause; one fact per statement;
reader sentences made from the fact, the source's words kept as its quote."""

from __future__ import annotations

from creditfaq.clean import clean
from creditfaq.extract import GENERAL, extract
from creditfaq.model import Product
from creditfaq.readers import read_html, read_markdown, read_text

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
    text = ("示例付逾期一天会上征信吗？\n首先要弄清楚什么是征信。\n了解这些流程至关重要。\n建议你尽快还款，不要拖延。\n"
            "示例付的规则就说到这里，这是小编为大家汇总的示例付逾期上征信的内容。\n")
    found = extract([_article(text)], PRODUCTS)
    assert not found.timeline and not found.credit and not found.rights


def test_the_same_step_in_two_sources_is_one_fact_with_two_evidences() -> None:
    one = _article("示例付逾期会怎样\n示例付逾期第5天会有电话催收。\n", "one")
    two = _article("示例付逾期第五天\n逾期第五天，示例付的客服会打电话给你。\n", "two")
    stages = _stages(extract([one, two], PRODUCTS), "demo-pay")
    calls = [s for s in stages if s.action == "电话催收"]
    assert len(calls) == 1 and len(calls[0].sources) == 2
    # one fact, each source's own words as its evidence
    assert [e.source for e in calls[0].evidence] == calls[0].sources
    assert "示例付逾期第5天会有电话催收" in calls[0].evidence[0].quote and "客服会打电话给你" in calls[0].evidence[1].quote


def test_the_reader_sees_a_sentence_made_from_the_fact_and_the_quote_keeps_the_source() -> None:
    text = "示例付逾期流程\n1. 提醒：某公司会在逾期当天通过短信、 、邮件提醒借款人尽快还款。\n"
    stage = _stages(extract([_article(text)], PRODUCTS), "demo-pay")[0]
    assert stage.text == "示例付逾期第1天，会通过短信、邮件提醒还款。"
    assert "短信、 、邮件" in stage.said and "某公司" not in stage.text
    assert [e.source for e in stage.evidence] == stage.sources


def test_rows_of_a_markdown_pipe_table_are_rows_not_one_paragraph() -> None:
    from creditfaq.readers import read_markdown

    page = ("# 示例借逾期对照\n\n| 天数 | 结果 |\n| :--- | ---: |\n| 还款日当天 | 从银行卡自动扣款 |\n"
            "| 5-9天 | 借款入口被关闭 |\n| 60天+ | 交给外部催收公司 |\n")
    stages = {(s.action, s.days) for s in _stages(extract([_article(page, reader=read_markdown)], PRODUCTS),
                                                      "demo-loan")}
    assert {("自动扣款", (0, 0)), ("冻结额度", (5, 9)), ("委外催收", (60, None))} <= stages
    assert not any(d == (0, 0) for a, d in stages if a != "自动扣款")


def test_a_product_named_as_what_one_applies_for_is_not_the_clause_subject() -> None:
    products = [*PRODUCTS, Product(id="card", name="信用卡")]
    text = "示例借的逾期会留下记录\n示例借逾期后会上征信，以后再申请信用卡或者房贷都会受影响。\n征信上的记录会影响以后办信用卡。\n"
    found = extract([_article(text)], products)
    assert "card" not in found.credit and "demo-loan" in found.credit


def test_contacts_reached_with_no_medium_named_are_phoned_and_a_message_is_not_a_call() -> None:
    found = extract([_article("示例借逾期以后\n逾期第20天会联系你的紧急联系人。\n逾期第40天会给你的亲友发短信。\n")], PRODUCTS)
    by_day = {s.days: s.channels for s in _stages(found, "demo-loan") if s.action == "联系紧急联系人"}
    assert set(by_day[(20, 20)]) == {"第三方", "电话"}
    assert "短信" in by_day[(40, 40)] and "电话" not in by_day[(40, 40)]


def test_fears_scams_and_frequencies_are_not_steps_or_days() -> None:
    text = ("示例借逾期以后\n很多人最怕的不是罚息，而是电话。\n陌生号码自称平台让你转账的都是诈骗电话。\n"
            "逾期第9天起转人工催收，电话一天可能不止一通。\n")
    stages = {(s.action, s.days) for s in _stages(extract([_article(text)], PRODUCTS), "demo-loan")}
    assert stages == {("电话催收", (9, None))}


def test_a_clause_about_every_kind_of_lender_is_general_and_a_new_section_forgets_the_last_product() -> None:
    products = [*PRODUCTS, Product(id="card", name="信用卡")]
    text = ("逾期记录的几个常识\n一、谁会报送\n不管是网贷还是信用卡，逾期都会报送到征信系统。\n"
            "二、影响\n征信上有逾期的申请人，贷款基本会被拒。\n")
    found = extract([_article(text)], products)
    assert "card" not in found.credit
    assert {c.action for c in found.credit[GENERAL]} == {"上报征信", "影响贷款"}


def test_a_summary_without_days_gives_way_to_the_dated_step_of_the_same_article() -> None:
    text = ("示例借逾期后会怎样\n示例借逾期后会打电话催收，也会收罚息。\n1. 逾期第6天：人工电话催收开始。\n"
            "2. 逾期第2天起：按日计收罚息。\n")
    stages = {(s.action, s.days) for s in _stages(extract([_article(text)], PRODUCTS), "demo-loan")}
    assert stages == {("电话催收", (6, 6)), ("罚息", (2, None))}


def test_each_comma_part_may_state_a_credit_fact_or_a_rule_of_its_own() -> None:
    text = ("示例借的征信和催收\n示例借逾期信息会报送征信，结清后记录还会保留5年。\n催收人员不得辱骂借款人，也不能冒充法院工作人员。\n")
    found = extract([_article(text)], PRODUCTS)
    assert {c.action for c in found.credit["demo-loan"]} == {"上报征信", "记录保留"}
    # a rule that names no lender is the law's, for every lender: general
    assert {c.action for c in found.rights[GENERAL]} == {"不得暴力威胁", "不得冒充"}


def test_a_body_about_another_product_than_the_title_files_unnamed_clauses_under_the_body_product() -> None:
    text = ("示例借逾期了怎么办\n注意：下面说的是示例付，不是示例借。\n示例付额度小，期限短。\n示例付到期一次还清。\n"
            "逾期第4天起借款功能会被关闭。\n")
    found = extract([_article(text)], PRODUCTS)
    assert ("冻结额度", (4, None)) in {(s.action, s.days) for s in _stages(found, "demo-pay")}
    assert not _stages(found, "demo-loan") and found.warnings


def test_credit_facts_and_rules_read_as_sentences_made_from_the_fact_with_the_clause_as_quote() -> None:
    text = ("示例借的征信与催收\n示例借逾期满5天通常会报送征信，之后申请房贷和车贷都会受影响。\n"
            "催收员不得假扮法院工作人员，不得辱骂或恐吓你。\n遇到违规催收可以拨打12378，受到威胁时马上报警。\n")
    found = extract([_article(text)], PRODUCTS)
    credit = {c.action: c for c in found.credit["demo-loan"]}
    assert credit["上报征信"].text == "示例借逾期第5天起，通常会上报征信。" and credit["上报征信"].days == (5, None)
    assert credit["影响贷款"].text.startswith("征信上有示例借的逾期记录，以后申请房贷、车贷")
    assert all(c.evidence and c.evidence[0].quote in text for c in credit.values())
    rules_ = {c.action: c.text for c in found.rights[GENERAL]}
    assert rules_["不得冒充"] == "催收人员不得冒充公检法等国家机关的工作人员。"
    assert rules_["不得暴力威胁"] == "催收不得使用恐吓、侮辱等手段。"
    # each route a fact of its own; a public hotline is a general rule, not the product's
    routes = [c.text for c in found.rights.get(GENERAL, []) if c.action == "投诉渠道"]
    assert len(routes) == 2, routes
    assert not any(c.action == "投诉渠道" for c in found.rights.get("demo-loan", []))
    assert any("12378" in r for r in routes) and any("110" in r for r in routes)


def test_a_clause_with_a_censored_gap_is_published_only_as_a_sentence_made_from_the_fact() -> None:
    text = "示例借的记录\n示例借逾期3天就会上 征信。\n想知道有没有上征信，可以通过 查询征信报告。\n"
    found = extract([_article(text)], PRODUCTS)
    assert [(c.action, c.text) for c in found.credit["demo-loan"]] == [("上报征信", "示例借逾期第3天，会上报征信。")]


def test_a_table_row_states_its_steps_beside_the_report_and_a_violation_is_a_rule() -> None:
    from creditfaq.readers import read_markdown

    page = ("# 两款产品对照\n\n| 产品 | 逾期后 | 征信 |\n| --- | --- | --- |\n| 示例借 | 第3天起人工电话催收 | 逾期记录按月报送征信 |\n\n"
            "## 注意\n\n催收打给你的亲戚朋友、说你欠钱不还，这是违规的。\n\n家人们记住，晚上十点以后还打电话也是违规的。\n")
    found = extract([_article(page, reader=read_markdown)], PRODUCTS)
    assert ("电话催收", (3, None)) in {(s.action, s.days) for s in _stages(found, "demo-loan")}
    assert "上报征信" in {c.action for c in found.credit["demo-loan"]}
    rules_ = {c.action for claims in found.rights.values() for c in claims}
    assert {"不得骚扰他人", "催收时段"} <= rules_
    assert not any(s.action == "联系紧急联系人" for claims in found.timeline.values() for s in claims)


def test_complaint_statistics_are_no_route_and_a_public_hotline_is_general() -> None:
    text = ("示例借催收投诉调查\n从投诉对象看，小贷公司占比最高。\n有的用户反映额度恢复要等一个月。\n"
            "遇到示例借违规催收，可以拨打12378投诉。\n")
    found = extract([_article(text)], PRODUCTS)
    routes = [c for claims in found.rights.values() for c in claims if c.action == "投诉渠道"]
    assert len(routes) == 1 and "12378" in routes[0].text


def test_a_rule_is_a_lenders_only_where_the_clause_names_it_or_speaks_of_its_lender() -> None:
    text = ("示例借的催收规矩\n催收人员不得辱骂借款人。\n示例借规定催收只在早8点到晚9点之间进行。\n平台不得冒充法院工作人员催收。\n")
    found = extract([_article(text)], PRODUCTS)
    assert {c.action for c in found.rights[GENERAL]} == {"不得暴力威胁"}
    assert {c.action for c in found.rights["demo-loan"]} == {"催收时段", "不得冒充"}


def test_a_negated_fact_never_reads_as_its_opposite() -> None:
    text = ("示例借的说明\n示例借逾期1-3天不会上报征信。\n示例借逾期不会上门催收。\n示例借逾期记录不会影响申请房贷。\n"
            "晚上10点到早上8点之间不得催收。\n")
    found = extract([_article(text)], PRODUCTS)
    texts = [c.text for claims in (*found.timeline.values(), *found.credit.values(), *found.rights.values())
             for c in claims]
    assert "示例借逾期第1–3天，不会上报征信。" in texts
    assert not any("会上门" in t and "不会" not in t for t in texts)
    assert not any(t.endswith("会受影响。") for t in texts) and not any("时间应在" in t for t in texts)


def test_a_step_dated_by_a_second_source_stays_when_the_first_gave_no_day() -> None:
    one = _article("示例借逾期\n示例借逾期后一般会发短信提醒。\n", "one")
    two = _article("示例借逾期第一天\n示例借逾期第1天起会短信提醒还款。\n", "two")
    stages = _stages(extract([one, two], PRODUCTS), "demo-loan")
    assert [(s.action, s.days) for s in stages] == [("提醒", (1, None))] and len(stages[0].sources) == 2


def test_a_product_one_opened_is_still_the_subject() -> None:
    found = extract([_article("开通示例借后逾期会怎样\n开通示例借后逾期第3天会打电话催收。\n")], PRODUCTS)
    assert ("电话催收", (3, 3)) in {(s.action, s.days) for s in _stages(found, "demo-loan")}


def test_a_lender_speaking_of_itself_states_its_own_rules_and_system_facts_are_everyones() -> None:
    text = ("示例借帮助中心：逾期相关问题\n我们仅在每日8:00至21:00之间与您联系。\n"
            "如需查询个人信用报告，可登录征信中心官网。\n")
    found = extract([_article(text)], PRODUCTS)
    assert {c.action for c in found.rights.get("demo-loan", [])} == {"催收时段"}
    assert {c.action for c in found.credit.get(GENERAL, [])} == {"查询征信"}


def test_in_an_article_about_two_products_an_unnamed_rule_is_general_and_both_means_each() -> None:
    text = ("示例付和示例借逾期对比\n示例付逾期第3天会打电话，示例付的罚息按日计。\n示例借逾期第5天会打电话，示例借还会冻结额度。\n"
            "两款产品的逾期记录都会上报征信。\n不良记录在结清后保留5年。\n"
            "依照规定，催收不得在晚上10点以后进行。\n")
    found = extract([_article(text)], PRODUCTS)
    assert {"demo-pay", "demo-loan"} <= {s for s, claims in found.credit.items() for c in claims if c.action == "上报征信"}
    assert [c.action for c in found.credit.get(GENERAL, [])] == ["记录保留"]
    assert {c.action for c in found.rights.get(GENERAL, [])} == {"催收时段"}


def test_a_laws_title_advice_to_keep_evidence_and_inquiry_records_state_nothing_but_the_rest_does() -> None:
    text = ("示例借逾期须知\n根据《个人信息保护法》的相关规定，我们把常见问题归纳如下。\n"
            "遇到示例借暴力催收可以拨打12378投诉，记得保留通话录音。\n"
            "频繁申请借款会让征信上的查询记录变多。\n")
    found = extract([_article(text)], PRODUCTS)
    rights = [c.action for claims in found.rights.values() for c in claims]
    credit = [c.action for claims in found.credit.values() for c in claims]
    assert rights == ["投诉渠道"] and credit == []


def test_a_numbered_heading_that_asks_is_a_heading_and_its_rules_are_not_the_last_products() -> None:
    text = ("示例借逾期整理\n一、示例借\n示例借逾期第2天起收取罚息。\n三、催收有哪些规矩？\n催收人员不得以暴力或威胁的方式逼迫还款。\n")
    article = _article(text)
    assert "三、催收有哪些规矩？" in [s.heading for s in article.sections]
    found = extract([article], PRODUCTS)
    assert {c.action for c in found.rights.get(GENERAL, [])} == {"不得暴力威胁"}


def test_a_comparison_tables_columns_are_its_products() -> None:
    text = ("示例付与示例借逾期对照\n| 时间 | 示例付 | 示例借 |\n| --- | --- | --- |\n| 逾期1-5天 | 短信提醒 | 电话催收 |\n"
            "| 逾期30天以上 | 委外催收 | 冻结额度 |\n")
    found = extract([_article(text)], PRODUCTS)
    assert {(s.action, s.days) for s in _stages(found, "demo-pay")} == {("提醒", (1, 5)), ("委外催收", (30, None))}
    assert {(s.action, s.days) for s in _stages(found, "demo-loan")} == {("电话催收", (1, 5)), ("冻结额度", (30, None))}


def test_a_lender_named_only_as_the_object_does_not_make_a_rule_its_own_and_colloquial_steps_are_steps() -> None:
    text = ("示例借逾期了怎么办\n如果催收人员在晚上11点后还打电话，这属于违规，你可以向平台客服投诉。\n"
            "示例借逾期首日起短信提醒。\n示例借逾期以后额度就用不了了，宽限期内的利息照算。\n")
    found = extract([_article(text)], PRODUCTS)
    assert "催收时段" in {c.action for c in found.rights.get(GENERAL, [])}
    assert {c.action for c in found.rights.get("demo-loan", [])} == {"投诉渠道"}, "the lender's own line is its own"
    stages = {(s.action, s.days) for s in _stages(found, "demo-loan")}
    assert ("提醒", (1, None)) in stages and "冻结额度" in {a for a, _ in stages} and "罚息" in {a for a, _ in stages}


def test_a_table_whose_rows_are_products_gives_each_cell_to_its_rows_product_under_its_columns_topic() -> None:
    text = ("几款产品的逾期规则\n| 产品 | 上征信时间 | 罚息 |\n| --- | --- | --- |\n| 示例付 | 逾期第3天起报送 | 逾期第3天起按日计收 |\n"
            "| 示例借 | 逾期次日起报送 | 逾期第2天起按日计收 |\n")
    found = extract([_article(text)], PRODUCTS)
    assert [c.days for c in found.credit.get("demo-pay", []) if c.action == "上报征信"] == [(3, None)]
    assert [c.days for c in found.credit.get("demo-loan", []) if c.action == "上报征信"] == [(1, None)]
    assert ("罚息", (2, None)) in {(s.action, s.days) for s in _stages(found, "demo-loan")}


def test_a_lender_speaking_in_an_agreement_states_its_products_facts_and_a_title_naming_the_lender_in_the_product() -> None:
    products = [Product(id="lender", name="示例金融", aliases=["示例"]), Product(id="loan", name="快借", aliases=["示例快借"])]
    text = ("示例快借个人借款协议（节选）\n乙方（贷款人）：示例金融股份有限公司\n第九条 逾期\n"
            "9.1 示例快借的借款人自逾期之日起，乙方有权按约定计收罚息。\n9.2 乙方将按照《征信业管理条例》自还款日次日起报送逾期信息。\n"
            "9.3 乙方仅在每日8:00至21:00之间进行电话催收，示例金融客服热线受理投诉。\n9.4 逾期记录会影响以后申请房贷。\n")
    found = extract([_article(text)], products)
    assert "影响贷款" in {c.action for c in found.credit.get("loan", [])}, "the lender's name is not a second product"
    assert ("罚息", (1, None)) in {(s.action, s.days) for s in _stages(found, "loan")}
    assert [c.days for c in found.credit.get("loan", []) if c.action == "上报征信"] == [(1, None)]
    assert "催收时段" in {c.action for c in found.rights.get("loan", [])}
    assert not found.credit.get(GENERAL) and not found.rights.get(GENERAL)


def test_a_chat_transcript_gives_the_lenders_lines_not_the_borrowers_and_a_timestamp_is_no_calling_hour() -> None:
    text = ("示例借在线客服记录\n[09:12:03] 用户：我怎么没收到任何提醒\n[09:12:40] 用户：昨天有人打电话说明天起诉我\n"
            "[09:13:10] 客服：我们的催收人员只在每天8:00-21:00之间联系您。\n"
            "[09:13:40] 客服：示例借逾期后，自还款日次日起按日收取罚息。\n"
            "[09:14:05] 客服：我们不会向与借款无关的第三方透露您的欠款情况。\n"
            "[09:15:00] 用户：听说有人被冒充法院的催收吓到，不确定真假。\n")
    found = extract([_article(text)], PRODUCTS)
    rights = [c for claims in found.rights.values() for c in claims]
    assert sorted(c.action for c in rights) == ["不得骚扰他人", "催收时段"]
    assert "催收联系的时间应在8:00-21:00。" in [c.text for c in rights], "a timestamp is no calling hour"
    assert set(found.rights) == {"demo-loan"}
    assert [(s.action, s.days) for s in _stages(found, "demo-loan")] == [("罚息", (1, None))]


def test_a_stage_written_as_a_line_states_its_step_and_dates_what_follows() -> None:
    text = ("示例借逾期的几个阶段\n阶段一：逾期1-3天，短信提醒\n阶段二：逾期8-20天，催收加码\n这时候电话会明显变多。\n"
            "第三阶段：逾期超过60天\n平台会寄出律师函。\n扣款失败后，平台第二天会短信提醒。\n"
            "不管是哪家的逾期记录，还清后都会保留5年。\n")
    found = extract([_article(text)], PRODUCTS)
    stages = {(s.action, s.days) for s in _stages(found, "demo-loan")}
    assert ("提醒", (1, 3)) in stages, "a stage line's own step is kept"
    assert ("电话催收", (8, 20)) in stages and ("律师函", (60, None)) in stages
    assert "自动扣款" not in {a for a, _ in stages}, "a failed deduction is no deduction step"
    assert [c.action for c in found.credit.get(GENERAL, [])] == ["记录保留"]


def test_a_product_named_after_later_or_after_that_as_what_one_applies_for_is_not_the_subject() -> None:
    found = extract([_article("示例借逾期的后果\n示例借逾期记录会上报征信，后续申请示例付或者房贷时审批可能受影响。\n")], PRODUCTS)
    assert "demo-pay" not in found.credit and "demo-loan" in found.credit


def test_once_an_article_names_a_product_in_full_its_short_name_is_that_product() -> None:
    products = [Product(id="mt-pay", name="美团月付"), Product(id="dy-pay", name="抖音月付"),
                Product(id="mt-cash", name="美团生活费", aliases=["美团借款"])]
    found = extract([_article("美团月付逾期会怎样\n月付逾期第2天起收取违约金。\n借款逾期也会上报征信。\n")], products)
    assert ("罚息", (2, None)) in {(s.action, s.days) for s in _stages(found, "mt-pay")}
    assert "mt-cash" not in found.credit, "借款 is a word, not 美团借款's short name"
    from creditfaq.extract import ProductMatcher

    both = ProductMatcher(products).for_article("美团月付和抖音月付对比。月付逾期第5天会打电话。")
    assert both.subjects("月付逾期第5天") == [], "a short name of two named products names neither"


def test_a_negation_with_its_reason_between_is_still_a_negation() -> None:
    found = extract([_article("示例借逾期须知\n客服说不会因为一两天逾期就起诉你。\n")], PRODUCTS)
    assert not any(s.action == "起诉" for s in _stages(found, "demo-loan"))


def test_html_comparison_tables_keep_their_header_and_a_tables_columns_end_with_it() -> None:
    page = ("<html><body><article><h1>示例付和示例借逾期对比</h1><table><tr><th></th><th>示例付</th><th>示例借</th></tr>"
            "<tr><td>逾期1-5天</td><td>短信提醒</td><td>电话催收</td></tr></table>"
            "<p>下面是行业里一般网贷的做法。</p><table><tr><th>阶段</th><th>方式</th></tr>"
            "<tr><td>逾期90天以上</td><td>起诉</td></tr></table></article></body></html>")
    found = extract([_article(page, reader=read_html)], PRODUCTS)
    assert ("电话催收", (1, 5)) in {(s.action, s.days) for s in _stages(found, "demo-loan")}
    assert ("电话催收", (1, 5)) not in {(s.action, s.days) for s in _stages(found, "demo-pay")}
    assert not any(s.action == "起诉" for p in ("demo-pay", "demo-loan") for s in _stages(found, p)
                   if s.days == (90, None)), "the second table is not the first one's columns"


def test_a_cell_that_denies_its_columns_topic_states_nothing_and_a_first_row_without_header_is_a_row() -> None:
    text = ("几款产品的规则\n| 产品 | 上征信时间 | 罚息 |\n| --- | --- | --- |\n| 示例借 | 未接入 | 没有 |\n\n"
            "示例付的费用\n| 罚息 | 日利率0.05% |\n| 违约金 | 每次30元 |\n")
    found = extract([_article(text)], PRODUCTS)
    assert "demo-loan" not in found.credit and not _stages(found, "demo-loan")
    assert any(s.action == "罚息" for claims in found.timeline.values() for s in claims)


def test_words_that_only_look_like_steps_or_rules_are_not() -> None:
    text = ("示例借逾期会怎样\n催收人员冒充公安、法院，我们不用害怕，这本身就是违法的。\n一般用不了三天，催收电话就来了。\n"
            "可以自己计算一下利息。\n再不还就不会替你保密，会向你家人透露欠款。\n9:00至21:00以外的时间，催收人员不得打电话。\n"
            "用户：我朋友说逾期第5天就冻结额度了。\n")
    found = extract([_article(text)], PRODUCTS)
    assert {c.action for c in found.rights.get(GENERAL, [])} >= {"不得冒充", "催收时段"}, "a blogger's 我们 is no lender"
    assert "demo-loan" not in found.rights
    stages = {s.action for s in _stages(found, "demo-loan")}
    assert "冻结额度" not in stages and "罚息" not in stages


def test_a_definition_and_the_readers_own_call_to_the_lender_are_no_steps() -> None:
    text = ("示例借协商还款怎么做\n说白了，就是借款人和示例借协商，把欠款冻结成固定本金，停止计算罚息，再分期慢慢还。\n"
            "你可以先拨打示例借的客服电话，要求转协商专员。\n示例借逾期第3天会有客服打电话过来。\n"
            "被威胁时，可以拨打示例借客服热线投诉。\n")
    found = extract([_article(text)], PRODUCTS)
    assert {(s.action, s.days) for s in _stages(found, "demo-loan")} == {("电话催收", (3, 3))}
    assert [c.action for c in found.rights.get("demo-loan", [])] == ["投诉渠道"]


def test_a_brand_in_the_title_is_shared_by_the_short_name_after_it_and_both_means_each_product() -> None:
    products = [Product(id="mt-pay", name="美团月付"), Product(id="dy-pay", name="抖音月付"),
                Product(id="mt-cash", name="美团生活费")]
    text = ("# 美团月付&生活费逾期了会怎样\n\n## 时间线（两个产品一样）\n\n还款日当天两个都会APP弹窗加短信提醒。\n\n"
            "逾期第3天起客服会打电话。\n\n## 单说月付\n\n月付逾期第1天额度直接冻结。\n\n## 单说生活费\n\n"
            "生活费逾期第1天就会暂停借款。\n")
    found = extract([_article(text, reader=read_markdown)], products)
    for pid in ("mt-pay", "mt-cash"):
        steps = {(s.action, s.days) for s in _stages(found, pid)}
        assert {("提醒", (0, 0)), ("电话催收", (3, None))} <= steps, pid
    assert ("冻结额度", (1, 1)) in {(s.action, s.days) for s in _stages(found, "mt-cash")}
    assert "dy-pay" not in found.timeline
    # the brand is shared only where the title names it before the short name
    from creditfaq.extract import ProductMatcher

    plain = ProductMatcher(products).for_article("月付逾期会怎样。月付和生活费怎么还", "月付和生活费怎么还")
    assert plain.subjects("生活费逾期第1天") == []


def test_an_agreements_clauses_in_its_own_words_are_steps_and_rules() -> None:
    text = ("示例借个人借款协议\n5.1 甲方授权乙方于还款日当日从甲方绑定的银行卡中扣划当期应还款项。\n"
            "5.2 甲方逾期期间，乙方有权暂停甲方的循环借款额度使用。\n"
            "6.1 乙方承诺不以暴力、恐吓等方式进行催收，不向甲方以外与债务无关的第三人透露甲方的债务信息。\n")
    found = extract([_article(text)], PRODUCTS)
    steps = {(s.action, s.days) for s in _stages(found, "demo-loan")}
    assert ("自动扣款", (0, 0)) in steps and "冻结额度" in {a for a, _ in steps}
    rights = {c.action for scope in found.rights for c in found.rights[scope]}
    assert {"不得暴力威胁", "不得骚扰他人"} <= rights


def test_a_clause_opening_with_no_matter_is_not_a_definition() -> None:
    found = extract([_article("示例借逾期几天\n很多人觉得这几天无所谓，其实从逾期第1天开始，示例借就按日收取罚息了。\n")], PRODUCTS)
    assert ("罚息", (1, None)) in {(s.action, s.days) for s in _stages(found, "demo-loan")}


def test_a_service_chat_states_the_lenders_rules_and_not_the_readers_account() -> None:
    text = ("示例借在线客服记录\n客服：示例借的逾期信息一般在逾期超过5天后报送至中国人民银行征信系统。\n"
            "客服：您的账单目前已逾期12天，其中包含逾期违约金。\n"
            "客服：逾期超过60天仍未处理的，账户可能会委托合作的专业机构进行催收。\n"
            "客服：示例借的官方催收不会用个人手机号来电。\n"
            "客服：如遇到不规范催收，可拨打示例借官方客服热线40012345进行投诉。\n"
            "据协会统计，今年一季度受理的投诉量同比上升两成，类似情况在投诉平台上并不少见。\n")
    found = extract([_article(text)], PRODUCTS)
    steps = {(s.action, s.days) for s in _stages(found, "demo-loan")}
    assert steps == {("委外催收", (60, None))}, "no step from the reader's account, none from a means it does not use"
    assert [(c.action, c.days) for c in found.credit["demo-loan"]] == [("上报征信", (5, None))]
    assert [c.action for c in found.rights["demo-loan"]] == ["投诉渠道"], "the lender's own hotline is the product's route"
    assert GENERAL not in found.rights, "a count of complaints is no complaint route"


def test_rumours_conditions_imperatives_and_the_readers_requests_state_no_step() -> None:
    text = ("示例付逾期的真相\n网传“示例付逾期就派人上门”，这是谣言。\n逾期记录一旦上报，后果可不小，以后办事都麻烦。\n"
            "“可能报送”不等于“一定不报”，别抱侥幸心理。\n开通自动扣款，并保证绑定卡余额充足。\n"
            "如果已经被起诉，也不要回避，可以在调解阶段争取减免部分罚息。\n"
            "多数产品逾期第1天就开始短信提醒。\n示例付逾期第2天起收取违约金。\n")
    found = extract([_article(text)], PRODUCTS)
    assert {(s.action, s.days) for s in _stages(found, "demo-pay")} == {("罚息", (2, None))}
    assert "demo-pay" not in found.credit
    assert {s.action for s in _stages(found, GENERAL)} == {"提醒"}, "多数产品 speaks of lenders in general"


def test_each_step_of_a_clause_takes_the_day_stated_before_it_and_scare_quotes_are_no_definition() -> None:
    text = ("示例借催收流程\n示例借前15天由自己的客服团队电话催收，逾期超过15天后，可能会委托外部的催收公司处理。\n"
            "示例借在逾期90天以上时会安排外访人员上门，但所谓“明天就上门”多半是吓唬人的话。\n")
    found = extract([_article(text)], PRODUCTS)
    steps = {(s.action, s.days) for s in _stages(found, "demo-loan")}
    assert {("电话催收", (1, 15)), ("委外催收", (15, None)), ("上门", (90, None))} <= steps


def test_a_post_that_tells_then_asks_still_tells_and_kin_by_name_are_contacts() -> None:
    text = ("示例付逾期经历\n示例付还款日是10号，过了还款日第二天早上就收到APP的消息提醒，下午还打了个电话过来。想问问大家会上征信吗？\n"
            "我拖了快一个月，一周后示例付额度直接被关了，逾期第20天就给我姐打电话了。\n"
            "后来我投诉了一次，第二天就不打给我妈了。\n谢谢大家，以后一定设好提醒。\n")
    found = extract([_article(text)], PRODUCTS)
    steps = {(s.action, s.days) for s in _stages(found, "demo-pay")}
    assert {("提醒", (1, 1)), ("电话催收", (1, 1)), ("冻结额度", (7, None)), ("联系紧急联系人", (20, 20))} <= steps
    reminder = next(s for s in _stages(found, "demo-pay") if s.action == "提醒")
    assert "APP" in reminder.channels
    assert ("联系紧急联系人", (2, 2)) not in steps, "不打给我妈 says the calls stopped"
    assert len([s for s in _stages(found, "demo-pay") if s.action == "提醒"]) == 1, "setting one's own reminder is no step"


def test_a_comparison_row_headed_by_its_topic_video_timestamps_and_the_lending_party_of_an_agreement() -> None:
    table = ("# 示例付和示例借逾期对比\n\n| 项目 | 示例付 | 示例借 |\n|---|---|---|\n| 电话催收 | 逾期3天起 | 逾期5天后 |\n"
             "| 额度 | 逾期第1天冻结 | 逾期后关闭借款功能 |\n| 征信报送 | 逾期超过30天报送 | 逾期1天即报送征信 |\n")
    found = extract([_article(table, "t", reader=read_markdown)], PRODUCTS)
    assert ("电话催收", (3, None)) in {(s.action, s.days) for s in _stages(found, "demo-pay")}
    assert ("电话催收", (5, None)) in {(s.action, s.days) for s in _stages(found, "demo-loan")}
    assert "冻结额度" in {s.action for s in _stages(found, "demo-loan")}
    assert [c.action for c in found.credit["demo-pay"]] == ["上报征信"]
    video = _article("示例借逾期会怎样（视频文字版）\n[01:10] 然后逾期之后示例借的额度就会被冻结。\n"
                     "[02:35] 最后提醒大家，还不上一定要主动联系客服协商。\n", "v")
    assert not extract([video], PRODUCTS).rights, "a video's timestamp is no calling hour"
    contract = _article("示例借借款合同\n9.1 甲方及其委托的催收机构不得在每日22:00至次日8:00期间进行催收。\n"
                        "9.4 乙方对报送的信用信息有异议的，可向甲方或中国人民银行征信中心提出异议申请。\n", "c")
    found = extract([contract], PRODUCTS)
    assert [c.action for c in found.rights["demo-loan"]] == ["催收时段"], "甲方 acts as the lender here"
    assert [c.action for c in found.credit[GENERAL]] == ["异议申请"], "乙方, the borrower, disputing is everyone's route"


def test_a_card_centre_speaking_of_itself_a_fee_not_charged_and_a_dispute_through_the_centre() -> None:
    text = ("示例借逾期处理规则\n本中心及委托的催收机构仅在每日8:00至21:00之间开展电话催收。\n"
            "逾期3天内还清的，不收取违约金。\n"
            "如发现个人信用报告中的逾期记录有误，可向本中心或中国人民银行征信中心提出异议申请。\n")
    found = extract([_article(text)], PRODUCTS)
    assert [c.action for c in found.rights["demo-loan"]] == ["催收时段"], "本中心 is the lender speaking"
    assert not any(s.action == "罚息" for s in _stages(found, "demo-loan")), "不收取违约金 charges nothing"
    assert [c.action for c in found.credit[GENERAL]] == ["异议申请"] and "demo-loan" not in found.credit


def test_complaint_routes_as_people_say_them_a_lender_by_name_and_calls_only_in_daytime() -> None:
    for said in ("遇到示例借催收辱骂的，可以打示例借客服10101234投诉。", "您可拨打示例金融客服热线95000或在APP内“我的-客服”提交投诉。"):
        one = extract([_article(f"示例借催收规则\n{said}\n")], PRODUCTS)
        assert [c.action for c in one.rights["demo-loan"]] == ["投诉渠道"], said
    text = ("示例借催收规则\n示例借的催收电话只在白天打。\n如您接到可疑电话，可拨打官方客服热线核实。\n"
            "某某消费金融规定催收只在早8点到晚9点之间进行。\n")
    found = extract([_article(text)], PRODUCTS)
    assert [c.action for c in found.rights["demo-loan"]].count("催收时段") == 2, "a lender named as a company is the article's"
    assert not _stages(found, "demo-loan"), "a call the reader may receive, as a condition, is no step"


def test_a_step_done_every_day_goes_on_from_the_day_it_starts() -> None:
    text = ("示例借逾期之后\n示例借逾期第1天就会按日收取罚息。\n我逾期第5天开始，每天都有电话打过来。\n"
            "我逾期第35天的时候被转给了外包催收公司，天天换号码打。\n")
    steps = {(s.action, s.days) for s in _stages(extract([_article(text)], PRODUCTS), "demo-loan")}
    assert {("罚息", (1, None)), ("电话催收", (5, None)), ("委外催收", (35, 35))} <= steps


def test_how_loan_officers_speak_of_a_record_and_how_long_it_stays() -> None:
    text = ("示例借逾期对贷款的影响\n银行审批房贷时最怕“连三累六”，出现这种情况基本会被直接拒贷。\n"
            "当前仍有逾期的，车贷通常无法通过。\n按规定 征信上的不良记录 还清后保留5年\n"
            "很多人不知道，不少银行在房贷审批时会看近两年的逾期次数。\n")
    found = extract([_article(text)], PRODUCTS)
    actions = [c.action for scope in found.credit for c in found.credit[scope]]
    assert actions.count("影响贷款") >= 2 and "记录保留" in actions and "上报征信" not in actions


def test_plans_statistics_imperatives_reports_to_others_and_hotlines_are_no_credit_facts() -> None:
    text = ("示例借逾期问答\n谢谢各位，刚才已经还上了，等下个月查一下征信再来反馈。\n此外，另有约18%的投诉涉及“征信记录异议”。\n"
            "第一，看上征信时间。\n涉及征信查询的问题，可以拨打12363热线。\n")
    found = extract([_article(text)], PRODUCTS)
    assert not found.credit, [c.text for s in found.credit for c in found.credit[s]]
    notice = _article("关于开展自查的通知\n一、征信合规\n各会员单位应于3月31日前完成自查，并将自查报告报送协会秘书处。\n", "n")
    assert not extract([notice], PRODUCTS).credit


def test_a_collectors_threat_in_speech_and_what_a_lender_does_not_have_done_are_no_steps() -> None:
    text = ("示例付逾期日记\n中间接到个陌生号码，对方说再不还就要“上门走访”、“通知你单位”，还说要“走法律程序”。\n"
            "示例付客服说我们不会委托任何人员上门催收。\n"
            "少数平台在逾期90天以上时会安排外访人员上门核实情况，但所谓“明天就上门”只是吓唬人的话术。\n")
    found = extract([_article(text)], PRODUCTS)
    assert not _stages(found, "demo-pay"), [s.text for s in _stages(found, "demo-pay")]
    assert ("上门", (90, None)) in {(s.action, s.days) for s in _stages(found, GENERAL)}


def test_a_step_under_a_condition_or_only_a_right_reads_as_one_that_may_happen() -> None:
    text = ("示例借催收流程\n如果借款人无法联系，示例借会派遣催收人员上门催收。\n"
            "借款人拒绝还款的，示例借有权通过法律手段追讨欠款。\n示例借逾期第3天会打电话。\n")
    stages = {s.action: s for s in _stages(extract([_article(text)], PRODUCTS), "demo-loan")}
    assert stages["上门"].text == "示例借逾期后，可能会上门催收。"
    assert stages["起诉"].text == "示例借逾期后，可能会通过诉讼追讨欠款。"
    assert stages["电话催收"].text == "示例借逾期第3天，会打电话催收。"


def test_a_step_every_mention_of_which_is_denied_hearsay_or_a_threat_is_no_step() -> None:
    """The shape: the clause names the step, but only to say it does not happen (不会有人打电话,
    也没见真起诉), as hearsay (网上有人说…就会被起诉) or as a threat (说要起诉); one mention that
    says it happens keeps it."""
    text = ("示例付逾期后的真实经历\n"
            "示例付逾期后第一周，都是系统发短信和APP推送，不会有人打电话。\n"
            "网上有人说逾期一天就会被起诉，这纯属瞎说，示例付不会因为几百块钱起诉你。\n"
            "我逾期四个月了，收到过一封信说要起诉，到现在也没见真起诉。\n"
            "示例借逾期第10天会有人工电话打过来，不会有人上门。\n")
    found = extract([_article(text)], PRODUCTS)
    pay = {s.action for s in _stages(found, "demo-pay")}
    assert "电话催收" not in pay and "起诉" not in pay
    assert "提醒" in pay, "the messages the clause says are sent stay a step"
    loan = {(s.action, s.days) for s in _stages(found, "demo-loan")}
    assert ("电话催收", (10, 10)) in loan and not any(a == "上门" for a, _ in loan)


def test_a_fee_demanded_back_or_borne_is_no_fee_step_and_thanks_are_no_reminder() -> None:
    text = ("示例借借款协议节选\n"
            "逾期超过90天的，贷款人有权要求借款人立即偿还全部本金、利息及罚息。\n"
            "逾期超过30日的，贷款人有权委托第三方机构催收，由此产生的合理费用由借款人承担。\n"
            "逾期第1天起，按日收取逾期罚息。\n"
            "@楼主 收到，谢谢提醒\n"
            "小提示：记得提前把钱转进卡里。\n")
    stages = {(s.action, s.days) for s in _stages(extract([_article(text)], PRODUCTS), "demo-loan")}
    assert ("罚息", (1, None)) in stages
    assert not any(a == "罚息" and d and d[0] in (30, 90) for a, d in stages)
    assert ("委外催收", (30, None)) in stages or ("委外催收", (31, None)) in stages
    assert not any(a == "提醒" for a, _ in stages)


def test_what_happens_after_the_grace_period_is_dated_after_it() -> None:
    """Under a heading of the first days, "超过宽限期后" speaks of the days after the grace
    period the article states, not of the heading's days; without a stated period, of no day."""
    text = ("示例付逾期几天会怎样\n二、逾期第1天到第3天\n示例付有3天左右的宽限期，宽限期内还清不收费用。"
            "超过宽限期后，会按日收取逾期费用，同时额度会被冻结。\n")
    stages = {(s.action, s.days) for s in _stages(extract([_article(text)], PRODUCTS), "demo-pay")}
    assert ("罚息", (4, None)) in stages and ("冻结额度", (4, None)) in stages
    assert not any(d == (1, 3) for _, d in stages)
    unstated = {(s.action, s.days) for s in _stages(extract([_article(
        "示例借逾期会怎样\n二、逾期第1天到第3天\n过了宽限期，会按日收取逾期费用。\n")], PRODUCTS), "demo-loan")}
    assert unstated and not any(d == (1, 3) for _, d in unstated)


def test_this_period_takes_the_headings_days_and_a_done_step_as_a_time_is_no_step() -> None:
    text = ("示例借逾期第一周会怎样\n一、逾期1-7天\n这一周里，示例借按日收取罚息。\n"
            "二、逾期30天以后\n示例借的额度被冻结后，就算还清，恢复也需要重新审核。\n"
            "示例借逾期满30天会委托第三方机构催收。\n")
    stages = {(s.action, s.days) for s in _stages(extract([_article(text)], PRODUCTS), "demo-loan")}
    assert ("罚息", (1, 7)) in stages
    assert not any(a == "冻结额度" for a, _ in stages), "the freeze is the time the clause speaks of"
    assert ("委外催收", (30, None)) in stages


def test_a_product_named_as_what_one_applies_for_after_is_not_the_clauses_subject() -> None:
    """The shape: "X的逾期记录…影响以后的贷款、信用卡申请" — 信用卡 is what one applies for, named
    before the word 申请; the clause is about X."""
    products = [*PRODUCTS, Product(id="credit-card", name="信用卡")]
    text = ("示例借逾期的后果\n示例借已经接入央行征信，逾期记录会被上传至征信系统，影响以后的贷款、信用卡申请。\n"
            "信用卡逾期第3天起，银行会打电话催收。\n")
    found = extract([_article(text)], products)
    assert "credit-card" not in found.credit, "信用卡 here is what one applies for"
    assert {c.action for c in found.credit.get("demo-loan", [])} >= {"上报征信"}
    assert any(s.action == "电话催收" for s in found.timeline.get("credit-card", [])), "信用卡 as a subject stays"


def test_the_same_rule_in_two_sources_is_one_fact_with_both_evidences() -> None:
    one = _article("示例借逾期以后\n催收人员不得向与债务无关的第三人透露欠款。\n", "one")
    two = _article("网贷催收的规矩\n催收人员不得向与债务无关的第三人透露欠款。\n", "two")
    rights = extract([one, two], PRODUCTS).rights.get(GENERAL, [])
    same = [r for r in rights if r.action == "不得骚扰他人"]
    assert len(same) == 1 and {s.split("#")[0] for s in same[0].sources} == {"one", "two"}
    assert len(same[0].evidence) == 2
