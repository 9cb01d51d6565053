"""Unit tests for creditfaq.days: the day convention (due date = 0, first overdue day = 1)."""

from __future__ import annotations

import pytest

from creditfaq.days import chinese_number, parse_days


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Before the due date: negative days.
        ("还款日前3天", (-3, -3)),
        ("还款日前三天会发短信提醒", (-3, -3)),
        ("还款日前 7 天", (-7, -7)),
        ("还款日前1-3天会通过短信提醒", (-3, -1)),  # a range before the due date
        ("提前1到3天提醒", (-3, -1)),
        ("还款日之前", (None, 0)),
        ("在还款日前提醒用户", (None, 0)),
        # The first overdue day is 1.
        ("逾期当天", (1, 1)),
        ("逾期第一天会收到短信", (1, 1)),
        ("逾期一天", (1, 1)),
        ("逾期1天", (1, 1)),
        ("第二天", (2, 2)),
        ("逾期第二天客服会来电", (2, 2)),
        ("第15日", (15, 15)),
        ("第十天", (10, 10)),
        # Pairs and ranges.
        ("两三天", (2, 3)),
        ("逾期两三天", (2, 3)),
        ("逾期十五六天", (15, 16)),  # a pair after a tens numeral
        ("二十五六天", (25, 26)),
        ("逾期九十天以上", (90, None)),  # 九十 is ninety, not the pair nine-ten
        ("九十天", (90, 90)),
        ("逾期九十多天", (90, None)),  # N多天: more than N days
        ("三十多天没还", (30, None)),
        ("一两天", (1, 2)),
        ("1-3天", (1, 3)),
        ("逾期1-3天会收到短信", (1, 3)),
        ("3～7日", (3, 7)),
        ("7~15天", (7, 15)),
        ("2到3天", (2, 3)),
        ("5至10天", (5, 10)),
        ("7-3天", (3, 7)),  # reversed range comes back ordered
        # Chinese numerals and units.
        ("十五天", (15, 15)),
        ("逾期三十天", (30, 30)),
        ("二十天", (20, 20)),
        ("一百八十天", (180, 180)),
        ("一周", (7, 7)),
        ("半个月", (15, 15)),
        ("一个月", (30, 30)),
        ("三个月", (90, 90)),
        ("半年", (180, 180)),
        # Open-ended.
        ("超过90天", (90, None)),
        ("90天以上", (90, None)),
        ("逾期90天以上", (90, None)),
        ("超过十五天", (15, None)),
        ("逾期3天后", (3, None)),
        # Forms of "from day N on" that spun and colloquial text use.
        ("满7天以后", (7, None)),
        ("从第30天起", (30, None)),
        ("90天+", (90, None)),
        ("逾期10天以后", (10, None)),
        ("逾期第1天就开始计收罚息", (1, None)),
        ("还款日次日", (1, 1)),
        ("还款日那天", (0, 0)),
        # A leading day number is a day, not list numbering.
        ("2-20天", (2, 20)),
        ("61天以上", (61, None)),
        # Ranges with a unit on both ends, the day after, an ordinal week.
        ("逾期第2天至第6天", (2, 6)),
        ("从逾期次日起计收罚息", (1, None)),
        ("到了第三个星期", (15, 21)),
    ],
)
def test_parse_days_convention(text: str, expected: tuple[int | None, int | None]) -> None:
    assert parse_days(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "按时还款不会影响征信", "借款1000元", "利率为百分之五", "尽快联系客服", "活动时间为5月1日至7日"],
)
def test_parse_days_none_when_no_day_is_stated(text: str) -> None:
    assert parse_days(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("不是第二天", None),
        ("并非逾期当天", None),
        ("没有到第三天", None),
        ("不是第二天，而是第三天", (3, 3)),
        ("不会在第二天就打电话，通常在第五天", (5, 5)),
        ("并不是逾期当天，而是逾期一周后", (7, None))  # "…后": from then on,
    ],
)
def test_parse_days_skips_negated_mentions(text: str, expected: tuple[int | None, int | None] | None) -> None:
    assert parse_days(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("逾期第一天发短信，第三天打电话", (1, 1)),
        ("第三天打电话，逾期第一天发短信", (3, 3)),
        ("逾期1-3天短信提醒，超过90天委外", (1, 3)),
        ("半个月后可能会有上门，此前一周会电话", (15, None)),
    ],
)
def test_parse_days_returns_the_first_range_in_the_text(text: str, expected: tuple[int | None, int | None]) -> None:
    assert parse_days(text) == expected


