"""extract: cleaned articles → machine claims per product, each pointing at its paragraph.

Pure: articles and the product registry in, claims out. Merging with writers' edits is
`merge`'s job.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from dataclasses import dataclass, field

from . import rules
from .days import chinese_number, days_label, parse_days
from .model import CollectionRight, CreditImpact, Evidence, OverdueStage, Product, SourceArticle
from .text import short_hash, to_simplified

_ORDINAL = re.compile(r"^[一二三四五六七八九十]{1,3}\s*[、.．]\s*")
_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]?")


@dataclass
class Extraction:
    """What one run of the extractor found."""

    timeline: dict[str, list[OverdueStage]] = field(default_factory=dict)
    credit: dict[str, list[CreditImpact]] = field(default_factory=dict)
    rights: dict[str, list[CollectionRight]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    stated: dict[tuple, str] = field(default_factory=dict)  # a timeline fact → the id of its claim
    undated: set[str] = field(default_factory=set)  # ids of timeline facts whose source gives no day

    def products(self) -> list[str]:
        return sorted(set(self.timeline) | set(self.credit) | set(self.rights))


class ProductMatcher:
    """Finds product mentions by longest alias first, so 融易花呗 is not read as 花呗."""

    def __init__(self, products: list[Product]):
        by_alias: dict[str, str] = {}
        for p in products:
            for alias in (p.name, *p.aliases):
                by_alias.setdefault(to_simplified(alias), p.id)
        self._set_aliases(by_alias)
        # short names (rules.BRANDS): the tail of a product's own name, not of an alias (美团借款)
        self._short: dict[str, set[str]] = {}
        self._brand: dict[str, str] = {}  # a product with a short name → its brand
        for p in products:
            name = to_simplified(p.name)
            for brand in rules.BRANDS:
                tail = name[len(brand):]
                if name.startswith(brand) and len(tail) >= 2 and tail not in by_alias and tail not in rules.GENERIC_TAILS:
                    self._short.setdefault(tail, set()).add(p.id)
                    self._brand[p.id] = brand

    def _set_aliases(self, by_alias: dict[str, str]) -> None:
        self._by_alias = by_alias
        alternation = "|".join(re.escape(a) for a in sorted(by_alias, key=len, reverse=True))
        self._pattern = re.compile(alternation) if alternation else None

    def for_article(self, text: str, title: str = "") -> ProductMatcher:
        """This matcher, plus the short names an article uses once it has named a product in
        full: 美团月付 then 月付, 美团生活费 then 生活费 (rules.BRANDS). A short name of two
        products is the one the article named; if it named both, it stays unknown. A title
        that names a brand and then a short name shares the brand between them:
        「美团月付&生活费逾期会怎样」 is about 美团生活费 too."""
        simple = to_simplified(text)
        headline = to_simplified(title)
        named = set(self.mentions(simple))
        extra: dict[str, str] = {}
        for tail, ids in self._short.items():
            if tail not in simple:
                continue
            if len(ids & named) == 1:  # a short name of two products is the one the article named
                extra[tail] = next(iter(ids & named))
            elif not ids & named and tail in headline:
                at = headline.index(tail)
                branded = [p for p in ids if self._brand[p] in headline[:at]]
                if len(branded) == 1:
                    extra[tail] = branded[0]
        if not extra:
            return self
        clone = copy.copy(self)
        clone._set_aliases({**self._by_alias, **extra})
        return clone

    def names_within(self, a: str, b: str) -> bool:
        """Whether product `a` is named as `b`'s product: one of its names is a name of `b`
        followed by another of its own (招联好期贷 = 招联 + 好期贷: 招联 is its lender). Not a
        name that merely contains another (融易花呗 is not 花呗's)."""
        names_a = {n for n, p in self._by_alias.items() if p == a}
        names_b = [n for n, p in self._by_alias.items() if p == b]
        return any(na.startswith(nb) and na[len(nb):] in names_a for na in names_a for nb in names_b)

    def mentions(self, text: str) -> Counter[str]:
        if self._pattern is None:
            return Counter()
        # Matching is done on Simplified text, so 花唄 is found as 花呗.
        return Counter(self._by_alias[m.group(0)] for m in self._pattern.finditer(to_simplified(text)))

    def subject_counts(self, text: str) -> Counter[str]:
        """Mentions of the products a text speaks of, less those it names only as the object
        of applying ("影响以后申请信用卡和房贷" is not about 信用卡)."""
        if self._pattern is None:
            return Counter()
        simple = to_simplified(text)
        return Counter(self._by_alias[m.group(0)] for m in self._pattern.finditer(simple)
                       if not rules.OBJECT_MENTION.search(simple[:m.start()])
                       and not (rules.OBJECT_BEFORE_APPLYING.match(simple[m.end():])
                                and rules.CONSEQUENCE_BEFORE.search(simple[:m.start()])))

    def subjects(self, text: str) -> list[str]:
        """The products a clause speaks of, in order of first mention."""
        return list(self.subject_counts(text))


def claim_id(prefix: str, source: str, text: str) -> str:
    return f"{prefix}-{short_hash(source + '|' + text)}"


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.findall(text) if s.strip()]


def _channels(text: str) -> list[str]:
    return [ch for ch in rules.CHANNELS if any(w in text for w in rules.CHANNEL_WORDS.get(ch, ()))]


