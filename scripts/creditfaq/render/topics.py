"""The topic pages: the day comparison table and the pages across products."""

from __future__ import annotations

from ..model import Product, Regulation, SourceArticle, TopicFile
from ..rules import COMPARE_DAYS, GENERAL_LABEL
from ..text import to_simplified
from .answers import _visible
from .law import regulation_line
from .markup import Glossary, NO_GLOSSARY, _Footnotes, esc, front_matter
from .timeline import _step_name


def overdue_days_page(with_topic: list[tuple[Product, TopicFile]], regulations: list[Regulation],
                      general: TopicFile | None = None) -> str:
    """The day comparison: per product, the steps that begin by each of COMPARE_DAYS, each
    cell linked to the step on its product's page; the general rules sources state of lenders
    in general as a row of their own, linked to their source paragraphs; the undated steps
    below. With no dated step at all, it says so instead of describing a table."""
    parts = [front_matter("topic", title="逾期几天会怎样：各产品逾期时间线对比",
                          description="花呗、小花钱包等产品逾期第1、3、7、15、30、90天分别会发生什么，按来源文章整理对比。"),
             "# 逾期几天会怎样\n"]
    intro = ("下表按来源文章的说法，列出各产品在逾期第 1、3、7、15、30、90 天以前**新开始**的做法（比如逾期第3天一栏，"
             "是第2到第3天开始的）；已经开始的做法（例如罚息）之后通常仍在继续。“—”表示来源没有说到这几天有新的做法，"
             "不等于这时什么也不会发生。点击单元格可以看到这一步的说法和出处；来源没有写明天数的做法列在表格下面。"
             "想按自己的天数查，可以用[逾期自查](../self-check.md)。\n")
    rows = []
    undated_lines = []
    entries: list[tuple[Product | None, TopicFile]] = list(with_topic)
    if general is not None:
        entries.append((None, general))
    for product, topic in entries:
        stages = _visible(topic.timeline)
        if product is None:  # the general rules: a row, no undated line (they are on every product page)
            dated = [st for st in stages if st.days and (st.days[1] is None or st.days[1] >= 1)]
            if dated:
                rows.append(_general_row(dated))
            continue
        dated = [st for st in stages if st.days and (st.days[1] is None or st.days[1] >= 1)]
        if undated := [st for st in stages if not st.days]:
            names = list(dict.fromkeys(_step_name(st) for st in undated))
            undated_lines.append(f"- [{esc(product.name)}](../products/{product.id}.md#timeline)：{esc('、'.join(names))}")
        if not dated:
            continue
        cells = []
        previous = 0
        for day in COMPARE_DAYS:
            # the steps that begin after the previous column's day and by this one
            begun = [st for st in dated if previous < max(st.days[0] if st.days[0] is not None else 1, 1) <= day]
            previous = day
            if not begun:
                cells.append("—")
                continue
            names = list(dict.fromkeys(_step_name(st) for st in begun))
            shown = "、".join(names[:3]) + ("等" if len(names) > 3 else "")
            cells.append(f"[{esc(shown)}](../products/{product.id}.md#{begun[0].id})")
        rows.append(f"| [{esc(product.name)}](../products/{product.id}.md) | " + " | ".join(cells) + " |")
    if rows:
        parts.append(intro)
        # on a phone the table scrolls sideways under a product column that stays in place
        parts.append('<div class="cf-compare" markdown>\n')
        parts.append("| 产品 | " + " | ".join(f"第{d}天" for d in COMPARE_DAYS) + " |")
        parts.append("|---" * (len(COMPARE_DAYS) + 1) + "|")
        parts += rows
        parts.append("\n</div>\n")
        parts.append('<p class="cf-scroll-hint">表格较宽：在手机上左右滑动查看其他天数。</p>\n')
    else:
        parts.append("现有来源文章还没有写明具体天数的逾期阶段，所以这里还没有按天数对比的表格。"
                     "想按自己的天数查，可以用[逾期自查](../self-check.md)。\n")
    if undated_lines:
        parts.append("## 来源没有写明天数的做法 {#undated}\n")
        parts.append("这些做法来源文章提到了，但没有说从逾期第几天开始；逾期越久，越可能遇到。\n")
        parts += undated_lines
        parts.append("")
    law = {r.id: r for r in regulations if r.publishable}
    if reg := law.get("zhengxin-tiaoli-15"):
        parts.append("不论哪个产品，法律都有这条规定：\n")
        parts.append(f"- {regulation_line(reg, '../')}\n")
    return "\n".join(parts)


def _general_row(dated: list) -> str:
    """The table's row of what sources say of lenders in general: each cell linked to the
    source paragraph of its first step (the general rules have no page of their own)."""
    cells, previous = [], 0
    for day in COMPARE_DAYS:
        begun = [st for st in dated if previous < max(st.days[0] if st.days[0] is not None else 1, 1) <= day]
        previous = day
        if not begun or not begun[0].sources:
            cells.append("—")
            continue
        names = list(dict.fromkeys(_step_name(st) for st in begun))
        aid, pid = begun[0].sources[0].split("#", 1)
        cells.append(f"[{esc('、'.join(names[:3]) + ('等' if len(names) > 3 else ''))}](../articles/{aid}.md#{pid})")
    return f"| {esc(GENERAL_LABEL)} | " + " | ".join(cells) + " |"


def topic_page(slug: str, title: str, reg_ids: tuple[str, ...], pattern, with_topic: list[tuple[Product, TopicFile]],
               articles: dict[str, SourceArticle], regulations: list[Regulation], gl: Glossary = NO_GLOSSARY,
               general: TopicFile | None = None) -> str:
    notes = _Footnotes(articles, "../")
    law = {r.id: r for r in regulations if r.publishable}
    chosen = [law[i] for i in reg_ids if i in law]
    parts = [front_matter("topic", title=title, description=f"{title}：相关法律规定和各来源文章的说法，每一条都注明出处。"),
             f"# {title}\n"]
    if verified := [r for r in chosen if r.confidence == "verified"]:
        parts.append("## 法律规定 {#law}\n")
        parts.extend(f"- {regulation_line(r, '../', gl)}" for r in verified)
        parts.append("")
    if reported := [r for r in chosen if r.confidence == "secondary"]:
        parts.append("## 据报道的规定 {#reported}\n")
        parts.append("以下内容只有新闻或律所文章等二手来源，本站未能对照原文核实。\n")
        parts.extend(f"- {regulation_line(r, '../', gl)}" for r in reported)
        parts.append("")
    sayings = []
    for product, topic in with_topic:
        for claim in _visible([*topic.credit, *topic.rights, *topic.timeline]):
            if pattern.search(to_simplified(claim.text)):
                sayings.append(f"- [{esc(product.name)}](../products/{product.id}.md)：{gl.mark(esc(claim.text))}{notes.ref(claim)}"
                               + (" **（来源说法不一）**" if claim.disputed else ""))
    if general is not None:
        # rules about lenders in general, labelled so that no reader takes them for one product's
        for claim in _visible([*general.credit, *general.rights, *general.timeline]):
            if pattern.search(to_simplified(claim.text)):
                sayings.append(f"- {GENERAL_LABEL}：{gl.mark(esc(claim.text))}{notes.ref(claim)}"
                               + (" **（来源说法不一）**" if claim.disputed else ""))
    if sayings:
        parts.append("## 来源文章怎么说 {#sources}\n")
        parts.append("这些是来源文章的说法，未必准确；与上面的法律规定不一致时，以法律规定为准。\n")
        parts += sayings
        parts.append("")
    parts.append(notes.definitions())
    return "\n".join(parts)
