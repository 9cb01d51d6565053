"""clean: a raw document → a cleaned article (title, date, sections, paragraphs with ids).

Everything removed is recorded with the rule that removed it; defects a writer should fix
(censored gaps, lead-ins whose list was lost, repeated paragraphs) are recorded with where
they are. Pure: no file access.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import rules
from .model import Defect, Paragraph, RemovedBlock, Section, SourceArticle
from .readers import RawDocument
from .text import find_date, fold, has_personal_data, key, safe_text, short_hash, to_simplified


@dataclass
class _Line:
    text: str
    kind: str  # line | title | heading | item


def _is_lead_in(text: str) -> bool:
    return text.endswith(("：", ":")) and len(text) <= rules.LEAD_IN_MAX_CHARS and not rules.SENTENCE_END.search(text[:-1])


def _is_heading(line: _Line) -> bool:
    if line.kind in ("heading", "title"):
        return True
    if line.kind == "item":
        return False
    text = line.text
    if rules.DAY_HEADING.fullmatch(text):
        return True  # "📞 逾期第4天～第30天", "还款日当天": a line that names only when is a heading
    # "三、催收有哪些规矩？": a numbered heading may ask its question
    if rules.CHINESE_ORDINAL_HEADING.match(text) and len(text) <= 40 and not rules.SENTENCE_END.search(text.rstrip("？?")):
        return True
    return _is_lead_in(text)


def _list_lost(line: _Line, following: _Line | None) -> bool:
    """A line ending in a colon whose list is missing: nothing follows, or a heading or a
    summing-up does, where the line itself promises a list ("以下", "建议做法：")."""
    if following is not None and (following.kind == "item" or rules.NUMBERED_ITEM.match(following.text)):
        return False
    if following is None or _is_heading(following) or rules.CONCLUSION.match(following.text):
        return True
    return bool(rules.LIST_PROMISE.search(line.text))


def _zone_opened(text: str) -> str | None:
    """The boilerplate zone a line opens ("相关推荐", "387 条评论"), if any."""
    simple = to_simplified(text)
    return next((rule for rule, pattern in rules.ZONE_PATTERNS.items() if pattern.match(simple)), None)


def _strip_zones(lines: list[_Line], removed: list[RemovedBlock], related: list[str]) -> list[_Line]:
    """Drop boilerplate zones and lines; collect related-article titles as question candidates."""
    kept: list[_Line] = []
    zone: str | None = None
    for line in lines:
        opened = _zone_opened(line.text)
        if opened:
            zone = opened
            removed.append(RemovedBlock(rule=zone, text=line.text))
            continue
        line_rule = next((r for r, pat in rules.LINE_RULES.items() if pat.search(line.text)), None)
        if line_rule:
            removed.append(RemovedBlock(rule=line_rule, text=line.text))
            continue
        if zone == "related-list":
            # A related list holds titles, each maybe followed by a teaser excerpt and counters.
            title = rules.BULLET.sub("", line.text)
            if rules.TEASER_META.match(title):
                removed.append(RemovedBlock(rule="related-teaser", text=line.text))
            elif len(title) <= 40 and not rules.PROSE_END.search(title):  # "…吗？能下款吗？" is still a title
                related.append(title)
                removed.append(RemovedBlock(rule="related-list", text=line.text))
            else:
                removed.append(RemovedBlock(rule="related-teaser", text=line.text))
            continue
        if zone is not None:
            removed.append(RemovedBlock(rule=zone, text=line.text))
            continue
        kept.append(line)
    return kept


def _strip_repeated_header(lines: list[_Line], title: str, removed: list[RemovedBlock]) -> list[_Line]:
    """Scraped pages often print title, date and abstract, then the same again above the body."""
    tkey = key(title)
    again = next((i for i, l in enumerate(lines) if i > 0 and key(l.text) == tkey), None)
    if again is None:
        return lines
    later = [key(l.text) for l in lines[again:]]
    header = lines[:again]
    # The date may be printed once, above or below the repeated title: it is not evidence.
    dates = [h for h in header if rules.DATE_LINE.match(h.text)]
    evidence = [h for h in header if key(h.text) and h not in dates]
    if all(key(h.text) == tkey or any(k.startswith(key(h.text)) for k in later) for h in evidence):
        removed.extend(RemovedBlock(rule="repeated-header", text=h.text) for h in header if h not in dates)
        return dates + lines[again:]  # a date line stays, to be read as the article's date
    return lines


def _furniture(text: str) -> str | None:
    """The furniture rule a line of a page falls under, read on a folded Simplified copy."""
    view = to_simplified(fold(text))
    return next((rule for rule, pattern in rules.FURNITURE.items() if pattern.search(view)), None)


def _article_date(date, edited: bool, text: str):
    """The article's date after reading a line about it: the first date found, except that a
    date it was published on comes before one it was edited on."""
    found = find_date(text)
    if found and (date is None or (edited and rules.PUBLISHED.search(text))):
        return found, bool(rules.EDITED.search(text))
    return date, edited


def _headline_score(text: str) -> float:
    """How much a line looks like the page's headline."""
    view = to_simplified(fold(text))
    if (_furniture(text) or any(p.search(text) for p in rules.LINE_RULES.values()) or rules.SITE_LINE.match(view) or rules.LINE_RULES["breadcrumb"].search(view)
            or rules.CHINESE_ORDINAL_HEADING.match(view) or rules.NUMBERED_ITEM.match(view)
            or rules.DATE_LINE.match(view) or re.match(r"\s*[\[【(（]?\s*\d{1,2}:\d{2}", view)):
        return float("-inf")  # a section heading, a list item or a line about the page is no headline
    score = 0.0
    if any(w in view for w in rules.HEADLINE_WORDS):
        score += 3
    elif rules.PRODUCT_SHAPE.search(view):
        score += 1
    if re.search(r"[？?]\s*$|吗|怎么|如何|会不会|多久|怎样|哪些", view):
        score += 1  # headlines of this field ask the reader's question
    if re.fullmatch(r"\S{2,8}\s+\S{2,8}", view) and not any(w in view for w in rules.HEADLINE_WORDS):
        score -= 2  # "理性借贷 远离套路": a slogan (a headline may have a space: "借呗逾期几天上征信 宽限期…")
    if 6 <= len(view) <= 40:
        score += 1
    elif len(view) < 6:
        score -= 3  # "信用卡": a menu word, not a headline
    elif len(view) > 80 or (len(view) > 50 and not re.search(r"[？?：:｜|]", view)):
        score -= 4  # a long headline lists its products and asks its question: "…对比：借呗、微粒贷…，谁更低？"
    if re.search(r"[:：]\s*[“\"「]", view):
        score -= 3  # "有粉丝留言：“…是真的吗？”": speech quoted in a sentence, not a headline
    if re.search(r"[。；;]", view) or view.count("，") >= 3:
        score -= 3  # a sentence (or two), not a headline
    elif view.count("，") >= 2:
        score -= 1  # "微粒贷逾期四个月，协商成功分期了，说说经过": a long headline still
    return score


