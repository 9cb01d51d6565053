"""render: products, articles and topic data → Markdown pages (relative path → text).

Pure. Everything that comes from data is escaped, so a title full of `* [ ] < > #` stays
text, and no markup from a source can reach the site.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections import defaultdict

import yaml

from .model import (ANSWERED_IN, SECTIONS, Claim, GlossaryTerm, GuidanceRule, OverdueStage, Product, Question, Regulation,
                    SearchVocabulary,
                    SourceArticle, TopicFile)
from . import rules
from .rules import ACTION_PHRASES, COMPARE_DAYS, GENERAL, GENERAL_LABEL, TOPIC_PAGES
from .days import days_label, parse_days
from .editlinks import EditLinks
from .publish import published
from .search import LEXICON, lexicon, search_targets
from .text import is_traditional, short_hash, to_simplified

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def esc(text: str) -> str:
    """Text from data → Markdown that renders as exactly that text."""
    text = html.escape(text, quote=False)
    return _MD_SPECIAL.sub(r"\\\1", text)


def attr(text: str) -> str:
    return html.escape(text, quote=True)


# The theme writes front-matter values (title, description, tags) into <title>, headers,
# attributes and the search index without escaping them, and Jinja's `striptags` would even
# unescape entities. So the characters that mean something there are replaced by their
# full-width forms, which read the same and mean nothing in any context.
_TEMPLATE_SAFE = str.maketrans({"<": "＜", ">": "＞", "&": "＆", '"': "＂", "'": "＇", "`": "｀"})


def template_text(text: str) -> str:
    """Text for a place where the theme's templates put it as they find it."""
    return " ".join(text.translate(_TEMPLATE_SAFE).split())


def json_for_script(data: object) -> str:
    """JSON that is safe inside <script>: no `<`, `>` or `&` (so neither `</script>` nor
    `<!--` can end or change the script element) and no line separators."""
    import json

    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    for ch, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                     ("\u2029", "\\u2029")):
        text = text.replace(ch, code)
    return text


class Glossary:
    """Terms that become tooltips in running text: the first mention in a paragraph or list
    item is wrapped in <abbr title="…">, longest term first (不良信息 before 信息)."""

    def __init__(self, terms: list[GlossaryTerm] = ()):
        self.definitions = {}
        for t in terms:
            for name in (t.term, *t.aliases):
                self.definitions.setdefault(name, t.definition)
        names = sorted(self.definitions, key=len, reverse=True)
        self.pattern = re.compile("|".join(re.escape(n) for n in names)) if names else None

    def mark(self, escaped: str) -> str:
        """`escaped`: text already passed through esc(); returns it with tooltips."""
        if self.pattern is None:
            return escaped
        seen: set[str] = set()

        def wrap(m: re.Match[str]) -> str:
            term = m.group(0)
            if term in seen or not _whole_word(escaped, m.start(), m.end()):
                return term
            seen.add(term)
            return f'<abbr title="{attr(self.definitions[term])}">{term}</abbr>'

        return self.pattern.sub(wrap, escaped)


def _whole_word(text: str, start: int, end: int) -> bool:
    """Whether a glossary term at text[start:end] is the word itself: not inside the title of a
    law (《征信业务管理办法》) and not the head of a longer name (征信机构, 征信中心)."""
    if text.rfind("《", 0, start) > text.rfind("》", 0, start):
        return False
    return not text.startswith(rules.COMPOUND_TAILS, end)


NO_GLOSSARY = Glossary()


# Search weights by page role (Pagefind's data-pagefind-weight on the page's text): our
# summaries outrank the source articles they cite, and the index pages that merely list names
# do not outrank the pages about those names. A page without a role (the home page, the tags,
# the writers' guide and report) is not in the search at all.
SEARCH_WEIGHT = {"topic": 2.0, "product": 2.0, "tool": 1.5, "reference": 1.0, "article": 0.3, "index": 0.5,
                 "thin": 0.3}  # a product page with nothing reliable to say: found by its name, not by topic


def front_matter(role: str | None = None, **meta: object) -> str:
    def safe(value: object) -> object:
        if isinstance(value, str):
            return template_text(value)
        if isinstance(value, (list, tuple)):
            return [safe(v) for v in value]
        return value

    data = {k: safe(v) for k, v in meta.items() if v is not None}
    if role:
        data["pagefind"] = {"kind": role, "weight": SEARCH_WEIGHT[role]}
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{body}---\n\n"


class _Footnotes:
    """Numbers each cited paragraph once per page and writes the definitions."""

    def __init__(self, articles: dict[str, SourceArticle], prefix: str):
        self.articles, self.prefix, self.order = articles, prefix, {}

    def ref(self, claim: Claim) -> str:
        marks = []
        for source in claim.sources:
            n = self.order.setdefault(source, len(self.order) + 1)
            marks.append(f"[^s{n}]")
        return "".join(marks)

    def definitions(self) -> str:
        lines = []
        for source, n in self.order.items():
            aid, pid = source.split("#", 1)
            article = self.articles[aid]
            index = next(i for i, p in enumerate(article.paragraphs(), 1) if p.id == pid)
            lines.append(f"[^s{n}]: 《{esc(article.title)}》第 {index} 段："
                         f"[查看原文段落]({self.prefix}articles/{aid}.md#{pid})")
        return "\n".join(lines) + "\n" if lines else ""


def citation(reg: Regulation) -> str:
    return reg.law + (reg.article or "")


def regulation_line(reg: Regulation, prefix: str, gl: Glossary = NO_GLOSSARY) -> str:
    """A legal statement as the fact sheet allows it: verified as law with its article,
    secondary only behind its attribution. Unverified ones are never passed here."""
    link = f"[{esc(citation(reg))}]({prefix}regulations.md#{reg.id})"
    caveat = f"（注意：{esc(reg.caveat)}）" if reg.caveat else ""
    if reg.confidence == "verified":
        return f"{link}：{gl.mark(esc(reg.summary))}{caveat}"
    # a report is linked as what it is, not under the name of a law it may cite: a reader
    # must not take a news summary for the law's text
    where = f"[出处与核实情况]({prefix}regulations.md#{reg.id})"
    return f"{esc(reg.attribution or '据报道')}，{gl.mark(esc(reg.summary))}（{where}：二手来源，未对照原文核实）{caveat}"


