"""The timeline rules of the pages: a product's steps in order with what to do at each, and the day
ranges the comparison table reads."""

from __future__ import annotations

from ..days import days_label
from ..model import GuidanceRule, OverdueStage, Regulation
from ..rules import ACTION_PHRASES
from .law import citation
from .markup import Glossary, NO_GLOSSARY, _Footnotes, attr, esc


class Guidance:
    """What to do at a stage: the first rule whose channels the stage uses, with its law."""

    def __init__(self, rules: list[GuidanceRule] = (), regulations: list[Regulation] = ()):
        self.rules = list(rules)
        self.law = {r.id: r for r in regulations if r.publishable}

    def for_stage(self, stage: OverdueStage) -> tuple[GuidanceRule, list[Regulation]] | None:
        for rule in self.rules:
            if set(rule.channels) & set(stage.channels):
                cited = [self.law[r] for r in rule.regulations if r in self.law]
                if cited:
                    return rule, cited
        return None

    def markdown(self, stage: OverdueStage, prefix: str) -> str:
        found = self.for_stage(stage)
        if found is None:
            return ""
        rule, cited = found
        links = "、".join(f"[{esc(citation(r))}]({prefix}regulations.md#{r.id})" for r in cited)
        return f'<br><span class="cf-stage__todo">现在可以做什么：{esc(rule.text)}（依据：{links}）</span>'


NO_GUIDANCE = Guidance()


def _timeline(stages: list[OverdueStage], notes: _Footnotes, gl: Glossary = NO_GLOSSARY,
              guidance: Guidance = NO_GUIDANCE) -> str:
    # A tight Markdown list (one line per stage) so that attr_list can class each item and
    # MkDocs still sees the footnote links; CSS draws the line and the dots.
    out = []
    for stage in stages:
        line = f'<span class="cf-stage__days">{attr(days_label(stage.days))}</span>'
        # a machine fact is named by its step; a source's heading may speak of another step
        label = stage.action if stage.status in ("machine", "approved") and stage.action else stage.title
        if label:
            line += f" **{esc(label)}**"
        line += f"<br>{gl.mark(esc(stage.text))}{notes.ref(stage)}"
        if stage.channels:
            line += '<br><span class="cf-stage__channels">' + "".join(
                f'<span class="cf-channel">{attr(ch)}</span>' for ch in stage.channels) + "</span>"
        line += guidance.markdown(stage, "../")
        out.append(f"1. {line}\n    {{: .cf-stage #{stage.id} }}")
    return "\n".join(out) + "\n"


# --- Topic pages across products -------------------------------------------------------------


def effective_days(stages: list[OverdueStage]) -> list[tuple[float, float] | None]:
    """When each stage is in effect, as far as the sources let us say. An open-ended stage
    ("逾期后…", [1, null]) lasts until the next stage in the timeline begins; when the next
    stage's day is not stated, we cannot say how long it lasts, so only its first day counts."""
    out: list[tuple[float, float] | None] = []
    for i, stage in enumerate(stages):
        if not stage.days:
            out.append(None)
            continue
        start = stage.days[0] if stage.days[0] is not None else float("-inf")
        end = stage.days[1] if stage.days[1] is not None else None
        if end is None:
            later = stages[i + 1:]
            if not later:
                end = float("inf")
            elif later[0].days and later[0].days[0] is not None:
                end = max(start, later[0].days[0] - 1)
            else:
                end = start
        out.append((start, end))
    return out


def _step_name(stage: OverdueStage) -> str:
    """A step as a table cell names it: 打电话催收, 提醒还款; a writer's stage by its title."""
    if stage.status in ("machine", "approved") and stage.action in ACTION_PHRASES:
        return ACTION_PHRASES[stage.action].format(via="")
    return stage.title or days_label(stage.days)