def attribute(article: SourceArticle, matcher: ProductMatcher) -> tuple[str | None, str | None]:
    """The product an article is about, and a warning when its title and body disagree."""
    in_title = matcher.subject_counts(article.title)
    body = "。".join(p.text for p in article.paragraphs())
    in_body = matcher.subject_counts(body)
    title_product = in_title.most_common(1)[0][0] if in_title else None
    body_product = in_body.most_common(1)[0][0] if in_body else None
    product = title_product or (body_product if body_product and in_body[body_product] >= 2 else None)
    warning = None
    if (title_product and body_product and body_product != title_product
            and in_body[body_product] >= max(2, 2 * in_body[title_product])
            and not matcher.names_within(title_product, body_product)):
        # (a title naming 招联好期贷 over a body that names its lender 招联 is about 好期贷)
        # the body describes another product (a title naming 借呗 over a page about 备用金):
        # what the body says without naming a product is the body's product's
        product = body_product
        warning = (
            f"article {article.id}: the title names `{title_product}` but the body mostly describes "
            f"`{body_product}` ({in_body[body_product]} mentions against {in_body[title_product]}); "
            f"clauses that name no product are filed under `{body_product}` — check them"
        )
    elif (title_product and body_product and body_product != title_product and in_body[body_product] > in_body[title_product]
          and not matcher.names_within(title_product, body_product)):
        warning = (
            f"article {article.id}: the title names `{title_product}` but the body mentions `{body_product}` more "
            f"({in_body[body_product]} against {in_body[title_product]}); clauses that name no product are filed "
            f"under `{title_product}` — check them"
        )
    return product, warning


GENERAL = rules.GENERAL
# An item's or a paragraph's own label: "2. 4-6天：…", "① 第15天起：…", "【逾期3天】…", "逾期1-3天：…"
_LEAD_LABEL = re.compile(r"^\s*(?:(?:\d{1,2}\s*[.、．)）]|[①②③④⑤⑥⑦⑧⑨⑩]|[（(]\d{1,2}[)）]|[一二三四五六七八九十]{1,3}\s*[、.．])\s*)?"
                         r"(?:【(?P<bracket>[^】]{1,24})】|(?P<label>[^：:，。！？]{1,24})[：:](?!\d))")
_CLAUSE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]?")
_QA_QUESTION = re.compile(r"^\s*(?:问|Q|提问)\s*\d{0,2}\s*[:：]|[？?]\s*$")
_QA_ANSWER = re.compile(r"^\s*(?:\S{0,4}(?:答|回答)|A)\s*\d{0,2}\s*[:：]\s*")
_QA_INLINE = re.compile(r"^\s*\S{0,3}(?:问|Q|提问)\s*\d{0,2}\s*[:：](?P<q>.+?[？?])\s*(?:\S{0,4}(?:答|A|回答)\s*[:：])?\s*(?P<a>\S.*)$")
_TABLE_SEPARATOR = re.compile(r"^[\s|:：\-—=+]*$")