def _regulations_for(kind: str, product: Product, regulations: list[Regulation]) -> list[Regulation]:
    def applies(r: Regulation) -> bool:
        return r.publishable and (not r.products or product.id in r.products) and r.topic not in ("产品信息", "放款机构")

    if kind == "credit":
        return [r for r in regulations if applies(r) and (
            r.topic == "征信影响" or (r.topic == "投诉与异议" and ("征信" in r.summary or "信用报告" in r.summary)))]
    if kind == "rights":
        rows = [r for r in regulations if applies(r) and (
            # complaints about the credit report belong to 征信影响, not to a collector's conduct
            r.topic == "催收权益" or (r.topic == "投诉与异议" and "投诉" in r.summary
                                      and "征信" not in r.summary and "信用报告" not in r.summary))]
        # a rule only about illegal debts (刑法第293条之一) does not lead the rights of a lender's
        # product: the rules that bind every collector come first
        return sorted(rows, key=lambda r: "非法债务" in r.summary)
    return []


def _reporting(product: Product, regulations: list[Regulation]) -> str | None:
    """What the fact sheet lets us say about whether this product reports to 征信."""
    own = [r for r in regulations if product.id in r.products and r.topic == "产品信息"]
    published = [r for r in own if r.publishable]
    if published:
        return "；".join(regulation_line(r, "../") for r in published)
    if own:
        return "本站查到的资料说法不一，还没有核实；请以自己的征信报告为准"
    return None


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


class Guidance:
    """What to do at a stage: the first rule whose channels the stage uses, with its law."""

    def __init__(self, rules: list[GuidanceRule] = (), regulations: list[Regulation] = ()):
        self.rules = list(rules)
        self.law = {r.id: r for r in regulations if r.publishable}

    def for_stage(self, stage: OverdueStage) -> tuple[GuidanceRule, list[Regulation]] | None:
        for rule in self.rules:
            if set(rule.channels) & set(stage.channels):
                cited = [self.law[r] for r in rule.regulations if r in self.law]
                if cited:
                    return rule, cited
        return None

    def markdown(self, stage: OverdueStage, prefix: str) -> str:
        found = self.for_stage(stage)
        if found is None:
            return ""
        rule, cited = found
        links = "、".join(f"[{esc(citation(r))}]({prefix}regulations.md#{r.id})" for r in cited)
        return f'<br><span class="cf-stage__todo">现在可以做什么：{esc(rule.text)}（依据：{links}）</span>'


NO_GUIDANCE = Guidance()


def _timeline(stages: list[OverdueStage], notes: _Footnotes, gl: Glossary = NO_GLOSSARY,
              guidance: Guidance = NO_GUIDANCE) -> str:
    # A tight Markdown list (one line per stage) so that attr_list can class each item and
    # MkDocs still sees the footnote links; CSS draws the line and the dots.
    out = []
    for stage in stages:
        line = f'<span class="cf-stage__days">{attr(days_label(stage.days))}</span>'
        # a machine fact is named by its step; a source's heading may speak of another step
        label = stage.action if stage.status in ("machine", "approved") and stage.action else stage.title
        if label:
            line += f" **{esc(label)}**"
        line += f"<br>{gl.mark(esc(stage.text))}{notes.ref(stage)}"
        if stage.channels:
            line += '<br><span class="cf-stage__channels">' + "".join(
                f'<span class="cf-channel">{attr(ch)}</span>' for ch in stage.channels) + "</span>"
        line += guidance.markdown(stage, "../")
        out.append(f"1. {line}\n    {{: .cf-stage #{stage.id} }}")
    return "\n".join(out) + "\n"




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


def _law_where(regulations: list[Regulation], topic: str, *words: str, secondary: bool = False) -> list[Regulation]:
    """Publishable rows of the fact sheet on `topic` whose summary says one of `words`:
    verified ones, and secondary ones too when `secondary` (they are then attributed)."""
    allowed = ("verified", "secondary") if secondary else ("verified",)
    return [r for r in regulations if r.publishable and r.topic == topic and r.confidence in allowed
            and not r.products and any(w in r.summary for w in words)]


def _rows(regulations: list[Regulation], ids: tuple[str, ...]) -> list[Regulation]:
    """The publishable rows of the fact sheet with these ids, in this order."""
    by_id = {r.id: r for r in regulations if r.publishable}
    return [by_id[i] for i in ids if i in by_id]


def lender_of(product: Product, regulations: list[Regulation]) -> Regulation | None:
    """The publishable fact-sheet row that says who lends for the product, if any."""
    return next((r for r in regulations if r.publishable and r.topic == "放款机构" and product.id in r.products), None)


def complaint_routes(product: Product, regulations: list[Regulation], gl: Glossary = NO_GLOSSARY) -> list[tuple[str, str]]:
    """Where a complaint about the product's collection goes first, by the kind of its lender
    (rules.COMPLAINT_ROUTES): who lends, as the fact sheet says it, then the routes for that
    kind; for a product of several lenders, or of one the fact sheet does not name, the rule
    that the lender must be named, then each route under the kind of lender it is for.
    (markdown, plain) pairs, each a row of the fact sheet as its confidence allows."""
    def line(r: Regulation, lead: str = "") -> tuple[str, str]:
        plain = (f"{citation(r)}：{r.summary}" if r.confidence == "verified"
                 else f"{r.attribution or '据报道'}，{r.summary}（二手来源，未对照原文核实）")
        plain += f"（注意：{r.caveat}）" if r.caveat else ""
        return f"{lead}{regulation_line(r, '../', gl)}", f"{lead}{plain}"

    lender = lender_of(product, regulations)
    kind = lender.lender_type if lender is not None else None
    out = [line(lender, f"{esc(product.name)}的放款机构：")] if lender is not None else []
    if kind in rules.COMPLAINT_ROUTES:
        return out + [line(r) for r in _rows(regulations, rules.COMPLAINT_ROUTES[kind])]
    out += [line(r, "先弄清放款机构：") for r in _rows(regulations, (rules.COMPLAINT_UNKNOWN_LENDER,))]
    for rid, label in rules.COMPLAINT_BY_KIND.items():
        out += [line(r, f"{label}：") for r in _rows(regulations, (rid,))]
    return out


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
        # the plain answer says what the page says: the secondary label and the row's caveat too
        return [(regulation_line(r, "../", gl),
                 (f"{citation(r)}：{r.summary}" if r.confidence == "verified"
                  else f"{r.attribution or '据报道'}，{r.summary}（二手来源，未对照原文核实）")
                 + (f"（注意：{r.caveat}）" if r.caveat else "")) for r in rows]

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
    answer += said(own["rights"], "不得骚扰他人", 1) or said(common["rights"], "不得骚扰他人", 1, inline=True)
    answer += law(_law_where(regs, "催收权益", "提供个人信息", "非法提供")[:1])
    # what the collection standard is reported to say of contacts, behind its attribution
    answer += law([r for r in _law_where(regs, "催收权益", "不向联系人", secondary=True) if r.confidence == "secondary"][:1])
    qa.append((f"{name}逾期会联系我的家人、朋友吗？", answer))
    # 3. 起诉
    answer = said(own["timeline"], "起诉", 2)
    if not answer:
        answer = [(f"现有来源文章没有说{esc(name)}逾期后会起诉。", f"现有来源文章没有说{name}逾期后会起诉。")]
    qa.append((f"{name}逾期会被起诉吗？", answer))
    # 4. 投诉: by the kind of lender, as the fact sheet names it; then what sources say
    answer = complaint_routes(product, regs, gl)
    answer += said(own["rights"], "投诉渠道", 2) or said(common["rights"], "投诉渠道", 2, inline=True)
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


