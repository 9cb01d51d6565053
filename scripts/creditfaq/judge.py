"""Judgements about whole articles: is it on topic, is it a copy of another one. Pure."""

from __future__ import annotations

from . import rules
from .model import SourceArticle
from .text import key


def relevance(article: SourceArticle) -> tuple[bool, str | None]:
    """On topic when the title or the body talks about consumer credit."""
    if any(w in article.title for w in rules.CREDIT_SUBJECT):
        return True, None
    body = " ".join(p.text for p in article.paragraphs())
    mentions = sum(body.count(w) for w in rules.CREDIT_SUBJECT)
    if mentions >= rules.CREDIT_SUBJECT_MIN:
        return True, None
    return False, (f"off-topic: the title names no consumer-credit subject and the body mentions one only "
                   f"{mentions} time(s) (逾期, 征信, 借款, 还款, 信用卡, 催收 …; at least {rules.CREDIT_SUBJECT_MIN} needed)")


def _shingles(article: SourceArticle, n: int = 4) -> set[str]:
    text = key(" ".join(p.text for p in article.paragraphs()))
    return {text[i:i + n] for i in range(max(len(text) - n + 1, 0))}


def near_duplicates(articles: list[SourceArticle]) -> dict[str, tuple[str, float]]:
    """article id → (id of the article it copies, share of shared text).

    Of two copies the original is the one published first; with no dates, the smaller id.
    """
    ordered = sorted(articles, key=lambda a: (a.date is None, a.date or 0, a.id))
    shingles = {a.id: _shingles(a) for a in ordered}
    found: dict[str, tuple[str, float]] = {}
    for i, later in enumerate(ordered):
        mine = shingles[later.id]
        if not mine:
            continue
        for earlier in ordered[:i]:
            if earlier.id in found:
                continue  # compare with originals only
            theirs = shingles[earlier.id]
            # containment of the smaller text in the larger: a copy with a paragraph added
            # or cut is still a copy
            overlap = len(mine & theirs) / max(min(len(mine), len(theirs)), 1)
            if overlap >= rules.NEAR_DUPLICATE_MIN:
                found[later.id] = (earlier.id, overlap)
                break
    return found