def _facts_of_clause(clause: str, credit_topic: bool = False) -> list[tuple[str, str]]:
    """(kind, action) pairs a clause states: one credit and one rights action per comma-part,
    the timeline steps it names (less those another includes), and nothing for a question,
    filler, a caption, advice or an ad."""
    if rules.SPEAKER_BORROWER.match(to_simplified(clause)):
        return []  # a borrower's line inside a paragraph of a chat ("…。用户：我朋友说…")
    heard = rules.AUDIENCE.sub("", to_simplified(clause))  # "家人们记住" speaks to viewers, not of family
    several_parts = len(_PARTS.split(heard)) > 1  # before any part is dropped below
    simple = rules.LAW_TITLE.sub("《法》", heard)  # 《个人信息保护法》 is a name, not a statement of privacy
    # a part that is no statement of fact (a question, filler, a fear, advice to keep
    # evidence) says nothing; the clause's other parts still may ("遇到暴力催收可拨打12378投诉，
    # 记得保留录音"); "想知道有没有上征信，可以…": a part that asks is no statement of what it asks
    # about, nor is a part about who looked at one's report ("征信上的查询记录会很多")
    parts = [p for p in _PARTS.split(simple) if not rules.EMBEDDED_QUESTION.search(p) and not rules.ADVICE_PART.match(p)
             and not rules.INQUIRY.search(p) and not any(n.search(p) for n in rules.NOT_A_FACT)]
    if not parts or any(n.search(simple) for n in rules.NOT_A_CLAUSE):
        return []
    simple = "，".join(parts)
    found: dict[str, list[str]] = {}
    for kind, action, pattern in rules.ACTIONS:
        if pattern.search(simple) and (kind == "timeline" or kind not in found):
            found.setdefault(kind, []).append(action)
    if found.get("credit") == ["上报征信"] and _ACTION_PATTERNS["记录保留"].search(simple) and not rules.REPORT_VERB.search(simple):
        found["credit"] = ["记录保留"]  # "征信上的不良记录还清后保留5年": how long it stays, not that it is reported
    if credit_topic and "credit" not in found and rules.REPORT_VERB.search(simple) and not rules.OTHER_REPORT.search(simple):
        found["credit"] = ["上报征信"]  # under "会上征信吗？": "逾期后会按规定报送" is about the report
    if len(parts) > 1:
        # each comma-separated part may state a credit fact or a rule of its own
        # ("报送征信，结清后保留5年"; "不得暴力催收，也不得冒充公检法")
        for part in parts:
            for family in ("credit", "rights"):
                action = next((a for k, a, p in rules.ACTIONS if k == family and p.search(part)), None)
                if action and action not in found.get(family, []):
                    found.setdefault(family, []).append(action)
    if "timeline" in found and "rights" not in found and rules.VIOLATION.search(simple):
        # "催收打给你的亲戚朋友，是违规的": the act described is what collectors may not do
        ruled = [rules.VIOLATION_RIGHTS[a] for a in found["timeline"] if a in rules.VIOLATION_RIGHTS]
        if rules.NIGHT.search(simple):
            ruled.append("催收时段")
        if ruled:
            found["rights"] = list(dict.fromkeys(ruled))
    # a part stating a rule or the report is not also a step: "催收不得在晚上九点后打电话" is a
    # rule; the other parts of a table row ("第3天起电话催收，逾期记录按月报送") still state steps
    blocked = [p for p in parts if any(pat.search(p) for k, a, pat in rules.ACTIONS if k == "rights" or a == "上报征信")
               or (credit_topic and rules.REPORT_VERB.search(p))]
    if "timeline" in found and ("rights" in found or "上报征信" in found.get("credit", [])):
        free = [p for p in parts if p not in blocked] if len(parts) > 1 else []
        found["timeline"] = [a for a in found["timeline"] if any(_ACTION_PATTERNS[a].search(p) for p in free)]
        if not found["timeline"]:
            found.pop("timeline")
    credits = []
    for credit in found.pop("credit", []):
        if credit == "上报征信":
            if _only_in_conditions(parts, lambda p: _ACTION_PATTERNS["上报征信"].search(p) or rules.REPORT_VERB.search(p)):
                continue  # "逾期记录一旦上报，后果可不小": a condition, not a statement that it is reported
        elif credit_topic:
            pass  # the heading or question above speaks of the credit report
        elif credit == "影响贷款":
            if not any(w in simple for w in (*rules.CREDIT_WORDS, *rules.OVERDUE_WORDS, *rules.RECORD_TERMS)):
                continue
        elif not any(w in simple for w in (*rules.CREDIT_WORDS, *(("记录", "报告") if credit == "记录保留" else ()))):
            continue
        credits.append(credit)
    if "查询征信" in credits and "投诉渠道" in found.get("rights", []) and not rules.QUERY_CHANNEL.search(simple):
        credits = [c for c in credits if c != "查询征信"]  # "征信查询的问题，可以拨打12363": a complaint line
    if "异议申请" in credits:
        credits = [c for c in credits if c != "上报征信"]  # "信用报告中的逾期记录有误，可提出异议": the dispute
    if credits:
        found["credit"] = credits
    if "timeline" in found and several_parts:
        # "如果已经被起诉，也不要回避": a step named only in a condition is not said to happen
        found["timeline"] = [a for a in found["timeline"] if not _only_in_conditions(parts, _ACTION_PATTERNS[a].search)]
        if not found["timeline"]:
            found.pop("timeline")
    # "不会上门催收": what a lender does not do is no step of the timeline (the model has no
    # negative steps), and a sentence made from it would say the opposite
    if "timeline" in found:
        found["timeline"] = [a for a in found["timeline"] if not _no_step(a, simple)]
        if not found["timeline"]:
            found.pop("timeline")
    steps = found.get("timeline", [])
    if steps:
        # (a step a later one includes is still a step of its own where the clause gives it
        # days of its own: "前30天电话催收，逾期超过30天后委托催收公司")
        included = {low for a in steps for low in rules.ACTION_SUBSUMES.get(a, ())
                    if (d := _part_days(low, simple)) is None or d == _part_days(a, simple)}
        message = any(w in simple for w in rules.MESSAGE_WORDS)
        if "提醒" in steps and len(steps) > 1 and not message:
            included.add("提醒")  # "收到上门拜访的通知": the notice is part of the other step
        if "电话催收" in steps and "提醒" in steps and message:
            included.discard("提醒")  # "短信和电话提醒": the message and the call are two steps
        found["timeline"] = [a for a in steps if a not in included]
    return [(kind, action) for kind, actions in found.items() for action in actions]


_PARTS = re.compile(r"[，,]|[：:](?!\d)")  # not the colon of a time: 21:00


def _only_in_conditions(parts: list[str], says) -> bool:
    """Whether every comma-part that `says` it is a condition ("一旦上报", "如果已经被起诉"):
    then the clause does not say it happens. A clause with no such part says nothing of it."""
    saying = [p for p in parts if says(p)]
    return bool(saying) and all(rules.CONDITION.match(p) for p in saying)


_RULES_LEAD = rules.RULES_TOPIC
_ACTION_PATTERNS = {action: pattern for _, action, pattern in rules.ACTIONS}
_RULE_ACTIONS = frozenset(action for kind, action, _ in rules.ACTIONS if kind == "rights")


def _part_days(action: str, simple: str):
    """The days stated in the comma-part of a clause that names the action."""
    pattern = _ACTION_PATTERNS.get(action)
    before = None  # "前30天电话催收，逾期超过30天后，会委托外部的催收公司": the nearest day stated before the part
    for part in _PARTS.split(simple):
        days = parse_days(part, vague=False)
        if pattern is not None and pattern.search(part):
            return days if days is not None else before
        before = days if days is not None else before
    return None


def _with_channels(stage: OverdueStage, channels: list[str], name: str, **update) -> OverdueStage:
    """The step with `channels` added (and any other `update`), its sentence made again."""
    merged = list(dict.fromkeys([*stage.channels, *channels]))
    return stage.model_copy(update={**update, "channels": merged,
                                     "text": reader_sentence(name, stage.days, stage.hedge, stage.action, merged)})


def _more_evidence(claim, evidence: list[Evidence]) -> dict | None:
    """The update that adds to `claim` the evidence of sources it does not cite yet; None
    when there is none."""
    new = [e for e in evidence if e.source not in claim.sources]
    return {"sources": [*claim.sources, *(e.source for e in new)], "evidence": [*claim.evidence, *new]} if new else None


def _with_evidence(stage: OverdueStage, evidence: list[Evidence], channels: list[str], name: str) -> OverdueStage:
    """A step stated again by other sources: one fact, their evidence and channels added, its
    sentence made again from what it now holds."""
    more = _more_evidence(stage, evidence)
    return _with_channels(stage, channels, name, **more) if more else stage


