"""逾期自查: the page and the data its script runs on."""

from __future__ import annotations

import json

from .. import rules
from ..days import days_label
from ..model import OverdueStage, Product, Regulation, SourceArticle, TopicFile
from .answers import _visible, has_facts
from .law import citation, complaint_rows
from .markup import attr, front_matter
from .timeline import Guidance, NO_GUIDANCE, effective_days


# --- 逾期自查 ------------------------------------------------------------------------------

SELF_CHECK_DATA = "assets/self-check.json"
# the rules that bind every collector first; the crime of collecting illegal debts last
SELF_CHECK_RIGHTS = ("minfadian-1032-1033", "geren-xinxi-baohufa-10-25-66-69", "xiaofeizhe-quanyi-29", "xingfa-293-1")
SELF_CHECK_CREDIT = ("zhengxin-tiaoli-15", "zhengxin-tiaoli-16", "zhengxin-tiaoli-25")
# complaints about the credit report, whoever lends (a collector's conduct: each product's own routes)
SELF_CHECK_COMPLAIN = ("zhengxin-tiaoli-26", "hotline-12363")


def self_check_data(with_topic: list[tuple[Product, TopicFile]], articles: dict[str, SourceArticle],
                    regulations: list[Regulation], guidance: Guidance = NO_GUIDANCE) -> str:
    """What the 逾期自查 page's script reads: per product its dated stages (each with the
    link to its source paragraph), and the legal facts every reader should know. Links are
    relative to the self-check page."""

    regs = {r.id: r for r in regulations if r.publishable}

    def item(r: Regulation, lead: str = "") -> dict:
        # a report is cited as what it is, never under the name of a law it mentions
        return {"text": lead + (r.summary if r.confidence == "verified"
                                else f"{r.attribution}，{r.summary}（二手来源）"),
                "cite": citation(r) if r.confidence == "verified" else "出处",
                "href": f"../regulations/#{r.id}", "verified": r.confidence == "verified"}

    def legal(ids: tuple[str, ...]) -> list[dict]:
        return [item(r) for i in ids if (r := regs.get(i))]

    def todo(stage: OverdueStage) -> dict | None:
        found = guidance.for_stage(stage)
        if found is None:
            return None
        rule, cited = found
        return {"text": rule.text, "law": [{"cite": citation(r), "href": f"../regulations/#{r.id}"} for r in cited]}

    products = []
    for product, topic in with_topic:
        stages = []
        timeline = _visible(topic.timeline)
        for stage, span in zip(timeline, effective_days(timeline), strict=True):
            source = stage.sources[0] if stage.sources else None
            aid, pid = source.split("#", 1) if source else (None, None)
            finite = (lambda x: x if x not in (float("inf"), float("-inf")) else None)
            stages.append({
                # when the stage is in effect (null: open) — see effective_days; null both: not stated
                "from": finite(span[0]) if span else None,
                "to": finite(span[1]) if span else None,
                "dated": span is not None,
                "label": days_label(stage.days),
                "title": (stage.action if stage.status in ("machine", "approved") and stage.action else stage.title) or "",
                "text": stage.text,
                "channels": stage.channels,
                "source": f"../articles/{aid}/#{pid}" if aid in articles else None,
                "todo": todo(stage),
            })
        # (only what says whether it reports: "借呗与花呗同属…获批开业" is no answer to that)
        reporting = [r for r in regulations if product.id in r.products and r.topic == "产品信息"
                     and any(w in r.summary for w in rules.CREDIT_WORDS)]
        products.append({
            "id": product.id, "name": product.name, "page": f"../products/{product.id}/", "stages": stages,
            "full": has_facts(topic),  # the page has a timeline to link to
            "reporting": legal(tuple(r.id for r in reporting)),
            "reportingUnverified": bool(reporting) and not any(r.publishable for r in reporting),
            # where to complain, by who lends (the product page's routes), then the police
            "complain": [item(r, lead) for lead, r in complaint_rows(product, list(regulations))]
                        + legal(rules.COMPLAINT_ALWAYS),
        })
    data = {"products": products, "credit": legal(SELF_CHECK_CREDIT), "rights": legal(SELF_CHECK_RIGHTS),
            "complain": legal(SELF_CHECK_COMPLAIN)}
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def self_check_page(with_topic: list[tuple[Product, TopicFile]]) -> str:
    options = "\n".join(f'<option value="{attr(p.id)}">{attr(p.name)}</option>' for p, _ in with_topic)
    return (front_matter("tool", title="逾期自查：逾期几天了，会怎样？",
                         description="选择产品、输入逾期天数，看看现在处在哪个阶段、接下来会怎样、对征信有什么影响、你有哪些权利。")
            + "# 逾期自查\n\n"
            "选择产品，输入已经逾期的天数（还款日当天算第 0 天，第二天算逾期第 1 天），"
            "看看现在可能处在哪个阶段、接下来会发生什么、对征信有什么影响，以及你有哪些权利。"
            "结果整理自来源文章和法律规定，每一条都可以点开核对。\n\n"
            f'<form id="cf-self-check" class="cf-self-check" data-src="../{SELF_CHECK_DATA}" novalidate>\n'
            '<label for="cf-product">产品</label>\n'
            f'<select id="cf-product" name="product" required>\n{options}\n</select>\n'
            '<label for="cf-days">已逾期天数</label>\n'
            '<input id="cf-days" name="days" type="number" inputmode="numeric" min="0" max="3650" step="1" '
            'required placeholder="例如 10">\n'
            '<button type="submit" class="md-button md-button--primary">查看结果</button>\n'
            "</form>\n\n"
            '<div id="cf-self-check-result" class="cf-self-check-result" aria-live="polite"></div>\n\n'
            '<noscript>这个页面需要浏览器运行 JavaScript。也可以直接查看<a href="../products/">各产品页面</a>。</noscript>\n')
