"""Day expressions in Chinese text → day ranges (due date = 0, first overdue day = 1).

"N天后", "超过N天", "N天以上" are open-ended: (N, None), from that day on. Phrases that state
no day but place a step after the due date (逾期后, 逾期初期, 未按时还款) give (1, None) when
`vague` is true and nothing more precise is said.
"""

from __future__ import annotations

import re

from .rules import CHINESE_DIGITS, DAY_PHRASES, VAGUE_DAY_PATTERNS

DayRange = tuple[int | None, int | None]

_NUM = r"[0-9]{1,3}|[零〇一二两兩三四五六七八九十百]{1,5}"
# 号 is always a calendar date; 日 is one after 月 (10月15日), which parse_days skips.
_UNIT = r"(?:天|日)"
_DATE_BEFORE = re.compile(r"月\s*(?:\d{1,2}\s*日\s*(?:至|到|-|—|~)\s*)?$")  # 3月1日至3日: dates
_MONTH = r"个多?月"
_WEEK = r"(?:个)?(?:周|星期|礼拜)"
_NEGATION = re.compile(r"(?:不是|并不|并非|不会|非|没有)\S{0,3}$")
_RANGE = re.compile(rf"(?P<a>{_NUM})\s*{_UNIT}?\s*(?:-|－|~|～|〜|到|至)\s*(?:第\s*)?(?P<b>{_NUM})\s*(?:(?P<m>{_MONTH})|(?P<w>{_WEEK})|{_UNIT})")
# 第二个礼拜: the days of that week
_WEEK_ORDINAL = re.compile(rf"第\s*(?P<a>{_NUM})\s*{_WEEK}")
_FIRST = re.compile(rf"(?<!提)(?:头|前)\s*(?P<a>{_NUM})\s*(?:(?P<m>{_MONTH})|(?P<w>{_WEEK})|{_UNIT})")  # 前一周: days 1 to 7
# 两三天, 一两天, 十五六天 (15-16); 九十天 is the number 90, so 十 never ends a pair.
_PAIR = re.compile(r"(?<![零〇一二两兩三四五六七八九十百])(?P<t>[一二三四五六七八九]?十)?"
                   r"(?P<a>[一二两兩三四五六七八九])(?P<b>[二两兩三四五六七八九])(?:个)?天")
_BEFORE_DUE = re.compile(r"还款日|到期日?|账单日")
_OPEN = re.compile(rf"(?:超过|超出|大于|满|达到|超)\s*(?P<a>{_NUM})\s*(?:(?P<m>{_MONTH})|{_UNIT})"
                   rf"|(?P<c>{_NUM})\s*(?:(?P<n>{_MONTH})|{_UNIT})\s*(?:以上|以后|之后|后|起|(?:就|便|才)?开始|往后|及以上|\+|＋)"
                   rf"|(?P<d>{_NUM})\s*多\s*{_UNIT}")  # 九十多天: more than 90 days
_OPEN_BEFORE = re.compile(r"(?:超过|超出|大于|满|达到)\s*$")
_OPEN_AFTER = re.compile(r"^(?:左右)?(?:以上|以后|之后|后|起|(?:就|便|才)?开始|往后|\+|＋)")
_WITHIN = re.compile(rf"(?P<a>{_NUM})\s*(?:(?P<m>{_MONTH})|(?P<w>{_WEEK})|{_UNIT})\s*(?:以内|之内|内|(?:左右)?的?(?:还款)?宽限期)")
_BEFORE = re.compile(rf"(?:还款日|到期日?|提)前\s*(?P<a>{_NUM})\s*(?:{_UNIT}|(?P<w>{_WEEK}))")
# 还款日前1-3天: days -3 to -1
_BEFORE_RANGE = re.compile(rf"(?:还款日|到期日?|提)前\s*(?P<a>{_NUM})\s*{_UNIT}?\s*(?:-|－|~|～|〜|到|至)\s*(?P<b>{_NUM})\s*{_UNIT}")
_FREQUENCY = re.compile(rf"\s*(?:可能|会|能|就|要)?\s*(?:一般|通常|大概|基本上?|平均|最多)?\s*(?:不超过|不会超过|不多于|至多|超过)?"
                        rf"\s*(?:打|发|催|来)?\s*(?:不止|好几|几|多达|最多|至少)?\s*(?:{_NUM})?\s*(?:个)?(?:次|遍|通(?![知过讯报话]))")
_SINGLE = re.compile(rf"(?:第\s*)?(?P<a>{_NUM})\s*(?:(?P<m>{_MONTH})|{_UNIT})")
# 次日起连续3日: days 1 to 3
_CONSECUTIVE = re.compile(rf"(?:次日|第二天|逾期(?:后|次日)?)起?\s*连续\s*(?P<a>{_NUM})\s*{_UNIT}")
# 哪怕只逾期1天, 即使只晚还一天: from that day on, however long
_EVEN = re.compile(rf"(?:哪怕|即使|就算|即便|只要)(?:是|你)?(?:只|仅)?(?:逾期|晚还|迟还|晚了|拖了?)(?:了)?\s*(?P<a>{_NUM})\s*{_UNIT}")
# 这一周里, 这几天, 这个月: the period the heading or question above states, no day of its own
_DEICTIC = re.compile(r"这(?:个|一)?$")


