"""The site's search, scored in a real browser: each query of a set typed into the search page
as a phone's pinyin IME commits it (two characters at a time, no key events), and the pages
listed compared with the pages the set's author expected. Also the first search on a slow
phone network: the bytes it fetches and the time from tapping the magnifier to the results.

Used by `creditfaq search-eval` (and `make eval`) and by tests/test_search.py.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import os
import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM = os.environ.get("CREDITFAQ_CHROMIUM", "/usr/bin/chromium")
PHONE = {"width": 390, "height": 844}
# Chromium calls home at start without these, which a closed network refuses
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-default-apps"]
OUT_OF_SCOPE = "out-of-scope"
# a slow phone connection: 1.5 Mbps down, 300 ms round trip
SLOW_NETWORK = {"offline": False, "latency": 300, "downloadThroughput": 1.5e6 / 8, "uploadThroughput": 0.75e6 / 8}
_COMPRESSED = (".html", ".js", ".css", ".json", ".xml", ".svg", ".txt")


class _Handler(http.server.SimpleHTTPRequestHandler):
    """A static host: files as they are, or gzip-compressed text when `gzip` is set (as most
    static hosts serve it)."""

    compress = False

    def log_message(self, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if (not self.compress or "gzip" not in self.headers.get("Accept-Encoding", "")
                or path.suffix not in _COMPRESSED or not path.is_file()):
            return super().send_head()
        mtime = int(path.stat().st_mtime)
        since = self.headers.get("If-Modified-Since")
        if since:  # as a static host answers a revalidation: not modified, no body
            with contextlib.suppress(TypeError, ValueError, IndexError, OverflowError):
                from email.utils import parsedate_to_datetime

                if parsedate_to_datetime(since).timestamp() >= mtime:
                    self.send_response(304)
                    self.end_headers()
                    return None
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Last-Modified", self.date_time_string(mtime))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serve(site: Path, compress: bool = False) -> Iterator[str]:
    handler = type("Handler", (_Handler,), {"compress": compress})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


@contextlib.contextmanager
def chromium() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    path = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    if not path:
        raise RuntimeError(f"Chromium not found at {CHROMIUM}: apt-get install chromium fonts-noto-cjk")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def type_like_an_ime(page, text: str) -> None:
    """Text as a phone's pinyin IME commits it: two characters at a time, as input events with
    no key presses."""
    for i in range(0, len(text), 2):
        page.keyboard.insert_text(text[i:i + 2])


def wait_for_results(page, query: str, timeout: float = 20_000) -> None:
    page.wait_for_function(
        "q => { const s = document.getElementById('cf-search-status');"
        " return s && s.getAttribute('data-query') === q && ['done', 'error'].includes(s.getAttribute('data-state')); }",
        arg=query, timeout=timeout)


def listed(page) -> list[str]:
    """The result pages shown, in order, as site paths (/products/huabei/)."""
    paths = page.eval_on_selector_all(".cf-search__list > .cf-search__item",
                                      "els => els.map(e => e.getAttribute('data-path'))")
    return ["/" + p.lstrip("/") for p in paths]


@dataclass
class Scored:
    answerable: int = 0
    first: int = 0
    top3: int = 0
    out_of_scope: int = 0
    out_of_scope_answered: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def hit1(self) -> float:
        return self.first / self.answerable if self.answerable else 0.0

    @property
    def hit3(self) -> float:
        return self.top3 / self.answerable if self.answerable else 0.0

    def line(self, name: str) -> str:
        return (f"{name}: {self.answerable} answerable, hit@1 {self.hit1:.3f}, hit@3 {self.hit3:.3f}; "
                f"out of scope answered {self.out_of_scope_answered} of {self.out_of_scope}")


def score(browser, origin: str, queries: list[dict]) -> Scored:
    context = browser.new_context(viewport=PHONE, locale="zh-CN")
    page = context.new_page()
    result = Scored()
    try:
        page.goto(origin + "/search/")
        box = page.locator("#cf-search-q")
        for item in queries:
            query, expect = item["q"], item["expect"]
            box.fill("")
            box.focus()
            type_like_an_ime(page, query)
            wait_for_results(page, query)
            pages = listed(page)
            said_out_of_scope = page.locator("[data-out-of-scope]").count() > 0
            if expect == OUT_OF_SCOPE:
                result.out_of_scope += 1
                result.out_of_scope_answered += said_out_of_scope
                if not said_out_of_scope:
                    result.misses.append(f"{query}: no out-of-scope answer; listed {pages[:3]}")
                continue
            result.answerable += 1
            result.first += bool(pages) and pages[0] in expect
            result.top3 += any(p in expect for p in pages[:3])
            if not (pages and pages[0] in expect):
                result.misses.append(f"{query}: listed {pages[:3]}, expected {expect}")
    finally:
        context.close()
    return result


@dataclass
class FirstSearch:
    seconds: float  # until the first results show
    complete: float  # until the index has answered too
    bytes: int
    requests: list[tuple[str, int]]


def first_search(browser, origin: str, query: str, start: str = "/products/huabei/") -> FirstSearch:
    """On a slow phone network, from a product page: tap the magnifier, type the query, until
    the results show. The bytes are what came over the wire for it, after the product page."""
    context = browser.new_context(viewport=PHONE, locale="zh-CN")
    page = context.new_page()
    try:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        sizes: dict[str, list] = {}
        cdp.on("Network.responseReceived", lambda e: sizes.setdefault(e["requestId"], [e["response"]["url"], 0]))
        cdp.on("Network.loadingFinished",
               lambda e: sizes[e["requestId"]].__setitem__(1, e["encodedDataLength"]) if e["requestId"] in sizes else None)
        cdp.send("Network.emulateNetworkConditions", SLOW_NETWORK)
        page.goto(origin + start)
        page.wait_for_load_state("networkidle")
        before = set(sizes)
        started = time.monotonic()
        page.click("a.cf-search-link")
        page.click("#cf-search-q")
        type_like_an_ime(page, query)
        try:
            page.wait_for_function(
                "q => { const s = document.getElementById('cf-search-status');"
                " return s && s.getAttribute('data-query') === q && document.querySelector('.cf-search__item'); }",
                arg=query, timeout=60_000)
        except Exception as e:
            status = page.evaluate("() => { const s = document.getElementById('cf-search-status');"
                                   " return s ? [s.getAttribute('data-state'), s.getAttribute('data-query'), s.textContent]"
                                   " : null; }")
            raise AssertionError(f"no results for {query!r} at {page.url}; status {status}; "
                                 f"box {page.input_value('#cf-search-q')!r}") from e
        seconds = time.monotonic() - started
        wait_for_results(page, query, 60_000)
        complete = time.monotonic() - started
        page.wait_for_timeout(200)
        fetched = [(url[len(origin):], n) for rid, (url, n) in sizes.items() if rid not in before]
        return FirstSearch(seconds, complete, sum(n for _, n in fetched), sorted(fetched, key=lambda r: -r[1]))
    finally:
        context.close()


def run(site: Path, sets: dict[str, list[dict]], slow_query: str = "花呗逾期3天会上征信吗") -> tuple[dict[str, Scored], dict[str, FirstSearch]]:
    """Every set scored, and the first search measured as served plain and gzip-compressed."""
    scores: dict[str, Scored] = {}
    first: dict[str, FirstSearch] = {}
    with chromium() as browser:
        with serve(site) as origin:
            for name, queries in sets.items():
                scores[name] = score(browser, origin, queries)
            first["plain"] = first_search(browser, origin, slow_query)
        with serve(site, compress=True) as origin:
            first["gzip"] = first_search(browser, origin, slow_query)
    return scores, first