def _product_tags(product: Product) -> list[str]:
    """Tags: shown on the page and listed on the tag index; one chip per name as readers in
    mainland China write it (花唄 is 花呗)."""
    return list(dict.fromkeys(to_simplified(t) for t in (product.name, *product.aliases,
                                                         *([product.category] if product.category else []))))


def thin_product_page(product: Product, topic: TopicFile, others: dict[str, Product],
                      regulations: list[Regulation] = (), gl: Glossary = NO_GLOSSARY) -> str:
    """A product no source speaks of reliably: no page of boilerplate (the same law list and
    "the sources say nothing" three times), but where to go instead, and its readers'
    questions. Not in the sitemap, not for search engines."""
    name = esc(product.name)
    parts = [
        front_matter("thin", title=f"{product.name}：暂无可靠资料", robots="noindex", tags=_product_tags(product),
                     description=f"本站暂时没有关于{product.name}逾期的可靠资料；这里列出适用于所有放贷机构的规定和读者的问题。"),
        f"# {name}逾期会怎样？\n",
        f'!!! note "暂无可靠资料"\n    本站还没有整理到专门讲{name}逾期的可靠来源文章，所以这里不写{name}自己会怎么做，'
        "也不重复每一页都一样的法律条文。下面这些页面适用于所有放贷机构，可以先看。\n",
        "## 先看这些 {#start}\n",
        "- [逾期几天会怎样：各产品的逾期时间线对比](../topics/overdue-days.md)",
        "- [催收权益与投诉渠道：催收不能做什么、去哪里投诉](../topics/cuishou-quanyi.md)",
        "- [征信记录多久消除](../topics/zhengxin-duojiu-xiaochu.md)",
        "- [爆通讯录是否合法](../topics/bao-tongxunlu.md)",
        "- [逾期自查：按天数看可能发生什么](../self-check.md)",
        "",
    ]
    if lender_of(product, list(regulations)) is not None:
        # who lends is the product's own fact, and it decides where a complaint goes first
        parts.append("## 遇到违规催收，可以去哪里投诉？ {#complaints}\n")
        parts.extend(f"- {md}" for md, _ in (*complaint_routes(product, list(regulations), gl),
                                            *((regulation_line(r, "../", gl), "") for r in
                                              _rows(list(regulations), rules.COMPLAINT_ALWAYS))))
        parts.append("")
    # no fact answers its questions: each is listed as asked (暂无可靠回答)
    parts += _questions_and_related(product, topic, others, f"读者关于{name}的问题")
    return "\n".join(parts)


def _questions_and_related(product: Product, topic: TopicFile, others: dict[str, Product], heading: str) -> list[str]:
    """The product's reader questions, each linked to what answers it or marked 暂无可靠回答,
    then its related products."""
    parts: list[str] = []
    if questions := [q for q in topic.questions if q.status != "rejected"]:
        parts.append(f"## {heading} {{#questions}}\n")
        published = published_sections(topic)
        parts.extend(_question_line(q, "", topic, published) for q in questions)
        parts.append("")
    if related := [others[r] for r in product.related if r in others]:
        parts.append("## 相关产品 {#related}\n")
        parts.extend(f"- [{esc(r.name)}]({r.id}.md)" for r in related)
        parts.append("")
    return parts


