"""merge: fresh machine output + the file writers edited → the new file.

Writers' work wins: an `edited`, `editorial` or `rejected` item is kept exactly as it is and
where it is; a rejected item is never re-added; a `machine` item a writer changed without
updating its status is recognised (it no longer matches what the machine produced) and kept
as `edited`. Machine items the sources no longer support are dropped.
"""

from __future__ import annotations

from typing import Callable, TypeVar

from pydantic import BaseModel

from .extract import claim_id
from .model import Claim, Question, QuestionFile, TopicFile
from .questions import question_key
from .text import short_hash

Item = TypeVar("Item", bound=BaseModel)


def merge_items(existing: list[Item], fresh: list[Item], *, fingerprint: Callable[[Item], str | None],
                machine_fields: frozenset[str] = frozenset()) -> list[Item]:
    """`fingerprint` recomputes an item's id from its content (None: cannot tell);
    `machine_fields` may change between runs without it counting as a writer's edit."""
    ignore = {"status", "note", *machine_fields}
    fresh_by_id = {c.id: c for c in fresh}  # type: ignore[attr-defined]
    known = {c.id for c in existing}  # type: ignore[attr-defined]
    merged: list[Item] = []
    for old in existing:
        new = fresh_by_id.get(old.id)  # type: ignore[attr-defined]
        if old.status != "machine":  # type: ignore[attr-defined]
            merged.append(old)
        elif new is not None:
            if old.model_dump(exclude=ignore) == new.model_dump(exclude=ignore):
                merged.append(new.model_copy(update={"note": old.note}))  # type: ignore[attr-defined]
            else:
                merged.append(old.model_copy(update={"status": "edited"}))
        elif fingerprint(old) != old.id:  # type: ignore[attr-defined]
            merged.append(old.model_copy(update={"status": "edited"}))
        # else: the sources no longer say it; a machine item goes with its source.
    merged.extend(c for c in fresh if c.id not in known)  # type: ignore[attr-defined]
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
    merged = {kind: merge_items(list(getattr(base, kind)), fresh.get(kind, []), fingerprint=_claim_fingerprint)
              for kind in ("timeline", "credit", "rights")}
    merged["questions"] = merge_questions(list(base.questions), fresh.get("questions", []))
    return TopicFile(product=product, **merged)


def merge_question_file(existing: QuestionFile | None, fresh: list[Question]) -> QuestionFile:
    return QuestionFile(questions=merge_questions(list(existing.questions) if existing else [], fresh))
