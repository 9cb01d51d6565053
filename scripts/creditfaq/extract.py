"""extract: cleaned articles → machine claims per product, each pointing at its paragraph.

Pure: articles and the product registry in, claims out. Merging with writers' edits is
`merge`'s job.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from . import rules
from .days import parse_days
from .model import CollectionRight, CreditImpact, OverdueStage, Product, SourceArticle
from .text import short_hash, to_simplified

# Sections that describe the collection process, and sections that only look like it.
_STAGE_SECTION = re.compile(r"流程|做法|阶段|方式|步骤|升级|初始|正式|时间线|催收|催款")
_NOT_STAGE_SECTION = re.compile(r"应对|如何|建议|原因|难点|挑战|改进|重要性|措施|权益|小贴士|背景")
_LABEL = re.compile(r"^(?:\d{1,2}|[①②③④⑤⑥⑦⑧⑨⑩])\s*[.、．)）]?\s*(?:(?P<label>[^：:，。]{2,12})[：:])?\s*")
_ORDINAL = re.compile(r"^[一二三四五六七八九十]{1,3}\s*[、.．]\s*")
_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]?")


@dataclass
class Extraction:
    """What one run of the extractor found."""

    timeline: dict[str, list[OverdueStage]] = field(default_factory=dict)
    credit: dict[str, list[CreditImpact]] = field(default_factory=dict)
    rights: dict[str, list[CollectionRight]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def products(self) -> list[str]:
        return sorted(set(self.timeline) | set(self.credit) | set(self.rights))


class ProductMatcher:
    """Finds product mentions by longest alias first, so 融易花呗 is not read as 花呗."""

    def __init__(self, products: list[Product]):
        self._by_alias: dict[str, str] = {}
        for p in products:
            for alias in (p.name, *p.aliases):
                self._by_alias.setdefault(to_simplified(alias), p.id)
        alternation = "|".join(re.escape(a) for a in sorted(self._by_alias, key=len, reverse=True))
        self._pattern = re.compile(alternation) if alternation else None

    def mentions(self, text: str) -> Counter[str]:
        if self._pattern is None:
            return Counter()
        # Matching is done on Simplified text, so 花唄 is found as 花呗.
        return Counter(self._by_alias[m.group(0)] for m in self._pattern.finditer(to_simplified(text)))


def claim_id(prefix: str, source: str, text: str) -> str:
    return f"{prefix}-{short_hash(source + '|' + text)}"


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.findall(text) if s.strip()]


def _channels(text: str) -> list[str]:
    return [ch for ch in rules.CHANNELS if any(w in text for w in rules.CHANNEL_WORDS.get(ch, ()))]


def attribute(article: SourceArticle, matcher: ProductMatcher) -> tuple[str | None, str | None]:
    """The product an article is about, and a warning when its title and body disagree."""
    in_title = matcher.mentions(article.title)
    body = " ".join(p.text for p in article.paragraphs())
    in_body = matcher.mentions(body)
    title_product = in_title.most_common(1)[0][0] if in_title else None
    body_product = in_body.most_common(1)[0][0] if in_body else None
    product = title_product or (body_product if body_product and in_body[body_product] >= 2 else None)
    warning = None
    if title_product and body_product and body_product != title_product and in_body[body_product] > in_body[title_product]:
        warning = (
            f"article {article.id}: the title names `{title_product}` but the body mostly describes "
            f"`{body_product}` ({in_body[body_product]} mentions against {in_body[title_product]}); "
            f"its claims are filed under `{title_product}` — check them"
        )
    return product, warning


def extract(articles: list[SourceArticle], products: list[Product]) -> Extraction:
    matcher = ProductMatcher(products)
    out = Extraction()
    for article in sorted(articles, key=lambda a: a.id):
        if not article.relevant or article.duplicate_of:
            continue  # off-topic pages and republished copies make no claims
        product, warning = attribute(article, matcher)
        if warning:
            out.warnings.append(warning)
        if product is None:
            out.warnings.append(f"article {article.id}: names no registered product; no claims taken from it")
            continue
        for section in article.sections:
            heading = section.heading or ""
            simple_heading = to_simplified(heading)
            stage_section = bool(_STAGE_SECTION.search(simple_heading)) and not _NOT_STAGE_SECTION.search(simple_heading)
            # Where a section lists its stages as items, its other paragraphs are commentary.
            listed = any(p.kind == "item" for p in section.paragraphs)
            for para in section.paragraphs:
                ref = f"{article.id}#{para.id}"
                is_stage_text = stage_section and (para.kind == "item" or not listed)
                if is_stage_text and (stage := _stage(para.text, heading, ref)):
                    out.timeline.setdefault(product, []).append(stage)
                for sentence in _sentences(para.text):
                    body = _LABEL.sub("", sentence) if para.kind == "item" else sentence
                    simple = to_simplified(sentence)  # claims keep the source's script; matching is on Simplified
                    if any(w in simple for w in rules.CREDIT_WORDS):
                        out.credit.setdefault(product, []).append(
                            CreditImpact(id=claim_id("credit", ref, body), status="machine", text=body, sources=[ref]))
                    if any(w in simple for w in rules.RIGHTS_WORDS):
                        out.rights.setdefault(product, []).append(
                            CollectionRight(id=claim_id("rights", ref, body), status="machine", text=body, sources=[ref]))
    for product, stages in out.timeline.items():
        out.timeline[product] = _by_day(stages)
    for product in out.credit:
        out.credit[product] = _mark_disputes(out.credit[product])
    return out


def reporting_days(text: str) -> tuple[int | None, int | None] | None:
    """The day count a sentence gives for reaching the credit report ("逾期1天就会上征信")."""
    simple = to_simplified(text)
    if not rules.REPORTING.search(simple):
        return None
    return parse_days(simple, vague=False)


def _mark_disputes(claims: list[CreditImpact]) -> list[CreditImpact]:
    """Claims from different articles that give different day counts for reaching 征信
    disagree: all of them are kept, each marked disputed."""
    stated = {c.id: d for c in claims if (d := reporting_days(c.text)) is not None}
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


def _stage(text: str, heading: str, ref: str) -> OverdueStage | None:
    simple = to_simplified(text)
    channels = _channels(simple)
    if not channels and not any(w in simple for w in rules.STAGE_WORDS):
        return None
    m = _LABEL.match(text)
    label = m["label"] if m and m["label"] else None
    body = text[m.end():] if m and m.end() else text
    title = (label or _ORDINAL.sub("", heading)).strip().rstrip("：:").strip() or None
    return OverdueStage(
        id=claim_id("stage", ref, body),
        status="machine",
        title=title,
        text=body,
        days=parse_days(to_simplified(body)),
        channels=channels,
        sources=[ref],
    )
