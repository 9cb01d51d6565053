"""Escaping for every context text is written into (Markdown, HTML attribute, JSON in a script,
front matter), the glossary's tooltips and the footnotes."""

from __future__ import annotations

import html
import json
import re

import yaml

from .. import rules
from ..model import Claim, GlossaryTerm, SourceArticle

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
            # a source whose title names another product than its body: the reader is told so,
            # before 《融易花呗…》 cited for 花呗 reads as a mistake
            mismatch = "（注意：这篇文章的标题和正文说的不是同一个产品，本站按正文归类）" if any(
                d.kind == "product-mismatch" for d in article.defects) else ""
            lines.append(f"[^s{n}]: 《{esc(article.title)}》第 {index} 段{mismatch}："
                         f"[查看原文段落]({self.prefix}articles/{aid}.md#{pid})")
        return "\n".join(lines) + "\n" if lines else ""


GAP_MARK = '<span class="cf-gap" title="原网页这里有被删掉的字">〔缺字〕</span>'


def _mark_gaps(html: str) -> tuple[str, int]:
    """A censored hole in a source's sentence ("通过短信、 、邮件") shown as what it is; and how
    many there were."""
    return rules.CENSORED_GAP.subn(lambda m: re.sub(r"\s+", GAP_MARK, m.group(0), count=1), html)
