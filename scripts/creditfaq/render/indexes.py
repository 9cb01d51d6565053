"""The home page and the index pages: products, articles, reader questions, tags, topics."""

from __future__ import annotations

from ..model import Product, Question, SourceArticle, TopicFile
from ..rules import TOPIC_PAGES
from .answers import _question_line, _visible, has_facts, published_sections
from .markup import esc, front_matter
from .reference import search_form


def home_page(products: list[tuple[Product, TopicFile]], articles: list[SourceArticle]) -> str:
    parts = [
        front_matter(title="逾期了怎么办：按产品查逾期时间线、征信影响与催收权益",
                     description="花呗、借呗、信用卡等消费信贷产品逾期后会发生什么、何时上征信、催收时你有哪些权利。"),
        "# 逾期了怎么办？\n",
        search_form("search/"),
        "按产品查：逾期后每个阶段会发生什么，什么时候影响征信，催收时你有哪些权利。"
        "每一句都标注了出处。\n",
        "[逾期自查：逾期几天了，会怎样？](self-check.md){ .md-button .md-button--primary }\n",
        "## 产品\n",
        '<div class="grid cards" markdown>\n',
    ]
    # Cards for products the sources describe; the rest as a compact list, so a phone
    # screen is not a wall of cards.
    described = [(p, t) for p, t in products if _visible(t.claims())]
    for product, topic in described:
        claims = len(_visible(topic.claims()))
        questions = len([q for q in topic.questions if q.status != "rejected"])
        facts = f"{claims} 条来源说法" + (f"、{questions} 个读者问题" if questions else "")
        parts.append(f"- **[{esc(product.name)}](products/{product.id}.md)**\n\n    {facts}\n")
    parts.append("</div>\n")
    if rest := [p for p, t in products if not _visible(t.claims())]:
        parts.append("**更多产品**（读者常问的问题和通用法律规定）："
                     + "、".join(f"[{esc(p.name)}](products/{p.id}.md)" for p in rest) + "\n")
    parts.append("## 专题\n\n[逾期几天会怎样](topics/overdue-days.md) · "
                 + " · ".join(f"[{title}](topics/{slug}.md)" for slug, title, _, _ in TOPIC_PAGES) + "\n")
    parts.append(f"## 来源文章\n\n本站目前整理了 {len(articles)} 篇来源文章，见[来源文章列表](articles/index.md)。\n")
    return "\n".join(parts)


def products_index(products: list[tuple[Product, TopicFile]]) -> str:
    """Products with facts of their own first, then those with none (暂无可靠资料); in each
    group, the ones readers ask most about first."""
    def line(p: Product) -> str:
        return f"- [{esc(p.name)}]({p.id}.md)" + (f"（又称{esc('、'.join(p.aliases))}）" if p.aliases else "")

    asked = sorted(products, key=lambda pt: (-len([q for q in pt[1].questions if q.status != "rejected"]), pt[0].id))
    parts = [front_matter("index", title="产品列表", description="本站整理了逾期、征信与催收信息的消费信贷产品。"), "# 产品\n"]
    full = {p.id for p, t in asked if has_facts(t)}
    parts += [line(p) for p, _ in asked if p.id in full]
    if thin := [p for p, _ in asked if p.id not in full]:
        parts.append("\n## 暂无可靠资料 {#thin}\n")
        parts.append("下面这些产品，本站还没有整理到可靠的来源文章。它们的页面列出读者的问题和适用于所有放贷机构的规定。\n")
        parts += [line(p) for p in thin]
    return "\n".join(parts) + "\n"


def articles_index(articles: list[SourceArticle]) -> str:
    parts = [front_matter("index", title="来源文章", description="本站整理过的全部来源文章。"), "# 来源文章\n"]
    for a in articles:
        date = f"（{a.date.isoformat()}）" if a.date else ""
        parts.append(f"- [{esc(a.title)}]({a.id}.md){date}")
    return "\n".join(parts) + "\n"


# Generated into the docs folder as a dotfile, which MkDocs does not copy to the site:
# page path → the date a writer last reviewed it, for the sitemap's lastmod
LASTMOD = ".lastmod.json"
# page paths left out of the sitemap: products with nothing reliable to say
UNLISTED = ".unlisted.json"


def questions_page(with_topic: list[tuple[Product, TopicFile]], general: list[Question]) -> str:
    parts = [front_matter("index", title="读者常问的问题", description="按产品和主题整理的逾期、征信与催收问题，链接到回答它们的页面。"),
             "# 读者常问的问题\n",
             "这些问题来自来源文章的相关推荐和小标题，按产品和主题归类，点击问题可以看到回答它的部分。\n"]
    for product, topic in with_topic:
        questions = [q for q in topic.questions if q.status != "rejected"]
        if not questions:
            continue
        parts.append(f"## {esc(product.name)} {{#{product.id}}}\n")
        published = published_sections(topic)
        full = any(published.values())
        for name in ("逾期时间线", "征信影响", "催收权益", "协商还款", "开通与使用", "其他"):
            group = [q for q in questions if q.topic == name]
            if group:
                parts.append(f"**{name}**\n")
                parts.extend(_question_line(q, f"products/{product.id}.md", topic, published) if full
                             else f"- [{esc(q.text)}](products/{product.id}.md#questions)（暂无可靠回答）" for q in group)
                parts.append("")
    shown = [q for q in general if q.status != "rejected"]
    if shown:
        parts.append("## 不限于某个产品 {#general}\n")
        for name in ("逾期时间线", "征信影响", "催收权益", "协商还款", "开通与使用", "其他"):
            group = [q for q in shown if q.topic == name]
            if group:
                parts.append(f"**{name}**\n")
                parts.extend(f"- {esc(q.text)}" for q in group)
                parts.append("")
    return "\n".join(parts)


def tags_page() -> str:
    return (front_matter(title="标签", description="按产品名称、别名和产品类型查找页面。")
            + "# 标签\n\n按产品名称、别名和产品类型列出本站的页面。\n\n<!-- material/tags -->\n")


def topics_index() -> str:
    parts = [front_matter("index", title="专题", description="跨产品的专题：逾期几天会怎样、征信记录多久消除、爆通讯录是否合法等。"),
             "# 专题\n", "- [逾期几天会怎样](overdue-days.md)"]
    parts += [f"- [{title}]({slug}.md)" for slug, title, _, _ in TOPIC_PAGES]
    return "\n".join(parts) + "\n"
