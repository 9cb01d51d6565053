"""One reader per source format: decoded text → a flat list of blocks plus metadata.

Readers only take structure apart; deciding what is boilerplate is the cleaner's job,
except for markup that has no text a reader could want (scripts, forms, iframes), which
an HTML reader drops on sight and records.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Callable, Literal

import yaml
from bs4 import BeautifulSoup, Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

from .rules import MAX_HTML_NESTING
from .text import CJK, find_date
from .yamlio import YamlSyntaxError, safe_load

BlockKind = Literal["line", "title", "heading", "item"]


@dataclass(frozen=True)
class Block:
    text: str
    kind: BlockKind = "line"


@dataclass(frozen=True)
class RawDocument:
    blocks: tuple[Block, ...]
    title: str | None = None
    title_from: str | None = None  # where the title was found, for writers: "页面的 og:title"
    date: dt.date | None = None
    removed: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    # Titles from related-article link lists: not article text, but what readers ask.
    related: tuple[str, ...] = field(default_factory=tuple)


class SourceError(Exception):
    """A source file that cannot be read; the message says what to do."""


# --- Plain text ----------------------------------------------------------------------------


# A list item of a plain-text page: a bullet (dropped) or a numbering (kept: "1. 提醒：…"
# is read by the extractor).
_TEXT_BULLET = re.compile(r"^\s*[-•·●▪◦*■□◆◇►▶]\s*(?=\S)")
_TEXT_NUMBERED = re.compile(r"^\s*(?:[①②③④⑤⑥⑦⑧⑨⑩]|[（(]\s*\d{1,2}\s*[)）]|\d{1,2}\s*[、.．)）]\s*(?=\D))")


def read_text(text: str) -> RawDocument:
    blocks = []
    for line in text.splitlines():
        if not line.strip():
            continue
        if _TEXT_BULLET.match(line) and not re.match(r"^\s*-\s*\d", line):
            blocks.append(Block(_TEXT_BULLET.sub("", line).strip(), "item"))
        elif _TEXT_NUMBERED.match(line):
            blocks.append(Block(line.strip(), "item"))
        else:
            blocks.append(Block(line))
    return RawDocument(blocks=tuple(blocks))


# --- Markdown with optional YAML front matter -----------------------------------------------

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*(?:\n|\Z)", re.S)
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_MD_BULLET = re.compile(r"^[-*+]\s+")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
# A row of a pipe table: one line, never joined to the row before (its separator row is no text).
_MD_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_MD_TABLE_SEPARATOR = re.compile(r"^\s*\|?(?:\s*:?-+:?\s*\|)+\s*:?-*:?\s*\|?\s*$")


def _md_inline(text: str) -> str:
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    return _MD_EMPHASIS.sub(r"\2", text).replace("<br>", " ")


def _join_wrapped(first: str, second: str) -> str:
    if re.search(f"[{CJK}]$", first) and re.match(f"[{CJK}]", second):
        return first + second
    return f"{first} {second}"


# A line this long or longer, not ending a sentence, was hard-wrapped: the next line continues it.
_WRAPPED_LINE = 30


def read_markdown(text: str) -> RawDocument:
    meta: dict = {}
    m = _FRONT_MATTER.match(text.replace("\r\n", "\n"))
    body = text.replace("\r\n", "\n")
    if m:
        try:
            loaded = safe_load(m.group(1))
        except YamlSyntaxError as exc:
            raise SourceError(f"front matter is not valid YAML at line {exc.line + 1}: {exc.message}; fix the block "
                              "between the `---` lines") from None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 2}" if mark else ""
            raise SourceError(f"front matter is not valid YAML{where}: fix the block between the `---` lines") from None
        meta = loaded if isinstance(loaded, dict) else {}
        body = body[m.end():]
    blocks: list[Block] = []
    removed: list[tuple[str, str]] = []
    in_fence = False
    previous_blank = True
    lines = body.split("\n")
    for i, line in enumerate(lines):
        previous_line = lines[i - 1] if i else ""
        if line.strip().startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if in_fence:  # code is not article prose; recorded, not lost
            if line.strip():
                removed.append(("code-block", line.strip()))
            continue
        if not line.strip() or re.fullmatch(r"\s*(?:[-*_]\s*){3,}", line):
            previous_blank = True
            continue
        if _MD_TABLE_SEPARATOR.match(line):
            continue
        if _MD_TABLE_ROW.match(line):
            blocks.append(Block(_md_inline(line.strip())))
            previous_blank = True  # the next line is not a continuation of a row
            continue
        if (blocks and not previous_blank and blocks[-1].kind in ("line", "item") and not _MD_HEADING.match(line)
                and not _MD_ITEM.match(line) and not line.lstrip().startswith(">")
                and len(previous_line.strip()) >= _WRAPPED_LINE and not re.search(r"[。！？!?；;]\s*$", previous_line)):
            # a hard-wrapped line continues its paragraph (no space between Chinese characters);
            # short lines one under another are a note's lines, each its own ("🔔 还款日当天")
            blocks[-1] = Block(_join_wrapped(blocks[-1].text, _md_inline(line.strip())), blocks[-1].kind)
            continue
        previous_blank = False
        if h := _MD_HEADING.match(line):
            kind: BlockKind = "title" if len(h.group(1)) == 1 else "heading"
            blocks.append(Block(_md_inline(h.group(2)), kind))
        elif _MD_ITEM.match(line):
            # keep a number (the extractor reads "1. 提醒通知：…"), drop a bullet
            blocks.append(Block(_md_inline(_MD_BULLET.sub("", line.strip())), "item"))
        else:
            blocks.append(Block(_md_inline(line.lstrip("> ").strip())))
    title = meta.get("title")
    date = meta.get("date")
    if isinstance(date, dt.datetime):
        date = date.date()
    elif not isinstance(date, dt.date):
        date = find_date(str(date)) if date else None
    if not isinstance(title, (str, int, float)) or isinstance(title, bool):
        title = None  # a list or mapping is no title
    return RawDocument(blocks=tuple(blocks), title=str(title) if title else None,
                       title_from="文件开头 front matter 里的 title" if title else None, date=date, removed=tuple(removed))


# --- HTML pages ------------------------------------------------------------------------------

# Markup with no text worth keeping, and markup that would execute: dropped on sight.
_ACTIVE = ("script", "style", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet",
           "template", "svg", "math", "canvas", "form", "button", "input", "select", "textarea", "link",
           "meta", "base", "audio", "video", "source", "track", "img", "picture", "map")
# Page chrome by element name and by class/id words.
_CHROME_TAGS = {"nav": "navigation", "header": "page-header", "footer": "page-footer", "aside": "sidebar"}
_CHROME_WORDS = re.compile(
    r"(?:^|[\s_-])(nav|navbar|menu|breadcrumbs?|crumbs?|sidebar|side|footer|header|comments?|comment-list|"
    r"respond|share|sharing|social|reward|dashang|related|recommend|hot|ads?|advert|banner|copyright|"
    r"pagination|pager|prev-next|post-nav|toolbar|login|widget|author|byline|badge|voters?|userinfo|"
    r"user-info|profile|avatar|follow|promotion|promo|tags?)(?:$|[\s_-])",
    re.I,
)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_CONTENT_SELECTORS = ("article", "main", "[itemprop=articleBody]", ".article-content", ".post-content",
                      ".entry-content", ".article", "#article", ".content", "#content", ".post", ".entry")
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCKS = {"p", "div", "section", "article", "main", "ul", "ol", "li", "blockquote", "pre", "table", "tbody",
           "thead", "tr", "td", "th", "dl", "dt", "dd", "br", "hr", "figure", "figcaption", "center", "address"}
_WRAPPED = re.compile(rf"(?<=[{CJK}])[ \t]*\n\s*(?=[{CJK}])")
_DATE_HOLDER = re.compile(r"publish_?time|pub_?time|pub_?date|post-?date|publish-?date|article-?date|entry-?date|"
                          r"modified-?time|update-?time|(?:^|[-_])(?:time|date)$", re.I)
_PUBLISHED_LABEL = re.compile(r"(?:发布|发表|刊发|發佈|發表)(?:时间|日期|於|于|時間)?\s*[:：]?\s*\d{4}")
_TITLE_SUFFIX = re.compile(r"\s*[-_|–—·]\s*[^-_|–—·]{1,30}$")


def _chrome_rule(tag: Tag) -> str | None:
    if tag.name in _CHROME_TAGS:
        return _CHROME_TAGS[tag.name]
    words = " ".join([*(tag.get("class") or []), str(tag.get("id") or "")])
    words = _CAMEL.sub("-", words)  # "RelatedReadings" reads as "Related-Readings"
    if words and (m := _CHROME_WORDS.search(words)):
        return f"page-chrome:{m.group(1).lower()}"
    return None


def _link_share(tag: Tag, text: str) -> float:
    """How much of a block's text (`text`, non-empty) is link text."""
    return sum(len(a.get_text("", strip=True)) for a in tag.find_all("a")) / len(text)


