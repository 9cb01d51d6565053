"""What a product page says first: the publication gate per section, the short answers, which
section answers a reader's question, the general rules, and the FAQ structured data."""

from __future__ import annotations

from .. import rules
from ..days import parse_days
from ..model import ANSWERED_IN, Claim, Product, Question, Regulation, SECTIONS, TopicFile
from ..publish import published
from ..text import to_simplified
from .law import _law_where, _reporting, _rows, complaint_routes, plain_line, regulation_line
from .markup import Glossary, NO_GLOSSARY, _Footnotes, esc, json_for_script


SECTION_TITLES = dict(SECTIONS)


def published_sections(topic: TopicFile) -> dict[str, list[Claim]]:
    """What readers see of each section of a product's page (the publication gate, run once)."""
    return {kind: _visible(getattr(topic, kind)) for kind, _ in SECTIONS}


def answering(q: Question, topic: TopicFile, published: dict[str, list[Claim]] | None = None) -> str | None:
    """The section of the product's page that answers a reader's question, or None: a
    question is answered only by a published fact of what it asks about (the action its words
    name) and, when it names a day, of a day range that holds that day. The facts are looked
    for in the section of the question's topic, then in the section each action asked about
    belongs to ("多久会被起诉" is filed under collection for 起诉, a step of the timeline; "逾期一
    天会上征信吗" under the timeline for its day, a credit fact). A question of the timeline that
    names a day and no step ("逾期三天会怎样") is answered by any step of that day. A question
    about something no fact speaks of (政审, 算不算负债) is not pointed at a section that would
    not answer it. `published`: the topic's published_sections, when the caller has them."""
    section = ANSWERED_IN.get(q.topic)
    if section is None:
        return None
    simple = to_simplified(q.text)
    if q.days == (1, None) and parse_days(simple, vague=False) is None:
        q = q.model_copy(update={"days": None})  # "逾期后多久会被起诉": 逾期后 asks no day of its own
    wanted = {a for _, a, p in rules.ACTIONS if p.search(simple)}
    if rules.CREDIT_IN_GENERAL.search(simple) and (q.days is None or q.days[0] is None):
        # "花呗逾期对征信的影响": any published fact about its credit report answers it
        wanted |= {a for k, a, _ in rules.ACTIONS if k == "credit"}
    elif "征信" in simple:
        wanted.add("上报征信")  # "逾期一天会上征信吗": whether, and when, it is reported
    if not wanted and section == "timeline" and q.days is not None and q.days[0] is not None:
        wanted = {a for k, a, _ in rules.ACTIONS if k == "timeline"}  # "逾期三天会怎样": any step of that day
    if not wanted:
        return None
    kinds = {a: k for k, a, _ in rules.ACTIONS}
    order = list(dict.fromkeys([section, *(kinds[a] for a in sorted(wanted))]))
    if published is None:
        published = published_sections(topic)
    for where in order:
        for claim in published.get(where, []):
            if claim.action not in wanted:
                continue
            days = getattr(claim, "days", None)
            if q.days is None or q.days[0] is None:
                return where
            if days is not None and (days[0] is None or days[0] <= q.days[0]) and (days[1] is None or q.days[0] <= days[1]):
                return where
    return None


def _question_line(q: Question, page: str, topic: TopicFile, published: dict[str, list[Claim]]) -> str:
    """A question, linked to the section that answers it; `page` is the product page's link,
    `published` the topic's published_sections. One no published fact answers is listed as
    asked, marked 暂无可靠回答."""
    section = answering(q, topic, published)
    if section is None:
        return f"- {esc(q.text)}（暂无可靠回答）"
    return f"- [{esc(q.text)}]({page}#{section})（见{SECTION_TITLES[section]}）"


def faq_json_ld(product: Product, pairs: list[tuple[str, str]]) -> str:
    """schema.org FAQPage for the questions the page answers first; each answer is the text the
    page shows under its question (the sources' facts and the fact sheet's law), nothing new."""
    entries = [{"@type": "Question", "name": q, "acceptedAnswer": {"@type": "Answer", "text": a}} for q, a in pairs if a]
    if not entries:
        return ""
    data = {"@context": "https://schema.org", "@type": "FAQPage", "name": f"{product.name}逾期常见问题",
            "mainEntity": entries}
    return f'<script type="application/ld+json">{json_for_script(data)}</script>\n'


def _visible(claims: list[Claim]) -> list[Claim]:
    """What readers see of a list of claims: what passes the publication gate."""
    return published(claims)




def _general_rules(kind: str, general: TopicFile | None, product_name: str, notes: _Footnotes,
                   gl: Glossary, indent: str = "    ") -> list[str]:
    """What sources say about lenders in general, folded away under the product's own facts
    and labelled as such: the product may differ."""
    claims = _visible(getattr(general, kind)) if general is not None else []
    if not claims:
        return []
    lines = [f'??? note cf-general "多数平台的一般做法（{len(claims)} 条，不专指{esc(product_name)}）"\n',
             f"{indent}下面是来源文章对网贷、银行等放贷机构一般做法的说法，不是专门讲{esc(product_name)}的，"
             f"{esc(product_name)}未必如此。\n"]
    for c in claims:
        # cited inline: the box is self-contained, and the article pages it cites are not
        # this product's sources
        lines.append(f"{indent}- {gl.mark(esc(c.text))}{_inline_sources(c, notes)}")
    lines.append("")
    return lines


