"""A product's page, full or short."""

from __future__ import annotations

import re

from .. import rules
from ..model import Product, Regulation, SECTIONS, SourceArticle, TopicFile
from ..text import to_simplified
from .answers import (
    _general_rules, answering, _question_line, _visible, faq_json_ld, has_facts, published_sections, quick_answers,
)
from .law import _regulations_for, _reporting, _rows, complaint_routes, lender_of, regulation_line
from .markup import Glossary, NO_GLOSSARY, _Footnotes, esc, front_matter
from .timeline import Guidance, NO_GUIDANCE, _timeline


def _product_tags(product: Product) -> list[str]:
    """Tags: shown on the page and listed on the tag index; one chip per name as readers in
    mainland China write it (花唄 is 花呗)."""
    return list(dict.fromkeys(to_simplified(t) for t in (product.name, *product.aliases,
                                                         *([product.category] if product.category else []))))


def thin_product_page(product: Product, topic: TopicFile, others: dict[str, Product],
                      regulations: list[Regulation] = (), gl: Glossary = NO_GLOSSARY) -> str:
    """A product no source speaks of reliably: no page of boilerplate (the same law list and
    "the sources say nothing" three times), but where to go instead, and its readers'
    questions. Not in the sitemap, not for search engines."""
    name = esc(product.name)
    parts = [
        front_matter("thin", title=f"{product.name}：暂无可靠资料", robots="noindex", tags=_product_tags(product),
                     description=f"本站暂时没有关于{product.name}逾期的可靠资料；这里列出适用于所有放贷机构的规定和读者的问题。"),
        f"# {name}逾期会怎样？\n",
        f'!!! note "暂无可靠资料"\n    本站还没有整理到专门讲{name}逾期的可靠来源文章，所以这里不写{name}自己会怎么做，'
        "也不重复每一页都一样的法律条文。下面这些页面适用于所有放贷机构，可以先看。\n",
        "## 先看这些 {#start}\n",
        "- [逾期几天会怎样：各产品的逾期时间线对比](../topics/overdue-days.md)",
        "- [催收权益与投诉渠道：催收不能做什么、去哪里投诉](../topics/cuishou-quanyi.md)",
        "- [征信记录多久消除](../topics/zhengxin-duojiu-xiaochu.md)",
        "- [爆通讯录是否合法](../topics/bao-tongxunlu.md)",
        "- [逾期自查：按天数看可能发生什么](../self-check.md)",
        "",
    ]
    if lender_of(product, list(regulations)) is not None:
        # who lends is the product's own fact, and it decides where a complaint goes first
        parts.append("## 遇到违规催收，可以去哪里投诉？ {#complaints}\n")
        parts.extend(f"- {md}" for md, _ in (*complaint_routes(product, list(regulations), gl),
                                            *((regulation_line(r, "../", gl), "") for r in
                                              _rows(list(regulations), rules.COMPLAINT_ALWAYS))))
        parts.append("")
    # no fact answers its questions: each is listed as asked (暂无可靠回答)
    parts += _questions_and_related(product, topic, others, f"读者关于{name}的问题")
    return "\n".join(parts)


def _questions_and_related(product: Product, topic: TopicFile, others: dict[str, Product], heading: str) -> list[str]:
    """The product's reader questions, each linked to what answers it or marked 暂无可靠回答,
    then its related products."""
    parts: list[str] = []
    if questions := [q for q in topic.questions if q.status != "rejected"]:
        parts.append(f"## {heading} {{#questions}}\n")
        published = published_sections(topic)
        # the ones the page answers first, then the rest, as many as a phone screen holds; all
        # of them are on the reader questions page (content farms' titles repeat one question)
        answered = [q for q in questions if answering(q, topic, published)]
        shown = (answered + [q for q in questions if q not in answered])[:rules.PRODUCT_PAGE_QUESTIONS]
        parts.extend(_question_line(q, "", topic, published) for q in shown)
        if len(questions) > len(shown):
            parts.append(f"- [其余 {len(questions) - len(shown)} 个问题见“读者常问”](../questions.md#{product.id})")
        parts.append("")
    if related := [others[r] for r in product.related if r in others]:
        parts.append("## 相关产品 {#related}\n")
        parts.extend(f"- [{esc(r.name)}]({r.id}.md)" for r in related)
        parts.append("")
    return parts


