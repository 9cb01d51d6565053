"""merge: fresh machine claims + the topic file writers edited → the new topic file.

Writers' work wins: an `edited`, `editorial` or `rejected` claim is kept exactly as it is and
where it is; a rejected claim is never re-added; a `machine` claim a writer changed without
updating its status is recognised (it no longer matches what the machine produced) and kept
as `edited`. Machine claims the sources no longer support are dropped.
"""

from __future__ import annotations

from .extract import claim_id
from .model import Claim, TopicFile

KINDS = ("timeline", "credit", "rights")


def _machine_matches(old: Claim, fresh: Claim | None) -> bool:
    return fresh is not None and old.model_dump(exclude={"status", "note"}) == fresh.model_dump(exclude={"status", "note"})


def merge_claims(existing: list[Claim], fresh: list[Claim]) -> list[Claim]:
    fresh_by_id = {c.id: c for c in fresh}
    known = {c.id for c in existing}
    merged: list[Claim] = []
    for old in existing:
        if old.status != "machine":
            merged.append(old)
        elif old.id in fresh_by_id:
            if _machine_matches(old, fresh_by_id[old.id]):
                merged.append(fresh_by_id[old.id].model_copy(update={"note": old.note}))
            else:
                merged.append(old.model_copy(update={"status": "edited"}))
        elif _looks_edited(old):
            merged.append(old.model_copy(update={"status": "edited"}))
        # else: the source no longer says it; a machine claim goes with its source.
    merged.extend(c for c in fresh if c.id not in known)
    return merged


def _looks_edited(claim: Claim) -> bool:
    """A machine claim whose text no longer hashes to its id was changed by hand."""
    prefix = claim.id.split("-", 1)[0]
    return not claim.sources or claim_id(prefix, claim.sources[0], claim.text) != claim.id


def merge_topic(product: str, existing: TopicFile | None, fresh: dict[str, list[Claim]]) -> TopicFile:
    base = existing or TopicFile(product=product)
    return TopicFile(
        product=product,
        **{kind: merge_claims(list(getattr(base, kind)), fresh.get(kind, [])) for kind in KINDS},
    )
