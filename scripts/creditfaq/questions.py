"""Reader questions: related-article titles and question-like headings → merged questions,
each with its product(s), topic and day count. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import rules
from .days import parse_days
from .extract import ProductMatcher
from .model import Product, Question, SourceArticle
from .text import key, short_hash, to_simplified

_NOISE_PREFIX = re.compile(r"^(?:(?:19|20)\d{2}年(?:\d{1,2}月)?(?:起)?)")
_NOISE_SUFFIX = re.compile(
    r"(?:(?:及|与|和)(?:其)?(?:应对|解决|处理)(?:策略|办法|措施|方法)|及(?:后果|影响)(?:详解)?|及(?:注意事项|安全性分析|查询方式|时间线)"
    r"|(?:的)?(?:最新|深度|全面|详细)?(?:解析|详解|分析|探究|说明|解读|概览|全解析|全解)|(?:相关)?(?:情况|问题|细节|那些事儿?|相关性))$"
)


def question_key(text: str) -> str:
    """The words that make two wordings the same question: Simplified, without the year
    prefix and the 解析/详解/及应对策略 padding content farms add."""
    text = to_simplified(text)
    text = _NOISE_PREFIX.sub("", text)
    for _ in range(3):
        text = _NOISE_SUFFIX.sub("", re.sub(r"[：:？?！!。，,\s]+$", "", text))
    return key(text)


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def _similar(a: str, b: str) -> bool:
    x, y = _bigrams(a), _bigrams(b)
    return bool(x and y) and len(x & y) / len(x | y) >= rules.QUESTION_MERGE_MIN


def question_topic(text: str) -> str:
    simple = to_simplified(text)
    for topic, pattern in rules.QUESTION_TOPICS:
        if pattern.search(simple):
            return topic
    return "其他"


@dataclass
class QuestionIndex:
    by_product: dict[str, list[Question]] = field(default_factory=dict)
    general: list[Question] = field(default_factory=list)  # no product, or several
    naming_a_product: int = 0
    resolved: int = 0
    unresolved: list[str] = field(default_factory=list)  # names that look like products, not registered
    off_topic: int = 0

    @property
    def resolution(self) -> float:
        return self.resolved / self.naming_a_product if self.naming_a_product else 1.0


# A heading's numbering ("六、", "3.", "（二）", "第二部分："): the article's order, not the question.
_HEADING_NUMBER = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|\d{1,2}\s*[、.．)）]|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]"
                             r"|第[一二三四五六七八九十\d]{1,3}(?:部分|步|点|节)\s*[:：、.．]?)\s*")


def _found_in(article: SourceArticle) -> list[str]:
    found = list(article.related_titles)
    for section in article.sections:
        if section.heading and rules.QUESTION_LIKE.search(section.heading):
            found.append(_HEADING_NUMBER.sub("", section.heading).strip() or section.heading)
    if rules.QUESTION_LIKE.search(article.title):
        found.append(article.title)
    return found


def collect(articles: list[SourceArticle], products: list[Product]) -> QuestionIndex:
    matcher = ProductMatcher(products)
    # (key, what must agree for a merge: products and days, [(wording, article id)])
    groups: list[tuple[str, tuple, list[tuple[str, str]]]] = []
    index = QuestionIndex()
    for article in sorted(articles, key=lambda a: a.id):
        if not article.relevant or article.duplicate_of:
            continue
        for wording in _found_in(article):
            simple = to_simplified(wording)
            if not matcher.mentions(wording) and not any(w in simple for w in rules.CREDIT_SUBJECT):
                index.off_topic += 1  # a teaser for 离婚 or 锻炼 is no reader question of ours
                continue
            k = question_key(wording)
            if not k:
                continue
            # near-identical wordings merge only when they ask about the same products and days
            agree = (tuple(sorted(matcher.mentions(wording))), parse_days(simple))
            group = next((g for g in groups if g[1] == agree and (g[0] == k or _similar(g[0], k))), None)
            if group is None:
                groups.append((k, agree, [(wording, article.id)]))
            else:
                group[2].append((wording, article.id))
    for k, _, members in groups:
        text = members[0][0]
        products = list(dict.fromkeys(p for w, _ in members for p in matcher.mentions(w)))
        named = set(products) or {n for w, _ in members for n in product_like_names(w)}
        if named:
            index.naming_a_product += 1
            if products:
                index.resolved += 1
            else:
                index.unresolved.append(text)
        question = Question(
            id=f"q-{short_hash(k)}",
            status="machine",
            text=text,
            products=products,
            topic=question_topic(text),
            days=parse_days(to_simplified(text)),
            sources=sorted({aid for _, aid in members}),
            variants=sorted({w for w, _ in members if w != text}),
        )
        if len(products) == 1:
            index.by_product.setdefault(products[0], []).append(question)
        else:
            index.general.append(question)
    return index


def product_like_names(text: str) -> list[str]:
    """Words shaped like a product's name (唯品花, 小赢卡贷) that are not generic credit words
    (网贷, 银行贷款): what a writer may need to add to data/products.yml."""
    simple = to_simplified(text)
    names = []
    for m in rules.PRODUCT_SHAPE.finditer(simple):
        name = m.group(0)
        if not any(g in name for g in rules.GENERIC_CREDIT_WORDS):
            names.append(name)
    return names