def _link_dense(tag: Tag) -> bool:
    text = tag.get_text("", strip=True)
    return len(tag.find_all("a")) >= 3 and bool(text) and _link_share(tag, text) > 0.6


def _is_bulk_prose(tag: Tag, container_chars: int) -> bool:
    """Most of the page's text, few links: content, whatever its class says."""
    text = tag.get_text("", strip=True)
    return len(text) >= max(300, 0.3 * container_chars) and _link_share(tag, text) < 0.2


# Elements that never hold others, and those whose end tag a page may leave out (the parser
# closes them): neither adds to the nesting depth.
_NO_NESTING = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
               "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot",
               "colgroup", "rt", "rp"}
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^>]*?(/?)>")


def nesting_depth(text: str) -> int:
    """How deep the page's elements nest, read from its tags without parsing it."""
    depth = deepest = 0
    for m in _TAG.finditer(text):
        name = m.group(2).lower()
        if name in _NO_NESTING or m.group(3):
            continue
        if m.group(1):
            depth = max(depth - 1, 0)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def read_html(text: str) -> RawDocument:
    if (depth := nesting_depth(text)) > MAX_HTML_NESTING:
        raise SourceError(f"the page's elements are nested {depth} levels deep (more than {MAX_HTML_NESTING}): "
                          "no article is built like this; save the article's own text instead")
    soup = BeautifulSoup(text, "lxml")
    removed: list[tuple[str, str]] = []
    related: list[str] = []
    for node in soup.find_all(string=lambda s: isinstance(s, (Comment, Declaration, Doctype, ProcessingInstruction))):
        node.extract()
    og = soup.find("meta", attrs={"property": "og:title"})
    h1 = soup.find("h1")
    page_title = soup.title.get_text(" ", strip=True) if soup.title else ""
    og_title = og.get("content", "").strip() if og else ""
    h1_title = h1.get_text(" ", strip=True) if h1 else ""
    if h1_title and og_title.startswith(h1_title):
        og_title = h1_title  # og:title often carries the site name too: "标题_百科"
    title = (og_title or h1_title or _TITLE_SUFFIX.sub("", page_title)) or None
    title_from = ("页面的 og:title" if og_title and og_title != h1_title else "页面的一级标题 <h1>" if h1_title
                  else "页面的 <title>（去掉了站名）") if title else None
    date = None
    for attrs in ({"property": "article:published_time"}, {"name": "pubdate"}, {"name": "publishdate"},
                  {"name": "date"}, {"itemprop": "datePublished"}, {"itemprop": "dateCreated"}):
        meta = soup.find("meta", attrs=attrs)
        if meta and (date := find_date(meta.get("content", ""))):
            break
    if date is None:
        # a line that says it is the publication date ("作者：… 发布时间：2025-03-18") before any
        # <time> or element merely classed as a time, which may be a comment's
        for el in soup.find_all(string=_PUBLISHED_LABEL):
            if date := find_date(str(el)[_PUBLISHED_LABEL.search(str(el)).start():]):
                break
    if date is None and (time := soup.find("time")):
        date = find_date(time.get("datetime", "") or time.get_text())
    if date is None:  # e.g. WeChat's <em id="publish_time">, blogs' <span class="post-date">
        for el in soup.find_all(attrs={"id": _DATE_HOLDER}) + soup.find_all(class_=_DATE_HOLDER):
            if date := find_date(el.get_text(" ", strip=True)):
                break

    for tag in soup.find_all(_ACTIVE):
        if not tag.decomposed:
            removed.append(("active-markup", f"{tag.name} element"))
            # the source's indentation around the element is not a gap in the sentence
            before, after = tag.previous_sibling, tag.next_sibling
            if isinstance(before, NavigableString) and before.rstrip() != before and (
                    after is None or (isinstance(after, NavigableString) and after[:1].strip())):
                before.replace_with(before.rstrip())
            tag.decompose()
    body = soup.body or soup
    candidates = [c for sel in _CONTENT_SELECTORS for c in body.select(sel)]
    container = max(candidates, key=lambda c: len(c.get_text("", strip=True)), default=body)
    if container is not body and container.parent is not None:
        # a thread's posts (or an answer page's answers) are siblings of one class: the
        # content is all of them, not the longest one
        classes = set(container.get("class") or [])
        alike = [s for s in container.parent.find_all(container.name, recursive=False)
                 if classes and classes & set(s.get("class") or [])]
        if len(alike) >= 3:
            container = container.parent
    # Everything beside the chosen container is page chrome; record it so nothing vanishes silently.
    node = container
    while node is not None and node is not body and node.parent is not None:
        for sibling in list(node.parent.children):
            if sibling is node or not isinstance(sibling, Tag):
                continue
            rule = _chrome_rule(sibling)
            if _is_related_block(rule):
                # a related-articles block beside the article (<div class="related">): its titles
                # are what readers ask, as they are when the block is inside it
                _emit_link_titles(sibling, removed, related)
            elif t := sibling.get_text(" ", strip=True):
                removed.append((rule or "outside-content", t))
            sibling.decompose()
        node = node.parent
    total = len(container.get_text("", strip=True)) or 1
    for tag in list(container.find_all(True)):
        if tag.decomposed:
            continue
        rule = _chrome_rule(tag) or ("link-list" if tag.name in ("ul", "ol", "div", "p") and _link_dense(tag) else None)
        if rule and not rule.startswith("link") and _is_bulk_prose(tag, total):
            rule = None  # a class name ("CopyrightRichText") must not throw away the article itself
        if rule:
            # A link list under a related-articles heading is handled by the cleaner as
            # question candidates: keep its items as lines.
            if rule == "link-list" or _is_related_block(rule):
                _emit_link_titles(tag, removed, related)
            elif t := tag.get_text(" ", strip=True):
                removed.append((rule, t))
            tag.decompose()
    blocks: list[Block] = []
    _walk(container, blocks.append)
    if title and blocks and blocks[0].kind == "title" and blocks[0].text == title:
        blocks.pop(0)
    return RawDocument(blocks=tuple(blocks), title=title, title_from=title_from, date=date, removed=tuple(removed),
                       related=tuple(related))