def test_parse_days_before_due_date_is_not_read_as_a_positive_day() -> None:
    # "还款日前3天" must not fall through to the plain "3天" → (3, 3).
    assert parse_days("在还款日前3天") == (-3, -3)


@pytest.mark.parametrize("text", ["还款日当天", "还款日当天会收到提醒"])
def test_parse_days_due_date_is_zero(text: str) -> None:
    assert parse_days(text) == (0, 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("超过一个月", (30, None)), ("半年以上", (180, None)), ("超过三个月", (90, None))],
)
def test_parse_days_open_ended_phrases(text: str, expected: tuple[int | None, int | None]) -> None:
    assert parse_days(text) == expected


@pytest.mark.parametrize(("text", "expected"), [("逾期3个月", (90, 90)), ("逾期1-3个月", (30, 90))])
def test_parse_days_digit_months(text: str, expected: tuple[int | None, int | None]) -> None:
    assert parse_days(text) == expected


def test_parse_days_ignores_calendar_dates() -> None:
    assert parse_days("本文更新于2023年10月15日") is None


# --- chinese_number ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15", 15),
        ("0", 0),
        ("一", 1),
        ("两", 2),
        ("兩", 2),
        ("〇", 0),
        ("十", 10),
        ("十五", 15),
        ("二十", 20),
        ("三十五", 35),
        ("九十", 90),
        ("一百", 100),
        ("一百八十", 180),
        ("一百零五", 105),
        ("三百六十五", 365),
    ],
)
def test_chinese_number(text: str, expected: int) -> None:
    assert chinese_number(text) == expected


@pytest.mark.parametrize("text", ["abc", "十五天", "1五", "半"])
def test_chinese_number_rejects_non_numbers(text: str) -> None:
    assert chinese_number(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("罚息从逾期第一天就开始算", (1, None)), ("逾期当天便开始计收", (1, None)), ("第三天才开始打电话", (3, None)),
     ("电话一天可能不止一通", None), ("一天打三次", None), ("第一天打了两次", (1, 1)), ("逾期3天个人征信受影响", (3, 3))],
)
def test_parse_days_beginnings_are_open_and_frequencies_are_no_day(text: str, expected) -> None:
    assert parse_days(text, vague=False) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("逾期第三至第五天", (3, 5)), ("逾期一到两周时", (7, 14)), ("前一周基本是短信", (1, 7)), ("头三天", (1, 3)),
     ("逾期一个多月后", (30, None)), ("还款日前一周", (-7, -7)), ("信用卡有3天左右的宽限期", (1, 3))],
)
def test_parse_days_ranges_weeks_and_first_days(text: str, expected) -> None:
    assert parse_days(text, vague=False) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("逾期7天通知家人", (7, 7)), ("逾期3天通过短信提醒", (3, 3)), ("还款日会提前3天短信提醒", (-3, -3)),
     ("提前一周短信提醒", (-7, -7)), ("逾期三个月以内", (1, 90)), ("逾期3个月以内", (1, 90)), ("逾期一周内", (1, 7))],
)
def test_parse_days_words_that_look_like_counts_and_days_before_the_due_date(text: str, expected) -> None:
    assert parse_days(text, vague=False) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a run of days from the day after the due date
        ("扣款失败的，将于次日起连续3日再次尝试扣款", (1, 3)),
        ("第二天起连续五天都会打电话", (1, 5)),
        # "even just N days": from that day on
        ("哪怕只逾期1天，额度也会被冻结", (1, None)),
        ("即使只晚还两天，也会收取罚息", (2, None)),
        ("就算只逾期了3天也可能上报", (3, None)),
        # "this week", "these three months": the period stated around it, no day of its own
        ("这一周里，会按日收取罚息", None),
        ("这两周主要是电话提醒", None),
        ("这个月内还清就没事", None),
        # how often, not which day
        ("客服会打电话提醒，一天一般不超过两次", None),
        ("每天最多打三次电话", None),
        # the plain forms are unchanged
        ("逾期一周后会委外", (7, None)),
        ("连续逾期3期", None),
    ],
)
def test_runs_even_just_and_this_period(text: str, expected) -> None:
    assert parse_days(text, vague=False) == expected
