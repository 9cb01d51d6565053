"""The extractor's evaluation gate: source pages with the facts a careful reader takes from
them (kind, scope, days, channels), scored by precision and recall in the manner of the
cleaning gate (`evaluate.py`).

A predicted fact matches a gold one of the same kind and scope when its days agree within a
day at both ends (where the gold states days) and it shares a channel (where the gold names
channels). Each fact matches at most once. Pure but for reading the cases and pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .evaluate import clean_page
from .extract import extract, reporting_days
from .judge import judge_all
from .model import Product, SourceArticle

# Targets on the blind pages (issue 10); floors per set are pinned in the baseline.
FACT_TARGETS = {"recall": 0.85, "precision": 0.90}


@dataclass(frozen=True)
class Fact:
    kind: str  # timeline | credit | rights
    scope: str  # a product id, or general
    days: tuple[int | None, int | None] | None = None
    channels: tuple[str, ...] = ()
    action: str | None = None
    text: str = ""


@dataclass
class FactScore:
    page: str
    blind: bool
    gold: list[Fact]
    predicted: list[Fact]
    missed: list[Fact] = field(default_factory=list)
    extra: list[Fact] = field(default_factory=list)
    set_name: str = ""  # the cases file it comes from: blind, blind2, written …

    @property
    def matched(self) -> int:
        return len(self.gold) - len(self.missed)

    @property
    def recall(self) -> float:
        return 1.0 if not self.gold else self.matched / len(self.gold)

    @property
    def precision(self) -> float:
        return 1.0 if not self.predicted else (len(self.predicted) - len(self.extra)) / len(self.predicted)


def _days_agree(gold: tuple | None, got: tuple | None) -> bool:
    if gold is None:
        return True
    if got is None:
        return False
    for a, b in zip(gold, got, strict=True):
        if (a is None) != (b is None):
            return False
        if a is not None and abs(a - b) > 1:
            return False
    return True


def matches(gold: Fact, got: Fact) -> bool:
    if (gold.kind, gold.scope) != (got.kind, got.scope):
        return False
    if not _days_agree(gold.days, got.days):
        return False
    # what the issue scores: kind, scope, days within a day, a shared channel; the action is
    # recorded but not scored, since one statement may name several
    return not (gold.channels and not set(gold.channels) & set(got.channels))


def score(page: str, blind: bool, gold: list[Fact], predicted: list[Fact]) -> FactScore:
    result = FactScore(page, blind, gold, predicted)
    free = list(range(len(predicted)))
    # most specific gold facts first, so a vague prediction does not take a precise one's match
    for g in sorted(gold, key=lambda f: (f.days is None, not f.channels)):
        hit = next((i for i in free if matches(g, predicted[i])), None)
        if hit is None:
            result.missed.append(g)
        else:
            free.remove(hit)
    result.extra = [predicted[i] for i in free]
    return result


def predicted_facts(article: SourceArticle, products: list[Product]) -> list[Fact]:
    """What the extractor takes from one article, as facts."""
    from .extract import _channels, _fact_channels  # the extractor's own channel reading

    found = extract([article], products)
    facts: list[Fact] = []
    for scope, stages in found.timeline.items():
        facts += [Fact("timeline", scope, s.days, tuple(s.channels), getattr(s, "action", None), s.text) for s in stages]
    for scope, claims in found.credit.items():
        # a credit fact is about the credit report whatever else its clause names
        facts += [Fact("credit", scope, c.days or reporting_days(c.said), ("征信", *_channels(c.said)), c.action, c.said)
                  for c in claims]
    for scope, claims in found.rights.items():
        facts += [Fact("rights", scope, None, tuple(_fact_channels(c.action, _channels(c.said))), c.action, c.said)
                  for c in claims]
    return facts


def _gold(entry: dict) -> list[Fact]:
    out = []
    for f in entry.get("facts") or []:
        days = tuple(f["days"]) if f.get("days") is not None else None
        out.append(Fact(f["kind"], f["scope"], days, tuple(f.get("channels") or ()), f.get("action"),
                        f.get("quote", "")))
    return out


def evaluate_facts(cases_files: list[Path], products: list[Product]) -> list[FactScore]:
    scores = []
    for cases_file in cases_files:
        cases = yaml.safe_load(cases_file.read_text(encoding="utf-8")) or []
        pages = cases_file.parent / "pages"
        for case in cases:
            article = clean_page(pages / case["page"])
            article = judge_all([article])[article.id]
            blind = bool(case.get("blind", cases_file.name.startswith("blind")))
            result = score(case["page"], blind, _gold(case), predicted_facts(article, products))
            result.set_name = cases_file.stem
            scores.append(result)
    return scores


def totals(scores: list[FactScore]) -> dict[str, float]:
    gold = sum(len(s.gold) for s in scores)
    predicted = sum(len(s.predicted) for s in scores)
    matched = sum(s.matched for s in scores)
    kept = sum(len(s.predicted) - len(s.extra) for s in scores)
    return {"recall": matched / gold if gold else 1.0, "precision": kept / predicted if predicted else 1.0,
            "gold": gold, "predicted": predicted}


def by_set(scores: list[FactScore]) -> dict[str, dict[str, float]]:
    out = {"all": totals(scores)}
    # one line per cases file (blind, blind2, written …): a later blind set is reported on its
    # own, so the first set's figures stay comparable from session to session
    for name in dict.fromkeys(s.set_name or ("blind" if s.blind else "written") for s in scores):
        out[name] = totals([s for s in scores if (s.set_name or ("blind" if s.blind else "written")) == name])
    timeline = [score(s.page, s.blind, [f for f in s.gold if f.kind == "timeline"],
                      [f for f in s.predicted if f.kind == "timeline"]) for s in scores
                if s.blind and (s.set_name or "blind") == "blind"]
    if timeline:
        out["blind timeline"] = totals(timeline)
    return out


def report(scores: list[FactScore], verbose: bool = False) -> str:
    lines = [f"{'extraction: page':<46} {'gold':>5} {'found':>6} {'recall':>7} {'precision':>9}"]
    for s in scores:
        mark = f" ({s.set_name or 'blind'})" if s.blind else ""
        lines.append(f"{s.page + mark:<46} {len(s.gold):>5} {len(s.predicted):>6} {s.recall:>7.3f} {s.precision:>9.3f}")
        if verbose:
            lines += [f"    missed: {f.kind} {f.scope} {f.days} {list(f.channels)} {f.action} «{f.text}»" for f in s.missed]
            lines += [f"    extra:  {f.kind} {f.scope} {f.days} {list(f.channels)} «{f.text[:50]}»" for f in s.extra]
    for name, t in by_set(scores).items():
        lines.append(f"{'overall, ' + name:<46} {t['gold']:>5} {t['predicted']:>6} {t['recall']:>7.3f} {t['precision']:>9.3f}")
    lines.append(f"targets on the blind pages: recall >= {FACT_TARGETS['recall']}, "
                 f"precision >= {FACT_TARGETS['precision']}")
    return "\n".join(lines)


def below_floor(scores: list[FactScore], baseline: dict) -> list[str]:
    failures = []
    sets = by_set(scores)
    for name, floors in (baseline or {}).items():
        if name not in sets:
            continue
        for metric in ("recall", "precision"):
            if metric in floors and sets[name][metric] < float(floors[metric]) - 1e-9:
                failures.append(f"extraction, {name}: {metric} {sets[name][metric]:.3f} < floor {float(floors[metric]):.3f}")
    return failures


def baseline_for(scores: list[FactScore]) -> dict:
    import math

    return {name: {m: math.floor(t[m] * 1000) / 1000 for m in ("recall", "precision")}
            for name, t in by_set(scores).items()}
