"""Text normalisation and decoding: pure functions on strings and bytes."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata

from bs4 import BeautifulSoup, Comment

from .rules import ACTIVE_ELEMENTS, ACTIVE_TAG_TOKEN, PERSONAL_DATA, SCRIPT_URL, TAG_START

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Characters after which / before which a Chinese sentence continues: Han and CJK punctuation.
CJK = HAN + r"\u3000-\u303f\uff00-\uffef"

_FULLWIDTH = {",": "，", ":": "：", "?": "？", "!": "！", ";": "；", "(": "（", ")": "）"}

# ASCII punctuation that touches a Chinese character on at least one side becomes full-width.
# Digits on both sides (8:00, 1,000) and URLs are left alone: a URL is protected first.
# ASCII only: in a str pattern \w would also match the Chinese text after the URL.
_URL = re.compile(r"(?:https?://|www\.)[A-Za-z0-9_\-./?%&=#:~+@!$,;]*[A-Za-z0-9_/#=]", re.I)
_PUNCT_AFTER_HAN = re.compile(rf"(?<=[{CJK}])([,:?!;])")
_PUNCT_BEFORE_HAN = re.compile(rf"([,:?!;])\s*(?=[{HAN}])")
_PAREN_PAIR = re.compile(rf"\(([^()]*[{HAN}][^()]*)\)")
_SPACES = re.compile(r"[ \t\u00a0\u2002-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def normalise(line: str) -> str:
    """Clean one line of running text: whitespace, invisible characters, punctuation width."""
    line = unicodedata.normalize("NFC", line)
    line = _ZERO_WIDTH.sub("", _CONTROL.sub("", line))
    line = _SPACES.sub(" ", line).strip()
    urls: list[str] = []

    def protect(m: re.Match[str]) -> str:
        urls.append(m.group(0))
        return f"\x00{len(urls) - 1}\x00"

    line = _URL.sub(protect, line)
    line = _PAREN_PAIR.sub(r"（\1）", line)
    line = _PUNCT_AFTER_HAN.sub(lambda m: _FULLWIDTH[m.group(1)], line)
    line = _PUNCT_BEFORE_HAN.sub(lambda m: _FULLWIDTH[m.group(1)], line)
    # A full-width mark needs no space after it; a space before another mark is kept, since
    # it is the trace of a censored word (a defect the cleaner reports).
    line = re.sub(r"([，：？！；（）、。])\s+(?=[^\s，：？！；、。])", r"\1", line)
    return re.sub(r"\x00(\d+)\x00", lambda m: urls[int(m.group(1))], line)


def strip_markup(text: str) -> tuple[str, list[str]]:
    """Markup found inside text → its text; active elements and script URLs go entirely.

    Returns the text and what was taken out, for the record.
    """
    found: list[str] = []
    # Unescaping entities can make new markup ("&lt;script&gt;" → "<script>"): repeat until
    # nothing tag-like is left.
    for _ in range(5):
        if not TAG_START.search(text):
            break
        soup = BeautifulSoup(text, "html.parser")
        for node in soup.find_all(string=lambda s: isinstance(s, Comment)):
            found.append("comment")
            node.extract()
        for tag in soup.find_all(ACTIVE_ELEMENTS):
            if not tag.decomposed:
                found.append(f"{tag.name} element")
                tag.decompose()
        stripped = soup.get_text("")
        if stripped == text:
            break  # '<' that starts no tag, e.g. "a < b"
        if not found:
            found.append("markup")
        text = stripped
    # Removing one token can join two halves into a new one ("<<script>script>"): repeat.
    while (stripped := ACTIVE_TAG_TOKEN.sub("", text)) != text:
        found.append("tag left as text")
        text = stripped
    text, n = SCRIPT_URL.subn("", text)
    if n:
        found.append("script URL")
    return text, found


def redact(text: str) -> tuple[str, list[str]]:
    """Personal data → a visible placeholder. Returns the text and what kinds were redacted."""
    found: list[str] = []
    for label, pattern in PERSONAL_DATA.items():
        text, n = pattern.subn(f"［{label}已隐去］", text)
        if n:
            found.append(f"{label} ×{n}")
    return text, found


_T2S = None


def to_simplified(text: str) -> str:
    """Traditional → Simplified Chinese (花唄 → 花呗), for matching and search only: articles
    are kept as written."""
    global _T2S
    if _T2S is None:
        from opencc import OpenCC

        _T2S = OpenCC("t2s")
    return _T2S.convert(text)


def is_traditional(text: str) -> bool:
    han = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    simple = to_simplified(text)
    if len(simple) != len(text):  # a phrase conversion changed the length: compare as sets
        return len(set(text) - set(simple)) >= 3
    changed = sum(a != b for a, b in zip(text, simple, strict=True) if "\u4e00" <= a <= "\u9fff")
    return changed >= 3 and changed / max(len(han), 1) >= 0.05


_DATE = re.compile(r"((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})")


def find_date(text: str) -> dt.date | None:
    """The first calendar date written in the text (2024-06-10, 2024/6/10, 2024年6月10日)."""
    m = _DATE.search(text)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def key(text: str) -> str:
    """A comparison key: the same words with punctuation and spacing ignored."""
    return re.sub(r"[\W_]+", "", normalise(text)).lower()


def short_hash(text: str, n: int = 8) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:n]


# --- Decoding --------------------------------------------------------------------------------

# Frequent Chinese characters (Simplified and Traditional forms): a decoding that yields many
# of them is the right one. GB18030 accepts almost any byte pairs, so "decodes without error"
# alone cannot tell GBK from Big5.
_COMMON = set(
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里"
    "用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实"
    "日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政"
    "美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员"
    "解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件"
    "计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象"
    "完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改"
    "收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调"
    "這個們來為國說時會對後裡動麼經從現當沒開長機與點業將兩間問題應戰頭體實種樣還進過發無關"
)


def decode(data: bytes) -> tuple[str, str]:
    """Decode a source file's bytes; return (text, encoding name).

    Raises UnicodeDecodeError when no supported encoding fits.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as first:
        candidates = []
        for enc in ("gb18030", "big5"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            han = [c for c in text if "\u4e00" <= c <= "\u9fff"]
            score = sum(c in _COMMON for c in han) / max(len(han), 1)
            candidates.append((score, enc, text))
        if not candidates:
            raise first
        score, enc, text = max(candidates)
        return text, enc
