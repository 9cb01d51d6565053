"""The site's search: the lexicon the build writes (Python), and the search page in Chromium
at 390 px, typed as a phone's pinyin IME commits text (two characters at a time, no key
events), scored on the query sets of tests/eval/search/ against their pinned floors.

Needs `apt-get install chromium fonts-noto-cjk` (done by .ci/run) for the browser part;
CREDITFAQ_SKIP_BROWSER=1 skips it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT

from creditfaq.model import Product, SearchSynonym, SearchVocabulary
from creditfaq.search import lexicon, pinyin_table, traditional_table

SETS = ROOT / "tests/eval/search"


def _product(pid: str, name: str, *aliases: str) -> Product:
    return Product(id=pid, name=name, aliases=list(aliases), category="消费信贷")


def _pages(*products: Product) -> dict[str, tuple[str, str]]:
    return {f"products/{p.id}/": (p.name, "product") for p in products}


# --- the lexicon -------------------------------------------------------------------------------


def test_a_short_name_two_products_share_means_both_and_an_aliases_tail_means_none() -> None:
    products = [_product("mt-yuefu", "美团月付"), _product("dy-yuefu", "抖音月付"),
                _product("jt", "360借条", "360网贷"), _product("bt", "京东白条")]
    lex = lexicon(products, None, [], _pages(*products))
    assert lex["names"]["月付"] == ["mt-yuefu", "dy-yuefu"]
    assert lex["names"]["白条"] == ["bt"]
    assert "网贷" not in lex["names"]  # the tail of an alias is no name
    assert lex["names"]["京东"] == ["bt"]  # the brand alone: its products


def test_names_and_readers_words_are_folded_to_simplified_lower_case() -> None:
    products = [_product("hb", "花呗", "螞蟻花唄", "HuaBei")]
    vocabulary = SearchVocabulary(synonyms=[SearchSynonym(means="爆通讯录", words=["家人", "親友"])])
    lex = lexicon(products, vocabulary, [], _pages(*products))
    assert {"花呗", "蚂蚁花呗", "huabei"} <= set(lex["names"])
    assert lex["synonyms"]["亲友"] == "爆通讯录"


def test_only_products_with_a_page_are_in_the_lexicon() -> None:
    shown, hidden = _product("a", "甲贷"), _product("b", "乙贷")
    lex = lexicon([shown, hidden], None, [], _pages(shown))
    assert list(lex["products"]) == ["a"] and "乙贷" not in lex["names"]


def test_the_sound_table_puts_homophones_together_for_the_sites_words() -> None:
    table = pinyin_table(["花呗", "白条"])
    assert "呗" in table["bei"] and "被" in table["bei"] and "贝" in table["bei"]
    assert "跳" in table["tiao"]
    assert "zhong" not in table  # a sound none of the words has is left out


def test_the_traditional_table_maps_one_character_to_one() -> None:
    trad, simp = traditional_table({"呗"})
    assert len(trad) == len(simp)
    pairs = dict(zip(trad, simp, strict=True))
    assert pairs["唄"] == "呗" and pairs["會"] == "会" and pairs["徵"] == "征"


def test_the_built_lexicon_is_utf8_and_names_every_product_page(built_site: Path) -> None:
    raw = (built_site / "assets/search-lexicon.json").read_text(encoding="utf-8")
    assert "\\u" not in raw  # Chinese as UTF-8, not escapes
    lex = json.loads(raw)
    registry = yaml.safe_load((ROOT / "data/products.yml").read_text(encoding="utf-8"))["products"]
    for p in registry:
        if (built_site / "products" / p["id"] / "index.html").is_file():
            assert p["id"] in lex["names"][p["name"].lower()], p["id"]


def test_writer_pages_and_the_tag_index_are_not_indexed(built_site: Path) -> None:
    def indexed(rel: str) -> bool:
        page = BeautifulSoup((built_site / rel / "index.html").read_text(encoding="utf-8"), "lxml")
        return page.find(attrs={"data-pagefind-body": True}) is not None

    for rel in ("contributing", "report", "tags", "search"):
        assert not indexed(rel), rel
    for rel in ("products/huabei", "topics/bao-tongxunlu", "self-check", "regulations"):
        assert indexed(rel), rel
    assert (built_site / "pagefind/pagefind.js").is_file()
    assert not (built_site / "search/search_index.json").exists()  # the theme's whole-site index is gone


def test_the_law_every_product_page_repeats_is_left_out_of_the_index(built_site: Path) -> None:
    page = BeautifulSoup((built_site / "products/huabei/index.html").read_text(encoding="utf-8"), "lxml")
    body = page.find(attrs={"data-pagefind-body": True})
    laws = body.select(".cf-laws")
    assert laws, "no law list marked on the product page"
    from creditfaq.search import SEARCH_EXCLUDE

    assert ".cf-laws" in SEARCH_EXCLUDE


# --- in the browser ----------------------------------------------------------------------------

needs_browser = pytest.mark.skipif(bool(os.environ.get("CREDITFAQ_SKIP_BROWSER")),
                                   reason="browser tests skipped: CREDITFAQ_SKIP_BROWSER is set")


@pytest.fixture(scope="module")
def browser():
    from creditfaq.search_eval import chromium

    try:
        with chromium() as b:
            yield b
    except RuntimeError as e:
        pytest.fail(str(e), pytrace=False)


@pytest.fixture(scope="module")
def origin(built_site: Path):
    from creditfaq.search_eval import serve

    with serve(built_site) as o:
        yield o


@pytest.fixture
def page(browser, origin):
    from creditfaq.search_eval import PHONE

    context = browser.new_context(viewport=PHONE, locale="zh-CN")
    p = context.new_page()
    errors: list[str] = []
    p.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    p.on("pageerror", lambda e: errors.append(str(e)))
    p.on("dialog", lambda d: (errors.append(f"dialog: {d.message}"), d.dismiss()))
    p.errors = errors  # type: ignore[attr-defined]
    p.goto(origin + "/search/")
    yield p
    context.close()


@needs_browser
@pytest.mark.parametrize("name", sorted(p.stem for p in SETS.glob("*.yml") if p.name != "baseline.yml"))
def test_the_search_meets_its_floors_on_each_query_set(browser, origin: str, name: str) -> None:
    from creditfaq.search_eval import score

    queries = yaml.safe_load((SETS / f"{name}.yml").read_text(encoding="utf-8"))["queries"]
    floors = (yaml.safe_load((SETS / "baseline.yml").read_text(encoding="utf-8")) or {}).get(name)
    assert floors, f"no floors for {name} in tests/eval/search/baseline.yml: run creditfaq search-eval --update-baseline"
    scored = score(browser, origin, queries)
    print(scored.line(name))
    assert round(scored.hit1, 3) >= floors["hit1"] and round(scored.hit3, 3) >= floors["hit3"], scored.line(name)
    assert scored.out_of_scope_answered == scored.out_of_scope, scored.line(name)


@needs_browser
def test_the_first_search_on_a_slow_phone_network_fetches_pieces_not_the_index(browser, built_site: Path) -> None:
    from creditfaq.search_eval import first_search, serve

    with serve(built_site, compress=True) as o:
        first = first_search(browser, o, "花呗逾期3天会上征信吗")
    print(f"first search, gzip: results {first.seconds:.2f} s, complete {first.complete:.2f} s, {first.bytes} bytes")
    urls = [u for u, _ in first.requests]
    assert not any("search_index" in u for u in urls)
    chunks = [u for u in urls if u.startswith("/pagefind/index/")]
    assert 0 < len(chunks) <= 4, chunks
    # pieces, not the index, whatever data/ holds (a fixed byte ceiling failed on a writer's
    # two new articles): of the index's chunks and fragments, the first search fetches a small
    # share; Pagefind's own script and WebAssembly cost what they cost at any size. The target
    # (150 KB) and the times are reported by `creditfaq search-eval`, not asserted: they depend
    # on the corpus and the machine
    pieces = ("/pagefind/index/", "/pagefind/fragment/")
    fetched = sum(size for url, size in first.requests if url.startswith(pieces))
    stored = sum(p.stat().st_size for folder in ("index", "fragment") for p in (built_site / "pagefind" / folder).iterdir())
    print(f"index pieces fetched {fetched} of {stored} bytes")
    assert fetched <= 0.6 * stored, first.requests  # (46 % on the four seeds; less as the corpus grows)
    engine = sum(size for url, size in first.requests if url.startswith("/pagefind/") and not url.startswith(pieces))
    assert engine <= 150 * 1024, first.requests


def _results(page) -> list[str]:
    from creditfaq.search_eval import listed

    return listed(page)


@needs_browser
def test_pasted_text_is_searched_without_a_key_press(page) -> None:
    from creditfaq.search_eval import wait_for_results

    page.fill("#cf-search-q", "借唄逾期")  # fill() sends one input event, as paste and voice input do
    wait_for_results(page, "借唄逾期")
    assert _results(page)[0] == "/products/jiebei/"
    assert "q=" in page.url  # the query is in the address, for the back button and sharing
    assert not page.errors


@needs_browser
def test_nothing_is_searched_while_the_ime_is_composing(page) -> None:
    from creditfaq.search_eval import wait_for_results

    page.evaluate("""() => {
        const box = document.getElementById('cf-search-q');
        box.dispatchEvent(new CompositionEvent('compositionstart'));
        box.value = 'hua';
        box.dispatchEvent(new InputEvent('input', {isComposing: true, data: 'hua'}));
    }""")
    page.wait_for_timeout(400)
    assert page.get_attribute("#cf-search-status", "data-query") is None
    page.evaluate("""() => {
        const box = document.getElementById('cf-search-q');
        box.value = '花呗';
        box.dispatchEvent(new CompositionEvent('compositionend', {data: '花呗'}));
    }""")
    wait_for_results(page, "花呗")
    assert _results(page)[0] == "/products/huabei/"


@needs_browser
def test_an_out_of_scope_query_says_so_and_offers_a_way_on(page) -> None:
    from creditfaq.search_eval import type_like_an_ime, wait_for_results

    page.click("#cf-search-q")
    type_like_an_ime(page, "房贷逾期会被收房吗")
    wait_for_results(page, "房贷逾期会被收房吗")
    box = page.locator("[data-out-of-scope]")
    assert box.count() == 1 and "房贷" in box.inner_text()
    hrefs = box.locator("a").evaluate_all("as => as.map(a => new URL(a.href).pathname)")
    assert {"/questions/", "/topics/", "/self-check/"} <= set(hrefs)


@needs_browser
def test_a_query_with_no_result_offers_a_way_on_and_shows_the_query_as_text(page) -> None:
    from creditfaq.search_eval import wait_for_results

    query = '<img src=x onerror="alert(1)">qzxv'
    page.fill("#cf-search-q", query)
    wait_for_results(page, query)
    assert page.locator("#cf-search-results img").count() == 0
    assert query in page.inner_text("#cf-search-status")
    none = page.locator(".cf-search__none a").evaluate_all("as => as.map(a => new URL(a.href).pathname)")
    assert "/questions/" in none and "/self-check/" in none
    assert not page.errors


@needs_browser
def test_the_home_page_box_opens_the_search_page_with_the_query(browser, origin: str) -> None:
    from creditfaq.search_eval import PHONE, wait_for_results

    context = browser.new_context(viewport=PHONE, locale="zh-CN")
    p = context.new_page()
    try:
        p.goto(origin + "/")
        p.fill("#cf-search-q", "白条逾期7天")
        p.press("#cf-search-q", "Enter")
        p.wait_for_url("**/search/?q=*")
        wait_for_results(p, "白条逾期7天")
        assert p.locator(".cf-search__item").first.get_attribute("data-path") == "products/jd-baitiao/"
    finally:
        context.close()


# How a query is read: each a shape readers type (names from data/products.yml).
READINGS = [
    ("支付宝7天备用金逾期", {"products": ["支付宝备用金"], "days": []}),  # a name with a day count inside
    ("逾期360天", {"products": [], "days": [360]}),  # a day count is not the brand 360
    ("信用卡逾期三个月", {"products": ["信用卡"], "days": [90]}),  # counted once
    ("2023年逾期", {"days": []}),  # a year is a date, not a time overdue
    ("12月份逾期", {"days": []}),
    ("花被逾期了怎么办", {"products": ["花呗"]}),  # one character typed for another of the same sound
    ("jie bei逾期", {"products": ["借呗"]}),  # pinyin with a space
    ("月付逾期", {"products": ["美团月付", "抖音月付"]}),  # a short name two products share
    ("逾期会影响房贷吗", {"oos": False}),  # what an overdue affects is no subject
    ("房贷逾期", {"oos": True}),
    ("停息挂账怎么办理", {"oos": False}),  # 办理, but about negotiating repayment
    ("借呗怎么开通", {"oos": True}),
]


@needs_browser
def test_queries_are_read_as_readers_mean_them(page) -> None:
    got = page.evaluate("""async (qs) => {
        const out = [];
        for (const q of qs) {
            const a = await window.creditfaqSearch.analyse(q);
            out.push({products: a.products.map(p => p.name), days: a.days, oos: a.outOfScope});
        }
        return out;
    }""", [q for q, _ in READINGS])
    wrong = [(q, {k: reading[k] for k in want}, want) for (q, want), reading in zip(READINGS, got, strict=True)
             if any(reading[k] != v for k, v in want.items())]
    assert not wrong, wrong