def _negated(action: str, simple: str) -> bool:
    """Whether the clause says the action does not happen: 不会上报征信, 并不会上门."""
    pattern = _ACTION_PATTERNS.get(action)
    m = pattern.search(simple) if pattern is not None else None
    return bool(m and rules.NEGATED_BEFORE.search(simple[max(0, m.start() - 10):m.start()]))


def _no_step(action: str, simple: str) -> bool:
    """Whether no mention of the step in the clause says it happens: each one is negated
    (不会有人打电话, 也没见真起诉), hearsay or a threat (网上有人说…就会被起诉, 说要起诉), or, for
    a fee, what is demanded back or borne rather than charged (要求归还欠款和逾期费用)."""
    pattern = _ACTION_PATTERNS.get(action)
    if pattern is None:
        return False
    mentions = list(pattern.finditer(simple))
    if not mentions:
        return False

    def void(m: re.Match) -> bool:
        before = simple[max(0, m.start() - 12):m.start()]
        part = _PARTS.split(simple[:m.start()])[-1]  # the comma-part up to the mention
        if rules.NEGATED_BEFORE.search(before[-10:]) or rules.NEGATED_MENTION.search(before):
            return True
        if rules.HEARSAY_PART.search(part):
            return True
        if action == "提醒" and (rules.NOT_A_REMINDER.search(before)
                                or (rules.NOTE_LABEL.search(before) and simple[m.end():m.end() + 1] in ("：", ":", "，", ","))):
            return True
        return action == "罚息" and bool(rules.FEE_DEMANDED.search(before) or rules.FEE_BORNE.match(simple[m.end():]))

    return all(void(m) for m in mentions)


def _about_credit(text: str) -> bool:
    simple = to_simplified(text or "")
    return any(w in simple for w in rules.CREDIT_WORDS) or "上报" in simple or "报告" in simple


def _fact_channels(action: str | None, named: list[str]) -> list[str]:
    """The channels a fact goes by: those of its action that its clause names, or the action's
    own when it implies one."""
    own = rules.ACTION_CHANNELS.get(action)
    if own is None:
        return named
    chosen = [c for c in named if c in own]
    # an implied channel is added unless the clause names another of its class: contacts
    # "reached" with no medium named are phoned; outsourced calls are a third party's
    for implied in rules.ACTION_IMPLIES.get(action, ()):
        group = next((g for g in rules.CHANNEL_CLASSES if implied in g), (implied,))
        if not any(c in group for c in chosen):
            chosen.append(implied)
    return chosen


def _hedge(text: str) -> str | None:
    simple = to_simplified(text)
    return next((name for name, pattern in rules.HEDGES if pattern.search(simple)), None)


def _table_cells(text: str) -> list[str] | None:
    if text.count("|") < 1 or _TABLE_SEPARATOR.fullmatch(text):
        return None
    cells = [c.strip() for c in text.strip().strip("|").split("|")]
    # an empty cell keeps its place (a table's empty corner): the columns stay aligned
    return cells if len(cells) >= 2 and sum(bool(c) for c in cells) >= 2 else None


@dataclass
class _Context:
    """What the text around a clause says: the days of its heading, label, table row or
    question; the product of its heading; the product named last."""

    heading_days: tuple | None = None
    heading_products: tuple[str, ...] = ()
    question_days: tuple | None = None
    recent: str | None = None
    credit_topic: bool = False  # the heading or question above speaks of the credit report
    rights_topic: bool = False  # the heading or lead-in above lists what collectors may not do
    complaint_topic: bool = False  # the heading above is about where to complain
    many: tuple[str, ...] = ()  # the products of an article that speaks of several
    product: str | None = None  # the article's product
    grace: int | None = None  # the grace period the article states, in days ("3天左右的宽限期")


def extract(articles: list[SourceArticle], products: list[Product]) -> Extraction:
    matcher = ProductMatcher(products)
    out = Extraction()
    names = {p.id: p.name for p in products}
    for article in sorted(articles, key=lambda a: a.id):
        if not article.relevant or article.duplicate_of:
            continue  # off-topic pages and republished copies make no claims
        whole = "。".join([article.title, *(p.text for p in article.paragraphs())])
        local = matcher.for_article(whole, article.title)
        product, warning = attribute(article, local)
        if warning:
            out.warnings.append(warning)
        _extract_article(article, product, local, out, names, whole)
    for scope, stages in out.timeline.items():
        # a step some source dates makes the same step undated elsewhere say nothing more
        # ("拍拍贷逾期后会打电话" in the lead, then "逾期第10天：人工电话催收"); the same step
        # undated in several sources is one fact with their evidence
        dated = {st.action for st in stages if st.id not in out.undated}
        kept: list[OverdueStage] = []
        first: dict[str, int] = {}
        for st in stages:
            if st.id not in out.undated:
                kept.append(st)
            elif st.action in dated or scope == GENERAL:
                continue
            elif st.action in first:
                at = first[st.action]
                kept[at] = _with_evidence(kept[at], st.evidence, st.channels, names.get(scope, rules.GENERAL_NAME))
            else:
                first[st.action] = len(kept)
                kept.append(st)
        out.timeline[scope] = _by_day(kept)
    # the same statement in several sources (two articles saying "催收不得骚扰与债务无关的第三人"
    # word for word) is one fact with their evidence, not two identical lines for writers
    for scope in out.rights:
        out.rights[scope] = _one_per_statement(out.rights[scope])
    for scope in out.credit:
        out.credit[scope] = _mark_disputes(_one_per_statement(out.credit[scope]))
    return out


