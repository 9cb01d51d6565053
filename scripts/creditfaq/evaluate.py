"""The cleaner's evaluation gate, in the manner of trafilatura's.

Each case is a source page with segments the cleaner must keep (article text) and segments
it must drop (boilerplate, hostile markup, personal data). keep-recall = share of keep
segments in the published text; drop-recall = share of drop segments absent from it.
Floors per page and overall are pinned in a baseline file; lowering one is a visible diff.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .clean import article_id_for, clean
from .judge import judge_all
from .model import SourceArticle
from .readers import READERS
from .text import decode, key, normalise

TARGETS = {"keep_recall": 0.98, "drop_recall": 0.95}


@dataclass
class PageScore:
    page: str
    keep_total: int
    drop_total: int
    lost: list[str] = field(default_factory=list)  # keep segments not published
    leaked: list[str] = field(default_factory=list)  # drop segments published
    wrong: list[str] = field(default_factory=list)  # expectations (title, date, relevant, duplicate_of) not met
    title_expected: bool = False

    @property
    def keep_recall(self) -> float:
        return 1.0 if not self.keep_total else (self.keep_total - len(self.lost)) / self.keep_total

    @property
    def drop_recall(self) -> float:
        return 1.0 if not self.drop_total else (self.drop_total - len(self.leaked)) / self.drop_total


def published_text(article: SourceArticle) -> str:
    """What a reader could see of an article: title, headings of non-empty sections, paragraphs."""
    parts = [article.title]
    for section in article.sections:
        if section.paragraphs:
            parts += [section.heading or "", *(p.text for p in section.paragraphs)]
    return "\n".join(parts)


def clean_page(path: Path) -> SourceArticle:
    data = path.read_bytes()
    text, encoding = decode(data)
    return clean(READERS[path.suffix.lower()](text), article_id=article_id_for(path.name), source=path.name,
                 sha256=hashlib.sha256(data).hexdigest(), encoding=encoding)


def evaluate(cases_file: Path) -> list[PageScore]:
    cases = yaml.safe_load(cases_file.read_text(encoding="utf-8"))
    pages = cases_file.parent / "pages"
    # judged together, as `creditfaq ingest` judges data/sources/
    judged = judge_all([clean_page(pages / case["page"]) for case in cases])
    articles = {case["page"]: judged[article_id_for(case["page"])] for case in cases}
    scores = []
    for case in cases:
        article = articles[case["page"]]
        text = key(published_text(article))
        score = PageScore(case["page"], len(case.get("keep", [])), len(case.get("drop", [])))
        score.lost = [s for s in case.get("keep", []) if key(str(s)) not in text]
        score.leaked = [s for s in case.get("drop", []) if key(str(s)) in text]
        expect = case.get("expect") or {}
        score.title_expected = "title" in expect or bool(expect.get("no_title"))
        if expect.get("no_title"):
            # a page with no headline: right when the cleaner says so to writers
            if not any(d.kind == "no-title" for d in article.defects):
                score.wrong.append(f"title: the page has no headline, but {article.title!r} was taken as one")
        elif "title" in expect and article.title != normalise(str(expect["title"])):
            score.wrong.append(f"title: expected {expect['title']!r}, got {article.title!r}")
        if "date" in expect and article.date != _as_date(expect["date"]):
            score.wrong.append(f"date: expected {expect['date']}, got {article.date}")
        if "relevant" in expect and article.relevant != expect["relevant"]:
            score.wrong.append(f"relevant: expected {expect['relevant']}, got {article.relevant}")
        if "duplicate_of" in expect:
            want = article_id_for(expect["duplicate_of"]) if expect["duplicate_of"] else None
            if article.duplicate_of != want:
                score.wrong.append(f"duplicate_of: expected {want}, got {article.duplicate_of}")
        scores.append(score)
    return scores


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)) if value else None


def overall(scores: list[PageScore]) -> dict[str, float]:
    keep = sum(s.keep_total for s in scores)
    drop = sum(s.drop_total for s in scores)
    return {
        "keep_recall": 1.0 if not keep else (keep - sum(len(s.lost) for s in scores)) / keep,
        "drop_recall": 1.0 if not drop else (drop - sum(len(s.leaked) for s in scores)) / drop,
    }


def below_floor(scores: list[PageScore], baseline: dict) -> list[str]:
    """Every way the scores fall short of the pinned floors, or the floors of the targets."""
    failures = []
    totals = overall(scores)
    for metric, target in TARGETS.items():
        floor = float(baseline.get("overall", {}).get(metric, 0))
        if floor < target:
            failures.append(f"baseline overall {metric} {floor:.3f} is below the target {target:.2f}")
        if totals[metric] < floor:
            failures.append(f"overall {metric} {totals[metric]:.3f} < floor {floor:.3f}")
    pages = baseline.get("pages", {})
    for s in scores:
        if s.page not in pages:
            failures.append(f"{s.page}: no floor pinned in the baseline (run `creditfaq eval --update-baseline`)")
            continue
        for metric in TARGETS:
            floor = float(pages[s.page].get(metric, 0))
            if getattr(s, metric) < floor:
                failures.append(f"{s.page}: {metric} {getattr(s, metric):.3f} < floor {floor:.3f}")
        failures += [f"{s.page}: {w}" for w in s.wrong]
    return failures


def baseline_for(scores: list[PageScore]) -> dict:
    totals = overall(scores)
    return {
        "overall": {m: round(totals[m], 3) for m in TARGETS},
        "pages": {s.page: {"keep_recall": round(s.keep_recall, 3), "drop_recall": round(s.drop_recall, 3)}
                  for s in scores},
    }


def report(scores: list[PageScore]) -> str:
    lines = [f"{'page':<44} {'keep':>7} {'drop':>7}"]
    for s in scores:
        lines.append(f"{s.page:<44} {s.keep_recall:>7.3f} {s.drop_recall:>7.3f}")
        lines += [f"    lost:   {t}" for t in s.lost]
        lines += [f"    leaked: {t}" for t in s.leaked]
        lines += [f"    wrong:  {w}" for w in s.wrong]
    totals = overall(scores)
    lines.append(f"{'overall (' + str(len(scores)) + ' pages)':<44} {totals['keep_recall']:>7.3f} {totals['drop_recall']:>7.3f}")
    lines.append(f"targets: keep-recall >= {TARGETS['keep_recall']}, drop-recall >= {TARGETS['drop_recall']}")
    return "\n".join(lines)


# --- further page sets (plain-text pages, blind pages): floors of their own, no targets yet ---

EXTRA_SETS = ("blind-text", "blind-text-2", "blind-text-3", "blind-text-4", "text-pages", "text-pages-2", "text-pages-3", "text-pages-4",
              "text-pages-5", "text-pages-6")


def set_figures(scores: list[PageScore]) -> dict[str, float]:
    """keep- and drop-recall over a set, and the share of pages whose title is right."""
    totals = overall(scores)
    titled = [s for s in scores if s.title_expected]
    totals["titles"] = 1.0 if not titled else sum(not any(w.startswith("title") for w in s.wrong) for s in titled) / len(titled)
    return totals


def set_floors(scores: list[PageScore]) -> dict[str, float]:
    import math

    return {m: math.floor(v * 1000) / 1000 for m, v in set_figures(scores).items()}


def below_set_floor(name: str, scores: list[PageScore], floors: dict) -> list[str]:
    figures = set_figures(scores)
    return [f"{name}: {m} {figures[m]:.3f} < floor {float(v):.3f}" for m, v in (floors or {}).items()
            if m in figures and figures[m] < float(v) - 1e-9]