def _is_related_block(rule: str | None) -> bool:
    """Whether a chrome rule names a list of other articles (page-chrome:related, …): its
    titles are what readers ask."""
    return bool(rule) and rule.endswith(("related", "recommend", "hot"))


def _emit_link_titles(tag: Tag, removed: list[tuple[str, str]], related: list[str]) -> None:
    for a in tag.find_all("a") or [tag]:
        if t := a.get_text(" ", strip=True):
            removed.append(("related-list", t))
            related.append(t)
    # the list's own heading ("相关阅读"), if it sits inside the block
    for h in tag.find_all(list(_HEADINGS)):
        if t := h.get_text(" ", strip=True):
            removed.append(("related-list", t))


def _flat_text(tag: Tag) -> str:
    """An element's text on one line: inline pieces joined as they stand (no space is added
    between 保留证据 and ：), block boundaries as one space unless between Chinese characters."""
    parts: list[str] = []

    def collect(el: Tag) -> None:
        for c in el.children:
            if isinstance(c, NavigableString):
                parts.append(str(c))
            elif isinstance(c, Tag):
                block = c.name in _BLOCKS or c.name in _HEADINGS
                parts.append("\n" if block else "")
                collect(c)
                parts.append("\n" if block else "")

    collect(tag)
    return " ".join(_WRAPPED.sub("", "".join(parts)).split())


