"""merge: fresh machine output + the file writers edited → the new file.

Writers' work wins: an `edited`, `editorial` or `rejected` item is kept exactly as it is and
where it is; a rejected item is never re-added; a `machine` item a writer changed without
updating its status is recognised (it no longer matches what the machine produced) and kept
as `edited`. Fresh items find the items they continue by lineage (`lineage.match`), so ids
never change. Machine items the sources no longer support are dropped, unless a writer left
a note on one: that one is kept, rejected, with its note.
"""

from __future__ import annotations

import json
from typing import TypeVar

from pydantic import BaseModel

from . import rules
from .lineage import CLAIM_MIN_SIMILARITY, match
from .model import Claim, CreditImpact, Question, QuestionFile, TopicFile
from .questions import question_key
from .text import key, short_hash

Item = TypeVar("Item", bound=BaseModel)


# Fields added to the records after fingerprints were first written: left out of the hash
# while they are unset, so that adding a field does not make every claim look edited.
LATER_FIELDS = ("action", "hedge", "quote", "evidence")


def content_hash(item: BaseModel, machine_fields: frozenset[str]) -> str:
    """What the machine wrote of an item, less what it may change again on its own."""
    later = {f for f in LATER_FIELDS if getattr(item, f, None) in (None, [])}
    if isinstance(item, CreditImpact) and item.days is None:
        later.add("days")
    data = item.model_dump(mode="json", exclude={"status", "note", "fingerprint", *machine_fields, *later})
    return short_hash(json.dumps(data, ensure_ascii=False, sort_keys=True))


def _start_day(item: BaseModel) -> float | None:
    days = getattr(item, "days", None)
    if not days:
        return None
    if days[0] is not None:
        return float(days[0])
    return float(days[1]) - 0.5 if days[1] is not None else None


def _place(merged: list[Item], added: list[Item], by_day: bool) -> list[Item]:
    """New machine items go where they belong: on a timeline before the first item that
    starts later (the writer's order of the rest is kept), elsewhere at the end."""
    out = list(merged)
    for item in added:
        day = _start_day(item) if by_day else None
        at = len(out)
        if day is not None:
            at = next((k for k, other in enumerate(out) if (d := _start_day(other)) is not None and d > day), len(out))
        out.insert(at, item)
    return out


def _unused_id(wanted: str, used: set[str]) -> str:
    """`wanted`, or `wanted-2`, `wanted-3` … if taken; the id returned is marked used."""
    rid, n = wanted, 2
    while rid in used:
        rid, n = f"{wanted}-{n}", n + 1
    used.add(rid)
    return rid