def chinese_number(text: str) -> int | None:
    """'15' → 15, '十五' → 15, '二十' → 20, '一百八十' → 180, '两' → 2."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch in CHINESE_DIGITS:
            current = CHINESE_DIGITS[ch]
        else:
            return None
    return total + current


def parse_days(text: str, *, vague: bool = True) -> DayRange | None:
    """The first day range the text states, skipping negated ones ('不是第二天')."""
    exact = _parse_exact(text)
    if exact is not None or not vague:
        return exact
    if any(p.search(text) for p in VAGUE_DAY_PATTERNS):
        return (1, None)
    return None


def _parse_exact(text: str) -> DayRange | None:
    found: list[tuple[int, DayRange]] = []

    def add(pos: int, rng: DayRange) -> None:
        if not _NEGATION.search(text[max(0, pos - 6):pos]):
            found.append((pos, rng))

    taken: list[tuple[int, int]] = []

    def free(m: re.Match[str]) -> bool:
        if m.group(0).endswith("日") and _DATE_BEFORE.search(text[:m.start()]):
            return False
        return not any(s <= m.start() < e or s < m.end() <= e for s, e in taken)

    for m in _CONSECUTIVE.finditer(text):
        n = chinese_number(m["a"])
        if free(m) and n:
            taken.append(m.span())
            add(m.start(), (1, n))
    for m in _EVEN.finditer(text):
        n = chinese_number(m["a"])
        if free(m) and n:
            taken.append(m.span())
            add(m.start(), (n, None))
    for m in _BEFORE_RANGE.finditer(text):
        a, b = chinese_number(m["a"]), chinese_number(m["b"])
        if free(m) and a is not None and b is not None:
            taken.append(m.span())
            add(m.start(), (-max(a, b), -min(a, b)))
    for m in _BEFORE.finditer(text):
        if free(m) and (n := chinese_number(m["a"])) is not None:
            taken.append(m.span())
            n *= 7 if m["w"] else 1
            add(m.start(), (-n, -n))
    for m in _RANGE.finditer(text):
        a, b = chinese_number(m["a"]), chinese_number(m["b"])
        if free(m) and a is not None and b is not None:
            taken.append(m.span())
            unit = 30 if m["m"] else 7 if m["w"] else 1
            add(m.start(), (min(a, b) * unit, max(a, b) * unit))
    for m in _WEEK_ORDINAL.finditer(text):
        n = chinese_number(m["a"])
        if free(m) and n:
            taken.append(m.span())
            add(m.start(), ((n - 1) * 7 + 1, n * 7))
    for m in _FIRST.finditer(text):
        n = chinese_number(m["a"])
        if free(m) and n is not None and not _BEFORE_DUE.search(text[max(0, m.start() - 4):m.start()]):
            taken.append(m.span())
            add(m.start(), (1, n * (30 if m["m"] else 7 if m["w"] else 1)))
    for m in _WITHIN.finditer(text):
        n = chinese_number(m["a"])
        if free(m) and n is not None and not text[:m.start()].endswith("第"):
            taken.append(m.span())
            add(m.start(), (1, n * (30 if m["m"] else 7 if m["w"] else 1)))  # 逾期7天以内: days 1 to 7
    for phrase, rng in DAY_PHRASES.items():
        for m in re.finditer(re.escape(phrase), text):
            if phrase[0] in "一两三半" and _DEICTIC.search(text[max(0, m.start() - 2):m.start()]):
                taken.append(m.span())  # "这一周里": the period already stated, not day 7
                continue
            if free(m):
                taken.append(m.span())
                if rng[0] is not None and rng[0] > 0 and (
                        _OPEN_BEFORE.search(text[:m.start()]) or _OPEN_AFTER.match(text[m.end():])):
                    rng = (rng[0], None)  # 超过一个月, 半年以上
                add(m.start(), rng)
    for m in _PAIR.finditer(text):
        tens = chinese_number(m["t"]) if m["t"] else 0
        a, b = chinese_number(m["a"]), chinese_number(m["b"])
        if free(m) and a is not None and b is not None and b == a + 1:
            taken.append(m.span())
            add(m.start(), (tens + a, tens + b))
    for m in _OPEN.finditer(text):
        n = chinese_number(m["a"] or m["c"] or m["d"])
        if free(m) and n is not None:
            taken.append(m.span())
            add(m.start(), (n * (30 if m["m"] or m["n"] else 1), None))
    for m in _SINGLE.finditer(text):
        n = chinese_number(m["a"])
        if _FREQUENCY.match(text[m.end():]) and not m.group(0).startswith("第"):
            continue  # "电话一天不止一通", "一天三次": how often, not which day
        if free(m) and n is not None and 0 < n <= 3650:
            taken.append(m.span())
            n *= 30 if m["m"] else 1
            add(m.start(), (n, n))
    return min(found)[1] if found else None


def days_label(days: tuple[int | None, int | None] | None) -> str:
    """A day range as readers read it: 逾期第2–5天, 逾期第30天起, 还款日前3天."""
    if days is None:
        return "时间未说明"
    start, end = days
    if start is None:
        return "还款日前" if end == 0 else f"还款日前{-end}天起" if end is not None and end < 0 else "时间未说明"
    if start <= 0 and end is not None and end <= 0:
        return "还款日当天" if start == 0 == end else f"还款日前{-start}天"
    if end is None:
        return f"逾期第{start}天起"
    if start == end:
        return f"逾期第{start}天"
    return f"逾期第{start}–{end}天"