def product_page(product: Product, topic: TopicFile, articles: dict[str, SourceArticle],
                 regulations: list[Regulation] = (), others: dict[str, Product] | None = None,
                 gl: Glossary = NO_GLOSSARY, guidance: Guidance = NO_GUIDANCE,
                 general: TopicFile | None = None) -> str:
    """`others`: the products that have pages, for the related-products links; `general`:
    the rules sources state about lenders in general, shown under each section. A product
    with nothing of its own to publish gets the short page of thin_product_page."""
    others = others or {}
    if not has_facts(topic):
        return thin_product_page(product, topic, others, regulations, gl)
    notes = _Footnotes(articles, "../")
    cited = sorted({s.split("#")[0] for c in _visible(topic.claims()) for s in c.sources})
    parts = [
        front_matter("product", title=f"{product.name}逾期：时间线、征信影响与催收权益",
                     tags=_product_tags(product),
                     description=f"{product.name}逾期后会发生什么、何时影响征信、催收时你有哪些权利，整理自 {len(cited)} 篇来源文章。"),
        f"# {esc(product.name)}逾期会怎样？\n",  # the page's question, as the reader asks it
    ]
    answers, pairs = quick_answers(product, topic, list(regulations), general, notes, gl)
    parts += answers  # what the reader came for, on the first screen
    parts += [
        '<div class="cf-infobox" markdown>\n',
        f"- **产品**：{esc(product.name)}",
    ]
    if aliases := [a for a in dict.fromkeys(to_simplified(a) for a in product.aliases) if a != product.name]:
        parts.append(f"- **又称**：{esc('、'.join(aliases))}")
    parts.append(f"- **提供方**：{esc(product.provider) if product.provider else '本站尚未核实'}")
    if product.category:
        parts.append(f"- **类型**：{esc(product.category)}")
    if reporting := _reporting(product, list(regulations)):
        parts.append(f"- **是否上征信**：{reporting}")
    if any(c.disputed for c in _visible(topic.credit)):
        parts.append("- **来源说法不一**：来源文章对何时上征信说法不同，见[征信影响](#credit)")
    parts.append(f"- **来源文章**：{len(cited)} 篇（见[来源](#sources)）")
    parts.append(f"- **最后审核**：{topic.reviewed.isoformat()}" if topic.reviewed
                 else "- **最后审核**：本页内容尚未经编辑审核")
    parts.append("\n</div>\n")
    if not _visible(topic.claims()):
        parts.append(f'!!! warning cf-boilerplate "资料不多"\n    本站还没有整理到专门讲{esc(product.name)}逾期的来源文章。'
                     "下面是适用于所有消费信贷产品的法律规定，以及读者关于这个产品常问的问题。\n")
    else:
        parts.append('!!! note cf-boilerplate "关于本页"\n    本页内容整理自来源文章，脚注指向每句话出自的原文段落。'
                     "来源说法未必准确，如有疑问请以放贷机构的合同和官方说明为准。\n")
    for kind, heading in SECTIONS:
        claims = _visible(getattr(topic, kind))
        parts.append(f"## {heading} {{#{kind}}}\n")
        if not claims:
            parts.append(f"现有来源文章没有谈到{esc(product.name)}的{heading}。\n")
        elif kind == "timeline":
            parts.append(_timeline(claims, notes, gl, guidance))  # type: ignore[arg-type]
        else:
            if any(c.disputed for c in claims):
                parts.append('!!! warning "来源说法不一"\n    下面标出的几条说法互相矛盾，本站无法判断哪一条对。'
                             "请以你自己的信用报告和放贷机构的正式说明为准。\n")
            parts.append("来源文章的说法：\n")
            parts.extend(f"- {gl.mark(esc(c.text))}{notes.ref(c)}" + (" **（来源说法不一）**" if c.disputed else "")
                         for c in claims)
            parts.append("")
        parts.extend(_general_rules(kind, general, product.name, notes, gl))
        law = _regulations_for(kind, product, list(regulations))
        if (verified := [r for r in law if r.confidence == "verified"]) and claims:
            # the same law on every product page: not in the search index (SEARCH_EXCLUDE)
            parts.append('<div class="cf-laws" markdown>\n\n法律规定：\n')
            parts.extend(f"- {regulation_line(r, '../', gl)}" for r in verified)
            parts.append("\n</div>\n")
        elif verified:
            # with nothing of its own to say, the section does not repeat the same law list on
            # every page open: the answers at the top already cite what matters
            parts.append(f'??? note cf-laws "适用于所有放贷机构的法律规定（{len(verified)} 条）"\n')
            parts.extend(f"    - {regulation_line(r, '../', gl)}" for r in verified)
            parts.append("")
        if reported := [r for r in law if r.confidence == "secondary"]:
            # second-hand statements are there for who wants them, folded away
            parts.append(f'??? note cf-laws "据报道的监管规定（{len(reported)} 条，二手来源）"\n')
            parts.extend(f"    - {regulation_line(r, '../', gl)}" for r in reported)
            parts.append("")
    parts += _questions_and_related(product, topic, others, "读者常问")
    parts.append("## 来源 {#sources}\n")
    if not cited:
        parts.append("本页还没有引用来源文章。\n")
    for aid in cited:
        a = articles[aid]
        date = f"（{a.date.isoformat()}）" if a.date else ""
        parts.append(f"- [{esc(a.title)}](../articles/{aid}.md){date}")
    parts.append("")
    parts.append(notes.definitions())
    parts.append(faq_json_ld(product, pairs))
    return "\n".join(parts)


GAP_MARK = '<span class="cf-gap" title="原网页这里有被删掉的字">〔缺字〕</span>'


def _mark_gaps(html: str) -> tuple[str, int]:
    """A censored hole in a source's sentence ("通过短信、 、邮件") shown as what it is; and how
    many there were."""
    return rules.CENSORED_GAP.subn(lambda m: re.sub(r"\s+", GAP_MARK, m.group(0), count=1), html)


def article_page(article: SourceArticle, products: list[Product], original: SourceArticle | None = None,
                 gl: Glossary = NO_GLOSSARY) -> str:
    meta = []
    if article.date:
        meta.append(f"发布时间：{article.date.isoformat()}")
    # the source file's name is the writers' (data/sources/), not something a reader can open
    if products:
        meta.append("涉及产品：" + "、".join(f"[{esc(p.name)}](../products/{p.id}.md)" for p in products))
    parts = [
        front_matter("article", title=article.title, description=f"来源文章《{article.title}》整理后的正文。"),
        f"# {esc(article.title)}\n",
        " · ".join(meta) + "\n{: .cf-meta }\n",
    ]
    if original:
        parts.append(f'!!! warning "这是一篇转载"\n    本文与[《{esc(original.title)}》]({original.id}.md)基本相同，'
                     "本站只采用原文的说法。\n")
    parts += [
        '!!! info "这是一篇来源文章"\n    这是从网上收集的文章经整理后的正文：去掉了广告、其他文章的推荐、评论等内容。'
        "本站产品页的说法都标注了出自这里的哪一段。文章观点不代表本站。\n",
    ]
    body_parts: list[str] = []
    gaps = 0
    for section in article.sections:
        if not section.paragraphs:
            continue  # an empty heading is a defect for writers, not something to show readers
        if section.heading:
            body_parts.append(f"## {esc(section.heading.rstrip('：:'))}\n")
        for para in section.paragraphs:
            marked, holes = _mark_gaps(esc(para.text))
            gaps += holes
            body_parts.append(f"{gl.mark(marked)}\n{{: #{para.id} .cf-{para.kind} }}\n")
    if gaps:
        parts.append(f'!!! warning "原文有缺字"\n    原网页有 {gaps} 处词被删掉了（多半是网站屏蔽的词），下文标为“〔缺字〕”。'
                     "有缺字的句子不会作为说法出现在产品页上。\n")
    parts += body_parts
    body = "\n".join(p.text for p in article.paragraphs())
    if is_traditional(article.title + body):
        # Readers in mainland China read Simplified, and search must find 花唄 as 花呗.
        parts.append('??? note "简体中文版本（自动转换）"\n')
        for section in article.sections:
            if section.paragraphs and section.heading:
                parts.append(f"    **{esc(to_simplified(section.heading))}**\n")
            parts += [f"    {esc(to_simplified(p.text))}\n" for p in section.paragraphs]
    return "\n".join(parts)


