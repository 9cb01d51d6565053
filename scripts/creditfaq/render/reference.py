"""The reference pages: regulations, glossary, search."""

from __future__ import annotations

import datetime as dt

from ..model import GlossaryTerm, Regulation
from ..search import LEXICON
from ..text import short_hash
from .law import citation
from .markup import Glossary, NO_GLOSSARY, attr, esc, front_matter


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
             "律所文章等转述，本站按来源原样转述，未能对照原文核实，所以每次引用都注明“二手来源，未对照原文核实”。"
             "连二手来源都找不到、或者来源之间说法矛盾的，本站不发布。\n"]
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
