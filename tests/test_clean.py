"""Unit tests for creditfaq.clean on hand-written source files in tests/fixtures/sources/.

Each fixture goes the way `ingest` takes it: bytes → decode → reader by suffix → clean.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

import pytest

from creditfaq.clean import article_id_for, clean
from creditfaq.model import SourceArticle
from creditfaq.readers import READERS, Block, RawDocument, SourceError, read_html, read_markdown, read_text
from creditfaq.text import decode

SOURCES = Path(__file__).parent / "fixtures" / "sources"
HTML = "huabei-stages.html"
GBK_TXT = "creditcard-overdue.gbk.txt"
MARKDOWN = "jiebei-repayment.md"
BIG5_TXT = "huabei-traditional.big5.txt"
ALL = (HTML, GBK_TXT, MARKDOWN, BIG5_TXT)

ACTIVE_MARKUP = ("<script", "onclick", "javascript:", "<iframe", "<style")


def ingest_one(name: str) -> SourceArticle:
    data = (SOURCES / name).read_bytes()
    text, encoding = decode(data)
    doc = READERS[Path(name).suffix.lower()](text)
    return clean(doc, article_id=article_id_for(name), source=name,
                 sha256=hashlib.sha256(data).hexdigest(), encoding=encoding)


def texts(article: SourceArticle) -> list[str]:
    return [p.text for p in article.paragraphs()]


def removed_rules(article: SourceArticle, fragment: str) -> set[str]:
    """The rules under which text containing `fragment` was removed."""
    return {r.rule for r in article.removed if fragment in r.text}


def assert_boilerplate_removed(article: SourceArticle, fragment: str) -> None:
    body = [*texts(article), *(s.heading or "" for s in article.sections), article.title]
    assert not any(fragment in t for t in body), f"{fragment!r} leaked into the article body"
    rules = removed_rules(article, fragment)
    assert rules and all(rules), f"{fragment!r} is not recorded in `removed` with a rule"


def defects(article: SourceArticle, kind: str) -> list:
    return [d for d in article.defects if d.kind == kind]


def para_id(article: SourceArticle, fragment: str) -> str:
    matches = [p.id for p in article.paragraphs() if fragment in p.text]
    assert len(matches) == 1, f"{fragment!r} in {len(matches)} paragraphs"
    return matches[0]


def minimal_doc(*lines: str, title: str = "花呗还款说明") -> RawDocument:
    return RawDocument(blocks=tuple(Block(line) for line in lines), title=title)


def clean_doc(doc: RawDocument) -> SourceArticle:
    return clean(doc, article_id="t", source="t.txt", sha256="0" * 64, encoding="utf-8")


# --- the fixtures themselves -------------------------------------------------------------------


def test_fixture_encodings_are_what_they_claim() -> None:
    gbk = (SOURCES / GBK_TXT).read_bytes()
    big5 = (SOURCES / BIG5_TXT).read_bytes()
    for data in (gbk, big5):
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
    assert b"\r\n" in gbk
    assert gbk.decode("gbk").startswith("信用卡逾期后银行会怎样联系持卡人")
    assert big5.decode("big5").startswith("花唄逾期之後會發生什麼事")


@pytest.mark.parametrize("name", ALL)
def test_every_fixture_cleans_into_a_valid_article(name: str) -> None:
    article = ingest_one(name)
    assert article.title
    assert article.paragraphs()
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", article.id)
    assert article.source == name
    assert article.source_sha256 == hashlib.sha256((SOURCES / name).read_bytes()).hexdigest()
    # Round-trips through the pydantic model (ids and defect kinds validated).
    assert SourceArticle.model_validate(article.model_dump()) == article


@pytest.mark.parametrize("name", ALL)
def test_no_active_markup_in_titles_headings_or_paragraphs(name: str) -> None:
    article = ingest_one(name)
    body = [article.title, *(s.heading or "" for s in article.sections), *texts(article),
            *article.related_titles]
    for text in body:
        for marker in ACTIVE_MARKUP:
            assert marker not in text.lower(), (marker, text)


@pytest.mark.parametrize("name", ALL)
def test_paragraph_ids_are_unique_and_stable(name: str) -> None:
    first, second = ingest_one(name), ingest_one(name)
    ids = [p.id for p in first.paragraphs()]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"p-[0-9a-f]{8}(?:-\d+)?", i) for i in ids)
    assert ids == [p.id for p in second.paragraphs()]
    assert first == second


# --- HTML page ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def html() -> SourceArticle:
    return ingest_one(HTML)


def test_html_title_is_og_title_not_the_page_title_with_site_suffix(html: SourceArticle) -> None:
    assert html.title == "花呗逾期后平台会按什么顺序提醒"
    assert "某某网" not in html.title
    # The h1 equal to the title is not repeated as a heading or paragraph.
    assert html.title not in texts(html)
    assert html.title not in [s.heading for s in html.sections]


def test_html_date_from_published_time_meta(html: SourceArticle) -> None:
    assert html.date == dt.date(2024, 5, 20)
    assert html.encoding == "utf-8"


def test_html_keeps_the_article_text(html: SourceArticle) -> None:
    body = texts(html)
    for sentence in (
        "错过花呗还款日之后，平台并不会马上采取强硬措施，而是先用温和的方式提示用户补上欠款。",
        "逾期当天，用户一般会在支付宝消息中心看到一条待还款通知，同时手机也会收到一条短信。",
        "如果逾期超过一周仍未处理，客服人员可能会打电话询问原因，并介绍可以申请的延期方案。",
        "想了解自己的逾期记录，可以点击帮助中心查询账单明细。",
        "长时间不还款的话，逾期信息可能会被报送到个人信用报告里，今后申请房贷时会受到影响。",
        "总之，发现逾期后尽早还清欠款，是把影响降到最低的办法。",
    ):
        assert sentence in body
    assert [s.heading for s in html.sections if s.heading] == [
        "第一阶段：系统自动提醒", "第二阶段：人工电话沟通", "第三阶段：影响信用记录",
    ]


def test_html_list_items_are_items_under_their_heading(html: SourceArticle) -> None:
    section = next(s for s in html.sections if s.heading == "第一阶段：系统自动提醒")
    items = [(p.kind, p.text) for p in section.paragraphs if p.kind == "item"]
    assert items == [("item", "短信提醒会写明欠款金额和最晚处理时间。"), ("item", "支付宝首页会出现醒目的还款入口。")]


def test_html_conclusion_is_not_under_the_last_heading(html: SourceArticle) -> None:
    owner = next(s for s in html.sections if any(p.text.startswith("总之") for p in s.paragraphs))
    assert owner.heading is None


@pytest.mark.parametrize(
    "fragment",
    [
        "花呗专栏",  # <nav> and breadcrumb
        "当前位置",  # breadcrumb
        "微信好友",  # share widget
        "网友评论",  # comments section
        "用户甲",  # a comment
        "热门文章",  # <aside> sidebar
        "网贷逾期会不会被起诉",  # sidebar link
        "ICP备",  # footer
        "Copyright",
        "相关推荐",
        "借呗提前还款要不要手续费",  # related link
    ],
)
def test_html_boilerplate_is_removed_and_recorded(html: SourceArticle, fragment: str) -> None:
    assert_boilerplate_removed(html, fragment)


def test_html_active_markup_is_recorded(html: SourceArticle) -> None:
    active = [r.text for r in html.removed if r.rule == "active-markup"]
    for tag in ("script element", "iframe element", "style element"):
        assert tag in active
    dumped = str(html.model_dump())
    assert "<script" not in dumped and "<iframe" not in dumped
    assert "dataLayer" not in dumped and "ads.example.com" not in dumped and "font-family" not in dumped


def test_html_no_defects_on_a_clean_page(html: SourceArticle) -> None:
    assert html.defects == []


def test_html_related_titles_are_collected(html: SourceArticle) -> None:
    assert html.related_titles == [
        "花呗最低还款会不会影响信用", "借呗提前还款要不要手续费", "信用卡账单分期怎么计算利息",
    ]


def test_html_title_from_h1_without_og_title() -> None:
    page = ("<html><head><title>借呗逾期怎么办 - 某某网</title></head><body><article>"
            "<h1>借呗逾期的处理办法</h1><p>借呗逾期以后平台会先发短信提醒。</p></article></body></html>")
    article = clean_doc(read_html(page))
    assert article.title == "借呗逾期的处理办法"
    assert texts(article) == ["借呗逾期以后平台会先发短信提醒。"]


def test_html_title_from_page_title_strips_site_suffix() -> None:
    page = ("<html><head><title>信用卡分期要注意什么_某某网</title></head><body><div class=\"content\">"
            "<p>分期手续费要提前算清楚。</p></div></body></html>")
    assert clean_doc(read_html(page)).title == "信用卡分期要注意什么"


def test_html_line_break_inside_paragraph_is_not_a_censored_gap() -> None:
    page = ("<html><body><article><h1>借呗逾期的处理办法</h1>"
            "<p>借呗逾期以后\n    平台会先发短信提醒。</p></article></body></html>")
    article = clean_doc(read_html(page))
    assert texts(article) == ["借呗逾期以后平台会先发短信提醒。"]
    assert defects(article, "censored-gap") == []


# --- GBK text file ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gbk() -> SourceArticle:
    return ingest_one(GBK_TXT)


def test_gbk_decoded_title_and_date(gbk: SourceArticle) -> None:
    assert gbk.encoding in ("gbk", "gb18030")
    assert gbk.title == "信用卡逾期后银行会怎样联系持卡人"
    assert gbk.date == dt.date(2023, 11, 8)
    assert removed_rules(gbk, "发布时间") == {"metadata"}
    assert not any("发布时间" in t for t in texts(gbk))


def test_gbk_keeps_body_and_numbered_items(gbk: SourceArticle) -> None:
    body = texts(gbk)
    assert "很多人以为晚还一两天没有关系，其实银行的系统在还款日结束后就会开始计算逾期。" in body
    items = [p.text for p in gbk.paragraphs() if p.kind == "item"]
    assert items == [
        "1. 还款日前三天，银行会发送短信提示本期账单的最低还款额。",
        "2. 逾期第一天，持卡人会收到一条提醒短信，并被告知可能产生的违约金。",
        "3. 逾期超过一个月，银行的催收部门会通过短信、 、邮件等多种方式联系持卡人。",
    ]
    assert "总之，主动与银行协商分期还款，比一直拖欠更有利于保护自己的信用。" in body


def test_gbk_title_and_abstract_appear_once(gbk: SourceArticle) -> None:
    body = texts(gbk)
    assert gbk.title not in body
    abstract = [t for t in body if t.startswith("摘要")]
    assert abstract == ["摘要：持卡人错过还款日以后，银行一般会先提醒，再逐步加大催收力度。"]


def test_gbk_repeated_header_is_stripped_as_a_header(gbk: SourceArticle) -> None:
    assert "repeated-header" in removed_rules(gbk, "摘要")
    assert not any(d.detail.startswith("摘要") for d in defects(gbk, "repeated-paragraph"))


@pytest.mark.parametrize(
    ("fragment", "rule"),
    [
        ("分享到", "share-widget"),
        ("To Top", "to-top"),
        ("相关内容", "related-list"),
        ("信用卡最低还款的利息怎么算", "related-list"),
        ("2023-10-30", "related-teaser"),
    ],
)
def test_gbk_boilerplate_is_removed_with_its_rule(gbk: SourceArticle, fragment: str, rule: str) -> None:
    assert_boilerplate_removed(gbk, fragment)
    assert rule in removed_rules(gbk, fragment)


def test_gbk_related_titles(gbk: SourceArticle) -> None:
    assert gbk.related_titles == ["信用卡最低还款的利息怎么算", "借呗逾期三天会上征信吗？", "花呗分期能不能提前结清"]


def test_gbk_censored_gaps_are_flagged(gbk: SourceArticle) -> None:
    gaps = defects(gbk, "censored-gap")
    assert {d.where for d in gaps} == {para_id(gbk, "通过短信、 、邮件"), para_id(gbk, "催收 ：")}
    assert any("短信、 、邮件" in d.detail for d in gaps)
    assert any("催收 ：" in d.detail for d in gaps)


def test_gbk_lead_in_without_its_list_is_a_lost_list(gbk: SourceArticle) -> None:
    lost = defects(gbk, "lost-list")
    assert [d.where for d in lost] == ["遇到还款困难时，可以参考以下做法："]


def test_gbk_duplicated_paragraph_is_removed_once_and_flagged(gbk: SourceArticle) -> None:
    dup = "很多人以为晚还一两天没有关系，其实银行的系统在还款日结束后就会开始计算逾期。"
    assert texts(gbk).count(dup) == 1
    assert [r.rule for r in gbk.removed if r.text == dup] == ["repeated-paragraph"]
    flagged = [d for d in defects(gbk, "repeated-paragraph") if dup.startswith(d.detail)]
    assert len(flagged) == 1
    assert flagged[0].where == para_id(gbk, dup)


# --- Markdown with front matter ----------------------------------------------------------------


@pytest.fixture(scope="module")
def markdown() -> SourceArticle:
    return ingest_one(MARKDOWN)


def test_markdown_front_matter_title_and_date(markdown: SourceArticle) -> None:
    assert markdown.title == "借呗到期还不上怎么办"
    assert markdown.date == dt.date(2024, 1, 12)
    assert "repeated-title" in removed_rules(markdown, "借呗到期还不上怎么办")
    assert not any("tags" in t or "---" in t for t in texts(markdown))


def test_markdown_sections_and_inline_markup(markdown: SourceArticle) -> None:
    assert [s.heading for s in markdown.sections] == [None, "到期前能做什么", "已经逾期怎么办"]
    body = texts(markdown)
    assert "借呗的每一期都有固定的还款日，到期未还就会按天计收罚息。" in body  # ** removed
    assert not any("**" in t or "](" in t or "example.com" in t for t in body)  # link target removed
    assert "不要相信所谓的“征信修复”中介，它们通常只是收取费用。" in body  # > removed
    numbered = [p for p in markdown.sections[2].paragraphs if p.kind == "item"]
    assert [p.text for p in numbered] == ["1. 先还清已经产生的罚息。", "2. 再和平台商量能否延长还款期限。"]


def test_markdown_bullet_items_are_items(markdown: SourceArticle) -> None:
    section = markdown.sections[1]
    assert [p.kind for p in section.paragraphs] == ["item", "item"]
    assert any("自动还款功能" in p.text for p in section.paragraphs)


def test_markdown_bullet_marker_is_not_part_of_the_text(markdown: SourceArticle) -> None:
    assert [p.text for p in markdown.sections[1].paragraphs] == [
        "在还款日前三天检查余额宝或银行卡余额是否充足。", "开启自动还款功能，避免忘记还款。",
    ]


def test_markdown_fenced_code_is_not_body_text(markdown: SourceArticle) -> None:
    assert not any("代码块" in t for t in texts(markdown))


def test_markdown_crlf_and_invalid_front_matter() -> None:
    doc = read_markdown("---\r\ntitle: 花呗说明\r\ndate: 2024-02-03\r\n---\r\n正文一句话。\r\n")
    assert doc.title == "花呗说明" and doc.date == dt.date(2024, 2, 3)
    assert [b.text for b in doc.blocks] == ["正文一句话。"]
    with pytest.raises(SourceError):
        read_markdown("---\ntitle: [unclosed\n---\n正文\n")


# --- Big5 Traditional text ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def big5() -> SourceArticle:
    return ingest_one(BIG5_TXT)


def test_big5_article(big5: SourceArticle) -> None:
    assert big5.encoding == "big5"
    assert big5.title == "花唄逾期之後會發生什麼事"
    assert big5.date == dt.date(2024, 2, 1)
    body = texts(big5)
    assert "逾期當天，支付寶會推送通知，並且發送簡訊提醒用戶儘快還款。" in body
    assert "如果長期不處理，逾期資料可能會被記入個人信用報告，之後申請貸款會比較困難。" in body
    assert [s.heading for s in big5.sections if s.heading] == ["一、平台的提醒方式", "二、對信用紀錄的影響"]
    assert big5.related_titles == ["借唄提前還款有沒有手續費"]
    assert_boilerplate_removed(big5, "返回頂部")
    assert "to-top" in removed_rules(big5, "返回頂部")
    assert_boilerplate_removed(big5, "相關內容")
    assert big5.defects == []


# --- defects on small documents ----------------------------------------------------------------


def test_lead_in_at_the_end_is_a_lost_list() -> None:
    article = clean_doc(minimal_doc("逾期后要注意三件事。", "建议做法："))
    assert [d.where for d in defects(article, "lost-list")] == ["建议做法："]


def test_lead_in_followed_by_its_list_is_fine() -> None:
    article = clean_doc(minimal_doc("建议做法：", "1. 先还清欠款。", "2. 再联系客服。"))
    assert defects(article, "lost-list") == []
    assert [p.kind for p in article.paragraphs()] == ["item", "item"]


def test_lead_in_followed_by_a_heading_is_a_lost_list() -> None:
    doc = RawDocument(blocks=(Block("具体渠道有："), Block("征信影响", "heading"), Block("会影响征信。")),
                      title="花呗还款说明")
    assert [d.where for d in defects(clean_doc(doc), "lost-list")] == ["具体渠道有："]


def test_no_censored_gap_in_normal_text() -> None:
    article = clean_doc(minimal_doc("逾期后平台会通过短信、APP和电话提醒，费用为1,000元。"))
    assert defects(article, "censored-gap") == []


def test_repeated_header_block_without_date_is_stripped() -> None:
    lines = ("花呗还款说明", "本文说明花呗的还款方式。", "花呗还款说明", "本文说明花呗的还款方式。", "正文第一段。")
    article = clean_doc(RawDocument(blocks=tuple(Block(line) for line in lines)))  # no title: first line
    assert article.title == "花呗还款说明"
    assert texts(article) == ["本文说明花呗的还款方式。", "正文第一段。"]
    assert "repeated-header" in removed_rules(article, "本文说明")
    assert defects(article, "repeated-paragraph") == []


def test_paragraph_ids_do_not_depend_on_position() -> None:
    before = clean_doc(minimal_doc("第一段说明还款日。", "第二段说明逾期。"))
    after = clean_doc(minimal_doc("新加的一段。", "第一段说明还款日。", "第二段说明逾期。"))
    ids = {p.text: p.id for p in after.paragraphs()}
    for p in before.paragraphs():
        assert ids[p.text] == p.id


def test_text_reader_without_title_uses_first_line() -> None:
    article = clean_doc(read_text("\n\n借呗逾期说明\n\n正文内容。\n"))
    assert article.title == "借呗逾期说明"
    assert texts(article) == ["正文内容。"]


def test_empty_document_is_an_error() -> None:
    with pytest.raises(ValueError):
        clean_doc(read_text("\n \n"))


# --- article_id_for ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filename", "expected"),
    [
        ("000_135ab216341479b2.txt", "000-135ab216341479b2"),
        ("Huabei Overdue.md", "huabei-overdue"),
        ("huabei-stages.html", "huabei-stages"),
        ("credit.card.faq.htm", "credit-card-faq"),
        ("__Jiebei__.TXT", "jiebei"),
    ],
)
def test_article_id_for_ascii_names(filename: str, expected: str) -> None:
    assert article_id_for(filename) == expected


@pytest.mark.parametrize("filename", ["花呗逾期说明.txt", "信用卡.html", "借呗还款v2说明文章.md", "花唄.txt"])
def test_article_id_for_chinese_names_is_a_hashed_ascii_slug(filename: str) -> None:
    aid = article_id_for(filename)
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", aid)
    assert re.search(r"[0-9a-f]{10}$", aid)
    assert aid == article_id_for(filename)


def test_article_id_for_pure_chinese_name() -> None:
    assert re.fullmatch(r"src-[0-9a-f]{10}", article_id_for("花呗逾期说明.txt"))
    assert article_id_for("花呗逾期说明.txt") != article_id_for("借呗逾期说明.txt")
    assert article_id_for("花呗逾期说明.txt") != article_id_for("花呗逾期说明.md")


# --- text pages as scrapers save them: furniture, titles, lists, spam --------------------------


def _text_page(*lines: str) -> SourceArticle:
    return clean(read_text("\n".join(lines)), article_id="t", source="t.txt", sha256="0" * 64, encoding="utf-8")


def test_furniture_lines_of_every_shape_are_removed_and_dates_read() -> None:
    furniture = ["某某网 > 知识库 > 详情", "作者：李某某 认证作者", "2023-07-04 09:12:33", "阅读 3.4万", "12 评论",
                 "加载中...", "字号：大 中 小", "IMG_20230704_0912.jpg", "图片来源：某某网", "關注我們，每天一篇乾貨",
                 "分类：网贷 | 标签：逾期", "【推广】零门槛借款，立即申请>>", "相关阅读：网贷逾期能协商吗", "发布于 3天前"]
    body = ["借呗逾期之后，平台一般会先发短信提醒，再安排客服打电话。", "逾期超过一个月，记录可能被报送到征信系统。"]
    article = _text_page("借呗逾期一个月会怎样", *furniture[:3], body[0], *furniture[3:], body[1])
    assert article.title == "借呗逾期一个月会怎样"
    assert texts(article) == body
    assert article.date == dt.date(2023, 7, 4)
    for line in furniture:
        assert removed_rules(article, line), line


def test_the_title_is_the_likeliest_headline_not_a_breadcrumb_slogan_or_label() -> None:
    article = _text_page("理财小站 — 让借钱更明白", "首页 / 网贷 / 正文", "文章标题：网贷逾期被起诉了怎么办",
                         "2024-02-01", "收到法院短信先别慌，核实案号是第一步。")
    assert article.title == "网贷逾期被起诉了怎么办"
    lead = _text_page("很多人以为晚还一两天没关系，其实逾期记录从第一天就开始累计了。", "美团月付晚还几天会怎样？",
                      "平台会先通过APP推送提醒。")
    assert lead.title == "美团月付晚还几天会怎样？"
    assert texts(lead)[0].startswith("很多人以为晚还一两天没关系"), "the lead paragraph stays in the body"
    untitled = _text_page("首页 > 借呗", "2024-03-03", "借呗逾期以后，最先收到的是短信。", "接着会有客服来电。")
    assert any(d.kind == "no-title" for d in untitled.defects)


def test_bulleted_lines_of_a_text_page_are_list_items() -> None:
    article = _text_page("信用卡逾期怎么处理", "处理步骤如下：", "• 先联系银行说明情况", "- 申请分期或延期",
                         "① 保留沟通记录", "（2）按约定还款")
    items = [p for p in article.paragraphs() if p.kind == "item"]
    assert [p.text for p in items[:2]] == ["先联系银行说明情况", "申请分期或延期"] and len(items) == 4
    assert not defects(article, "lost-list")


def test_a_hacked_page_of_gambling_lines_is_off_topic() -> None:
    from creditfaq.judge import judge_all

    article = _text_page("花呗套现秒到账 皇冠体育官方入口", "真人百家乐 注册即送彩金", "六合彩 时时彩 天天开奖",
                         "澳门新葡京娱乐城 信用卡逾期也能玩", "体育投注 老虎机 棋牌游戏", "花呗 借呗 征信 逾期 黑户也能下款")
    judged = judge_all([article])["t"]
    assert judged.relevant is False and judged.judgement.startswith("spam")


def test_a_forum_threads_posts_are_all_kept_not_only_the_longest() -> None:
    from creditfaq.readers import read_html

    posts = "".join(f'<div class="post"><div class="author">用户{i}</div><div class="message">第{i}楼：我那次逾期了{i}天，'
                    f'客服打了{i}次电话，后来还清了。</div></div>' for i in range(1, 6))
    page = f"<html><head><title>逾期经历</title></head><body><nav>首页</nav><div class='thread'>{posts}</div></body></html>"
    text = " ".join(b.text for b in read_html(page).blocks)
    assert all(f"第{i}楼" in text for i in range(1, 6))


def _cleaned_text(text: str) -> SourceArticle:
    return clean(read_text(text), article_id="t", source="t.txt", sha256="0" * 64, encoding="utf-8")


def test_toolbars_qa_chrome_and_spaced_dates_go_but_a_table_row_written_with_spaces_stays() -> None:
    page = ("某某问答网 — 有问必答\n首页　找律师　法律咨询　案例库\n示例借逾期两年，催收说要上门，该怎么办？\n"
            "咨询人：李先生　地区：湖北武汉\n张贴于 2024 年 5 月 6 日 由 小王\n"
            "欠款不还是民事纠纷，一般不会因此被拘留，可以先和平台协商分期还款，说明自己的困难。\n"
            "1-3天　短信提醒　收取罚息\n关注问题　写回答　邀请回答\n采纳率：92%　擅长：债务\n第1页　下一页　尾页\n"
            "3 条留言\n说得太对了，我也是这样协商成功的。\n")
    article = _cleaned_text(page)
    text = "\n".join(p.text for p in article.paragraphs())
    assert article.title == "示例借逾期两年，催收说要上门，该怎么办？"
    assert article.date == dt.date(2024, 5, 6)
    assert "一般不会因此被拘留" in text and "1-3天 短信提醒 收取罚息" in text  # full-width spaces normalised
    for furniture in ("找律师", "写回答", "采纳率", "下一页", "咨询人", "我也是这样协商成功"):
        assert furniture not in text, furniture


def test_a_sites_menus_buttons_and_posting_lines_go_and_the_headline_below_them_is_the_title() -> None:
    page = ("理财之窗\n首页\n资讯\n贷款\n信用卡\n保险\n登录\n注册\n理财之窗 > 网贷 > 正文\n"
            "京东白条逾期五天会被打电话吗？\n"
            "上一篇 2024年7月30日\n更新于 2024-08-09 07:30\n发布于 2024-08-02 18:05\n小王说财经 发表于 2024/8/2 18:05 北京\n"
            "[图片]\n分享至 微信 | 复制链接\n举报/反馈\n👍 35\n"
            "白条逾期以后，平台先在APP里推送提醒，随后会有客服来电，语气一般比较客气。\n"
            "2024年3月1日起，多家平台调整了催收外呼的时间，这是正文里的日期。\n"
            "提醒\n来电\n上门\n"
            "最后提醒一句：别借新还旧，先和平台协商分期。\n"
            "128 条评论\n我也被打过电话，还清就好了。\n"
            "关于我们\n联系我们\n网站地图\n")
    article = _cleaned_text(page)
    text = "\n".join(p.text for p in article.paragraphs())
    assert article.title == "京东白条逾期五天会被打电话吗？"
    assert article.date == dt.date(2024, 8, 2), "the day it was published, not the day it was edited"
    assert "平台先在APP里推送提醒" in text and "2024年3月1日起" in text
    # three short lines between two paragraphs are the article's (a list without markers)
    assert "上门" in text.split("\n")
    for furniture in ("首页", "信用卡", "登录", "小王说财经", "[图片]", "复制链接", "举报", "👍", "我也被打过电话",
                      "关于我们", "网站地图"):
        assert furniture not in text, furniture
    assert removed_rules(article, "首页") == {"site-menu"}


def test_a_notes_short_lines_stay_lines_and_a_line_naming_only_when_is_a_heading() -> None:
    from creditfaq.readers import read_markdown

    text = ("# 示例借逾期笔记\n\n🔔 还款日当天\nAPP会弹窗提醒\n\n📞 逾期第4天～第30天\n会有客服打电话\n\n"
            "这是一段按固定宽度折行写的长段落，写到这里已经超过了三十个字符，所以\n下一行接着上一行。\n")
    article = clean(read_markdown(text), article_id="m", source="m.md", sha256="0" * 64, encoding="utf-8")
    assert [s.heading for s in article.sections if s.heading] == ["🔔 还款日当天", "📞 逾期第4天～第30天"]
    paragraphs = [p.text for p in article.paragraphs()]
    assert "APP会弹窗提醒" in paragraphs and "会有客服打电话" in paragraphs
    assert any(p.endswith("所以下一行接着上一行。") for p in paragraphs), "a hard-wrapped line still continues"


def test_a_site_suffix_hashtags_counters_and_who_posted_when_go_and_a_headline_may_have_a_space() -> None:
    page = ("首页 > 理财 > 正文\n示例借逾期几天上征信 宽限期内还款有讲究_理财频道_某某财经网\n浏览人次：12,487\n"
            "匿名用户 · 提问于 3天前\n李律师 · 执业律师\n逾期后平台会先发短信提醒，再安排客服来电。\n"
            "#示例借# #逾期# #征信#\n好文章，需要你的鼓励\n扫一扫在手机打开当前页\n")
    article = _cleaned_text(page)
    assert article.title == "示例借逾期几天上征信 宽限期内还款有讲究"
    text = "\n".join(p.text for p in article.paragraphs())
    assert text == "逾期后平台会先发短信提醒，再安排客服来电。"


def test_a_storys_dated_lines_and_short_list_items_are_the_articles() -> None:
    page = ("示例借逾期三个月的经过\n2023年5月3日 收到第一条催收短信\n2023年6月1日 接到催收电话\n"
            "催收常用的联系方式有：\n- 微信\n- QQ\n逾期以后记得主动联系平台协商，这一步最重要。\n可以投诉的地方：\n"
            "- 银保监会\n- 人民银行\n- 消费者协会\n")
    text = [p.text for p in _cleaned_text(page).paragraphs()]
    for line in ("2023年5月3日 收到第一条催收短信", "微信", "QQ", "银保监会", "消费者协会"):
        assert any(line in t for t in text), line


def test_a_sites_sign_off_goes_but_a_summing_up_that_states_a_fact_stays() -> None:
    sign_offs = ["以上就是本站为各位整理的示例贷逾期多久上征信的全部内容，更多网贷知识敬请关注本站。",
                 "以上便是小编分享的示例分期逾期处理方法，欢迎收藏。", "更多借贷资讯请关注某某理财网",
                 "希望对大家有所帮助"]
    body = ["示例贷逾期第3天会有客服来电提醒。", "以上是平台的规定：逾期超过30天才会报送征信。"]
    article = _text_page("示例贷逾期多久上征信", body[0], *sign_offs[:2], body[1], *sign_offs[2:])
    assert texts(article) == body
    for line in sign_offs:
        assert removed_rules(article, line) == {"outro"}, line


def test_the_headline_below_a_long_menu_the_one_the_breadcrumb_ends_with_and_a_long_one_with_its_site() -> None:
    menu = ["个人网银登录", "企业网银登录", "首页", "卡片申请", "用卡服务", "还款服务", "分期业务", "安全中心", "帮助中心",
            "请输入问题关键词", "搜索"]
    page = _text_page("示例银行信用卡中心", *menu, "您的位置：首页 > 帮助中心 > 还款问题 > 示例卡逾期了怎么办？", "帮助中心",
                      "账单与还款", "卡片管理", "示例卡逾期了怎么办？", "发布日期：2023.12.15",
                      "问：什么情况下算逾期？", "答：到期还款日前未还足最低还款额，即视为逾期。")
    assert page.title == "示例卡逾期了怎么办？"
    long = ("2024年主流消费贷利率对比：示例借、示例付、示例花、示例贷，谁的实际年化更低？ - 某某比价网")
    article = _text_page("某某比价网 - 贷款对比 · 信用卡对比", "登录 | 注册", long, "需要用钱的时候，很多人第一反应是打开借款APP。")
    assert article.title == long.removesuffix(" - 某某比价网")
    blog = _text_page("小资女的理财笔记", "存钱、记账、信用卡，一个上班族的真实记录", "首页", "关于我", "理财笔记", "信用卡",
                      "保险", "联络我", "搜寻此网站", "选单", "信用卡", "信用卡迟缴一天会怎样？违约金和利息一次看懂",
                      "上个月我忘记缴卡费了，发现时已经过了截止日两天。")
    assert blog.title == "信用卡迟缴一天会怎样？违约金和利息一次看懂"


def test_a_question_asked_deep_in_the_body_is_no_headline() -> None:
    article = _text_page("刚过完年，不少人的账单都到了。你有没有认真算过，那些分期折算成年化利率到底是多少？",
                         "原创 某某 钱袋子研究所 2024年2月26日 20:15", "先看一个最常见的例子。",
                         "小王买了一台12000元的手机，选了12期分期，页面显示每期手续费率0.6%。", "他心想一年也就7.2%，比循环利息便宜多了。",
                         "真的是这样吗？", "分期手续费一般按最初的本金来算，每个月都收同样的钱。")
    assert any(d.kind == "no-title" for d in article.defects)


def test_search_boxes_feedback_widgets_forum_and_loan_ads_disclaimers_and_credits_are_furniture() -> None:
    furniture = ["热门搜索：花呗 借呗 信用卡", "请输入问题关键词", "全吧搜索", "示例白条吧", "吧主推荐", "只看楼主", "Lv.9",
                 "贴吧用户_AbC12x", "我也说一句", "本回答由提问者推荐", "你对这个回答的评价是？", "#热议# 春季过敏高发怎样防护？",
                 "好问题 42", "586,421", "浏览次数：35218", "未解决", "地址：江苏省南京市某某区某某路388号", "字号：T | T",
                 "扫一扫 手机阅读", "【推荐】不看征信 秒批5万 >>点击申请", "[立即测算我的额度，看看能拿到多低的利率 >>]",
                 "专业处理网贷逾期 停息挂账 协商减免 成功再收费", "风险提示：贷款有风险，借款需谨慎。",
                 "某某网仅提供信息参考，不从事任何放贷业务", "本文可能含有聯盟行銷連結", "（供稿：德育处 摄影：陈老师）",
                 "上一条：关于寒假安全教育的一封信"]
    body = ["示例贷逾期之后，平台一般会先发短信提醒。", "记者提醒", "网上所谓不看征信秒批的广告，多半是骗局。"]
    article = _text_page("示例贷逾期会怎样", *furniture[:12], body[0], *furniture[12:], body[1], body[2])
    assert texts(article) == body
    for line in furniture:
        assert removed_rules(article, line), line


def test_published_after_edited_in_a_traditional_byline_and_a_lead_in_under_a_heading() -> None:
    article = _text_page("示例卡遲繳一天會怎樣？", "最后修订：2024年4月2日", "發佈於 2024/01/09 · 由 Vicky 發表 · 瀏覽次數：2,345",
                         "上個月我忘記繳卡費了，發現時已經過了截止日兩天。", "三、先算清楚账，再去谈", "建议按下面的顺序来：",
                         "1. 列出每一笔欠款", "2. 联系平台说明情况")
    assert article.date == dt.date(2024, 1, 9)
    headings = [s.heading for s in article.sections if s.paragraphs]
    assert "三、先算清楚账，再去谈" in headings


def test_where_the_title_came_from_is_recorded_for_writers() -> None:
    crumb = _text_page("示例银行", "首页", "帮助中心", "还款问题", "您的位置：首页 > 帮助中心 > 示例卡逾期了怎么办？",
                       "示例卡逾期了怎么办？", "答：到期还款日前未还足最低还款额，即视为逾期。")
    assert crumb.title == "示例卡逾期了怎么办？" and "面包屑" in crumb.title_from
    none = _text_page("今天想聊聊分期这件事。很多人都没算过真实的成本。", "先看一个例子，小王买了一台手机。")
    assert "没有像标题的一行" in none.title_from
    html = clean(read_html("<html><head><meta property='og:title' content='示例贷逾期三天会怎样'></head>"
                           "<body><article><p>逾期三天会有短信提醒。</p></article></body></html>"),
                 article_id="h", source="h.html", sha256="0" * 64, encoding="utf-8")
    assert html.title_from == "页面的 og:title"
    markdown = clean(read_markdown("---\ntitle: 示例付逾期须知\n---\n\n逾期后会有短信提醒。\n"),
                     article_id="m", source="m.md", sha256="0" * 64, encoding="utf-8")
    assert "front matter" in markdown.title_from


def test_the_headline_is_the_line_above_its_dateline_not_the_first_sections_question() -> None:
    """The shape: site name, menu, headline, dateline, counters, then the first section opens
    with a question that looks more like a headline than the headline does."""
    article = _text_page("示例理财网", "首页 | 信用卡 | 网贷 | 征信", "示例借逾期几天上征信 宽限期内还款有讲究",
                         "2024年5月6日  示例理财网原创", "阅读 1,204 | 评论 3", "示例借逾期一天会不会上征信？",
                         "这是不少用户关心的问题，示例借已经接入央行征信系统。",
                         "从协议看，示例借并没有承诺宽限期，还款日后一两天内还上一般不会记为逾期。")
    assert article.title == "示例借逾期几天上征信 宽限期内还款有讲究"
    assert "示例借逾期一天会不会上征信？" in texts(article), "the section's question stays in the body"


def test_a_headline_printed_twice_is_taken_where_it_first_stands_and_a_lead_above_a_byline_is_no_headline() -> None:
    twice = _text_page("示例借逾期一天算逾期吗？宽限期和罚息一文说清_理财频道_示例热线网", "示例热线网", "首页", "新闻",
                       "理财", "示例借逾期一天算逾期吗？宽限期和罚息一文说清", "2024-03-07 09:12  来源：示例热线网  作者：李明",
                       "很多人以为晚还一天不要紧，其实示例借从还款日次日起就按日计收罚息。")
    assert twice.title == "示例借逾期一天算逾期吗？宽限期和罚息一文说清"
    assert not any("理财频道" in t for t in texts(twice)), "the <title> line is not left in the body"
    lead = _text_page("刚过完年，不少人的信用卡账单都到了，你有没有认真算过那些“每期手续费只要0.6%”的分期，折算成年化利率到底是多少？",
                      "原创 小李 示例研究所 2024年2月26日 20:15", "先看一个最常见的例子。",
                      "小王买了一台手机，选了12期分期，页面显示每期手续费率0.6%。")
    # a lead paragraph above the byline is no headline: the page has none, and writers are told
    assert any(d.kind == "no-title" for d in lead.defects)


def test_a_related_block_beside_the_article_gives_its_titles_as_reader_questions() -> None:
    page = ("<html><head><title>示例借逾期以后</title></head><body><div class='nav'>首页 | 贷款</div>"
            "<article><h1>示例借逾期以后会怎样</h1><p>示例借逾期第1天起按日收取罚息，第3天起会有电话提醒。</p>"
            "<p>逾期超过30天，可能委托第三方机构催收。</p></article>"
            "<div class='related'><h3>相关阅读</h3><ul><li><a href='/a/1'>示例借逾期多久会被起诉？</a></li>"
            "<li><a href='/a/2'>示例借逾期了可以协商还款吗</a></li></ul></div>"
            "<div class='footer'>版权所有</div></body></html>")
    article = clean(read_html(page), article_id="r", source="r.html", sha256="0" * 64, encoding="utf-8")
    assert list(article.related_titles) == ["示例借逾期多久会被起诉？", "示例借逾期了可以协商还款吗"]
    assert "示例借逾期多久会被起诉？" not in texts(article)


def test_an_html_pages_date_is_its_labelled_publication_date_not_a_comments() -> None:
    page = ("<html><head><title>示例借逾期</title></head><body><article><h1>示例借逾期以后会怎样</h1>"
            "<div class='meta'>作者：小林　来源：示例理财网　发布时间：2025-03-18　阅读 128</div>"
            "<p>示例借逾期第1天起按日收取罚息，第3天起会有电话提醒。</p>"
            "<div class='comment'><span class='user'>匿名用户</span><span class='time'>2025-03-19</span>"
            "<p>我逾期两天就还了。</p></div><div class='comment'><time class='time'>2025-04-02 21:13</time>"
            "<p>我也是。</p></div></article></body></html>")
    article = clean(read_html(page), article_id="d", source="d.html", sha256="0" * 64, encoding="utf-8")
    assert str(article.date) == "2025-03-18"


@pytest.mark.parametrize("header", ["相关帖子", "热门帖子", "相关视频", "推荐帖"])
def test_a_forums_related_list_is_a_related_list(header: str) -> None:
    article = _text_page("示例借逾期一个月了会怎样？在线等", "发布时间：2025-08-20", "楼主 发表于 2025-08-20 22:41",
                         "上个月失业了，示例借有一笔欠款，现在已经逾期快一个月了，每天都有电话打过来。",
                         "2楼 热心网友 发表于 2025-08-20 23:05", "逾期满一个月左右，示例借会把逾期记录报送征信。",
                         header, "示例借逾期三天会上征信吗", "示例借协商还款成功经验分享")
    assert list(article.related_titles) == ["示例借逾期三天会上征信吗", "示例借协商还款成功经验分享"]
    assert not any(t.startswith(("示例借逾期三天", header)) for t in texts(article))
