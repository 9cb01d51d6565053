"""The content health report: what writers still have to do, per product, with the file and
line to go to. Pure: a loaded corpus in, rows out."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from .model import ANSWERED_IN, SECTIONS
from .pipeline import Corpus
from .editlinks import EditLinks
from .publish import held_back
from .rules import GENERAL, GENERAL_LABEL

KINDS = {
    "empty-section": "空缺的部分",
    "disputed": "来源说法不一",
    "unreviewed": "有未审核说法的产品",
    "defect": "来源文章待修正的问题",
    "old-source": "较旧的来源",
    "unanswered": "没有答案的读者问题",
    "never-reviewed": "从未审核",
    "held-back": "未发布的机器说法",
    "review-incomplete": "审核日期已填但未审完",
}


# What each defect of a source article is, as a writer reads it.
DEFECT_NAMES = {
    "censored-gap": "审查空缺（句子里有被删掉的词）",
    "lost-list": "列表丢失（引出的列表在抓取时丢了）",
    "empty-section": "空标题（标题下面没有正文）",
    "repeated-paragraph": "重复的段落",
    "no-title": "没有标题（标题取自正文开头）",
    "product-mismatch": "标题和正文说的产品不一致",
}


@dataclass(frozen=True)
class Row:
    product: str
    kind: str
    file: str
    line: int
    detail: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.product}: {self.kind}: {self.detail}"


def health(corpus: Corpus, today: dt.date, max_age_days: int = 730) -> list[Row]:
    rows: list[Row] = []
    citing: dict[str, list[str]] = {}  # article id → the products whose published claims cite it
    for product, topic in sorted(corpus.topics.items()):
        file = corpus.files[f"topic:{product}"]
        loc = corpus.located[f"topic:{product}"]
        visible: dict[str, list] = {}
        for kind, _ in SECTIONS:
            visible[kind] = []
            for i, claim in enumerate(getattr(topic, kind)):
                reason = held_back(claim)
                if reason is None:
                    visible[kind].append(claim)
                elif claim.status != "rejected":
                    rows.append(Row(product, "held-back", file, loc.where((kind, i))[0], f"{claim.text[:30]}：{reason}"))
        if topic.reviewed is None:
            rows.append(Row(product, "never-reviewed", file, loc.where(("product",))[0], "审核后在文件开头填写 `reviewed:` 和审核日期"))
        for kind, title in SECTIONS:
            if not visible[kind]:
                rows.append(Row(product, "empty-section", file, loc.where(("product",))[0], f"「{title}」还没有可发布的说法"))
            for i, claim in enumerate(getattr(topic, kind)):
                if claim.disputed and claim.status != "rejected":
                    rows.append(Row(product, "disputed", file, loc.where((kind, i))[0], claim.text[:30]))
        machine = [(kind, i) for kind, _ in SECTIONS for i, c in enumerate(getattr(topic, kind)) if c.status == "machine"]
        if machine and topic.reviewed is not None:
            rows.append(Row(product, "review-incomplete", file, loc.where(("reviewed",))[0],
                            f"`reviewed:` 已填写（{topic.reviewed.isoformat()}），但还有 {len(machine)} 条机器说法没有审核："
                            "逐条设为 approved、edited 或 rejected"))
        if machine:
            rows.append(Row(product, "unreviewed", file, loc.where(machine[0])[0],
                            f"还有 {len(machine)} 条未经审核的机器说法（status: machine）：核对无误设为 approved，"
                            "改写后设为 edited，否决设为 rejected"))
        for i, q in enumerate(topic.questions):
            section = ANSWERED_IN.get(q.topic)
            if q.status != "rejected" and (section is None or not visible[section]):
                rows.append(Row(product, "unanswered", file, loc.where(("questions", i))[0], q.text[:30]))
        for aid in sorted({s.split("#")[0] for kind, _ in SECTIONS for c in visible[kind] for s in c.sources}):
            citing.setdefault(aid, []).append(product)
    # a source's own problems once, under the first product that cites it (a product before
    # the general rules), naming the others
    for aid, products in sorted(citing.items()):
        article = corpus.articles.get(aid)
        if article is None:
            continue
        products = sorted(products, key=lambda p: (p == GENERAL, p))
        also = f"；{len(products)} 个页面引用了这篇文章" if len(products) > 1 else ""
        afile, aloc = corpus.files[f"article:{aid}"], corpus.located[f"article:{aid}"]
        for j, defect in enumerate(article.defects):
            line, where = _defect_place(article, aloc, defect.where)
            rows.append(Row(products[0], "defect", afile, line if line else aloc.where(("defects", j))[0],
                            f"{DEFECT_NAMES.get(defect.kind, defect.kind)}，位置：{where}（{defect.kind}）{also}"))
        if article.date and (today - article.date).days > max_age_days:
            rows.append(Row(products[0], "old-source", afile, aloc.where(("date",))[0],
                            f"发表于 {article.date.isoformat()}，已超过 {max_age_days} 天，请核对是否过时{also}"))
    # the same row twice (two censored gaps in one paragraph) is one row that says how many
    seen = Counter(rows)
    return [r if seen[r] == 1 else Row(r.product, r.kind, r.file, r.line, f"{r.detail}（这里共 {seen[r]} 处）")
            for r in dict.fromkeys(rows)]


def _defect_place(article, aloc, where: str) -> tuple[int | None, str]:
    """The line of the paragraph or heading a defect's `where` names (a paragraph id, a
    heading, or the start of a paragraph's text), and how to show it: the start of a longer
    text ends with …"""
    if where == "title":
        return aloc.where(("title",))[0], f"文章标题「{article.title}」"
    for si, section in enumerate(article.sections):
        if section.heading and where and section.heading.startswith(where):
            return aloc.where(("sections", si, "heading"))[0], f"标题「{section.heading}」"
        for pi, para in enumerate(section.paragraphs):
            if where and (para.id == where or para.text.startswith(where)):
                start = para.text[:40] + ("…" if len(para.text) > 40 else "")
                return aloc.where(("sections", si, "paragraphs", pi, "text"))[0], f"段落 {para.id}「{start}」"
    return None, where


def counts(rows: list[Row]) -> Counter[str]:
    return Counter(r.kind for r in rows)


# What to do first: what readers may already see wrong, then reviews left half done, then
# the sources' defects and disputes, then the rest.
PRIORITY = ("held-back", "review-incomplete", "defect", "disputed", "unreviewed", "never-reviewed", "old-source",
            "empty-section", "unanswered")


def by_priority(rows: list[Row]) -> list[Row]:
    """Rows in the order a writer should take them: by PRIORITY, then product, file and line."""
    rank = {k: i for i, k in enumerate(PRIORITY)}
    return sorted(rows, key=lambda r: (rank.get(r.kind, len(PRIORITY)), r.product, r.file, r.line))


def text_report(rows: list[Row], names: dict[str, str] | None = None) -> str:
    """The report for the terminal, in Chinese (English with --lang en), most urgent first; each
    row starts with file:line, so an editor can jump to it."""
    from .lang import say

    names = {GENERAL: GENERAL_LABEL, **(names or {})}
    c = counts(rows)
    head_zh = "，".join(f"{KINDS[k]} {c.get(k, 0)}" for k in PRIORITY if k in KINDS)
    head_en = ", ".join(f"{k} {c.get(k, 0)}" for k in PRIORITY)
    lines = [say(f"内容健康报告：共 {len(rows)} 项（{head_zh}）。按先后排列，从第一行做起。",
                 f"report: {len(rows)} items — {head_en}")]
    for r in by_priority(rows):
        lines.append(say(f"{r.file}:{r.line}: {names.get(r.product, r.product)}：{KINDS.get(r.kind, r.kind)}：{r.detail}",
                         str(r)))
    return "\n".join(lines)


def report_page(rows: list[Row], today: dt.date, edit: EditLinks = EditLinks(),
                names: dict[str, str] | None = None) -> str:
    """The report as a page for writers. `edit`, when it has a pattern (mkdocs.yml's
    `extra.edit_link`), makes each row a link to the file and line; `names`: product ids →
    names for the headings."""
    names = names or {}

    def place(r: Row) -> str:
        where = f"{r.file}:{r.line}"
        url = edit.url(r.file, r.line)
        return f"[`{where}`]({url})" if url else f"`{where}`"

    import yaml

    from .render import esc

    def label(product: str) -> str:
        return names.get(product) or (GENERAL_LABEL if product == GENERAL else product)

    c = counts(rows)
    meta = yaml.safe_dump({"title": "内容健康报告", "description": "还需要编辑处理的内容：按产品列出空缺、分歧、未审核的说法等。",
                           "search": {"exclude": True}, "robots": "noindex"}, allow_unicode=True, sort_keys=False)
    parts = [f"---\n{meta}---\n", "# 内容健康报告\n",
             f"生成日期：{today.isoformat()}。给编辑看的清单：每一行都写明要改的文件和行号。\n",
             "| 类别 | 数量 |", "|---|---|"]
    parts += [f"| {KINDS[kind]} | {c.get(kind, 0)} |" for kind in PRIORITY]  # in the order to take them
    parts.append("")
    first = [r for r in by_priority(rows) if r.kind in PRIORITY[:4]]
    if first:
        parts.append("## 先处理这些 {#first}\n")
        parts.append("读者可能已经看到的问题、没审完的审核、来源文章的缺陷和分歧，按这个顺序：\n")
        for r in first:
            parts.append(f"- {esc(label(r.product))}：{KINDS[r.kind]}：{esc(r.detail)}（{place(r)}）")
        parts.append("")
    for product in sorted({r.product for r in rows}):
        parts.append(f"## {esc(label(product))} {{#{product}}}\n")
        for r in by_priority([r for r in rows if r.product == product]):
            parts.append(f"- {KINDS[r.kind]}：{esc(r.detail)}（{place(r)}）")
        parts.append("")
    return "\n".join(parts)
