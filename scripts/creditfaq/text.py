"""Text normalisation and decoding: pure functions on strings and bytes."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import unicodedata

from bs4 import BeautifulSoup, Comment

from . import rules
from .rules import ACTIVE_ELEMENTS, ACTIVE_TAG_TOKEN, SCRIPT_URL, TAG_START

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
    from .readers import nesting_depth

    if nesting_depth(text) > rules.MAX_HTML_NESTING:
        # too deep to parse safely: every tag token goes, the text between them stays
        text, n = re.subn(r"<[^<>]*>?", "", text)
        found.append(f"deeply nested markup ×{n}")
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


_FOLD = str.maketrans(dict(rules.COMPAT_FOLD))
# What a browser reads as the start of a tag, comment or declaration, or would once a later
# step took out the spaces: "<b", "</", "<!", "<?", "< b". ("a < 3" is text.)
_TAG_OPEN = re.compile(r"<\s*[A-Za-z/!?]")


def fold(text: str) -> str:
    """Invisible and control characters out, compatibility forms of ASCII letters, digits and
    < > in: the form every safety check reads text in."""
    return rules.INVISIBLE.sub("", text).translate(_FOLD)


def is_inert(text: str) -> bool:
    """No markup, and nothing that a later step could turn into markup."""
    view = fold(text)
    return not (_TAG_OPEN.search(view) or SCRIPT_URL.search(view))


def sanitise(text: str) -> tuple[str, list[str]]:
    """Any text from a source → text with no markup in it, however it was disguised.

    Folding comes first, so that no invisible character can hide a tag from the stripper and
    be deleted after it; then markup is stripped until nothing changes. Returns the text and
    what was taken out, for the record.
    """
    found: list[str] = []
    for _ in range(8):
        before = text
        text, taken = strip_markup(fold(text))
        found += taken
        if text == before:
            break
    if not is_inert(text):
        # what the parser let stand as text ("<?", "< b"): it keeps its words, with a bracket
        # that opens nothing
        found.append("markup left after stripping")
        while not is_inert(text):
            text = _TAG_OPEN.sub(lambda m: "〈" + m.group(0)[1:], SCRIPT_URL.sub("", fold(text)))
    return text, found


def safe_text(text: str) -> tuple[str, list[str], list[str]]:
    """Text from a source as it may be stored and published: sanitised, redacted, normalised,
    and checked again after the last step. Returns (text, markup taken out, personal data
    redacted)."""
    text, markup = sanitise(text)
    text, personal = redact(text)
    text, again = sanitise(normalise(text))
    return text, markup + again, personal


def _digits(run: str) -> str:
    return "".join(c for c in run if c.isdigit() or c in "Xx").upper()


def _personal_number(digits: str) -> str | None:
    """What a run of digits is, if it is personal: mobile, id or card."""
    if digits.startswith("0086") and rules.MOBILE.fullmatch(digits[4:]):
        return "mobile"
    if digits.startswith("86") and rules.MOBILE.fullmatch(digits[2:]):
        return "mobile"
    if rules.MOBILE.fullmatch(digits):
        return "mobile"
    if rules.NATIONAL_ID.fullmatch(digits):
        return "id"
    low, high = rules.BANK_CARD_DIGITS
    if "X" not in digits and low <= len(digits) <= high:
        return "card"
    return None


def _redact_numbers(text: str, counts: dict[str, int]) -> str:
    """Mobile, ID and card numbers however they are spaced: a run of digits and separators
    is split at its separators into groups, and the longest sequence of whole groups from
    each group on that has a personal shape is replaced."""

    def one_run(m: re.Match[str]) -> str:
        run = m.group(0)
        groups = [(g.start(), g.end()) for g in re.finditer(r"[0-9Xx]+", run)]
        out, i, last = [], 0, 0
        while i < len(groups):
            best = None
            digits = ""
            for j in range(i, len(groups)):
                digits += _digits(run[groups[j][0]:groups[j][1]])
                if len(digits) > 21:
                    break
                if (kind := _personal_number(digits)) is not None:
                    best = (j, kind)
            if best is None:
                i += 1
                continue
            j, kind = best
            # a +86 / (86) prefix before the first group goes with the number
            start = 0 if i == 0 else groups[i][0]
            out.append(run[last:start])
            out.append(f"［{rules.REDACTED[kind]}已隐去］")
            counts[kind] = counts.get(kind, 0) + 1
            last = groups[j][1]
            i = j + 1
        out.append(run[last:])
        return "".join(out)

    return rules.DIGIT_RUN.sub(one_run, text)


def redact(text: str) -> tuple[str, list[str]]:
    """Personal data → a visible placeholder, in whatever form it is written (full-width,
    spaced, dotted, dashed). Returns the text and what kinds were redacted."""
    counts: dict[str, int] = {}
    text = fold(text)

    def sub(kind: str, pattern: re.Pattern[str], keep=lambda m: False) -> None:
        nonlocal text

        def repl(m: re.Match[str]) -> str:
            if keep(m):
                return m.group(0)
            counts[kind] = counts.get(kind, 0) + 1
            return f"［{rules.REDACTED[kind]}已隐去］"

        text = pattern.sub(repl, text)

    sub("email", rules.EMAIL, keep=lambda m: m["domain"].lower().endswith(rules.PUBLIC_EMAIL_DOMAINS))
    sub("wechat", rules.WECHAT_ID)
    sub("qq", rules.QQ_NUMBER)
    text = _redact_numbers(text, counts)
    return text, [f"{rules.REDACTED[k]} ×{n}" for k, n in counts.items()]


def has_personal_data(text: str) -> bool:
    return redact(text)[0] != fold(text)


_T2S = None


@functools.lru_cache(maxsize=200_000)
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


_DATE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


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
