"""The site in a real browser: Debian's Chromium driven by Playwright, against the built
site served on 127.0.0.1. Every page visited is checked for requests to any other host and
for console errors; screenshots at 390 px go to test-artifacts/; axe-core checks
accessibility.

Needs `apt-get install chromium fonts-noto-cjk` (done by .ci/run). Without Chromium these
tests fail and say so, unless CREDITFAQ_SKIP_BROWSER=1 is set.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import ROOT

CHROMIUM = os.environ.get("CREDITFAQ_CHROMIUM", "/usr/bin/chromium")
AXE = ROOT / "tests/node/node_modules/axe-core/axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"
PHONE = {"width": 390, "height": 844}

if os.environ.get("CREDITFAQ_SKIP_BROWSER"):
    pytest.skip("browser tests skipped: CREDITFAQ_SKIP_BROWSER is set", allow_module_level=True)


def _require_browser() -> None:
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.fail(
            f"Chromium not found at {CHROMIUM}. Install it with `sudo apt-get install chromium fonts-noto-cjk` "
            "(Debian/Ubuntu), or point CREDITFAQ_CHROMIUM at a Chromium binary; set CREDITFAQ_SKIP_BROWSER=1 to "
            "skip the browser tests.", pytrace=False)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server(built_site: Path):
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium"),
            headless=True,
            # without these Chromium calls home at start, which a closed network refuses
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--disable-default-apps"])
        yield b
        b.close()


class Watched:
    """A phone-sized page that records every request and console error."""

    def __init__(self, browser, origin: str):
        self.context = browser.new_context(viewport=PHONE, device_scale_factor=1, locale="zh-CN")
        self.page = self.context.new_page()
        self.origin = origin
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def foreign(self) -> list[str]:
        host = urlsplit(self.origin).netloc
        return [u for u in self.requests if urlsplit(u).scheme in ("http", "https", "ws", "wss")
                and urlsplit(u).netloc != host]

    def assert_clean(self) -> None:
        assert not self.foreign(), f"requests to other hosts: {self.foreign()}"
        assert not self.errors, f"console errors: {self.errors}"

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}-390px.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def axe(self) -> list[dict]:
        assert AXE.is_file(), f"axe-core missing at {AXE}: run `make test` (it runs npm ci in tests/node)"
        self.page.add_script_tag(path=str(AXE))
        result = self.page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def watched(browser, server):
    w = Watched(browser, server)
    yield w
    w.close()


def test_the_magnifier_opens_the_search_and_a_result_opens_its_page(watched: Watched) -> None:
    page = watched.page
    page.goto(watched.origin + "/products/huabei/")
    page.click("a.cf-search-link")
    page.wait_for_url("**/search/")
    page.click("#cf-search-q")
    page.keyboard.insert_text("征信")
    page.locator(".cf-search__item a.cf-search__link").first.wait_for(timeout=20_000)
    link = page.locator(".cf-search__link[href*='products/']").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url("**/products/**")
    assert href.rstrip("/").split("/")[-1] in page.url
    # the product's page: its timeline, or the short page of a product with nothing reliable yet
    assert page.locator("h2#timeline").count() == 1 or "暂无可靠资料" in page.locator("article").inner_text()
    watched.assert_clean()


def test_self_check_long_overdue_says_the_sources_stop_and_the_due_date_reads_plainly(watched: Watched, built_site: Path) -> None:
    import json

    data = json.loads((built_site / "assets/self-check.json").read_text(encoding="utf-8"))
    product = max(data["products"], key=lambda p: len([s for s in p["stages"] if s["dated"]]))
    starts = [s["from"] or 0 for s in product["stages"] if s["dated"]]
    if not starts:
        pytest.skip("no product has a dated stage")
    late = min(3650, 10 * (max(starts) + 10))
    page = watched.page
    page.goto(watched.origin + "/self-check/")
    for days in (late, 0):
        page.select_option("#cf-product", product["id"])
        page.fill("#cf-days", str(days))
        page.press("#cf-days", "Enter")
        result = page.locator("#cf-self-check-result")
        page.wait_for_function("d => document.querySelector('#cf-self-check-result h2') && "
                               "document.querySelector('#cf-self-check-result h2').textContent.includes(d)",
                               arg="还款日" if days == 0 else f"第 {days} 天", timeout=20_000)
        text = result.inner_text()
        if days:
            # the sources' last dated word is far behind: the page says so, not "you are being reminded"
            assert f"来源文章没有说到逾期第 {days} 天" in text and "你现在可能处在的阶段" not in text
        else:
            assert "今天还清，按本站的天数算法还不算逾期" in text
        assert "起起" not in text
    watched.assert_clean()


def test_self_check_gives_the_stage_for_ten_days(watched: Watched, built_site: Path) -> None:
    import json

    data = json.loads((built_site / "assets/self-check.json").read_text(encoding="utf-8"))
    stages = next(p for p in data["products"] if p["id"] == "xiaohua-qianbao")["stages"]
    undated = [s["text"] for s in stages if not s["dated"]]
    page = watched.page
    page.goto(watched.origin + "/self-check/")
    # keyboard only: tab into the form, choose the product, type the days, press Enter
    page.focus("#cf-product")
    page.select_option("#cf-product", "xiaohua-qianbao")
    page.keyboard.press("Tab")
    page.keyboard.type("10")
    page.keyboard.press("Enter")
    result = page.locator("#cf-self-check-result")
    result.locator("h2").wait_for(timeout=20_000)
    text = result.inner_text()
    assert "小花钱包：逾期第 10 天" in text
    # every dated stage in effect on day 10 is the reader's; a step before the due date is not
    covering = [s for s in stages if s["dated"] and (s["from"] is None or s["from"] <= 10)
                and (s["to"] is None or s["to"] >= 10)]
    # (a product whose dated steps all come before the due date: the sources say nothing of day 10)
    heading = "你现在可能处在的阶段" if "你现在可能处在的阶段" in text else "来源对这一天怎么说"
    stage_part = text.split(heading)[1].split("接下来会怎样")[0].split("来源还提到的做法")[0]
    for s in covering:
        assert s["text"] in stage_part
    for s in stages:
        if s["dated"] and s["to"] is not None and s["to"] < 1 and s not in covering:
            assert s["text"] not in stage_part, "a reminder before the due date is no stage of day 10"
    if not covering:
        assert "来源文章没有说明逾期第 10 天的具体做法" in text or "来源文章没有说到逾期第 10 天" in text
    if undated:
        # what the sources mention without a day is listed as such
        assert "来源还提到这些做法，但没有说明从第几天开始" in text
        assert all(u in text for u in undated)
    assert "对征信的影响" in text and "《征信业管理条例》" in text and "你的权利" in text
    assert page.evaluate("document.activeElement.id") == "result", "focus moves to the result"
    watched.screenshot("self-check-10-days")
    watched.assert_clean()


def test_a_footnote_leads_to_its_source_paragraph(watched: Watched) -> None:
    page = watched.page
    page.goto(watched.origin + "/products/huabei/")
    page.locator("li.cf-stage sup a.footnote-ref").first.click()
    footnote = page.locator("div.footnote li:target")
    footnote.wait_for(timeout=20_000)
    footnote.locator("a:has-text('查看原文段落')").click()
    page.wait_for_url("**/articles/**")
    target = page.locator("p:target")
    target.wait_for(timeout=20_000)
    assert target.inner_text().strip()
    assert target.get_attribute("id").startswith("p-")
    watched.assert_clean()


@pytest.mark.parametrize("name,path", [("home", "/"), ("product-huabei", "/products/huabei/"),
                                       ("self-check", "/self-check/"),
                                       ("search", "/search/?q=花呗逾期3天会上征信吗")])
def test_pages_at_phone_width_are_accessible_and_quiet(watched: Watched, name: str, path: str) -> None:
    page = watched.page
    page.goto(watched.origin + path)
    page.wait_for_load_state("networkidle")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{path} scrolls sideways at 390 px ({width} px wide)"
    shot = watched.screenshot(name)
    assert shot.stat().st_size > 10_000
    serious = watched.axe()
    assert not serious, [(v["id"], v["impact"], v["help"], [n["target"] for n in v["nodes"][:3]]) for v in serious]
    watched.assert_clean()


def test_no_page_built_from_hostile_sources_runs_code_or_leaves(browser, hostile, built_site: Path) -> None:
    """Every page of the site built from the hostile corpus, opened in Chromium: no dialog
    (every script payload calls alert, confirm or prompt), no request to another host, no
    navigation away (meta refresh, base href); and a search for the payloads' words."""
    root, _, _ = hostile
    site = root / "site"
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{httpd.server_address[1]}"
    context = browser.new_context(viewport=PHONE, locale="zh-CN")
    dialogs: list[str] = []
    foreign: list[str] = []
    context.on("dialog", lambda d: (dialogs.append(f"{d.type}: {d.message}"), d.dismiss()))
    context.on("request", lambda r: foreign.append(r.url) if urlsplit(r.url).netloc != urlsplit(origin).netloc
               and not r.url.startswith(("data:", "blob:", "about:")) else None)
    page = context.new_page()
    def same_as_without_the_corpus(path: Path) -> bool:
        plain = built_site / path.relative_to(site)
        return plain.is_file() and plain.read_bytes() == path.read_bytes()

    # a page byte-identical to the site built without the hostile sources holds nothing of them
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if not same_as_without_the_corpus(p))
    try:
        for rel in pages:
            url = f"{origin}/{rel}"
            page.goto(url, wait_until="load")
            assert page.url.split("#")[0] == url, f"{rel} navigated to {page.url}"
        # and the search, for the payloads' words: results show their text, never run it
        page.goto(f"{origin}/search/")
        for query in ("alert", "script", "onerror", "花呗逾期"):
            page.fill("#cf-search-q", query)
            page.wait_for_function("q => document.getElementById('cf-search-status').getAttribute('data-query') === q"
                                   " && document.getElementById('cf-search-status').getAttribute('data-state') === 'done'",
                                   arg=query, timeout=20_000)
    finally:
        context.close()
        httpd.shutdown()
    assert len(pages) > 40, "the hostile sources reach fewer pages than they should"
    assert dialogs == [], dialogs
    assert foreign == [], foreign
