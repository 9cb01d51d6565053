"""render: products, articles and topic data → Markdown pages (relative path → text).

Pure. Everything that comes from data is escaped, so a title full of `* [ ] < > #` stays
text, and no markup from a source can reach the site.

One module per page kind (product, article, indexes, topics, selfcheck, reference), the
rules they share in modules of their own: markup (escaping, tooltips, footnotes), law (the
fact sheet as its confidence allows, complaint routes by lender), timeline (steps and their
days), answers (the publication gate per section, the short answers, which section answers a
question). Every name is re-exported here, for callers of the former single module.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict

from ..editlinks import EditLinks
from ..model import (
    GlossaryTerm, GuidanceRule, Product, Question, Regulation, SearchVocabulary, SourceArticle, TopicFile,
)
from ..rules import GENERAL, TOPIC_PAGES
from ..search import LEXICON, lexicon, search_targets
from .answers import (
    SECTION_TITLES, _general_rules, _inline_sources, _question_line, _visible, answering, faq_json_ld,
    has_facts, published_sections, quick_answers,
)
from .article import article_page
from .indexes import (
    LASTMOD, UNLISTED, articles_index, home_page, products_index, questions_page, tags_page, topics_index,
)
from .law import (
    _law_where, _regulations_for, _reporting, _rows, citation, complaint_rows, complaint_routes, lender_of, plain_line,
    regulation_line,
)
from .markup import (
    GAP_MARK, Glossary, NO_GLOSSARY, SEARCH_WEIGHT, _Footnotes, _MD_SPECIAL, _TEMPLATE_SAFE, _mark_gaps,
    _whole_word, attr, esc, front_matter, json_for_script, template_text,
)
from .product import _product_tags, _questions_and_related, product_page, thin_product_page
from .reference import glossary_page, regulations_page, search_form, search_page
from .selfcheck import (
    SELF_CHECK_COMPLAIN, SELF_CHECK_CREDIT, SELF_CHECK_DATA, SELF_CHECK_RIGHTS, self_check_data,
    self_check_page,
)
from .timeline import Guidance, NO_GUIDANCE, _step_name, _timeline, effective_days
from .topics import overdue_days_page, topic_page

__all__ = [
    'GAP_MARK', 'Glossary', 'Guidance', 'LASTMOD', 'NO_GLOSSARY', 'NO_GUIDANCE', 'SEARCH_WEIGHT',
    'SECTION_TITLES', 'SELF_CHECK_COMPLAIN', 'SELF_CHECK_CREDIT', 'SELF_CHECK_DATA', 'SELF_CHECK_RIGHTS',
    'UNLISTED', '_Footnotes', '_MD_SPECIAL', '_TEMPLATE_SAFE', '_general_rules', '_inline_sources',
    '_law_where', '_mark_gaps', '_product_tags', '_question_line', '_questions_and_related',
    '_regulations_for', '_reporting', '_rows', '_step_name', '_timeline', '_visible', '_whole_word',
    'answering', 'article_page', 'articles_index', 'attr', 'citation', 'complaint_rows', 'complaint_routes', 'effective_days',
    'esc', 'faq_json_ld', 'front_matter', 'glossary_page', 'has_facts', 'home_page', 'json_for_script',
    'lender_of', 'overdue_days_page', 'plain_line', 'product_page', 'products_index', 'published_sections',
    'questions_page', 'quick_answers', 'regulation_line', 'regulations_page', 'render_site', 'search_form',
    'search_page', 'self_check_data', 'self_check_page', 'tags_page', 'template_text', 'thin_product_page',
    'topic_page', 'topics_index',
]


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
    files["topics/overdue-days.md"] = overdue_days_page(with_topic, list(regulations), general)
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