def _one_per_statement(claims: list) -> list:
    kept: list = []
    at: dict[tuple, int] = {}
    for claim in claims:
        key = (claim.action, to_simplified(claim.text), getattr(claim, "days", None))
        if key not in at:
            at[key] = len(kept)
            kept.append(claim)
            continue
        if more := _more_evidence(kept[at[key]], claim.evidence):
            kept[at[key]] = kept[at[key]].model_copy(update=more)
    return kept


def _extract_article(article: SourceArticle, product: str | None, matcher: ProductMatcher, out: Extraction,
                     names: dict[str, str], whole: str) -> None:
    """Clause by clause: what each clause states, about which product, on which days.
    `whole`: the article's title and paragraphs as one text."""
    seen: set[tuple] = set()
    mentions = matcher.subject_counts(whole)
    if product:
        # 招联 in an article about 招联好期贷 is the product, not a second one
        for other in [p for p in mentions if p != product and matcher.names_within(product, p)]:
            mentions[product] += mentions.pop(other)
    several = tuple(p for p, n in mentions.most_common() if n >= 2)
    ctx = _Context(recent=product, many=several if len(several) >= 2 else (), product=product)
    for section in article.sections:
        heading = section.heading or ""
        ctx.heading_days = parse_days(to_simplified(heading), vague=False) if heading else None
        ctx.heading_products = tuple(matcher.subjects(heading)) if heading else ()
        if not ctx.heading_products and ctx.many and rules.BOTH.search(to_simplified(heading)):
            ctx.heading_products = ctx.many  # "客服说的时间线（两个产品一样）": each product's
        if heading:
            # a new section speaks of its heading's product, else of the article's
            ctx.recent = ctx.heading_products[0] if ctx.heading_products else product
        ctx.question_days = ctx.heading_days if heading and _QA_QUESTION.search(heading) else None
        ctx.credit_topic = _about_credit(heading)
        ctx.rights_topic = bool(heading) and bool(_RULES_LEAD.search(to_simplified(heading)))
        ctx.complaint_topic = bool(heading) and bool(rules.COMPLAINT_TOPIC.search(to_simplified(heading)))
        heading_title = _ORDINAL.sub("", heading).strip().rstrip("：:").strip() or None
        columns: list[str | None] | None = None  # the products of a comparison table's columns
        header: list[str] | None = None  # the header row of the table being read
        in_table = False
        for at, para in enumerate(section.paragraphs):
            ref = f"{article.id}#{para.id}"
            text = para.text
            if (pair := _QA_INLINE.match(text)) is not None:
                # "问：逾期3天会怎样？答：…" on one line: the question is the answer's context
                ctx.question_days = parse_days(to_simplified(pair["q"]), vague=False)
                # a question opens a new topic: its product, else the article's
                named = tuple(matcher.subjects(pair["q"]))
                ctx.recent = named[0] if named else product
                ctx.credit_topic = _about_credit(pair["q"]) or _about_credit(heading)
                text = pair["a"]
            elif _QA_QUESTION.search(text) and not _QA_ANSWER.search(text):
                # a question: its days and product are the context of the answer that follows;
                # a post that tells what happened and then asks still tells it ("第二天就收到
                # 提醒……想问问大家会上征信吗？")
                sentences = [c.strip() for c in _CLAUSE.findall(text) if c.strip()]
                asked = "".join(c for c in sentences if _QA_QUESTION.search(c)) or text
                ctx.question_days = parse_days(to_simplified(asked), vague=False)
                named = tuple(matcher.subjects(asked))
                ctx.recent = named[0] if named else product
                ctx.credit_topic = _about_credit(asked) or _about_credit(heading)
                if len(asked) >= len(text) * 0.6:
                    continue
            text = _QA_ANSWER.sub("", text)
            if rules.SPEAKER_BORROWER.match(to_simplified(text)):
                continue  # "用户：我朋友说…": the borrower's line in a chat states nothing of the lender
            text = rules.TIMESTAMP.sub("", text)  # "[14:06:15] 客服：…": when it was said is no calling hour
            label_days, title, body = None, None, text
            if "|" in text and _TABLE_SEPARATOR.fullmatch(text):
                continue  # "| --- | --- |" is inside its table
            cells = _table_cells(text)
            opened, in_table = cells is not None and not in_table, cells is not None
            if cells is None:
                columns = header = None  # a table's columns end with the table
            elif opened:
                columns = header = None
                following = section.paragraphs[at + 1].text if at + 1 < len(section.paragraphs) else ""
                below = _table_cells(following)
                if (below and len(below) == len(cells) and all(len(c) <= 10 and not rules.SENTENCE_END.search(c) for c in cells)
                        and matcher.subjects(below[0]) and not matcher.subjects(cells[0])
                        and not _column_products(cells, matcher)):
                    header = cells  # "| 产品 | 上征信时间 | 罚息 |" over rows that are products
                    continue
            if cells and _take_row_product(cells, header, ref, ctx, matcher, out, seen, names):
                continue
            if cells and _take_compared(cells, columns, ref, ctx, matcher, out, seen, names):
                continue
            if cells and (heads := _column_products(cells, matcher)):
                columns = heads  # "| 逾期天数 | 京东金条 | 放心借 |": each column is a product's
                continue
            if cells:
                label_days = parse_days(to_simplified(cells[0]), vague=False)
                if label_days is None and not any(w in to_simplified(cells[0]) for w in rules.OVERDUE_WORDS):
                    label_days = None
                title, body = ((cells[0], "，".join(c for c in cells[1:] if c)) if label_days
                               else (None, "，".join(c for c in cells if c)))
            elif m := _LEAD_LABEL.match(text):
                label = m["bracket"] or m["label"]
                label_days = parse_days(to_simplified(label), vague=False)
                title = label.strip()
                body = text[m.end():].strip() or text
                if label_days is None and m["label"] and len(label) > 12:
                    title, body = None, text  # "花呗逾期后平台会：" is a sentence, not a label
            if rules.STAGE_HEADING.match(text) and (stage_days := parse_days(to_simplified(text), vague=False)):
                # "阶段三：逾期16-60天，压力升级期" states its own step and dates the paragraphs
                # after it, as a heading would, until the next stage or heading
                ctx.heading_days = label_days = stage_days
            para_days = label_days or ctx.question_days or ctx.heading_days
            # "微粒贷：依托微众银行，逾期后会上报" — the label names the paragraph's product
            label_products = tuple(matcher.subjects(title)) if title else ()
            saved = ctx.heading_products, ctx.credit_topic
            if label_products:
                ctx.heading_products = label_products
            ctx.credit_topic = ctx.credit_topic or _about_credit(text)
            if _RULES_LEAD.search(to_simplified(text)) and text.rstrip().endswith(("：", ":")):
                ctx.rights_topic = True  # "下面这些做法都属于违规催收：" — the items after it are rules
            for clause in _CLAUSE.findall(body):
                clause = clause.strip()
                if len(clause) < 4:
                    continue
                _take_clause(clause, _grace_days(clause, para_days, ctx), title or heading_title, ref, ctx, matcher,
                             out, seen, names)
            # the label's product and the paragraph's credit words end with the paragraph; a
            # lead-in's rules hold until the next heading
            ctx.heading_products, ctx.credit_topic = saved