def _strip_menus(lines: list[_Line], removed: list[RemovedBlock]) -> list[_Line]:
    """Drop the runs of menu words above the first line of prose and below the last: a site's
    navigation, its login box, its footer. Furniture lines inside a run join it."""
    prose = [i for i, l in enumerate(lines) if rules.PROSE_LINE.search(l.text)]
    if not prose:
        return lines
    first, last = prose[0], prose[-1]

    def menu_like(line: _Line) -> bool:
        if _zone_opened(line.text):
            return False  # "相关问题" opens a list of its own
        # a marked list item is the article's, even a short one ("- 银保监会")
        return line.kind == "line" and bool(rules.MENU_LINE.match(line.text.strip()) or _furniture(line.text))

    drop: set[int] = set()
    for lo, hi in ((0, first), (last + 1, len(lines))):
        run: list[int] = []
        for i in [*range(lo, hi), None]:
            if i is not None and menu_like(lines[i]):
                run.append(i)
                continue
            if len(run) >= rules.MENU_RUN and any(not _furniture(lines[j].text) for j in run):
                drop.update(run)
            run = []
    for i in sorted(drop):
        if not _furniture(lines[i].text):  # furniture goes with its own rule, later
            removed.append(RemovedBlock(rule="site-menu", text=lines[i].text))
    return [l for i, l in enumerate(lines) if i not in drop or _furniture(l.text)]


