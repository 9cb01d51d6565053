"""A source article's page."""

from __future__ import annotations

from ..model import Product, SourceArticle
from ..text import is_traditional, to_simplified
from .markup import Glossary, NO_GLOSSARY, _mark_gaps, esc, front_matter


def article_page(article: SourceArticle, products: list[Product], original: SourceArticle | None = None,
                 gl: Glossary = NO_GLOSSARY) -> str:
    meta = []
    if article.date:
        meta.append(f"发布时间：{article.date.isoformat()}")
    # the source file's name is the writers' (data/sources/), not something a reader can open
    if products:
        meta.append("涉及产品：" + "、".join(f"[{esc(p.name)}](../products/{p.id}.md)" for p in products))
    parts = [
        front_matter("article", title=article.title, description=f"来源文章《{article.title}》整理后的正文。"),
        f"# {esc(article.title)}\n",
        " · ".join(meta) + "\n{: .cf-meta }\n",
    ]
    if original:
        parts.append(f'!!! warning "这是一篇转载"\n    本文与[《{esc(original.title)}》]({original.id}.md)基本相同，'
                     "本站只采用原文的说法。\n")
    parts += [
        '!!! info "这是一篇来源文章"\n    这是从网上收集的文章经整理后的正文：去掉了广告、其他文章的推荐、评论等内容。'
        "本站产品页的说法都标注了出自这里的哪一段。文章观点不代表本站。\n",
    ]
    body_parts: list[str] = []
    gaps = 0
    for section in article.sections:
        if not section.paragraphs:
            continue  # an empty heading is a defect for writers, not something to show readers
        if section.heading:
            body_parts.append(f"## {esc(section.heading.rstrip('：:'))}\n")
        for para in section.paragraphs:
            marked, holes = _mark_gaps(esc(para.text))
            gaps += holes
            body_parts.append(f"{gl.mark(marked)}\n{{: #{para.id} .cf-{para.kind} }}\n")
    if gaps:
        parts.append(f'!!! warning "原文有缺字"\n    原网页有 {gaps} 处词被删掉了（多半是网站屏蔽的词），下文标为“〔缺字〕”。'
                     "有缺字的句子不会作为说法出现在产品页上。\n")
    parts += body_parts
    body = "\n".join(p.text for p in article.paragraphs())
    if is_traditional(article.title + body):
        # Readers in mainland China read Simplified, and search must find 花唄 as 花呗.
        parts.append('??? note "简体中文版本（自动转换）"\n')
        for section in article.sections:
            if section.paragraphs and section.heading:
                parts.append(f"    **{esc(to_simplified(section.heading))}**\n")
            parts += [f"    {esc(to_simplified(p.text))}\n" for p in section.paragraphs]
    return "\n".join(parts)