def product_page(product: Product, topic: TopicFile, articles: dict[str, SourceArticle],
                 regulations: list[Regulation] = (), others: dict[str, Product] | None = None,
                 gl: Glossary = NO_GLOSSARY, guidance: Guidance = NO_GUIDANCE,
                 general: TopicFile | None = None) -> str:
    """`others`: the products that have pages, for the related-products links; `general`:
    the rules sources state about lenders in general, shown under each section. A product
    with nothing of its own to publish gets the short page of thin_product_page."""
    others = others or {}
    if not has_facts(topic):
        return thin_product_page(product, topic, others, regulations, gl)
    notes = _Footnotes(articles, "../")
    cited = sorted({s.split("#")[0] for c in _visible(topic.claims()) for s in c.sources})
    parts = [
        front_matter("product", title=f"{product.name}逾期：时间线、征信影响与催收权益",
                     tags=_product_tags(product),
                     description=f"{product.name}逾期后会发生什么、何时影响征信、催收时你有哪些权利，整理自 {len(cited)} 篇来源文章。"),
        f"# {esc(product.name)}逾期会怎样？\n",  # the page's question, as the reader asks it
    ]
    answers, pairs = quick_answers(product, topic, list(regulations), general, notes, gl)
    # a rule the answers at the top already state is not listed again under its section
    answered = set(re.findall(r"regulations\.md#([\w-]+)", "\n".join(answers)))
    parts += answers  # what the reader came for, on the first screen
    parts += [
        '<div class="cf-infobox" markdown>\n',
        f"- **产品**：{esc(product.name)}",
    ]
    if aliases := [a for a in dict.fromkeys(to_simplified(a) for a in product.aliases) if a != product.name]:
        parts.append(f"- **又称**：{esc('、'.join(aliases))}")
    if product.provider:
        parts.append(f"- **提供方**：{esc(product.provider)}")
    elif lender_of(product, list(regulations)) is not None:
        parts.append("- **提供方**：见上面[“可以去哪里投诉”](#answers)里的放款机构（据报道，本站未核实）")
    else:
        parts.append("- **提供方**：本站尚未核实")
    if product.category:
        parts.append(f"- **类型**：{esc(product.category)}")
    if reporting := _reporting(product, list(regulations)):
        parts.append(f"- **是否上征信**：{reporting}")
    if any(c.disputed for c in _visible(topic.credit)):
        parts.append("- **来源说法不一**：来源文章对何时上征信说法不同，见[征信影响](#credit)")
    parts.append(f"- **来源文章**：{len(cited)} 篇（见[来源](#sources)）")
    parts.append(f"- **最后审核**：{topic.reviewed.isoformat()}" if topic.reviewed
                 else "- **最后审核**：本页内容尚未经编辑审核")
    parts.append("\n</div>\n")
    if not _visible(topic.claims()):
        parts.append(f'!!! warning cf-boilerplate "资料不多"\n    本站还没有整理到专门讲{esc(product.name)}逾期的来源文章。'
                     "下面是适用于所有消费信贷产品的法律规定，以及读者关于这个产品常问的问题。\n")
    else:
        parts.append('!!! note cf-boilerplate "关于本页"\n    本页内容整理自来源文章，脚注指向每句话出自的原文段落。'
                     "来源说法未必准确，如有疑问请以放贷机构的合同和官方说明为准。\n")
    for kind, heading in SECTIONS:
        claims = _visible(getattr(topic, kind))
        parts.append(f"## {heading} {{#{kind}}}\n")
        if not claims:
            parts.append(f"现有来源文章没有谈到{esc(product.name)}的{heading}。\n")
        elif kind == "timeline":
            parts.append(_timeline(claims, notes, gl, guidance))  # type: ignore[arg-type]
        else:
            if any(c.disputed for c in claims):
                parts.append('!!! warning "来源说法不一"\n    下面标出的几条说法互相矛盾，本站无法判断哪一条对。'
                             "请以你自己的信用报告和放贷机构的正式说明为准。\n")
            parts.append("来源文章的说法：\n")
            parts.extend(f"- {gl.mark(esc(c.text))}{notes.ref(c)}" + (" **（来源说法不一）**" if c.disputed else "")
                         for c in claims)
            parts.append("")
        parts.extend(_general_rules(kind, general, product.name, notes, gl))
        law = [r for r in _regulations_for(kind, product, list(regulations)) if r.id not in answered]
        if (verified := [r for r in law if r.confidence == "verified"]) and claims:
            # the same law on every product page: not in the search index (SEARCH_EXCLUDE)
            parts.append('<div class="cf-laws" markdown>\n\n法律规定：\n')
            parts.extend(f"- {regulation_line(r, '../', gl)}" for r in verified)
            parts.append("\n</div>\n")
        elif verified:
            # with nothing of its own to say, the section does not repeat the same law list on
            # every page open: the answers at the top already cite what matters
            parts.append(f'??? note cf-laws "适用于所有放贷机构的法律规定（{len(verified)} 条）"\n')
            parts.extend(f"    - {regulation_line(r, '../', gl)}" for r in verified)
            parts.append("")
        if reported := [r for r in law if r.confidence == "secondary"]:
            # second-hand statements are there for who wants them, folded away
            parts.append(f'??? note cf-laws "据报道的监管规定（{len(reported)} 条，二手来源）"\n')
            parts.extend(f"    - {regulation_line(r, '../', gl)}" for r in reported)
            parts.append("")
    parts += _questions_and_related(product, topic, others, "读者常问")
    parts.append("## 来源 {#sources}\n")
    if not cited:
        parts.append("本页还没有引用来源文章。\n")
    for aid in cited:
        a = articles[aid]
        date = f"（{a.date.isoformat()}）" if a.date else ""
        parts.append(f"- [{esc(a.title)}](../articles/{aid}.md){date}")
    parts.append("")
    parts.append(notes.definitions())
    parts.append(faq_json_ld(product, pairs))
    return "\n".join(parts)
