"""The legal rules of the pages: a row of the fact sheet as its confidence allows it, the rows that
apply to a product's section, and where a complaint goes by the kind of lender."""

from __future__ import annotations

from .. import rules
from ..model import Product, Regulation
from .markup import Glossary, NO_GLOSSARY, esc


def citation(reg: Regulation) -> str:
    return reg.law + (reg.article or "")


def regulation_line(reg: Regulation, prefix: str, gl: Glossary = NO_GLOSSARY) -> str:
    """A legal statement as the fact sheet allows it: verified as law with its article,
    secondary only behind its attribution. Unverified ones are never passed here."""
    link = f"[{esc(citation(reg))}]({prefix}regulations.md#{reg.id})"
    caveat = f"（注意：{esc(reg.caveat)}）" if reg.caveat else ""
    if reg.confidence == "verified":
        return f"{link}：{gl.mark(esc(reg.summary))}{caveat}"
    # a report is linked as what it is, not under the name of a law it may cite: a reader
    # must not take a news summary for the law's text
    where = f"[出处]({prefix}regulations.md#{reg.id})"
    return f"{esc(reg.attribution or '据报道')}，{gl.mark(esc(reg.summary))}（二手来源，{where}）{caveat}"


def _regulations_for(kind: str, product: Product, regulations: list[Regulation]) -> list[Regulation]:
    def applies(r: Regulation) -> bool:
        return r.publishable and (not r.products or product.id in r.products) and r.topic not in ("产品信息", "放款机构")

    if kind == "credit":
        return [r for r in regulations if applies(r) and (
            r.topic == "征信影响" or (r.topic == "投诉与异议" and ("征信" in r.summary or "信用报告" in r.summary)))]
    if kind == "rights":
        rows = [r for r in regulations if applies(r) and (
            # complaints about the credit report belong to 征信影响, not to a collector's conduct
            r.topic == "催收权益" or (r.topic == "投诉与异议" and "投诉" in r.summary
                                      and "征信" not in r.summary and "信用报告" not in r.summary))]
        # a rule only about illegal debts (刑法第293条之一) does not lead the rights of a lender's
        # product: the rules that bind every collector come first
        return sorted(rows, key=lambda r: "非法债务" in r.summary)
    return []


def _reporting(product: Product, regulations: list[Regulation]) -> str | None:
    """What the fact sheet lets us say about whether this product reports to 征信."""
    own = [r for r in regulations if product.id in r.products and r.topic == "产品信息"]
    published = [r for r in own if r.publishable]
    if published:
        return "；".join(regulation_line(r, "../") for r in published)
    if own:
        return "本站查到的资料说法不一，还没有核实；请以自己的征信报告为准"
    return None


def _law_where(regulations: list[Regulation], topic: str, *words: str, secondary: bool = False) -> list[Regulation]:
    """Publishable rows of the fact sheet on `topic` whose summary says one of `words`:
    verified ones, and secondary ones too when `secondary` (they are then attributed)."""
    allowed = ("verified", "secondary") if secondary else ("verified",)
    return [r for r in regulations if r.publishable and r.topic == topic and r.confidence in allowed
            and not r.products and any(w in r.summary for w in words)]


def _rows(regulations: list[Regulation], ids: tuple[str, ...]) -> list[Regulation]:
    """The publishable rows of the fact sheet with these ids, in this order."""
    by_id = {r.id: r for r in regulations if r.publishable}
    return [by_id[i] for i in ids if i in by_id]


def lender_of(product: Product, regulations: list[Regulation]) -> Regulation | None:
    """The publishable fact-sheet row that says who lends for the product, if any."""
    return next((r for r in regulations if r.publishable and r.topic == "放款机构" and product.id in r.products), None)


def complaint_rows(product: Product, regulations: list[Regulation]) -> list[tuple[str, Regulation]]:
    """Where a complaint about the product's collection goes first, by the kind of its lender
    (rules.COMPLAINT_ROUTES): who lends, as the fact sheet says it, then the routes for that
    kind; for a product of several lenders, or of one the fact sheet does not name, the rule
    that the lender must be named, then each route under the kind of lender it is for.
    (lead-in words, fact-sheet row) pairs, in order; the lead-in is plain text."""
    lender = lender_of(product, regulations)
    kind = lender.lender_type if lender is not None else None
    out = [(f"{product.name}的放款机构：", lender)] if lender is not None else []
    if kind in rules.COMPLAINT_ROUTES:
        return out + [(rules.COMPLAINT_STEPS.get(r.id, ""), r) for r in _rows(regulations, rules.COMPLAINT_ROUTES[kind])]
    out += [("先弄清放款机构：", r) for r in _rows(regulations, (rules.COMPLAINT_UNKNOWN_LENDER,))]
    for rid, label in rules.COMPLAINT_BY_KIND.items():
        out += [(f"{label}：", r) for r in _rows(regulations, (rid,))]
    return out


def plain_line(reg: Regulation) -> str:
    """regulation_line as plain text (the FAQ structured data): what the page says, the
    secondary label and the row's caveat too."""
    plain = (f"{citation(reg)}：{reg.summary}" if reg.confidence == "verified"
             else f"{reg.attribution or '据报道'}，{reg.summary}（二手来源）")
    return plain + (f"（注意：{reg.caveat}）" if reg.caveat else "")


def complaint_routes(product: Product, regulations: list[Regulation], gl: Glossary = NO_GLOSSARY) -> list[tuple[str, str]]:
    """complaint_rows as (markdown, plain) pairs, each row as its confidence allows."""
    return [(f"{esc(lead)}{regulation_line(r, '../', gl)}", f"{lead}{plain_line(r)}")
            for lead, r in complaint_rows(product, regulations)]
