"""Unit tests for creditfaq.text: normalise(), key(), short_hash(), decode()."""

from __future__ import annotations

import pytest

from creditfaq.text import decode, key, normalise, short_hash

# --- normalise: punctuation width -------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("花呗逾期了,怎么办", "花呗逾期了，怎么办"),
        ("注意:逾期会影响征信", "注意：逾期会影响征信"),
        ("借呗可以提前还款吗?", "借呗可以提前还款吗？"),
        ("花呗;借呗", "花呗；借呗"),
        ("千万不要拖欠!", "千万不要拖欠！"),
        # Punctuation after a digit but before a Chinese character is Chinese punctuation too.
        ("费用为1,000元,请按时还款", "费用为1,000元，请按时还款"),
        ("时间是8:00,别忘了", "时间是8:00，别忘了"),
        # A space after the converted mark is dropped.
        ("逾期了? 怎么办", "逾期了？怎么办"),
        ("信用卡, 花呗", "信用卡，花呗"),
        # ASCII text before a Chinese word: the mark still touches Chinese.
        ("ok,花呗", "ok，花呗"),
        # Parentheses around Chinese text become full-width.
        ("还款(最低还款额)", "还款（最低还款额）"),
    ],
)
def test_normalise_ascii_punctuation_next_to_chinese_becomes_full_width(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "借呗额度是1,000元",
        "每天8:00发送提醒",
        "逾期1-3天会收到短信",
        "逾期3～7日会有电话",
        "Hello, world: ok?",
        "version 1.2, build 3:4",
        "(ASCII only)",
    ],
)
def test_normalise_leaves_numbers_times_ranges_and_ascii_alone(raw: str) -> None:
    assert normalise(raw) == raw


@pytest.mark.parametrize(
    ("raw", "url"),
    [
        ("链接:https://example.com/a?b=1,2&c=3:4 ,点击即可", "https://example.com/a?b=1,2&c=3:4"),
        ("官网www.example.com/help?x=1;y=2 查看", "www.example.com/help?x=1;y=2"),
        ("详见 http://example.com:8080/path,more?q=a:b 。", "http://example.com:8080/path,more?q=a:b"),
    ],
)
def test_normalise_keeps_urls_intact(raw: str, url: str) -> None:
    out = normalise(raw)
    assert url in out
    # The Chinese text around the URL is still normalised.
    assert out.startswith(("链接：", "官网", "详见"))


def test_normalise_converts_punctuation_around_a_url() -> None:
    out = normalise("链接:https://a.com/x?y=1 ,点击即可")
    assert out == "链接：https://a.com/x?y=1 ，点击即可"


def test_normalise_url_followed_directly_by_chinese() -> None:
    out = normalise("详情见https://example.com/faq,请尽快还款,谢谢")
    assert "https://example.com/faq" in out
    assert out.endswith("请尽快还款，谢谢")