def _dateline(text: str) -> bool:
    """A line of when and by whom, of the kind a page prints right under its headline."""
    view = to_simplified(fold(text))
    return bool(rules.DATE_LINE.match(view) or _furniture(text) in rules.DATELINE_RULES
                or rules.LINE_RULES["article-meta"].search(view))


def _crumb_headline(lines: list[_Line]) -> str | None:
    """The last crumb of a breadcrumb near the top ("您的位置：首页 > 帮助中心 > 信用卡逾期了怎么办？"):
    where the page prints it again as a line, that line is the headline."""
    for line in lines[:rules.TITLE_SCAN]:
        view = to_simplified(fold(line.text))
        if rules.LINE_RULES["breadcrumb"].search(view) or rules.FURNITURE["breadcrumb"].search(view):
            last = re.split(r"\s*[>›»/]\s*", view)[-1].strip()
            if len(last) >= 6:
                return key(last)
    return None


def _title_reason(raw: str, title: str, crumb: bool, above: int) -> str:
    """Why a line was taken as the headline, in the writers' words."""
    view = to_simplified(fold(title))
    why = []
    if crumb:
        why.append("面包屑导航的最后一项就是它")
    if any(w in view for w in rules.HEADLINE_WORDS):
        why.append("说到了" + "、".join(w for w in rules.HEADLINE_WORDS if w in view)[:20])
    elif rules.PRODUCT_SHAPE.search(view):
        why.append("像是产品名")
    if re.search(r"[？?]\s*$|吗|怎么|如何|会不会|多久|怎样|哪些", view):
        why.append("是读者会问的问题")
    if rules.TITLE_LABEL.match(raw):
        why.append("去掉了“标题：”标签")
    if title != raw and not rules.TITLE_LABEL.match(raw):
        why.append("去掉了站名后缀")
    if above:
        why.append(f"跳过了上面 {above} 行导航、站名或页面信息")
    return "正文前像标题的一行" + ("（" + "；".join(why) + "）" if why else "")


def _choose_title(lines: list[_Line], removed: list[RemovedBlock]) -> tuple[str, list[_Line], bool, str]:
    """A text page's title, chosen among its first lines by the shape of a headline: not a
    breadcrumb, a byline, a site's name or a label, not a sentence. Returns the title, the
    lines left, whether no line looked like a headline (the title is then its first words),
    and why the line was taken.
    Menu words, furniture and the site's name cost the candidates below them nothing: a run
    of menu links between a site's slogan and the headline does not push the headline down."""
    crumb = _crumb_headline(lines)
    by_crumb = False
    best, best_at, label, raw, best_rank = float("-inf"), None, None, float("-inf"), 0
    rank = 0  # lines above that are the page's text, not its menus, furniture or name
    for i, line in enumerate(lines[:rules.TITLE_SCAN]):
        if rank >= rules.TITLE_CANDIDATES:
            break
        text = line.text
        if m := rules.TITLE_LABEL.match(text):
            text = m["title"]
        text = rules.SITE_SUFFIX.sub("", text) or text  # scored as the headline it is, without the site's name
        own = _headline_score(text)
        if own > float("-inf") and len(text) <= 40 and i + 1 < len(lines) and _dateline(lines[i + 1].text):
            own += rules.DATELINE_BONUS  # "借呗逾期几天上征信…" then "2024年4月2日 某网原创": the headline's dateline
        on_crumb = crumb is not None and key(text) == crumb
        if on_crumb:
            own += rules.CRUMB_BONUS  # the breadcrumb ends with this line
        score = own - rules.TITLE_POSITION_COST * rank  # of two likely headlines, the first
        if score > best:
            best, best_at, label, raw, best_rank, by_crumb = score, i, text, own, rank, on_crumb
        view = to_simplified(fold(line.text))
        if rules.SENTENCE_LINE.search(view):
            rank += rules.PROSE_POSITION_COST / rules.TITLE_POSITION_COST  # a headline comes before the prose it heads
        elif not (rules.MENU_LINE.match(line.text.strip()) or _furniture(line.text)
                  or rules.LINE_RULES["breadcrumb"].search(view) or rules.SITE_LINE.match(view)):
            rank += 1
    # the same headline printed twice (the page's <title>, then above its dateline): the first
    # is the headline, so the repeat goes with the repeated header
    if best_at is not None and label is not None:
        first_copy = next((j for j, l in enumerate(lines[:best_at])
                           if key(rules.SITE_SUFFIX.sub("", rules.TITLE_LABEL.sub(r"\g<title>", l.text)) or l.text)
                           == key(label)), None)
        if first_copy is not None:
            best_at = first_copy
    # a line with no word of the field ("真的是这样吗？") is a headline only near the top
    if best_at is None or raw < 2 or (raw < 3 and best_rank > 2):
        first = next((line for line in lines if _headline_score(line.text) > float("-inf")), lines[0])
        words = re.split(r"[。！？!?；;]", first.text)[0][:30]
        return words or first.text[:30], lines, True, "页面上没有像标题的一行：取了正文开头的文字，请写一个标题"
    header = []
    for line in lines[:best_at]:
        if _furniture(line.text) or rules.DATE_LINE.match(line.text):
            header.append(line)  # furniture is removed (and its date read) with the rest of the page's
        elif len(line.text) <= 40 and not re.search(r"[。！？]", line.text):
            removed.append(RemovedBlock(rule="page-header", text=line.text))
        else:
            header.append(line)  # a lead paragraph printed above the headline stays in the body
    reason = _title_reason(lines[best_at].text, label or lines[best_at].text, by_crumb, best_at)
    return label or lines[best_at].text, header + lines[best_at + 1:], False, reason


