"""The site's search: what the browser needs to read a reader's query the way the pages are
written, and the Pagefind index over the built pages.

The index and retrieval are Pagefind's (a static, chunked index: the first search fetches
the pieces for its words, not the whole index). In front of it, assets/javascripts/search.js
reads the query with the lexicon written here: Traditional → Simplified, product names and
aliases, homophone typos (花被 → 花呗) and pinyin (huabei) by a char → pinyin table, numerals
(三天 = 3天, 一个月 = 30天), readers' words → the pages' words (data/search.yml), question
phrasing, and the pages a query is about. Everything here is computed from data: the product
registry, the glossary, data/search.yml and the topic pages' titles.
"""

from __future__ import annotations

import functools
import re
import subprocess
import sys
from pathlib import Path

from .model import GlossaryTerm, Product, SearchVocabulary
from .rules import BRANDS, GENERIC_TAILS, SEARCH_TERMS, TOPIC_PAGES
from .text import to_simplified

LEXICON = "assets/search-lexicon.json"
# How many of the most frequent characters (by jieba's dictionary) the pinyin table covers:
# a typo is a common character typed for another with the same sound.
COMMON_CHARS = 3500
# Traditional characters folded for the words of the site and for the most common of the rest:
# what else a query says in Traditional goes to the index as it is.
TRADITIONAL_CHARS = 1500
# Words the site is about: a query with one of them is in scope even if it says 办理 or 申请.
IN_SCOPE = ("逾期", "征信", "催收", "催款", "还款", "还不上", "投诉", "爆通讯录", "协商", "起诉", "罚息", "不良记录",
            "信用报告", "黑名单", "上门", "骚扰", "违约金", "滞纳金", "利息太高", "欠款")

_HAN = re.compile(r"[\u4e00-\u9fff]")


@functools.lru_cache(maxsize=1)
def _char_frequency() -> dict[str, int]:
    """Character → summed frequency of the words it is in, from jieba's dictionary."""
    import importlib.util

    spec = importlib.util.find_spec("jieba")  # its dictionary only: importing jieba warns about pkg_resources
    assert spec is not None and spec.origin is not None
    path = Path(spec.origin).with_name("dict.txt")
    freq: dict[str, int] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            word, count, *_ = line.split(" ")
            n = int(count)
            for ch in word:
                if _HAN.match(ch):
                    freq[ch] = freq.get(ch, 0) + n
    return freq


@functools.lru_cache(maxsize=1)
def common_chars() -> tuple[str, ...]:
    freq = _char_frequency()
    return tuple(sorted(freq, key=lambda c: (-freq[c], c))[:COMMON_CHARS])


def pinyin(ch: str) -> str:
    """A character's most common reading, without tone: 呗 → bei."""
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(ch, style=Style.NORMAL, errors="ignore")[0] if _HAN.match(ch) else ""


def pinyin_table(words: list[str]) -> dict[str, str]:
    """syllable → the common characters read so (and every character of `words`), for the
    syllables the site's own words use: the browser finds a typo by comparing sounds."""
    syllables: dict[str, dict[str, None]] = {}
    for w in words:
        for ch in w:
            if s := pinyin(ch):
                syllables.setdefault(s, {})[ch] = None
    for ch in common_chars():
        s = pinyin(ch)
        if s in syllables:
            syllables[s][ch] = None
    return {s: "".join(chars) for s, chars in sorted(syllables.items())}


def traditional_table(chars: set[str]) -> list[str]:
    """Two strings of the same length, Traditional and its Simplified, for every character of
    OpenCC's table whose Simplified form is common or one of the site's: 唄 → 呗, 會 → 会."""
    import opencc

    path = Path(opencc.__file__).with_name("dictionary") / "TSCharacters.txt"
    keep = set(common_chars()[:TRADITIONAL_CHARS]) | chars
    trad, simp = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or len(parts[0]) != 1:
            continue
        target = parts[1].split(" ")[0]
        if len(target) == 1 and target != parts[0] and target in keep:
            trad.append(parts[0])
            simp.append(target)
    return ["".join(trad), "".join(simp)]


# The pages a query can be about besides products and topics: path → (title, kind).
READER_PAGES = {
    "self-check/": ("逾期自查：逾期几天了，会怎样？", "tool"),
    "regulations/": ("法律法规与监管规定", "reference"),
    "glossary/": ("术语表", "reference"),
    "questions/": ("读者常问的问题", "index"),
    "products/": ("产品列表", "index"),
    "topics/": ("专题", "index"),
}


def search_targets(product_pages: dict[str, str], thin: frozenset[str] = frozenset()) -> dict[str, tuple[str, str]]:
    """The pages a query can be about, path → (title, kind): `product_pages` (id → name) are
    the products that have a page; `thin`, those whose page says 暂无可靠资料 (found by their
    name, ranked low otherwise). The lexicon lists them; check refuses any other page in
    data/search.yml."""
    pages = {f"products/{pid}/": (f"{name}逾期会怎样？", "thin" if pid in thin else "product")
             for pid, name in product_pages.items()}
    pages["topics/overdue-days/"] = ("逾期几天会怎样：各产品逾期时间线对比", "topic")
    pages.update({f"topics/{slug}/": (title, "topic") for slug, title, _, _ in TOPIC_PAGES})
    pages.update(READER_PAGES)
    return pages