# --- normalise: whitespace and invisible characters -------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("花呗\u00a0\u00a0还款", "花呗 还款"),  # non-breaking spaces collapse to one space
        ("repay\u00a0now", "repay now"),
        ("\u3000\u3000花呗逾期会上征信吗", "花呗逾期会上征信吗"),  # ideographic indentation
        ("  前后空格  ", "前后空格"),
        ("逾期\t\t三天", "逾期 三天"),
        ("a\u2009b\u202fc\u205fd", "a b c d"),  # thin / narrow / math spaces
        ("花\u200b呗", "花呗"),  # zero-width space
        ("借\u200c呗\u200d额度", "借呗额度"),  # zero-width (non-)joiner
        ("信\u2060用卡", "信用卡"),  # word joiner
        ("\ufeff还款日", "还款日"),  # stray BOM
        ("征\x00信\x07报告\x1f", "征信报告"),  # control characters
        ("花呗逾期\r", "花呗逾期"),
    ],
)
def test_normalise_cleans_whitespace_and_invisible_characters(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_normalise_composes_unicode() -> None:
    # NFC: e + combining acute accent becomes a single code point.
    assert normalise("cafe\u0301") == "caf\u00e9"


def test_normalise_keeps_the_space_that_marks_a_censored_word() -> None:
    # A space before another mark is the trace of a removed word; the cleaner reports it.
    assert normalise("通过短信、 、邮件联系") == "通过短信、 、邮件联系"
    assert normalise("催收 :会打电话") == "催收 ：会打电话"


def test_normalise_is_idempotent() -> None:
    raw = "花呗逾期了,怎么办?\u00a0详见https://example.com/a,b 。费用1,000元(含利息)"
    once = normalise(raw)
    assert normalise(once) == once


# --- key, short_hash ---------------------------------------------------------------------------


def test_key_ignores_punctuation_width_and_spacing() -> None:
    assert key("花呗逾期了,怎么办?") == key("花呗逾期了，怎么办？") == key(" 花呗 逾期了 怎么办 ")
    assert key("APP Push") == key("app-push") == "apppush"
    assert key("花呗逾期") != key("借呗逾期")


def test_short_hash_is_stable_hex() -> None:
    h = short_hash("花呗")
    assert h == short_hash("花呗")
    assert len(h) == 8 and all(c in "0123456789abcdef" for c in h)
    assert len(short_hash("花呗", 12)) == 12
    assert short_hash("花呗") != short_hash("借呗")


# --- decode --------------------------------------------------------------------------------------

SIMPLIFIED = "花呗逾期以后，平台会先用短信提醒用户还款，长期拖欠则可能影响个人征信记录。"
TRADITIONAL = "花唄逾期以後，平台會先用簡訊提醒用戶還款，長期拖欠則可能影響個人信用紀錄。"


def test_decode_utf8() -> None:
    assert decode(SIMPLIFIED.encode("utf-8")) == (SIMPLIFIED, "utf-8")


def test_decode_utf8_with_bom_strips_the_bom() -> None:
    text, enc = decode(b"\xef\xbb\xbf" + SIMPLIFIED.encode("utf-8"))
    assert text == SIMPLIFIED
    assert not text.startswith("\ufeff")
    assert enc == "utf-8-sig"


def test_decode_utf16_with_bom() -> None:
    text, enc = decode(SIMPLIFIED.encode("utf-16"))
    assert text == SIMPLIFIED
    assert enc == "utf-16"


@pytest.mark.parametrize("codec", ["gbk", "gb18030", "gb2312"])
def test_decode_gb_family(codec: str) -> None:
    data = SIMPLIFIED.encode(codec)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # the fallback path is really exercised
    text, enc = decode(data)
    assert text == SIMPLIFIED
    assert enc in ("gbk", "gb18030")


def test_decode_gb18030_only_characters() -> None:
    # A character outside GBK (four-byte GB18030 sequence) survives.
    raw = "还款日𠀀提醒"
    text, enc = decode(raw.encode("gb18030"))
    assert (text, enc) == (raw, "gb18030")


@pytest.mark.parametrize(
    "traditional",
    [
        TRADITIONAL,
        "信用卡帳單到期後，銀行會以電話與簡訊通知持卡人繳款。",
        "借唄額度",
        "逾期當天會收到簡訊",
        "滯納金",
    ],
)
def test_decode_big5_returns_the_same_traditional_text(traditional: str) -> None:
    data = traditional.encode("big5")
    text, enc = decode(data)
    assert text == traditional
    assert enc == "big5"


def test_decode_keeps_crlf_lines_splittable() -> None:
    for codec in ("utf-8", "gbk", "big5"):
        raw = "第一行說明\r\n第二行說明\r\n" if codec == "big5" else "第一行说明\r\n第二行说明\r\n"
        text, _ = decode(raw.encode(codec))
        assert text.splitlines() == raw.splitlines()
        assert all("\r" not in line for line in text.splitlines())
        assert len(text.splitlines()) == 2


@pytest.mark.parametrize("data", [b"\xff\xff\xff\xff", b"\x80abc", bytes(range(0x80, 0x100))])
def test_decode_undecodable_bytes_raise(data: bytes) -> None:
    with pytest.raises(UnicodeDecodeError):
        decode(data)


def test_decode_empty_and_ascii() -> None:
    assert decode(b"") == ("", "utf-8")
    assert decode(b"To Top\n") == ("To Top\n", "utf-8")
