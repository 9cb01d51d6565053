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