def home_page(products: list[tuple[Product, TopicFile]], articles: list[SourceArticle]) -> str:
    parts = [
        front_matter(title="逾期了怎么办：按产品查逾期时间线、征信影响与催收权益",
                     description="花呗、借呗、信用卡等消费信贷产品逾期后会发生什么、何时上征信、催收时你有哪些权利。"),
        "# 逾期了怎么办？\n",
        search_form("search/"),
        "按产品查：逾期后每个阶段会发生什么，什么时候影响征信，催收时你有哪些权利。"
        "每一句都标注了出处。\n",
        "[逾期自查：逾期几天了，会怎样？](self-check.md){ .md-button .md-button--primary }\n",
        "## 产品\n",
        '<div class="grid cards" markdown>\n',
    ]
    # Cards for products the sources describe; the rest as a compact list, so a phone
    # screen is not a wall of cards.
    described = [(p, t) for p, t in products if _visible(t.claims())]
    for product, topic in described:
        claims = len(_visible(topic.claims()))
        questions = len([q for q in topic.questions if q.status != "rejected"])
        facts = f"{claims} 条来源说法" + (f"、{questions} 个读者问题" if questions else "")
        parts.append(f"- **[{esc(product.name)}](products/{product.id}.md)**\n\n    {facts}\n")
    parts.append("</div>\n")
    if rest := [p for p, t in products if not _visible(t.claims())]:
        parts.append("**更多产品**（读者常问的问题和通用法律规定）："
                     + "、".join(f"[{esc(p.name)}](products/{p.id}.md)" for p in rest) + "\n")
    parts.append("## 专题\n\n[逾期几天会怎样](topics/overdue-days.md) · "
                 + " · ".join(f"[{title}](topics/{slug}.md)" for slug, title, _, _ in TOPIC_PAGES) + "\n")
    parts.append(f"## 来源文章\n\n本站目前整理了 {len(articles)} 篇来源文章，见[来源文章列表](articles/index.md)。\n")
    return "\n".join(parts)


def products_index(products: list[tuple[Product, TopicFile]]) -> str:
    """Products with facts of their own first, then those with none (暂无可靠资料); in each
    group, the ones readers ask most about first."""
    def line(p: Product) -> str:
        return f"- [{esc(p.name)}]({p.id}.md)" + (f"（又称{esc('、'.join(p.aliases))}）" if p.aliases else "")

    asked = sorted(products, key=lambda pt: (-len([q for q in pt[1].questions if q.status != "rejected"]), pt[0].id))
    parts = [front_matter("index", title="产品列表", description="本站整理了逾期、征信与催收信息的消费信贷产品。"), "# 产品\n"]
    full = {p.id for p, t in asked if has_facts(t)}
    parts += [line(p) for p, _ in asked if p.id in full]
    if thin := [p for p, _ in asked if p.id not in full]:
        parts.append("\n## 暂无可靠资料 {#thin}\n")
        parts.append("下面这些产品，本站还没有整理到可靠的来源文章。它们的页面列出读者的问题和适用于所有放贷机构的规定。\n")
        parts += [line(p) for p in thin]
    return "\n".join(parts) + "\n"


def articles_index(articles: list[SourceArticle]) -> str:
    parts = [front_matter("index", title="来源文章", description="本站整理过的全部来源文章。"), "# 来源文章\n"]
    for a in articles:
        date = f"（{a.date.isoformat()}）" if a.date else ""
        parts.append(f"- [{esc(a.title)}]({a.id}.md){date}")
    return "\n".join(parts) + "\n"


# Generated into the docs folder as a dotfile, which MkDocs does not copy to the site:
# page path → the date a writer last reviewed it, for the sitemap's lastmod
LASTMOD = ".lastmod.json"
# page paths left out of the sitemap: products with nothing reliable to say
UNLISTED = ".unlisted.json"


def questions_page(with_topic: list[tuple[Product, TopicFile]], general: list[Question]) -> str:
    parts = [front_matter("index", title="读者常问的问题", description="按产品和主题整理的逾期、征信与催收问题，链接到回答它们的页面。"),
             "# 读者常问的问题\n",
             "这些问题来自来源文章的相关推荐和小标题，按产品和主题归类，点击问题可以看到回答它的部分。\n"]
    for product, topic in with_topic:
        questions = [q for q in topic.questions if q.status != "rejected"]
        if not questions:
            continue
        parts.append(f"## {esc(product.name)} {{#{product.id}}}\n")
        published = published_sections(topic)
        full = any(published.values())
        for name in ("逾期时间线", "征信影响", "催收权益", "协商还款", "开通与使用", "其他"):
            group = [q for q in questions if q.topic == name]
            if group:
                parts.append(f"**{name}**\n")
                parts.extend(_question_line(q, f"products/{product.id}.md", topic, published) if full
                             else f"- [{esc(q.text)}](products/{product.id}.md#questions)（暂无可靠回答）" for q in group)
                parts.append("")
    shown = [q for q in general if q.status != "rejected"]
    if shown:
        parts.append("## 不限于某个产品 {#general}\n")
        for name in ("逾期时间线", "征信影响", "催收权益", "协商还款", "开通与使用", "其他"):
            group = [q for q in shown if q.topic == name]
            if group:
                parts.append(f"**{name}**\n")
                parts.extend(f"- {esc(q.text)}" for q in group)
                parts.append("")
    return "\n".join(parts)


# --- Topic pages across products -------------------------------------------------------------


def effective_days(stages: list[OverdueStage]) -> list[tuple[float, float] | None]:
    """When each stage is in effect, as far as the sources let us say. An open-ended stage
    ("逾期后…", [1, null]) lasts until the next stage in the timeline begins; when the next
    stage's day is not stated, we cannot say how long it lasts, so only its first day counts."""
    out: list[tuple[float, float] | None] = []
    for i, stage in enumerate(stages):
        if not stage.days:
            out.append(None)
            continue
        start = stage.days[0] if stage.days[0] is not None else float("-inf")
        end = stage.days[1] if stage.days[1] is not None else None
        if end is None:
            later = stages[i + 1:]
            if not later:
                end = float("inf")
            elif later[0].days and later[0].days[0] is not None:
                end = max(start, later[0].days[0] - 1)
            else:
                end = start
        out.append((start, end))
    return out


def _step_name(stage: OverdueStage) -> str:
    """A step as a table cell names it: 打电话催收, 提醒还款; a writer's stage by its title."""
    if stage.status in ("machine", "approved") and stage.action in ACTION_PHRASES:
        return ACTION_PHRASES[stage.action].format(via="")
    return stage.title or days_label(stage.days)