def clean(doc: RawDocument, *, article_id: str, source: str, sha256: str, encoding: str) -> SourceArticle:
    removed: list[RemovedBlock] = []

    def safe(text: str) -> str:
        """Every piece of text that may be stored or published passes here first."""
        text, markup, personal = safe_text(text)
        removed.extend(RemovedBlock(rule="active-markup", text=m) for m in markup)
        removed.extend(RemovedBlock(rule="personal-data", text=p) for p in personal)
        return text

    for rule, text in doc.removed:
        # what was dropped is kept for writers, as text: no markup, no personal data
        if text := safe_text(text)[0]:
            removed.append(RemovedBlock(rule=rule, text=text))
    related: list[str] = [t for t in (safe(t) for t in doc.related) if t]
    lines = [_Line(safe(b.text), b.kind) for b in doc.blocks]
    lines = [l for l in lines if l.text]

    if not lines and not doc.title:
        raise ValueError("the page has no text at all")
    date = doc.date
    defects: list[Defect] = []
    title = safe(doc.title) if doc.title else ""
    title_from = doc.title_from or ("来源文件给出的标题" if title else None)
    if not title:
        lines = _strip_menus(lines, removed)
        first = next((i for i, l in enumerate(lines) if l.kind == "title"), None)
        if first is not None:
            title = lines.pop(first).text
            title_from = "正文的第一个一级标题"
        else:
            title, lines, guessed, title_from = _choose_title(lines, removed)
            if guessed:
                defects.append(Defect(kind="no-title", where="title",
                                      detail="the page has no headline: the title was taken from its first words"))
    lines = _strip_repeated_header(lines, title, removed)

    body: list[_Line] = []
    edited = False  # the date found so far is one the article was edited on
    in_zone = False  # after a related list opens, dates are the teasers', not the article's
    for line in lines:
        if _zone_opened(line.text):
            in_zone = True
            body.append(line)  # "387 条评论" opens the comments, whatever else it looks like
            continue
        furniture = _furniture(line.text) if line.kind != "heading" or len(line.text) <= 40 else None
        if line.kind == "item" and furniture in ("ui-actions", "site-menu"):
            furniture = None  # "- 微信", "- QQ" under 催收常用的联系方式有：is the article's list
        if key(line.text) == key(title):
            removed.append(RemovedBlock(rule="repeated-title", text=line.text))
        elif furniture and not (in_zone and furniture != "spam-line"):
            removed.append(RemovedBlock(rule=furniture, text=line.text))
            if furniture in rules.DATED_FURNITURE and not in_zone:
                # the article's own line: its date is the article's; a date it was published on
                # comes before one it was edited on (编辑于 2023-11-02 above 发布于 2023-10-28)
                date, edited = _article_date(date, edited, line.text)
        elif rules.DATE_LINE.match(line.text) or rules.LINE_RULES["article-meta"].search(line.text):
            # a line about the article (date, source, author, views): its date is the article's
            removed.append(RemovedBlock(rule="metadata", text=line.text))
            date, edited = _article_date(date, edited, line.text)
        else:
            body.append(line)
    body = _strip_zones(body, removed, related)

    sections: list[tuple[str | None, list[_Line]]] = [(None, [])]
    seen: dict[str, str] = {}
    for i, line in enumerate(body):
        following = body[i + 1] if i + 1 < len(body) else None
        if line.text.endswith(("：", ":")) and _list_lost(line, following):
            # "建议做法：" with nothing after it: the list was lost in scraping.
            defects.append(Defect(kind="lost-list", where=line.text[:40], detail="announces a list, but no list follows"))
        if _is_heading(line) and not (line.kind == "line" and _is_lead_in(line.text) and sections[-1][0] is not None
                                      and not sections[-1][1]):
            # (a lead-in right under a heading is the section's first line: "三、先算清楚账" then
            # "建议按下面的顺序来：" and its list)
            sections.append((line.text, []))
            continue
        if rules.CONCLUSION.match(line.text) and sections[-1][0] is not None:
            sections.append((None, []))  # a summing-up paragraph is not part of the last heading
        k = key(line.text)
        if k in seen:
            removed.append(RemovedBlock(rule="repeated-paragraph", text=line.text))
            defects.append(Defect(kind="repeated-paragraph", where=seen[k], detail=line.text[:40]))
            continue
        seen[k] = f"p-{short_hash(line.text)}"
        sections[-1][1].append(line)

    built: list[Section] = []
    used: set[str] = set()
    for heading, items in sections:
        if heading is None and not items:
            continue
        paragraphs = []
        for line in items:
            pid = f"p-{short_hash(line.text)}"
            n = 2
            while pid in used:
                pid, n = f"p-{short_hash(line.text)}-{n}", n + 1
            used.add(pid)
            kind = "item" if line.kind == "item" or rules.NUMBERED_ITEM.match(line.text) else "text"
            paragraphs.append(Paragraph(id=pid, text=line.text, kind=kind))
        if heading is not None and not paragraphs and not _is_lead_in(heading):
            defects.append(Defect(kind="empty-section", where=heading, detail="heading with no text below it"))
        built.append(Section(heading=heading, paragraphs=paragraphs))

    defects += censored_gaps([p for s in built for p in s.paragraphs])
    return SourceArticle(
        id=article_id,
        title=title,
        title_from=title_from,
        title_fingerprint=short_hash(title),
        date=date,
        date_fingerprint=short_hash(date.isoformat() if date else ""),
        source=source,
        source_sha256=sha256,
        encoding=encoding,
        sections=built,
        related_titles=list(dict.fromkeys(related)),
        removed=removed,
        defects=defects,
    )