def _grace_days(clause: str, days, ctx: _Context):
    """The days of a clause that speaks of the time after the grace period ("超过宽限期后，会按日
    收取逾期费用"): from the day after the grace period the article states, open-ended — not
    the days of the heading it stands under, which the grace period is part of; unknown when
    the article states none. Any other clause keeps `days`, and a clause stating the grace
    period sets it for the rest of the article."""
    simple = to_simplified(clause)
    if m := rules.GRACE_PERIOD.search(simple):
        ctx.grace = chinese_number(m["a"] or m["b"]) or ctx.grace
    if rules.AFTER_GRACE.search(simple) and parse_days(simple, vague=False) is None:
        return (ctx.grace + 1, None) if ctx.grace else None
    return days


def _subject_of(action: str, simple: str) -> str:
    """The words of a clause before what it states of `action`: where its subject stands
    ("平台不得冒充…" has 平台 there; "可以向平台客服投诉" has it only as the object)."""
    if action == "投诉渠道":
        return simple  # "打银行客服电话投诉": the lender's own line is named in the route
    pattern = _ACTION_PATTERNS.get(action)
    m = pattern.search(simple) if pattern else None
    return simple[:m.start()] if m else simple


def _column_products(cells: list[str], matcher: ProductMatcher) -> list[str | None] | None:
    """The products a table's header row names, one per column, when it names two or more
    and states no day: the header of a comparison table."""
    heads = [(matcher.subjects(c) or [None])[0] if len(c) <= 12 else None for c in cells]
    if len({h for h in heads[1:] if h}) < 2 or parse_days(to_simplified(cells[0]), vague=False):
        return None
    return heads


def _take_row_product(cells: list[str], header: list[str] | None, ref: str, ctx: _Context,
                      matcher: ProductMatcher, out: Extraction, seen: set[tuple], names: dict[str, str]) -> bool:
    """A row of a table whose rows are products ("| 抖音月付 | 逾期第4天起报送 | …"): each cell
    is the row's product's fact about its column ("上征信时间"), dated by the cell itself."""
    if header is None or len(cells) != len(header) or not (row := matcher.subjects(cells[0])):
        return False
    saved = ctx.heading_products, ctx.credit_topic
    for cell, column in zip(cells[1:], header[1:], strict=True):
        if not cell or rules.DENIAL_CELL.match(cell):
            continue  # "未接入", "没有", "官方未说明": the column's topic is not what the cell says
        ctx.heading_products, ctx.credit_topic = (row[0],), _about_credit(column)
        days = parse_days(to_simplified(cell), vague=False) or ctx.question_days or ctx.heading_days
        for clause in _CLAUSE.findall(cell):
            if len(clause.strip()) >= 2:
                _take_clause(f"{column}：{clause.strip()}", days, column, ref,
                             ctx, matcher, out, seen, names)
    ctx.heading_products, ctx.credit_topic = saved
    return True


def _take_compared(cells: list[str], columns: list[str | None] | None, ref: str, ctx: _Context,
                   matcher: ProductMatcher, out: Extraction, seen: set[tuple], names: dict[str, str]) -> bool:
    """A row of a comparison table: the first cell says when, each other cell what its
    column's product does then. False when the row is not one of such a table."""
    if columns is None or len(cells) != len(columns):
        return False
    label = to_simplified(cells[0])
    days = parse_days(label, vague=False)
    # a row headed by what it is about ("| 电话催收 | 逾期3天起 | 逾期1天起 |"): each cell says
    # when its product does that, so the row's topic is read with the cell
    topic = days is None and bool(label.strip()) and any(p.search(label) for p in _ACTION_PATTERNS.values())
    saved = ctx.heading_products, ctx.credit_topic
    ctx.credit_topic = ctx.credit_topic or (topic and _about_credit(label))
    for cell, column in zip(cells[1:], columns[1:], strict=True):
        if column is None or not cell:
            continue
        ctx.heading_products = (column,)
        for clause in _CLAUSE.findall(cell):
            if len(clause.strip()) >= 2:
                said = f"{cells[0].strip()}：{clause.strip()}" if topic else clause.strip()
                _take_clause(said, days, cells[0], ref, ctx, matcher, out, seen, names)
    ctx.heading_products, ctx.credit_topic = saved
    return True