def merge_items(existing: list[Item], fresh: list[Item], *, machine_fields: frozenset[str] = frozenset(),
                lineage: dict, by_day: bool = False) -> list[Item]:
    """Every machine item carries the hash of what the machine wrote (`fingerprint:`), so a
    writer's change is told from an improved extractor's. Fresh items are matched to the
    existing ones by lineage (`lineage`: keyword arguments of lineage.match), and take their
    ids: an id, once given, never changes. `machine_fields` may change between runs without
    counting as a writer's edit."""

    def stamp(item: Item) -> Item:
        return item.model_copy(update={"fingerprint": content_hash(item, machine_fields)})

    def untouched(old: Item) -> bool:
        return bool(old.fingerprint) and content_hash(old, machine_fields) == old.fingerprint  # type: ignore[attr-defined]

    pairs = match(existing, fresh, **lineage)
    partner = {i: fresh[j] for j, i in pairs.items()}
    if by_day and all(o.status == "machine" and untouched(o) for o in existing):  # type: ignore[attr-defined]
        # nobody has touched this timeline: it follows the machine's order, by day
        by_fresh = {j: existing[i] for j, i in pairs.items()}
        ordered = [stamp(item.model_copy(update={"id": by_fresh[j].id, "note": by_fresh[j].note}))  # type: ignore[attr-defined]
                   if j in by_fresh else None for j, item in enumerate(fresh)]
        used = {item.id for item in ordered if item is not None}  # type: ignore[attr-defined]
        out = []
        for j, item in enumerate(ordered):
            if item is None:
                item = stamp(fresh[j].model_copy(update={"id": _unused_id(fresh[j].id, used)}))  # type: ignore[attr-defined]
            out.append(item)
        kept = [old.model_copy(update={"status": "rejected", "fingerprint": None})
                for i, old in enumerate(existing) if i not in partner and old.note]  # type: ignore[attr-defined]
        return out + kept
    merged: list[Item] = []
    for i, old in enumerate(existing):
        new = partner.get(i)
        if old.status != "machine":  # type: ignore[attr-defined]
            merged.append(old)  # the writer's: kept as it is, and a matched fresh item is not re-added
        elif not untouched(old):
            merged.append(old.model_copy(update={"status": "edited", "fingerprint": None}))
        elif new is not None:
            merged.append(stamp(new.model_copy(update={"id": old.id, "note": old.note})))  # type: ignore[attr-defined]
        elif old.note:  # type: ignore[attr-defined]
            # the sources no longer say it, but a writer wrote about it: kept, never shown
            merged.append(old.model_copy(update={"status": "rejected", "fingerprint": None}))
        # else: the sources no longer say it; a machine item goes with its source.
    used = {item.id for item in merged}  # type: ignore[attr-defined]
    added = []
    for j, item in enumerate(fresh):
        if j in pairs:
            continue
        added.append(stamp(item.model_copy(update={"id": _unused_id(item.id, used)})))  # type: ignore[attr-defined]
    return _place(merged, added, by_day)


def _claim_lineage() -> dict:
    def source(c: Claim) -> str | None:
        return c.sources[0] if c.sources else None

    def said(c: Claim) -> str:  # the source's words: a writer rewrites `text`, never the evidence
        return c.said

    return {"exact": (lambda c: (source(c), key(said(c)), c.action), lambda c: (source(c), key(said(c)), c.action)),
            "group": (source, source), "text": (said, said),
            "min_similarity": CLAIM_MIN_SIMILARITY, "one_to_one": True, "affinity": _same_action,
            # one clause may give two facts of one action (12378 and 110): their ids tell them apart
            "identity": (lambda c: c.id, lambda c: c.id)}


def _same_action(old: Claim, new: Claim) -> float:
    """A record keeps its action: prefer the fresh one that states the same (a record written
    before actions were recorded has none, and prefers nothing)."""
    if old.action is None:
        return 0.0
    return 0.5 if old.action == new.action else -0.5


def _question_lineage() -> dict:
    return {"exact": (lambda q: q.id, lambda q: q.id), "group": (lambda q: 0, lambda q: 0),
            "text": (lambda q: question_key(q.text), lambda q: question_key(q.text)),
            "min_similarity": rules.QUESTION_MERGE_MIN}


CLAIM_MACHINE_FIELDS = frozenset({"disputed"})


QUESTION_MACHINE_FIELDS = frozenset({"sources", "variants"})


def merge_questions(existing: list[Question], fresh: list[Question]) -> list[Question]:
    return merge_items(existing, fresh, machine_fields=QUESTION_MACHINE_FIELDS, lineage=_question_lineage())


def merge_topic(product: str, existing: TopicFile | None, fresh: dict[str, list]) -> TopicFile:
    base = existing or TopicFile(product=product)
    # whether sources disagree is the machine's to say again on every run
    merged = {kind: merge_items(list(getattr(base, kind)), fresh.get(kind, []), machine_fields=CLAIM_MACHINE_FIELDS,
                                lineage=_claim_lineage(), by_day=kind == "timeline")
              for kind in ("timeline", "credit", "rights")}
    merged["questions"] = merge_questions(list(base.questions), fresh.get("questions", []))
    return TopicFile(product=product, reviewed=base.reviewed, **merged)


def merge_question_file(existing: QuestionFile | None, fresh: list[Question]) -> QuestionFile:
    return QuestionFile(questions=merge_questions(list(existing.questions) if existing else [], fresh))