def overdue_days_page(with_topic: list[tuple[Product, TopicFile]], regulations: list[Regulation]) -> str:
    parts = [front_matter("topic", title="逾期几天会怎样：各产品逾期时间线对比",
                          description="花呗、小花钱包等产品逾期第1、3、7、15、30、90天分别会发生什么，按来源文章整理对比。"),
             "# 逾期几天会怎样\n",
             "下表按来源文章的说法，列出各产品在逾期第 1、3、7、15、30、90 天以前**新开始**的做法（比如逾期第3天一栏，"
             "是第2到第3天开始的）；已经开始的做法（例如罚息）之后通常仍在继续。“—”表示来源没有说到这几天有新的做法，"
             "不等于这时什么也不会发生。点击单元格可以看到这一步的说法和出处；来源没有写明天数的做法列在表格下面。"
             "想按自己的天数查，可以用[逾期自查](../self-check.md)。\n"]
    rows = []
    undated_lines = []
    for product, topic in with_topic:
        stages = _visible(topic.timeline)
        dated = [st for st in stages if st.days and (st.days[1] is None or st.days[1] >= 1)]
        if undated := [st for st in stages if not st.days]:
            names = list(dict.fromkeys(_step_name(st) for st in undated))
            undated_lines.append(f"- [{esc(product.name)}](../products/{product.id}.md#timeline)：{esc('、'.join(names))}")
        if not dated:
            continue
        cells = []
        previous = 0
        for day in COMPARE_DAYS:
            # the steps that begin after the previous column's day and by this one
            begun = [st for st in dated if previous < max(st.days[0] if st.days[0] is not None else 1, 1) <= day]
            previous = day
            if not begun:
                cells.append("—")
                continue
            names = list(dict.fromkeys(_step_name(st) for st in begun))
            shown = "、".join(names[:3]) + ("等" if len(names) > 3 else "")
            cells.append(f"[{esc(shown)}](../products/{product.id}.md#{begun[0].id})")
        rows.append(f"| [{esc(product.name)}](../products/{product.id}.md) | " + " | ".join(cells) + " |")
    if rows:
        # on a phone the table scrolls sideways under a product column that stays in place
        parts.append('<div class="cf-compare" markdown>\n')
        parts.append("| 产品 | " + " | ".join(f"第{d}天" for d in COMPARE_DAYS) + " |")
        parts.append("|---" * (len(COMPARE_DAYS) + 1) + "|")
        parts += rows
        parts.append("\n</div>\n")
        parts.append('<p class="cf-scroll-hint">表格较宽：在手机上左右滑动查看其他天数。</p>\n')
    else:
        parts.append("现有来源文章还没有写明具体天数的逾期阶段。\n")
    if undated_lines:
        parts.append("## 来源没有写明天数的做法 {#undated}\n")
        parts.append("这些做法来源文章提到了，但没有说从逾期第几天开始；逾期越久，越可能遇到。\n")
        parts += undated_lines
        parts.append("")
    law = {r.id: r for r in regulations if r.publishable}
    if reg := law.get("zhengxin-tiaoli-15"):
        parts.append("不论哪个产品，法律都有这条规定：\n")
        parts.append(f"- {regulation_line(reg, '../')}\n")
    return "\n".join(parts)


def topic_page(slug: str, title: str, reg_ids: tuple[str, ...], pattern, with_topic: list[tuple[Product, TopicFile]],
               articles: dict[str, SourceArticle], regulations: list[Regulation], gl: Glossary = NO_GLOSSARY,
               general: TopicFile | None = None) -> str:
    notes = _Footnotes(articles, "../")
    law = {r.id: r for r in regulations if r.publishable}
    chosen = [law[i] for i in reg_ids if i in law]
    parts = [front_matter("topic", title=title, description=f"{title}：相关法律规定和各来源文章的说法，每一条都注明出处。"),
             f"# {title}\n"]
    if verified := [r for r in chosen if r.confidence == "verified"]:
        parts.append("## 法律规定 {#law}\n")
        parts.extend(f"- {regulation_line(r, '../', gl)}" for r in verified)
        parts.append("")
    if reported := [r for r in chosen if r.confidence == "secondary"]:
        parts.append("## 据报道的规定 {#reported}\n")
        parts.append("以下内容只有新闻或律所文章等二手来源，本站未能对照原文核实。\n")
        parts.extend(f"- {regulation_line(r, '../', gl)}" for r in reported)
        parts.append("")
    sayings = []
    for product, topic in with_topic:
        for claim in _visible([*topic.credit, *topic.rights, *topic.timeline]):
            if pattern.search(to_simplified(claim.text)):
                sayings.append(f"- [{esc(product.name)}](../products/{product.id}.md)：{gl.mark(esc(claim.text))}{notes.ref(claim)}"
                               + (" **（来源说法不一）**" if claim.disputed else ""))
    if general is not None:
        # rules about lenders in general, labelled so that no reader takes them for one product's
        for claim in _visible([*general.credit, *general.rights, *general.timeline]):
            if pattern.search(to_simplified(claim.text)):
                sayings.append(f"- {GENERAL_LABEL}：{gl.mark(esc(claim.text))}{notes.ref(claim)}"
                               + (" **（来源说法不一）**" if claim.disputed else ""))
    if sayings:
        parts.append("## 来源文章怎么说 {#sources}\n")
        parts.append("这些是来源文章的说法，未必准确；与上面的法律规定不一致时，以法律规定为准。\n")
        parts += sayings
        parts.append("")
    parts.append(notes.definitions())
    return "\n".join(parts)


def tags_page() -> str:
    return (front_matter(title="标签", description="按产品名称、别名和产品类型查找页面。")
            + "# 标签\n\n按产品名称、别名和产品类型列出本站的页面。\n\n<!-- material/tags -->\n")


def topics_index() -> str:
    parts = [front_matter("index", title="专题", description="跨产品的专题：逾期几天会怎样、征信记录多久消除、爆通讯录是否合法等。"),
             "# 专题\n", "- [逾期几天会怎样](overdue-days.md)"]
    parts += [f"- [{title}]({slug}.md)" for slug, title, _, _ in TOPIC_PAGES]
    return "\n".join(parts) + "\n"


# --- 逾期自查 ------------------------------------------------------------------------------

