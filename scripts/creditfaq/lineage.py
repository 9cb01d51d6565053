"""Identity that survives edits: what the machine produces now is matched to the records it
produced before by lineage (where it came from) and by a fuzzy match of what it says, never
by recomputing an id from the text. Pure.

A writer's fix of a censored word, a re-scrape that changes one word, or a renamed source
must give back the same paragraph and the same claim, so that an edit, a note, a rejection
and the writer's order stay attached to it.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Callable, Hashable, Sequence, TypeVar

from .text import key

Old = TypeVar("Old")
New = TypeVar("New")

# Two paragraphs of one article, or two claims from one paragraph, are the same when their
# texts agree at least this much (difflib ratio of their comparison keys).
PARAGRAPH_MIN_SIMILARITY = 0.6
CLAIM_MIN_SIMILARITY = 0.5


def similarity(a: str, b: str) -> float:
    x, y = key(a), key(b)
    if not x or not y:
        return 0.0
    matcher = SequenceMatcher(None, x, y, autojunk=False)
    if matcher.real_quick_ratio() < 0.3 or matcher.quick_ratio() < 0.3:
        return 0.0
    return matcher.ratio()


def match(old: Sequence[Old], new: Sequence[New], *,
          exact: tuple[Callable[[Old], Hashable], Callable[[New], Hashable]],
          group: tuple[Callable[[Old], Hashable], Callable[[New], Hashable]],
          text: tuple[Callable[[Old], str], Callable[[New], str]],
          min_similarity: float, one_to_one: bool = False,
          affinity: Callable[[Old, New], float] | None = None,
          identity: tuple[Callable[[Old], Hashable], Callable[[New], Hashable]] | None = None) -> dict[int, int]:
    """new index → old index.

    1. Same exact key (the machine produced the very same thing): matched in order.
    2. Same group (the same source paragraph and kind), texts similar enough: best pairs first.
    3. With `one_to_one`, a group left with one old and one new record: they are the same
       record, however much a writer rewrote its text.
    `affinity` breaks near ties: one clause may give several records with the same text (two
    actions), and each should find the one it was.
    """
    found: dict[int, int] = {}
    taken: set[int] = set()
    if identity is not None:
        # 0. the same identity (an id the machine derives from what it read): the same record
        by_id = {identity[0](o): i for i, o in enumerate(old)}
        for j, n in enumerate(new):
            i = by_id.get(identity[1](n))
            if i is not None and i not in taken:
                found[j], _ = i, taken.add(i)
    by_exact: dict[Hashable, list[int]] = {}
    for i, o in enumerate(old):
        by_exact.setdefault(exact[0](o), []).append(i)
    for j, n in enumerate(new):
        if j in found:
            continue
        for i in by_exact.get(exact[1](n), []):
            if i not in taken:
                found[j], _ = i, taken.add(i)
                break
    groups_old: dict[Hashable, list[int]] = {}
    for i, o in enumerate(old):
        if i not in taken:
            groups_old.setdefault(group[0](o), []).append(i)
    groups_new: dict[Hashable, list[int]] = {}
    for j, n in enumerate(new):
        if j not in found:
            groups_new.setdefault(group[1](n), []).append(j)
    for g, js in groups_new.items():
        candidates = groups_old.get(g, [])
        scored = []
        for i in candidates:
            for j in js:
                raw = similarity(text[0](old[i]), text[1](new[j]))
                if raw >= min_similarity:
                    bonus = affinity(old[i], new[j]) if affinity else 0.0
                    scored.append((raw + bonus, -i, -j, i, j))
        for _, _, _, i, j in sorted(scored, reverse=True):
            if i in taken or j in found:
                continue
            found[j] = i
            taken.add(i)
        if one_to_one:
            left_old = [i for i in candidates if i not in taken]
            left_new = [j for j in js if j not in found]
            if len(left_old) == 1 and len(left_new) == 1:
                found[left_new[0]] = left_old[0]
                taken.add(left_old[0])
    return found