def lexicon(products: list[Product], vocabulary: SearchVocabulary | None, glossary: list[GlossaryTerm],
            pages: dict[str, tuple[str, str]]) -> dict:
    """Everything search.js needs besides Pagefind's index. `pages`: path → (title, kind) of
    the pages a query can be about (products, topics, tools)."""
    vocabulary = vocabulary or SearchVocabulary()
    simp = to_simplified
    entries: dict[str, dict] = {}
    names: dict[str, list[str]] = {}  # a name as a query may write it → the products it means
    short: dict[str, list[str]] = {}
    for p in products:
        path = f"products/{p.id}/"
        if path not in pages:
            continue
        own = list(dict.fromkeys(simp(n).lower() for n in (p.name, *p.aliases) if n.strip()))
        entries[p.id] = {"name": p.name, "page": path}
        for n in own:
            names.setdefault(n, []).append(p.id)
            # short names, as readers write them: 月付 for 美团月付 (and 抖音月付: then both),
            # from the product's own name as the extractor takes them (an alias's tail, 网贷 of
            # 360网贷, is no name); 美团 for every product any of whose names has the brand
            for brand in BRANDS:
                if n.startswith(brand):
                    tail = n[len(brand):]
                    if n == simp(p.name).lower() and len(tail) >= 2 and tail not in GENERIC_TAILS:
                        short.setdefault(tail, []).append(p.id)
                    short.setdefault(brand, []).append(p.id)
    for text, ids in short.items():
        if text not in names:
            names[text] = list(dict.fromkeys(ids))
    synonyms: dict[str, str] = {}
    for group in vocabulary.synonyms:
        for w in group.words:
            if w.strip():
                synonyms.setdefault(simp(w).lower(), simp(group.means).lower())
    page_words: dict[str, list[str]] = {}
    for entry in vocabulary.pages:
        path = entry.page.strip("/") + "/"
        for w in entry.words:
            if w.strip() and path in pages:
                page_words.setdefault(simp(w).lower(), []).append(path)
    for slug, title, _, _ in TOPIC_PAGES:  # a topic page answers its own title
        page_words.setdefault(simp(title).lower(), []).append(f"topics/{slug}/")
    terms = sorted({simp(t).lower() for t in (*SEARCH_TERMS, *IN_SCOPE, *synonyms.values(), *page_words,
                                               *(n for t in glossary for n in (t.term, *t.aliases)))} - {""})
    oos = vocabulary.out_of_scope
    all_words = list(names) + terms + list(synonyms)
    used = {ch for w in all_words for ch in w}
    return {
        "products": entries,
        "names": {n: ids for n, ids in sorted(names.items())},
        "synonyms": synonyms,
        "pages": page_words,
        "terms": terms,
        "titles": {path: {"title": title, "kind": kind} for path, (title, kind) in sorted(pages.items())
                   if kind != "product"},
        "in_scope": [simp(w) for w in IN_SCOPE],
        "out_of_scope": {"answer": oos.answer, "subjects": [simp(w) for w in oos.subjects],
                         "actions": [simp(w) for w in oos.actions]} if oos else None,
        "question_words": sorted({simp(w) for w in vocabulary.question_words}, key=lambda w: (-len(w), w)),
        "pinyin": pinyin_table(list(names) + terms),
        "traditional": traditional_table(used),
    }


# --- the index --------------------------------------------------------------------------------

# What the index leaves out of the pages it reads: the law lists every product page repeats
# (they are on the regulations page, which is indexed), the notes every page has, the general
# practice every product page shows, the footnotes' source titles. Left in, a query for any
# law word matched forty product pages alike.
SEARCH_EXCLUDE = (".cf-laws", ".cf-boilerplate", "details.cf-general", ".footnote", ".md-source-file",
                  ".headerlink",  # the heading's # permalink, which would end every title
                  ".cf-edit",  # the writers' 编辑此页 link
                  ".cf-infobox")  # the product box: its metadata made the excerpt; the names are in the tags


def build_index(site: Path) -> str | None:
    """Pagefind over the built site (the pages that carry data-pagefind-body). None when done,
    else what went wrong."""
    import importlib.util

    if importlib.util.find_spec("pagefind_bin_extended") is None:
        # the plain binary has no Chinese word segmentation: an index built with it finds little
        return "pagefind_bin_extended is not installed (pip install 'pagefind[extended]'; make site does it)"
    # run in the site folder, so that no pagefind.yml of the caller's folder is read
    done = subprocess.run([sys.executable, "-m", "pagefind", "--site", ".", "--quiet",
                           *(arg for sel in SEARCH_EXCLUDE for arg in ("--exclude-selectors", sel))],
                          cwd=site, capture_output=True, text=True)
    if done.returncode != 0:
        return (done.stderr or done.stdout).strip()[-2000:] or f"pagefind exited with {done.returncode}"
    return preload_index(site)


PRELOAD_MARK = "<!-- cf-pagefind-preload: the index's metadata and WebAssembly, named once the index is built -->"


def preload_index(site: Path) -> str | None:
    """The search page asks for the index's metadata and WebAssembly with the page itself:
    their names (a hash, the language) are known only now, after Pagefind has run. Without
    this they come two round trips later, after pagefind.js and its entry file."""
    import html
    import json

    page = site / "search" / "index.html"
    try:
        entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
        names = [name for lang in entry["languages"].values()
                 for name in (f"pagefind.{lang['hash']}.pf_meta", f"wasm.{lang.get('wasm') or 'unknown'}.pagefind")]
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
        return f"Pagefind's entry file is not as expected ({e!r}): a Pagefind version this code does not know?"
    missing = [n for n in names if not (site / "pagefind" / n).is_file()]
    text = page.read_text(encoding="utf-8") if page.is_file() else ""
    if missing or PRELOAD_MARK not in text:
        return f"the search page or the index is not as expected (missing: {missing or PRELOAD_MARK})"
    links = [f'<link rel="preload" href="../pagefind/{html.escape(n)}" as="fetch" crossorigin>' for n in names]
    page.write_text(text.replace(PRELOAD_MARK, "\n    ".join(links)), encoding="utf-8")
    return None