SELF_CHECK_DATA = "assets/self-check.json"
# the rules that bind every collector first; the crime of collecting illegal debts last
SELF_CHECK_RIGHTS = ("minfadian-1032-1033", "geren-xinxi-baohufa-10-25-66-69", "xiaofeizhe-quanyi-29", "xingfa-293-1")
SELF_CHECK_CREDIT = ("zhengxin-tiaoli-15", "zhengxin-tiaoli-16", "zhengxin-tiaoli-25")
SELF_CHECK_COMPLAIN = ("hotline-12378", "hotline-12363", "zhengxin-tiaoli-26")


def self_check_data(with_topic: list[tuple[Product, TopicFile]], articles: dict[str, SourceArticle],
                    regulations: list[Regulation], guidance: Guidance = NO_GUIDANCE) -> str:
    """What the 逾期自查 page's script reads: per product its dated stages (each with the
    link to its source paragraph), and the legal facts every reader should know. Links are
    relative to the self-check page."""
    import json

    regs = {r.id: r for r in regulations if r.publishable}

    def legal(ids: tuple[str, ...]) -> list[dict]:
        # a report is cited as what it is, never under the name of a law it mentions
        return [{"text": (r.summary if r.confidence == "verified" else f"{r.attribution}，{r.summary}（二手来源，未对照原文核实）"),
                 "cite": citation(r) if r.confidence == "verified" else "出处与核实情况",
                 "href": f"../regulations/#{r.id}", "verified": r.confidence == "verified"}
                for i in ids if (r := regs.get(i))]

    def todo(stage: OverdueStage) -> dict | None:
        found = guidance.for_stage(stage)
        if found is None:
            return None
        rule, cited = found
        return {"text": rule.text, "law": [{"cite": citation(r), "href": f"../regulations/#{r.id}"} for r in cited]}

    products = []
    for product, topic in with_topic:
        stages = []
        timeline = _visible(topic.timeline)
        for stage, span in zip(timeline, effective_days(timeline), strict=True):
            source = stage.sources[0] if stage.sources else None
            aid, pid = source.split("#", 1) if source else (None, None)
            finite = (lambda x: x if x not in (float("inf"), float("-inf")) else None)
            stages.append({
                # when the stage is in effect (null: open) — see effective_days; null both: not stated
                "from": finite(span[0]) if span else None,
                "to": finite(span[1]) if span else None,
                "dated": span is not None,
                "label": days_label(stage.days),
                "title": (stage.action if stage.status in ("machine", "approved") and stage.action else stage.title) or "",
                "text": stage.text,
                "channels": stage.channels,
                "source": f"../articles/{aid}/#{pid}" if aid in articles else None,
                "todo": todo(stage),
            })
        # (only what says whether it reports: "借呗与花呗同属…获批开业" is no answer to that)
        reporting = [r for r in regulations if product.id in r.products and r.topic == "产品信息"
                     and any(w in r.summary for w in rules.CREDIT_WORDS)]
        products.append({
            "id": product.id, "name": product.name, "page": f"../products/{product.id}/", "stages": stages,
            "full": has_facts(topic),  # the page has a timeline to link to
            "reporting": legal(tuple(r.id for r in reporting)),
            "reportingUnverified": bool(reporting) and not any(r.publishable for r in reporting),
        })
    data = {"products": products, "credit": legal(SELF_CHECK_CREDIT), "rights": legal(SELF_CHECK_RIGHTS),
            "complain": legal(SELF_CHECK_COMPLAIN)}
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def self_check_page(with_topic: list[tuple[Product, TopicFile]]) -> str:
    options = "\n".join(f'<option value="{attr(p.id)}">{attr(p.name)}</option>' for p, _ in with_topic)
    return (front_matter("tool", title="逾期自查：逾期几天了，会怎样？",
                         description="选择产品、输入逾期天数，看看现在处在哪个阶段、接下来会怎样、对征信有什么影响、你有哪些权利。")
            + "# 逾期自查\n\n"
            "选择产品，输入已经逾期的天数（还款日当天算第 0 天，第二天算逾期第 1 天），"
            "看看现在可能处在哪个阶段、接下来会发生什么、对征信有什么影响，以及你有哪些权利。"
            "结果整理自来源文章和法律规定，每一条都可以点开核对。\n\n"
            f'<form id="cf-self-check" class="cf-self-check" data-src="../{SELF_CHECK_DATA}" novalidate>\n'
            '<label for="cf-product">产品</label>\n'
            f'<select id="cf-product" name="product" required>\n{options}\n</select>\n'
            '<label for="cf-days">已逾期天数</label>\n'
            '<input id="cf-days" name="days" type="number" inputmode="numeric" min="0" max="3650" step="1" '
            'required placeholder="例如 10">\n'
            '<button type="submit" class="md-button md-button--primary">查看结果</button>\n'
            "</form>\n\n"
            '<div id="cf-self-check-result" class="cf-self-check-result" aria-live="polite"></div>\n\n'
            '<noscript>这个页面需要浏览器运行 JavaScript。也可以直接查看<a href="../products/">各产品页面</a>。</noscript>\n')


# --- 搜索 ------------------------------------------------------------------------------------


def search_form(page: str, autofocus: bool = False) -> str:
    """A search box; search.js opens the search page (`page`) with ?q=, or searches on it. No
    `action`: the site's check refuses any form that posts somewhere."""
    focus = " autofocus" if autofocus else ""
    return (f'<form class="cf-search" data-search-page="{attr(page)}" role="search">\n'
            '<label for="cf-search-q" class="cf-search__label">搜索本站</label>\n'
            '<input id="cf-search-q" class="cf-search__input" type="search" name="q" enterkeyhint="search" '
            f'autocomplete="off" placeholder="例如：花呗逾期3天"{focus}>\n'
            '<button type="submit" class="md-button md-button--primary">搜索</button>\n'
            "</form>\n")


def search_page() -> str:
    return (front_matter(title="搜索", description="搜索本站：产品、逾期天数、征信、催收与投诉。",
                         hide=["navigation", "toc"])
            + "# 搜索\n\n"
            + search_form("./", autofocus=True)
            + f'\n<div id="cf-search-status" class="cf-search__status" aria-live="polite" data-lexicon="../{LEXICON}" '
              'data-index="../pagefind/"></div>\n'
              '<div id="cf-search-results" class="cf-search__results"></div>\n\n'
              '<noscript>搜索需要浏览器运行 JavaScript。也可以从<a href="../products/">产品列表</a>、'
              '<a href="../topics/">专题</a>或<a href="../questions/">读者常问</a>找起。</noscript>\n')