def censored_gaps(paragraphs: list[Paragraph]) -> list[Defect]:
    """Where a censored word left a hole ("通过短信、 、邮件", "催收 ：")."""
    defects = []
    for para in paragraphs:
        for gap in rules.CENSORED_GAP.finditer(para.text):
            context = para.text[max(0, gap.start() - 8): gap.end() + 8]
            defects.append(Defect(kind="censored-gap", where=para.id, detail=f"…{context}…"))
    return defects


_SLUG = re.compile(r"[^a-z0-9]+")
_PLAIN_NAME = re.compile(r"[A-Za-z0-9._ -]+")


def article_id_for(filename: str) -> str:
    """An id for a new source from its file name: its ASCII part, or a hash of the name. A
    name that carries personal data (a phone number) gives only the hash: the id becomes the
    page's address, the sitemap entry and the canonical link."""
    stem = filename.rsplit(".", 1)[0]
    if has_personal_data(stem):
        return f"src-{short_hash(filename, 10)}"
    slug = _SLUG.sub("-", stem.lower()).strip("-")
    if not slug or len(slug) < len(stem) // 2 or not _PLAIN_NAME.fullmatch(stem):
        # what the slug leaves out (Chinese words, punctuation) still tells names apart
        slug = f"{slug[:60].strip('-') + '-' if slug else 'src-'}{short_hash(filename, 10)}"
    return slug
