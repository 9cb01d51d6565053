"""Property-based tests: the cleaner never raises, and never lets active markup through."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from creditfaq.clean import clean
from creditfaq.readers import read_html, read_markdown, read_text
from creditfaq.render import article_page
from creditfaq.text import decode

# Pieces of the hostile web, mixed with Chinese text and arbitrary characters.
HOSTILE = [
    "<script>alert(1)</script>", "<SCRIPT SRC=//x.example/a.js></SCRIPT>", "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>", "<iframe src='https://x.example'></iframe>", "<object data=x></object>",
    "<embed src=x>", "<style>body{background:url(javascript:alert(1))}</style>", "<a href='javascript:alert(1)'>点</a>",
    "<div style=\"width:expression(alert(1))\">字</div>", "<!-- 注释 -->", "<p onclick='x()'>段落</p>",
    "<form action=x><input name=q></form>", "<base href='https://x.example/'>", "<meta http-equiv=refresh content=0>",
    "<math><mi xlink:href=javascript:alert(1)>", "<noscript><img src=x></noscript>", "javascript:alert(1)",
    "<ScRiPt>a</sCrIpT>", "<<script>script>", "<scr<script>ipt>", "&lt;script&gt;", "<p>", "</div>", "<br/>",
    "&#", "&#x3c;script&#x3e;", "<!--", "<![CDATA[<script>x</script>]]>",
]
CHINESE = ["花呗逾期", "征信", "催收", "：", "，", "。", "相关内容:", "To Top", "发布时间:2024-01-02", "1. ", "一、",
           "\n", "\n\n", " ", "\u00a0", "\u200b", "，13812345678，", "95188"]
fragments = st.lists(st.one_of(st.sampled_from(HOSTILE), st.sampled_from(CHINESE), st.text(max_size=20)), max_size=30)

ACTIVE = re.compile(r"<\s*(script|iframe|object|embed|style|svg|math|form|img|base|meta|link|noscript)\b|"
                    r"\bon[a-z]+\s*=|javascript\s*:|vbscript\s*:", re.I)


def _published(article) -> list[str]:
    return [article.title, *article.related_titles, *(s.heading or "" for s in article.sections),
            *(p.text for p in article.paragraphs())]


def _clean(doc):
    try:
        return clean(doc, article_id="x", source="s", sha256="0" * 64, encoding="utf-8")
    except ValueError as exc:  # the one documented refusal: a page with no text at all
        assert "no text" in str(exc)
        return None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fragments, st.sampled_from([read_text, read_markdown, read_html]))
def test_cleaner_never_raises_and_never_keeps_active_markup(parts: list[str], reader) -> None:
    article = _clean(reader("".join(parts)))
    if article is None:
        return
    for text in _published(article):
        assert not ACTIVE.search(text), text
        assert "13812345678" not in text


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_decoding_arbitrary_bytes_either_works_or_raises_unicode_error(data: bytes) -> None:
    try:
        text, encoding = decode(data)
    except UnicodeDecodeError:
        return
    assert isinstance(text, str) and encoding
    _clean(read_text(text))


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1, max_size=200))
def test_cleaner_accepts_any_text(text: str) -> None:
    for reader in (read_text, read_markdown, read_html):
        _clean(reader(text))


@settings(max_examples=100, deadline=None)
@given(fragments)
def test_rendered_markdown_has_no_raw_markup_from_the_source(parts: list[str]) -> None:
    import markdown

    article = _clean(read_text("".join(parts) or "标题"))
    if article is None or not article.relevant:
        return
    page = article_page(article, [])
    front, body = re.match(r"---\n(.*?)\n---\n(.*)", page, re.S).groups()  # MkDocs reads front matter as YAML
    assert not ACTIVE.search(front), front
    html = markdown.markdown(body, extensions=["attr_list", "admonition", "footnotes"])
    assert not ACTIVE.search(html), html


# --- the sanitiser and redaction, as classes -------------------------------------------------

from creditfaq.text import fold, is_inert, normalise, redact, safe_text, sanitise  # noqa: E402

INVISIBLE = st.sampled_from(["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\x00", "\x01", "\x08", "\x1f",
                             "\x7f", "\x85", "\u202e", "\u2028", "\u2029", "\u180e", "\U000e0041"])
TAGGY = st.sampled_from(["<", ">", "</", "<!--", "script", "img", "svg", "iframe", " src=x", " onerror=", "alert(1)",
                         "javascript", "vbscript", ":", "：", "/", "＜", "＞", "ｓｃｒｉｐｔ", "ｊａｖａ", "&lt;", "&#60;",
                         "&#x3c;", "&", ";", "=", '"', "'", "`", " ", "\n", "花呗", "逾期"])
messy = st.lists(st.one_of(st.text(max_size=6), INVISIBLE, TAGGY), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(messy)
def test_sanitised_text_stays_inert_through_every_later_step(text: str) -> None:
    out, _ = sanitise(text)
    assert is_inert(out), repr(out)
    assert sanitise(out)[0] == out, "sanitising twice changes the text"
    for step in (normalise, fold, lambda t: redact(t)[0], lambda t: t.replace(" ", "")):
        assert is_inert(step(out)), (step, repr(step(out)))
    published, _, _ = safe_text(text)
    assert is_inert(published) and is_inert(normalise(published)), repr(published)


SEPARATORS = st.sampled_from(["", " ", "  ", ".", "-", "–", "—", "－", "‐", "‑", "/", "\u200b", "\u3000", "\u00a0", "·"])


def _spelled(digits: str, seps: list[str], wide: list[bool]) -> str:
    out = ""
    for i, d in enumerate(digits):
        out += chr(ord(d) + 0xFEE0) if wide[i % len(wide)] else d
        if i < len(digits) - 1:
            out += seps[i % len(seps)]
    return out


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["13", "15", "17", "18", "19"]), st.text("0123456789", min_size=9, max_size=9),
       st.lists(SEPARATORS, min_size=1, max_size=10), st.lists(st.booleans(), min_size=1, max_size=4),
       st.sampled_from(["", "+86 ", "0086-", "(86)"]), st.sampled_from(["电话", "联系我", "，", "催收员号码是"]),
       st.sampled_from(["", "。", "，谢谢", "联系"]))
def test_a_mobile_number_is_redacted_however_it_is_written(head, rest, seps, wide, prefix, before, after) -> None:
    number = head + rest
    written = before + prefix + _spelled(number, seps, wide) + after
    out, found = redact(written)
    digits = "".join(c for c in fold(out) if c.isdigit())
    assert number not in digits and "［手机号已隐去］" in out, (written, out)
    assert found


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(["95188", "95555", "12363", "12378", "400-820-8888", "800-830-8008", "110"]),
       st.sampled_from(["客服电话", "拨打", "热线：", ""]), st.sampled_from(["。", "咨询", "，"]))
def test_public_service_numbers_are_never_redacted(number, before, after) -> None:
    assert redact(before + number + after)[0] == before + number + after