def _inline_sources(claim: Claim, notes: _Footnotes) -> str:
    """Links to a claim's source paragraphs, written inline (for the general rules, whose
    articles are about other products), classed cf-general as the general rules' box is."""
    return "".join(f"（[原文]({notes.prefix}articles/{s.split('#')[0]}.md#{s.split('#')[1]}){{: .cf-general }}）"
                   for s in claim.sources if s.split("#")[0] in notes.articles)


def quick_answers(product: Product, topic: TopicFile, regulations: list[Regulation], general: TopicFile | None,
                  notes: _Footnotes, gl: Glossary = NO_GLOSSARY) -> tuple[list[str], list[tuple[str, str]]]:
    """The three questions a worried reader asks first, answered from this product's published
    facts, then the general rules sources state, then the fact sheet; each sentence keeps its
    source or its law. Returns the Markdown lines and (question, plain answer) pairs."""
    name = product.name
    regs = list(regulations)
    own = {kind: _visible(getattr(topic, kind)) for kind, _ in SECTIONS}
    common = {kind: _visible(getattr(general, kind)) if general is not None else [] for kind, _ in SECTIONS}
    qa: list[tuple[str, list[tuple[str, str]]]] = []  # question, [(markdown, plain)]

    def said(claims: list[Claim], action: str, limit: int, inline: bool = False) -> list[tuple[str, str]]:
        found = [c for c in claims if c.action == action]
        found.sort(key=lambda c: (getattr(c, "days", None) is None and "逾期第" not in c.text,))
        out = []
        for c in found[:limit]:
            refs = _inline_sources(c, notes) if inline else notes.ref(c)
            disputed = "（来源说法不一）" if c.disputed else ""
            out.append((f"{gl.mark(esc(c.text))}{refs}" + (f" **{disputed}**" if disputed else ""), c.text + disputed))
        return out

    def law(rows: list[Regulation]) -> list[tuple[str, str]]:
        return [(regulation_line(r, "../", gl), plain_line(r)) for r in rows]

    # 1. 征信
    answer = said(own["credit"], "上报征信", 2)
    if not answer:
        answer = [(f"现有来源文章没有说明{esc(name)}逾期多久会上报征信。", f"现有来源文章没有说明{name}逾期多久会上报征信。")]
        if (reporting := _reporting(product, regs)) and "regulations.md#" in reporting:
            answer.append((f"是否接入征信：{reporting}", ""))  # only what the fact sheet publishes
    answer += law(_law_where(regs, "征信影响", "告知")[:1])
    qa.append((f"{name}逾期几天会上征信？", answer))
    # 2. 家人、朋友
    answer = said(own["timeline"], "联系紧急联系人", 2)
    if not answer:
        answer = [(f"现有来源文章没有说{esc(name)}会联系你的亲友。", f"现有来源文章没有说{name}会联系你的亲友。")]
    # what the collection standard is reported to say of contacts (only the debtor, contacts only
    # when the debtor cannot be reached) first: it answers the question; then the rule and the law
    answer += law([r for r in _law_where(regs, "催收权益", "不向联系人", secondary=True) if r.confidence == "secondary"][:1])
    answer += said(own["rights"], "不得骚扰他人", 1) or said(common["rights"], "不得骚扰他人", 1, inline=True)
    answer += law(_law_where(regs, "催收权益", "提供个人信息", "非法提供")[:1])
    qa.append((f"{name}逾期会联系我的家人、朋友吗？", answer))
    # 3. 起诉
    answer = said(own["timeline"], "起诉", 2)
    if not answer:
        answer = [(f"现有来源文章没有说{esc(name)}逾期后会起诉。", f"现有来源文章没有说{name}逾期后会起诉。")]
    qa.append((f"{name}逾期会被起诉吗？", answer))
    # 4. 投诉: by the kind of lender, as the fact sheet names it; then what sources say
    answer = complaint_routes(product, regs, gl)
    # what the product's own sources say of its routes; the general rules only when the fact
    # sheet names no route for it (they are on the page under 催收权益)
    answer += said(own["rights"], "投诉渠道", 1) or ([] if answer else said(common["rights"], "投诉渠道", 2, inline=True))
    answer += law(_rows(regs, rules.COMPLAINT_ALWAYS))
    qa.append(("被催收骚扰、威胁，可以去哪里投诉？", answer))
    # 5. 记录多久消除
    answer = said(own["credit"], "记录保留", 1) + law(_law_where(regs, "征信影响", "保存5年", "删除")[:1])
    qa.append(("逾期记录多久才能消除？", answer))
    # 6. 怎么查, and what to do when the report is wrong
    answer = law(_law_where(regs, "投诉与异议", "免费获取")[:1]) + law(_rows(regs, rules.CREDIT_CHECK))
    answer += law(_law_where(regs, "投诉与异议", "异议")[:1])
    qa.append(("怎么查自己的征信？记录有错怎么办？", answer))

    lines = ["## 先看结论 {#answers}\n"]
    pairs = []
    for question, answer in qa:
        if not answer:
            continue  # nothing published says it (a fact sheet without the row): no empty question
        lines.append(f"**{esc(question)}**\n")
        lines.extend(f"- {md}" for md, _ in answer)
        lines.append("")
        pairs.append((question, " ".join(plain for _, plain in answer if plain)))
    return lines, pairs


def has_facts(topic: TopicFile) -> bool:
    """Whether a product has anything of its own to publish."""
    return bool(_visible(topic.claims()))
