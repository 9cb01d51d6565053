"""Judgements about whole articles: is it on topic, is it a copy of another one. Pure."""

from __future__ import annotations

from . import rules
from .model import RemovedBlock, SourceArticle
from .text import key


def relevance(article: SourceArticle) -> tuple[bool, str | None]:
    """On topic when the title or the body talks about consumer credit, and the page is not a
    hacked page full of gambling or adult text with credit words sprinkled in."""
    spam = sum(1 for r in article.removed if r.rule == "spam-line")
    if spam >= rules.SPAM_MIN_MENTIONS or (spam and spam * 2 >= len(article.paragraphs())):
        return False, (f"spam: {spam} lines of gambling or adult text (a hacked page); at most "
                       f"{rules.SPAM_MIN_MENTIONS - 1} are taken for a hacked template line in a real article")
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


def recurring_paragraphs(articles: list[SourceArticle]) -> set[str]:
    """Comparison keys of paragraphs that stand in several different articles: a site's
    chrome that slipped past every rule (a standing notice, a slogan), not anyone's content.

    Copies are not counted, so an article republished twice is not mistaken for chrome.
    """
    sources_of: dict[str, set[str]] = {}
    for article in articles:
        if article.duplicate_of:
            continue
        for para in article.paragraphs():
            if not para.id.startswith("w-") and len(para.text) <= rules.RECURRING_MAX_CHARS:
                sources_of.setdefault(key(para.text), set()).add(article.id)
    return {k for k, ids in sources_of.items() if k and len(ids) >= rules.RECURRING_MIN_ARTICLES}


def judge_all(articles: list[SourceArticle]) -> dict[str, SourceArticle]:
    """Every judgement that needs the whole corpus: relevance, copies, recurring chrome."""
    out = {}
    for article in articles:
        relevant, reason = relevance(article)
        out[article.id] = article.model_copy(update={"relevant": relevant, "judgement": reason})
    for aid, (original, overlap) in near_duplicates([a for a in out.values() if a.relevant]).items():
        out[aid] = out[aid].model_copy(update={
            "duplicate_of": original,
            "judgement": f"near-duplicate: {overlap:.0%} of its text is also in {original}"})
    chrome = recurring_paragraphs(list(out.values()))
    if chrome:
        for aid, article in out.items():
            out[aid] = _drop_recurring(article, chrome)
    return out


def _drop_recurring(article: SourceArticle, chrome: set[str]) -> SourceArticle:
    removed = list(article.removed)
    sections = []
    for section in article.sections:
        kept = []
        for para in section.paragraphs:
            if not para.id.startswith("w-") and key(para.text) in chrome:
                removed.append(RemovedBlock(rule="recurring-across-sources", text=para.text))
            else:
                kept.append(para)
        sections.append(section.model_copy(update={"paragraphs": kept}))
    return article.model_copy(update={"sections": sections, "removed": removed})