def _is_data_table(table: Tag) -> bool:
    """A table of data (rows of short cells), not a page laid out in a table."""
    cells = table.find_all(["td", "th"])
    if not cells or table.find("table"):
        return False
    blocks = {"p", "div", "ul", "ol", "table", "section", "article", *_HEADINGS}
    return all(not cell.find(blocks) and len(cell.get_text("", strip=True)) <= 200 for cell in cells)


def _walk(el: Tag, emit: Callable[[Block], None]) -> None:
    buf: list[str] = []

    def flush() -> None:
        # A line break inside Chinese text is the page's source formatting, not a space.
        text = _WRAPPED.sub("", "".join(buf))
        text = " ".join(text.split())
        buf.clear()
        if text:
            emit(Block(text))

    for child in el.children:
        if isinstance(child, NavigableString):
            buf.append(str(child))
        elif not isinstance(child, Tag):
            continue
        elif child.name in _HEADINGS:
            flush()
            if text := _flat_text(child):
                emit(Block(text, "title" if child.name == "h1" else "heading"))
        elif child.name == "li":
            flush()
            if text := _flat_text(child):
                emit(Block(text, "item"))
        elif child.name == "table" and _is_data_table(child):
            # a row is one line, its cells side by side as a pipe table writes them: the
            # first cell ("1-10天") is what the others are about
            flush()
            for row in child.find_all("tr"):
                cells = [_flat_text(cell) for cell in row.find_all(["td", "th"])]
                filled = [c for c in cells if c]
                if len(filled) > 1:  # a row as a pipe table writes it; an empty corner keeps its place
                    emit(Block("| " + " | ".join(cells) + " |"))
                elif filled:
                    emit(Block(filled[0]))
        elif child.name in _BLOCKS or child.find(_BLOCKS | _HEADINGS):
            # an inline element that holds paragraphs (<span class="RichText"><p>…) is a block
            flush()
            _walk(child, emit)
        else:
            buf.append(child.get_text(""))
    flush()


READERS: dict[str, Callable[[str], RawDocument]] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
}