def regulations_page(regulations: list[Regulation], gl: Glossary = NO_GLOSSARY, today: dt.date | None = None) -> str:
    parts = [front_matter("reference", title="法律法规与监管规定",
                          description="本站引用的征信、催收与投诉相关法律条文和监管规定，注明可信度。"),
             "# 法律法规与监管规定\n",
             "本站的法律说法都来自这一页。**已核实**的条目对照过法规原文；**二手来源**的条目只有新闻、"
             "律所文章等转述，本站按来源原样转述，未能对照原文核实。未能核实的说法不在本站发布。\n"]
    for topic in ("征信影响", "投诉与异议", "催收权益", "产品信息", "放款机构"):
        entries = [r for r in regulations if r.topic == topic and r.publishable]
        if not entries:
            continue
        parts.append(f"## {topic}\n")
        for r in entries:
            badge = "已核实" if r.confidence == "verified" else "二手来源"
            effective = f"（{r.effective.isoformat()} 起施行）" if r.effective else ""
            if r.valid_until and today and not r.in_force(today):
                badge += f" · 已于 {r.valid_until.isoformat()} 结束，现在不再适用"
            text = gl.mark(esc(r.summary))
            if r.confidence != "verified":
                text = f"{esc(r.attribution or '据报道')}，{text}"
            if r.caveat:
                text += f"（注意：{esc(r.caveat)}）"
            parts.append(f"**{esc(citation(r))}**{effective} · {badge}\n{{: #{r.id} }}\n\n{text}\n")
    return "\n".join(parts)


def glossary_page(terms: list[GlossaryTerm], regulations: list[Regulation]) -> str:
    law = {r.id: r for r in regulations}
    parts = [front_matter("reference", title="术语表", description="逾期、征信、催收相关的常用词语解释，每条注明法律依据。"),
             "# 术语表\n", ("这些词出现在本站正文里时，把鼠标移到词上（手机上轻点）就能看到解释。\n" if terms
                          else "术语表暂时还没有条目。\n")]
    for t in terms:
        also = f"（又称{esc('、'.join(t.aliases))}）" if t.aliases else ""
        cites = "、".join(f"[{esc(citation(law[r]))}](regulations.md#{r})" for r in t.regulations if r in law)
        parts.append(f"**{esc(t.term)}**{also}\n{{: #term-{short_hash(t.term)} }}\n\n{esc(t.definition)}"
                     + (f"（依据：{cites}）" if cites else "") + "\n")
    return "\n".join(parts)


def render_site(products: list[Product], articles: list[SourceArticle], topics: list[TopicFile],
                regulations: list[Regulation] = (), general_questions: list[Question] = (),
                glossary: list[GlossaryTerm] = (), guidance_rules: list[GuidanceRule] = (),
                today: dt.date | None = None, vocabulary: SearchVocabulary | None = None,
                edit: EditLinks = EditLinks()) -> dict[str, str]:
    """`today`: the build's date; a rule whose window closed before it is shown only on the
    regulations page, as ended. `edit`: the writers' links from a page to its data file."""
    all_regulations = list(regulations)
    if today is not None:
        regulations = [r for r in regulations if r.in_force(today)]
    gl = Glossary(list(glossary))
    guidance = Guidance(list(guidance_rules), list(regulations))
    by_id = {p.id: p for p in products}
    article_by_id = {a.id: a for a in articles}
    general = next((t for t in topics if t.product == GENERAL), None)
    # products with most to say first; the rest alphabetically
    with_topic = sorted(((by_id[t.product], t) for t in topics if t.product in by_id),
                        key=lambda pt: (-len(_visible(pt[1].claims())), pt[0].id))
    cited_by: dict[str, list[Product]] = defaultdict(list)
    for product, topic in with_topic:
        for aid in sorted({s.split("#")[0] for c in _visible(topic.claims()) for s in c.sources}):
            cited_by[aid].append(product)
    # An off-topic page gets no page at all; a copy gets one that points at its original.
    ordered = sorted((a for a in articles if a.relevant), key=lambda a: a.id)
    files = {
        "index.md": home_page(with_topic, ordered),
        "products/index.md": products_index(with_topic),
        "articles/index.md": articles_index(ordered),
    }
    files["regulations.md"] = regulations_page(all_regulations, gl, today)  # the navigation's page, always
    files["questions.md"] = questions_page(with_topic, list(general_questions))
    files["self-check.md"] = self_check_page(with_topic)
    files["topics/index.md"] = topics_index()
    files["tags.md"] = tags_page()
    files["topics/overdue-days.md"] = overdue_days_page(with_topic, list(regulations))
    for slug, title, reg_ids, pattern in TOPIC_PAGES:
        files[f"topics/{slug}.md"] = topic_page(slug, title, reg_ids, pattern, with_topic, article_by_id,
                                                list(regulations), gl, general)
    # always a page, so the guide's and the navigation's links to it hold without data/glossary.yml
    files["glossary.md"] = glossary_page(list(glossary), list(regulations))
    files["search.md"] = search_page()
    thin = frozenset(p.id for p, t in with_topic if not has_facts(t))  # products whose page says 暂无可靠资料
    targets = search_targets({p.id: p.name for p, _ in with_topic}, thin)
    files[LEXICON] = json.dumps(lexicon(products, vocabulary, list(glossary), targets),
                                ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"
    files[SELF_CHECK_DATA] = self_check_data(with_topic, article_by_id, list(regulations), guidance)
    files[LASTMOD] = json.dumps({f"products/{p.id}/": t.reviewed.isoformat() for p, t in with_topic if t.reviewed},
                                sort_keys=True) + "\n"
    # (and the writers' report, which is for editors, not readers)
    files[UNLISTED] = json.dumps(sorted([*(f"products/{pid}/" for pid in thin), "report/"])) + "\n"
    with_pages = {p.id: p for p, _ in with_topic}
    for product, topic in with_topic:
        files[f"products/{product.id}.md"] = product_page(product, topic, article_by_id, regulations, with_pages, gl,
                                                          guidance, general) \
            + "\n" + edit.page_note(f"data/topics/{product.id}.yml")
    for article in ordered:
        original = article_by_id.get(article.duplicate_of) if article.duplicate_of else None
        files[f"articles/{article.id}.md"] = article_page(article, cited_by.get(article.id, []), original, gl) \
            + "\n" + edit.page_note(f"data/articles/{article.id}.yml")
    return files
