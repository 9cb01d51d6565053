"""The cleaner's evaluation gate: every page at or above its pinned floor, the floors at or
above the targets, and each page's title, date and judgements as expected."""

from __future__ import annotations

from pathlib import Path

import yaml

from conftest import ROOT, run
from creditfaq.evaluate import TARGETS, PageScore, below_floor, evaluate, overall

CASES = ROOT / "tests/eval/cases.yml"
BASELINE = ROOT / "tests/eval/baseline.yml"


def test_the_gate_has_enough_pages_of_every_shape() -> None:
    cases = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    assert len(cases) >= 12
    suffixes = {Path(c["page"]).suffix for c in cases}
    assert {".html", ".txt", ".md"} <= suffixes | {".htm"}
    shapes = " ".join(c["shape"].lower() for c in cases)
    for shape in ("gbk", "big5", "front matter", "hostile", "personal", "off-topic", "near-duplicate"):
        assert shape in shapes or shape.replace("-", " ") in shapes, shape
    assert any(c.get("expect", {}).get("relevant") is False for c in cases)
    assert any(c.get("expect", {}).get("duplicate_of") for c in cases)
    for case in cases:
        assert (ROOT / "tests/eval/pages" / case["page"]).is_file(), case["page"]
        assert len(case["keep"]) >= 5 and len(case["drop"]) >= 5, case["page"]


def test_every_page_is_at_or_above_its_pinned_floor() -> None:
    scores = evaluate(CASES)
    baseline = yaml.safe_load(BASELINE.read_text(encoding="utf-8"))
    failures = below_floor(scores, baseline)
    assert not failures, "\n".join(failures)
    totals = overall(scores)
    assert totals["keep_recall"] >= TARGETS["keep_recall"] and totals["drop_recall"] >= TARGETS["drop_recall"]


def test_a_floor_below_the_target_or_a_missing_page_fails_the_gate() -> None:
    scores = [PageScore("a.html", keep_total=10, drop_total=10, lost=["x"], leaked=[])]
    ok = {"overall": {"keep_recall": 0.98, "drop_recall": 0.95},
          "pages": {"a.html": {"keep_recall": 0.9, "drop_recall": 1.0}}}
    assert below_floor(scores, ok) == ["overall keep_recall 0.900 < floor 0.980"]
    lowered = {"overall": {"keep_recall": 0.5, "drop_recall": 0.95}, "pages": {}}
    failures = below_floor(scores, lowered)
    assert "baseline overall keep_recall 0.500 is below the target 0.98" in failures
    assert "a.html: no floor pinned in the baseline (run `creditfaq eval --update-baseline`)" in failures


def test_make_eval_prints_the_figures(tmp_path: Path) -> None:
    result = run(ROOT, "eval")
    assert result.returncode == 0, result.stderr
    assert "keep" in result.stdout and "drop" in result.stdout
    assert "overall (" in result.stdout


# --- the extractor's gate ----------------------------------------------------------------------

FACTS = ROOT / "tests/eval/facts"


def _fact_scores():
    from creditfaq.factgate import evaluate_facts
    from creditfaq.model import ProductRegistry

    products = ProductRegistry.model_validate(yaml.safe_load((ROOT / "data/products.yml").read_text(encoding="utf-8")))
    return evaluate_facts(sorted(p for p in FACTS.glob("*.yml") if p.name != "baseline.yml"), products.products)


def test_the_extraction_gate_has_forty_pages_fifteen_of_them_blind() -> None:
    entries = [e for f in FACTS.glob("*.yml") if f.name != "baseline.yml"
               for e in yaml.safe_load(f.read_text(encoding="utf-8"))]
    assert len(entries) >= 40
    assert sum(1 for f in FACTS.glob("blind*.yml") for _ in yaml.safe_load(f.read_text(encoding="utf-8"))) >= 15
    suffixes = {Path(e["page"]).suffix for e in entries}
    assert {".txt", ".md", ".html"} <= suffixes
    for e in entries:
        assert (FACTS / "pages" / e["page"]).is_file(), e["page"]
        assert e["facts"], e["page"]


def test_the_extractor_holds_its_floors_on_every_set() -> None:
    from creditfaq.factgate import below_floor

    baseline = yaml.safe_load((FACTS / "baseline.yml").read_text(encoding="utf-8"))
    assert {"blind", "written", "blind timeline"} <= set(baseline)
    assert below_floor(_fact_scores(), baseline) == []


def test_a_fact_matches_on_kind_scope_days_within_a_day_and_a_shared_channel() -> None:
    from creditfaq.factgate import Fact, score

    gold = [Fact("timeline", "huabei", (2, 5), ("电话",)), Fact("credit", "huabei", (30, None)),
            Fact("rights", "general")]
    got = [Fact("timeline", "huabei", (3, 6), ("电话", "短信")),  # within a day at both ends
           Fact("credit", "huabei", (31, None)),
           Fact("rights", "huabei"),  # wrong scope
           Fact("timeline", "huabei", (10, 10), ("电话",))]  # no such fact
    s = score("p", True, gold, got)
    assert (s.matched, len(s.extra)) == (2, 2)
    assert s.recall == 2 / 3 and s.precision == 2 / 4
    assert score("p", True, [Fact("timeline", "huabei", (2, 5), ("电话",))],
                 [Fact("timeline", "huabei", (2, 5), ("短信",))]).matched == 0  # no shared channel
    assert score("p", True, [Fact("timeline", "huabei", (2, 5))], [Fact("timeline", "huabei", None)]).matched == 0


# --- the plain-text page sets ------------------------------------------------------------------


def test_the_plain_text_sets_hold_their_floors_and_fifteen_pages_five_blind() -> None:
    from creditfaq.evaluate import EXTRA_SETS, below_set_floor

    pages = 0
    for name in EXTRA_SETS:
        cases = ROOT / "tests/eval" / name / "cases.yml"
        entries = yaml.safe_load(cases.read_text(encoding="utf-8"))
        pages += len(entries)
        assert all(Path(e["page"]).suffix == ".txt" for e in entries)
        floors = yaml.safe_load((cases.parent / "baseline.yml").read_text(encoding="utf-8"))
        assert below_set_floor(name, evaluate(cases), floors) == [], name
    blind = yaml.safe_load((ROOT / "tests/eval/blind-text/cases.yml").read_text(encoding="utf-8"))
    assert pages >= 15 and len(blind) >= 5 and all(e.get("blind") for e in blind)
