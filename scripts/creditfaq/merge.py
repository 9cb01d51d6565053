"""merge: fresh machine output + the file writers edited → the new file.

Writers' work wins: an `edited`, `editorial` or `rejected` item is kept exactly as it is and
where it is; a rejected item is never re-added; a `machine` item a writer changed without
updating its status is recognised (it no longer matches what the machine produced) and kept
as `edited`. Machine items the sources no longer support are dropped.
"""

from __future__ import annotations

import json
from typing import Callable, TypeVar

from pydantic import BaseModel

from .extract import claim_id
from .model import Claim, Question, QuestionFile, TopicFile
from .questions import question_key
from .text import short_hash

Item = TypeVar("Item", bound=BaseModel)


def content_hash(item: BaseModel, machine_fields: frozenset[str]) -> str:
    """What the machine wrote of an item, less what it may change again on its own."""
    data = item.model_dump(mode="json", exclude={"status", "note", "fingerprint", *machine_fields})
    return short_hash(json.dumps(data, ensure_ascii=False, sort_keys=True))


def merge_items(existing: list[Item], fresh: list[Item], *, fingerprint: Callable[[Item], str | None],
                machine_fields: frozenset[str] = frozenset()) -> list[Item]:
    """Every machine item carries the hash of what the machine wrote (`fingerprint:`), so a
    writer's change is told from an improved extractor's. Items written before that are
    judged by `fingerprint` (the id recomputed from the content; None: cannot tell).
    `machine_fields` may change between runs without counting as a writer's edit."""

    def stamp(item: Item) -> Item:
        return item.model_copy(update={"fingerprint": content_hash(item, machine_fields)})

    def untouched(old: Item, new: Item | None) -> bool:
        if old.fingerprint:  # type: ignore[attr-defined]
            return content_hash(old, machine_fields) == old.fingerprint  # type: ignore[attr-defined]
        if new is not None:
            ignore = {"status", "note", "fingerprint", *machine_fields}
            return old.model_dump(exclude=ignore) == new.model_dump(exclude=ignore)
        return fingerprint(old) == old.id  # type: ignore[attr-defined]

    fresh_by_id = {c.id: c for c in fresh}  # type: ignore[attr-defined]
    known = {c.id for c in existing}  # type: ignore[attr-defined]
    merged: list[Item] = []
    for old in existing:
        new = fresh_by_id.get(old.id)  # type: ignore[attr-defined]
        if old.status != "machine":  # type: ignore[attr-defined]
            merged.append(old)
        elif not untouched(old, new):
            merged.append(old.model_copy(update={"status": "edited", "fingerprint": None}))
        elif new is not None:
            merged.append(stamp(new.model_copy(update={"note": old.note})))  # type: ignore[attr-defined]
        # else: the sources no longer say it; a machine item goes with its source.
    merged.extend(stamp(c) for c in fresh if c.id not in known)  # type: ignore[attr-defined]
    return merged


def _claim_fingerprint(claim: Claim) -> str | None:
    return claim_id(claim.id.split("-", 1)[0], claim.sources[0], claim.text) if claim.sources else None


def _question_fingerprint(question: Question) -> str:
    return f"q-{short_hash(question_key(question.text))}"


QUESTION_MACHINE_FIELDS = frozenset({"sources", "variants"})


def merge_questions(existing: list[Question], fresh: list[Question]) -> list[Question]:
    return merge_items(existing, fresh, fingerprint=_question_fingerprint, machine_fields=QUESTION_MACHINE_FIELDS)


def merge_topic(product: str, existing: TopicFile | None, fresh: dict[str, list]) -> TopicFile:
    base = existing or TopicFile(product=product)
    # whether sources disagree is the machine's to say again on every run
    merged = {kind: merge_items(list(getattr(base, kind)), fresh.get(kind, []), fingerprint=_claim_fingerprint,
                                machine_fields=frozenset({"disputed"}))
              for kind in ("timeline", "credit", "rights")}
    merged["questions"] = merge_questions(list(base.questions), fresh.get("questions", []))
    return TopicFile(product=product, reviewed=base.reviewed, **merged)


def merge_question_file(existing: QuestionFile | None, fresh: list[Question]) -> QuestionFile:
    return QuestionFile(questions=merge_questions(list(existing.questions) if existing else [], fresh))