def _when(days) -> str:
    """The days as they follow a product's name: 逾期第3天, 还款日当天, 逾期后."""
    when = days_label(days) if days else "逾期后"
    if when == "时间未说明":
        when = "逾期后"
    return when if when.startswith(("逾期", "还款日")) else f"在{when}"


def reader_sentence(name: str, days, hedge: str | None, action: str, channels: list[str]) -> str:
    """The short sentence a reader sees for a timeline fact: the product, the days, how sure,
    the step and its channels, e.g. 花呗逾期第1天起，会通过短信、邮件提醒还款。"""
    via = [c for c in channels if c in ("短信", "APP", "邮件", "电话")]
    phrase = rules.ACTION_PHRASES[action].format(via=f"通过{'、'.join(via)}" if via else "")
    return f"{name}{_when(days)}，{rules.HEDGE_WORDS.get(hedge, '会')}{phrase}。"


def _routes(action: str, simple: str) -> list[str | None]:
    """Each complaint route a clause names is a fact of its own (12378 and 110 are two);
    any other action is one fact."""
    if action not in rules.ONE_FACT_PER_SLOT:
        return [None]
    found = [words for pattern, words in rules.CLAIM_SLOTS.get(action, ()) if pattern.search(simple)]
    return list(dict.fromkeys(found)) or [None]


def claim_sentence(action: str, name: str, days, hedge: str | None, clause: str, route: str | None = None) -> str | None:
    """The sentence a reader sees for a credit fact or a rule: made from the fact where its
    template's slots are in the clause (rules.CLAIM_PHRASES), else the clause itself; None
    when that clause has a censored gap, since a sentence with a hole is not published.
    `route`: the one slot this fact is about, for actions that are one fact per slot."""
    template = rules.CLAIM_PHRASES.get(action)
    simple = to_simplified(clause)
    what = ""
    # (a rule is a prohibition by nature: "不得冒充" is its normal form, not a negated fact)
    if (action not in _RULE_ACTIONS and _negated(action, simple)) or (
            action == "催收时段" and rules.PROHIBITION.search(simple)):
        # a template would say the opposite ("逾期1-3天不会上报征信"): the negated report has
        # its own sentence; any other negated fact is the clause itself
        template = rules.NEGATED_PHRASES.get(action)
        hedge = rules.NEGATED_HEDGES.get(hedge, "不会")
        if template is None:
            return None if rules.CENSORED_GAP.search(clause) else clause
        return template.format(name=name, when=_when(days), neg=hedge)
    if template and route:
        what = route
    elif template and "{what}" in template:
        found = []
        for pattern, words in rules.CLAIM_SLOTS.get(action, ()):
            if m := pattern.search(simple):
                found.append(words or re.sub(r"\s+", "", m.group(0)))
        what = "、".join(dict.fromkeys(found))
        if not what:
            template = None
    if template:
        return template.format(name=name, when=_when(days), hedge=rules.HEDGE_WORDS.get(hedge, "会"), what=what)
    return None if rules.CENSORED_GAP.search(clause) else clause


