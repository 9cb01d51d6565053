"""The publication gate: what of the topic data reaches readers. A machine claim is held back
when a careful editor would strike it out — its sentence has a censored gap, it asks a
question, it is filler, advice or the lender's point of view, or it is half a sentence that
leads in to a list. A writer's `approved`, `edited` or `editorial` claim is published as the writer
approved or wrote it; a
`rejected` one never is. What is held back is listed for writers by `creditfaq report`.

Pure: a claim in, a reason (in Chinese, for writers) or None out.
"""

from __future__ import annotations

import re

from . import rules
from .model import Claim
from .text import to_simplified

_LEAD_IN = re.compile(r"[:：]\s*$")


def held_back(claim: Claim) -> str | None:
    """Why a claim is not published, or None when it is."""
    if claim.status == "rejected":
        return "编辑已拒绝"
    if claim.status != "machine":
        return None  # the writer's words, as the writer wrote them
    text = to_simplified(claim.text)
    if rules.CENSORED_GAP.search(claim.text):
        return "句子里有被删掉的词（来源的审查空缺），请改写后设为 edited"
    if any(rules.CENSORED_GAP.search(e.quote) for e in claim.evidence):
        # the sentence made from the fact reads whole, but what the source said is not known:
        # "通过短信、 、邮件" may have named the channel the sentence leaves out or fills in
        return ("出处段落有被删掉的词（来源的审查空缺），这句话可能不完整或者补错了：请先在文章文件里补全那一段"
                "（见贡献指南“补全缺字”），或者核对原网页后设为 approved")
    if _LEAD_IN.search(text):
        # the sentence leads in to a list (present in the source or lost): alone it reads unfinished
        return "这句话以冒号结尾，是引出一个列表的半句话，单独发布读不通：请改写成完整的一句后设为 edited，或者设为 rejected"
    if any(p.search(text) for p in (*rules.NOT_A_CLAUSE, *rules.NOT_A_FACT)):
        return "不是陈述：问题、套话、建议、广告或放贷方的观点"
    return None


def published(claims: list[Claim]) -> list[Claim]:
    """The claims readers see, in their order."""
    return [c for c in claims if held_back(c) is None]