def _take_clause(clause: str, context_days, title: str | None, ref: str, ctx: _Context, matcher: ProductMatcher,
                 out: Extraction, seen: set[tuple], names: dict[str, str]) -> None:
    simple = to_simplified(clause)
    named = matcher.subjects(clause)
    if ctx.product:
        # in an article about 招联好期贷, 招联 (its lender, whose name the product's holds) is the product
        named = list(dict.fromkeys(ctx.product if matcher.names_within(ctx.product, n) else n for n in named))
    facts = _facts_of_clause(clause, ctx.credit_topic)
    if ctx.rights_topic:
        # under "哪些属于违规": a described act is what collectors may not do, not a step
        facts = [(k, a) for k, a in facts if k != "timeline"]
    if ctx.complaint_topic and not any(k == "rights" for k, _ in facts) and rules.COMPLAINT_ROUTE.search(simple):
        facts.append(("rights", "投诉渠道"))  # a row of a table of complaint routes
    # the lender speaking of itself is never "lenders in general", whatever law it cites
    generic = rules.GENERIC_SCOPE.search(simple) and not rules.FIRST_PERSON_LENDER.search(simple)
    if named and not generic:
        ctx.recent = named[0]
    if not facts:
        return
    if named and not (generic and rules.UNIVERSAL.search(simple)):
        scopes = named
    elif generic:
        scopes = [GENERAL]
    elif ctx.heading_products:
        scopes = list(ctx.heading_products)
    else:
        scopes = [ctx.recent or GENERAL]
    own_days = parse_days(simple, vague=False)
    days = own_days or context_days
    undated = days is None
    if days is None and any(p.search(simple) for p in rules.VAGUE_DAY_PATTERNS):
        days = (1, None)
    channels = _channels(simple)
    hedge = _hedge(clause)
    facts = [(kind, action, route) for kind, action in facts for route in _routes(action, simple)]
    clause_days, clause_undated = days, undated
    for kind, action, route in facts:
        # "半个月开始打电话，超过30天会委外": each part's own day is its step's
        days, undated = clause_days, clause_undated
        if own_days is not None and (part_days := _part_days(action, simple)) is not None:
            days, undated = part_days, False
        if (kind == "timeline" and days is not None and days[0] is not None and days[0] >= 1 and days[0] == days[1]
                and any(rules.DAILY.search(p) for p in _PARTS.split(simple) if _ACTION_PATTERNS[action].search(p))):
            days = (days[0], None)  # "逾期第1天就按日收取罚息", "第5天开始每天都打": it goes on from that day
        chosen = scopes
        if action == "投诉渠道" and not named and route in rules.PUBLIC_ROUTES:
            chosen = [GENERAL]  # a public hotline is everyone's, whatever the article is about
        elif action == "投诉渠道" and route is not None and ctx.recent and not ctx.many:
            chosen = scopes  # the lender's own 客服 hotline is a route of the article's product
        elif kind == "rights" and not named and not ctx.heading_products and not rules.LENDER_WORDS.search(
                _subject_of(action, simple)) and not rules.FIRST_PERSON_LENDER.search(simple):
            # what collectors may not do is the law's, for every lender: a rule is one lender's
            # only where the clause, its label or its heading names that lender, or the clause
            # speaks of the article's lender ("银行不得…" in a page about credit cards)
            chosen = [GENERAL]
        elif kind == "credit" and not named and action in rules.SYSTEM_CREDIT and (
                not rules.FIRST_PERSON_LENDER.search(simple) or rules.CREDIT_CENTRE.search(simple)):
            chosen = [GENERAL]  # how to check or dispute one's report is the same for every lender
        elif not named and ctx.many and rules.BOTH.search(simple):
            chosen = list(ctx.many)  # "两款产品的逾期记录都会上报征信", "两个都会短信提醒": each product's
        elif kind != "timeline" and action != "上报征信" and not named and not ctx.heading_products and ctx.many:
            # an article about several products: a rule or credit fact that names none is
            # said of them all
            chosen = [GENERAL]
        credit_days = days if kind == "credit" and action == "上报征信" else None
        for scope in dict.fromkeys(chosen):
            name = names.get(scope, rules.GENERAL_NAME)
            key = (kind, scope, action, days)
            sentence = None
            if kind != "timeline":
                # two rules of one kind are two facts when they say different things (12378, 110)
                sentence = claim_sentence(action, name, credit_days, hedge, clause, route)
                key = (*key, sentence)
            if key in seen:
                # the same fact said twice in one article is one fact; what the second saying
                # adds of its channels ("阶段一：逾期1-3天，提醒期", then "短信会每天提醒你") is kept
                if kind == "timeline" and (same := out.stated.get(key)) is not None:
                    stages = out.timeline[scope]
                    at = next(i for i, s_ in enumerate(stages) if s_.id == same)
                    more = [c for c in _fact_channels(action, channels) if c not in stages[at].channels]
                    if more and not set(stages[at].channels) - set(rules.ACTION_IMPLIES.get(action, ())):
                        stages[at] = _with_channels(stages[at], more, name)
                continue
            seen.add(key)
            common = {"status": "machine", "text": clause, "sources": [ref], "action": action, "hedge": hedge}
            if kind == "timeline" and (same := out.stated.get(key)) is not None:
                # the same step stated by another source: one fact, one more evidence
                if not undated:
                    out.undated.discard(same)  # a source gives its day: the fact is dated
                stages = out.timeline[scope]
                at = next(i for i, s in enumerate(stages) if s.id == same)
                stages[at] = _with_evidence(stages[at], [Evidence(source=ref, quote=clause)],
                                            _fact_channels(action, channels), name)
                continue
            if kind == "timeline":
                fact_channels = _fact_channels(action, channels)
                common.update(text=reader_sentence(name, days, hedge, action, fact_channels),
                              evidence=[Evidence(source=ref, quote=clause)])
                stage = OverdueStage(id=claim_id("stage", ref, f"{scope}|{action}|{clause}"), title=title, days=days,
                                     channels=fact_channels, **common)
                out.timeline.setdefault(scope, []).append(stage)
                out.stated[key] = stage.id
                if undated:
                    out.undated.add(stage.id)
            else:
                if sentence is None:
                    continue  # a gap-ridden clause with nothing to make a sentence from
                common.update(text=sentence, evidence=[Evidence(source=ref, quote=clause)])
                if kind == "credit":
                    out.credit.setdefault(scope, []).append(CreditImpact(
                        id=claim_id("credit", ref, f"{scope}|{action}|{clause}"), days=credit_days, **common))
                else:
                    out.rights.setdefault(scope, []).append(CollectionRight(
                        id=claim_id("rights", ref, f"{scope}|{action}|{clause}" + (f"|{route}" if route else "")),
                        **common))


def reporting_days(text: str) -> tuple[int | None, int | None] | None:
    """The day count a sentence gives for reaching the credit report ("逾期1天就会上征信")."""
    simple = to_simplified(text)
    if not rules.REPORTING.search(simple):
        return None
    return parse_days(simple, vague=False)


def _mark_disputes(claims: list[CreditImpact]) -> list[CreditImpact]:
    """Claims from different articles that give different day counts for reaching 征信
    disagree: all of them are kept, each marked disputed."""
    stated = {c.id: d for c in claims if (d := reporting_days(c.said)) is not None}
    articles = {c.sources[0].split("#")[0] for c in claims if c.id in stated}
    if len(set(stated.values())) < 2 or len(articles) < 2:
        return claims
    return [c.model_copy(update={"disputed": True}) if c.id in stated else c for c in claims]


def _by_day(stages: list[OverdueStage]) -> list[OverdueStage]:
    """Order stages by when they happen; a stage with no stated day keeps its place after
    the stage before it in the same article."""
    keyed = []
    last: dict[str, float] = {}
    for n, stage in enumerate(stages):
        article = stage.sources[0].split("#")[0]
        start = None
        if stage.days is not None:
            start = stage.days[0] if stage.days[0] is not None else (stage.days[1] or 0) - 0.5
        # No stated day: after the previous stage of its article, and after the due date.
        day = start if start is not None else max(last.get(article, 1.0), 1.0) + 0.5
        last[article] = day
        keyed.append((day, n, stage))
    return [s for _, _, s in sorted(keyed, key=lambda t: (t[0], t[1]))]
