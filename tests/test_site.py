"""The built site: pages, cross-links, no foreign requests, what search indexes, reproducibility."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import copy_project, run

PRODUCTS = {"huabei": "花呗", "xiaohua-qianbao": "小花钱包"}
SECTIONS = {"timeline": "逾期时间线", "credit": "征信影响", "rights": "催收权益"}


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def _html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _resolve(page: Path, href: str, site: Path) -> tuple[Path, str] | None:
    """The file and fragment a relative link on `page` points to; None for other schemes."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:", "javascript:")):
        return None
    if not parts.path:
        return page, unquote(parts.fragment)
    if parts.path.startswith("/"):  # 404.html is served from any depth, so it links from the root
        target = (site / unquote(parts.path).lstrip("/")).resolve()
    else:
        target = (page.parent / unquote(parts.path)).resolve()
    if target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


def test_home_and_product_pages_exist(built_site: Path) -> None:
    assert (built_site / "index.html").is_file()
    for product, name in PRODUCTS.items():
        page = built_site / "products" / product / "index.html"
        assert page.is_file(), product
        soup = _soup(page)
        assert name in soup.find("h1").get_text()
        for anchor, heading in SECTIONS.items():
            h2 = soup.find("h2", id=anchor)
            assert h2 is not None and heading in h2.get_text(), (product, anchor)
        assert soup.select("li.cf-stage"), f"{product}: the timeline has no stages"


def test_product_and_article_pages_link_both_ways(built_site: Path) -> None:
    for product in PRODUCTS:
        page = built_site / "products" / product / "index.html"
        soup = _soup(page)
        articles = set()
        for a in soup.find_all("a", href=True):
            if a.find_parent(class_="cf-general") or "cf-general" in (a.get("class") or []):
                continue  # rules about lenders in general cite articles about other products
            target = _resolve(page, a["href"], built_site)
            if target and "/articles/" in target[0].as_posix() and target[0].parent.name != "articles":
                articles.add(target[0])
        assert articles, f"{product} links to no article page"
        for article in articles:
            back = [a["href"] for a in _soup(article).find_all("a", href=True)
                    if f"products/{product}/" in a["href"]]
            assert back, f"{article} does not link back to {product}"


def test_every_footnote_reaches_its_source_paragraph(built_site: Path) -> None:
    page = built_site / "products" / "huabei" / "index.html"
    soup = _soup(page)
    footnotes = soup.select("div.footnote li")
    assert footnotes
    for li in footnotes:
        link = next(a for a in li.find_all("a", href=True) if "articles/" in a["href"])
        target, fragment = _resolve(page, link["href"], built_site)
        assert fragment.startswith("p-")
        paragraph = _soup(target).find(id=fragment)
        assert paragraph is not None and paragraph.name == "p" and paragraph.get_text(strip=True)


def test_no_internal_link_or_anchor_is_broken(built_site: Path) -> None:
    ids: dict[Path, set[str]] = {}
    broken = []
    for page in _html_files(built_site):
        for el in _soup(page).find_all(["a", "link"], href=True):
            target = _resolve(page, el["href"], built_site)
            if target is None:
                continue
            file, fragment = target
            if not file.exists():
                broken.append(f"{page.relative_to(built_site)} → {el['href']} (no such file)")
                continue
            if fragment and file.suffix == ".html":
                if file not in ids:
                    ids[file] = {t["id"] for t in _soup(file).find_all(id=True)}
                if fragment not in ids[file]:
                    broken.append(f"{page.relative_to(built_site)} → {el['href']} (no such anchor)")
    assert not broken, "\n".join(broken)


def test_no_page_loads_anything_from_another_host(built_site: Path) -> None:
    from creditfaq.sitecheck import foreign_loads

    offenders = foreign_loads(built_site)  # what `creditfaq build` also refuses
    assert not offenders, "\n".join(offenders)


def test_no_active_markup_from_sources_reaches_pages(built_site: Path) -> None:
    for page in (built_site / "articles").rglob("index.html"):
        article = _soup(page).find("article")
        assert article is not None
        assert not article.find_all(["script", "iframe", "object", "embed", "style"])
        assert not [el for el in article.find_all(True) if any(a.startswith("on") for a in el.attrs)]


def test_pages_for_readers_are_indexed_with_their_kind_and_weight(built_site: Path) -> None:
    page = _soup(built_site / "products" / "huabei" / "index.html")
    body = page.find(attrs={"data-pagefind-body": True})
    assert body is not None and body.get("data-pagefind-meta") == "kind:product"
    assert "花呗" in body.get_text()
    article = next((built_site / "articles").glob("*/index.html"))
    weight = _soup(article).find(attrs={"data-pagefind-body": True})["data-pagefind-weight"]
    assert float(weight) < float(body["data-pagefind-weight"])  # sources rank below the pages that cite them


def test_pages_are_chinese_and_quiet(built_site: Path) -> None:
    soup = _soup(built_site / "index.html")
    assert soup.html["lang"].startswith("zh")
    assert "Material for MkDocs" not in soup.get_text(), "the generator notice should be off"


@pytest.mark.slow
def test_a_second_build_is_byte_identical(built_site: Path, tmp_path: Path) -> None:
    root = copy_project(tmp_path / "again")
    assert run(root, "build").returncode == 0
    first = {p.relative_to(built_site): p.read_bytes() for p in built_site.rglob("*") if p.is_file()}
    second = {p.relative_to(root / "site"): p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    differ = sorted(str(k) for k in first if first[k] != second[k])
    assert not differ, differ


NOINDEX = '<meta name="robots" content="noindex">'


@pytest.mark.slow
def test_a_published_build_has_a_full_sitemap(tmp_path: Path) -> None:

    root = copy_project(tmp_path / "published")
    # whatever reviews the data holds, one product reviewed on a known day and one never
    for path in (root / "data/topics").glob("*.yml"):
        text = re.sub(r"(?m)^reviewed:.*\n", "", path.read_text(encoding="utf-8"))
        if path.stem == "huabei":
            text = text.replace("product: huabei\n", "product: huabei\nreviewed: 2026-11-20\n")
        path.write_text(text, encoding="utf-8")
    result = run(root, "build", env={"CREDITFAQ_SITE_URL": "https://faq.example.cn/"})
    assert result.returncode == 0, result.stderr
    sitemap = BeautifulSoup((root / "site/sitemap.xml").read_text(encoding="utf-8"), "xml")
    locs = {loc.get_text() for loc in sitemap.find_all("loc")}
    # every page, less those that tell search engines they have nothing reliable to say
    pages = {p.parent.relative_to(root / "site").as_posix() for p in (root / "site").rglob("index.html")
             if NOINDEX not in p.read_text(encoding="utf-8")}
    assert locs == {"https://faq.example.cn/" + ("" if p == "." else p + "/") for p in pages}
    # lastmod is the day a writer reviewed the page, not the build's; unreviewed pages have none
    dated = {u.find("loc").get_text(): u.find("lastmod").get_text() for u in sitemap.find_all("url") if u.find("lastmod")}
    assert dated == {"https://faq.example.cn/products/huabei/": "2026-11-20"}
    import gzip

    assert gzip.decompress((root / "site/sitemap.xml.gz").read_bytes()) == (root / "site/sitemap.xml").read_bytes()
    page = _soup(root / "site/products/huabei/index.html").select_one(".cf-infobox").get_text()
    assert "最后审核：2026-11-20" in page
    other = _soup(root / "site/products/xiaohua-qianbao/index.html").select_one(".cf-infobox").get_text()
    assert "最后审核：本页内容尚未经编辑审核" in other


def test_legal_statements_follow_the_fact_sheet_confidence(built_site: Path) -> None:
    from conftest import ROOT

    regulations = yaml.safe_load((ROOT / "data/regulations.yml").read_text(encoding="utf-8"))["regulations"]
    page = _soup(built_site / "regulations" / "index.html")
    text = page.get_text()
    everything = "\n".join(_soup(p).get_text() for p in _html_files(built_site))
    for reg in regulations:
        anchor = page.find(id=reg["id"])
        if reg["confidence"] == "unverified":
            assert anchor is None, reg["id"]
            # never published as a fact, anywhere
            assert reg["summary"][:30] not in everything, reg["id"]
        else:
            assert anchor is not None, reg["id"]
            badge = "已核实" if reg["confidence"] == "verified" else "二手来源"
            assert badge in anchor.get_text(), reg["id"]
            if reg["confidence"] == "secondary":
                assert f"{reg['attribution']}，{reg['summary'][:20]}" in text.replace("\n", ""), reg["id"]
    product = _soup(built_site / "products" / "huabei" / "index.html")
    links = [a["href"] for a in product.find_all("a", href=True) if "regulations/#" in a["href"]]
    assert any(h.endswith("#zhengxin-tiaoli-16") for h in links), "the credit section must cite the 5-year rule"
    assert any(h.endswith("#xingfa-293-1") for h in links), "the rights section must cite the collection offence"


def test_glossary_terms_are_tooltips_in_running_chinese_text(built_site: Path) -> None:
    from conftest import ROOT

    terms = yaml.safe_load((ROOT / "data/glossary.yml").read_text(encoding="utf-8"))["terms"]
    marked = {}
    for page in _html_files(built_site):
        for abbr in _soup(page).select("article abbr[title]"):
            marked.setdefault(abbr.get_text(), abbr["title"])
            # inside a sentence, with Chinese characters right before or after it
            around = abbr.parent.get_text()
            assert abbr.get_text() in around
            # a whole word: never inside the title of a law, never the head of a longer name
            before = "".join(str(s) for s in abbr.previous_siblings)
            assert before.rfind("《") <= before.rfind("》"), f"{page}: a tooltip inside a law's title: {around[:60]}"
            after = abbr.next_sibling if isinstance(abbr.next_sibling, str) else ""
            assert not after.startswith(("机构", "中心", "系统", "业务")), f"{page}: {abbr.get_text()}{after[:4]}"
    definitions = {name: t["definition"] for t in terms for name in (t["term"], *t.get("aliases", []))}
    assert {"征信", "爆通讯录"} <= set(marked), sorted(marked)
    for name, title in marked.items():
        assert title == definitions[name]
    huabei = _soup(built_site / "products/huabei/index.html")
    assert huabei.select("#credit ~ ul abbr[title]"), "the credit section's sentences carry tooltips"
    assert not huabei.select("h1 abbr, h2 abbr, a abbr"), "headings and links stay plain"
    glossary = _soup(built_site / "glossary/index.html").get_text()
    assert all(t["term"] in glossary and t["definition"][:20] in glossary for t in terms)


def test_pages_with_questions_carry_faq_structured_data(built_site: Path) -> None:

    page = _soup(built_site / "products/huabei/index.html")
    [script] = page.find_all("script", type="application/ld+json")
    data = json.loads(script.string)
    assert data["@context"] == "https://schema.org" and data["@type"] == "FAQPage"
    answers = page.find("h2", id="answers")
    asked = [b.get_text() for b in answers.find_all_next("strong") if b.find_previous("h2") is answers]
    text = page.find("article").get_text()
    names = [entry["name"] for entry in data["mainEntity"]]
    assert names == asked[:len(names)] and len(set(names)) == len(names) >= 2
    answered = [entry["acceptedAnswer"]["text"] for entry in data["mainEntity"]]
    assert len(set(answered)) == len(answered), "each question has its own answer"
    for answer in answered:
        # every answer is text the page itself shows under its question (claims or law), nothing new
        for sentence in answer.split(" "):
            assert sentence.split("：")[-1][:20] in text, sentence
    assert not _soup(built_site / "regulations/index.html").find_all("script", type="application/ld+json")


def test_timeline_stages_say_what_to_do_now_with_their_grounds(built_site: Path) -> None:
    from conftest import ROOT

    rules = yaml.safe_load((ROOT / "data/guidance.yml").read_text(encoding="utf-8"))["guidance"]
    page = _soup(built_site / "products/xiaohua-qianbao/index.html")
    todos = page.select("li.cf-stage .cf-stage__todo")
    assert todos
    for todo in todos:
        text = todo.get_text()
        assert any(rule["text"] in text for rule in rules), text
        links = [a["href"] for a in todo.find_all("a", href=True)]
        assert links and all("regulations/#" in h for h in links)
    # a stage whose channels match no rule gets no advice rather than an invented one
    for stage in page.select("li.cf-stage"):
        channels = {c.get_text() for c in stage.select(".cf-channel")}
        if not channels:
            assert not stage.select(".cf-stage__todo")


def test_the_build_fails_when_a_page_loads_from_another_host(project: Path) -> None:
    (project / "docs/pages/widget.md").write_text(
        "# 小工具\n\n<script src=\"https://cdn.example.com/widget.js\"></script>\n\n"
        "<img alt=\"图\" src=\"../x.png\" srcset=\"//img.example.com/a.png 2x\">\n", encoding="utf-8")
    mkdocs = project / "mkdocs.yml"
    mkdocs.write_text(mkdocs.read_text(encoding="utf-8").replace("not_in_nav: |\n", "not_in_nav: |\n  /widget.md\n"),
                      encoding="utf-8")
    result = run(project, "build")
    assert result.returncode == 1
    assert 'site/widget/index.html: <script src="https://cdn.example.com/widget.js">: 从别的网站加载内容' in result.stderr
    assert 'site/widget/index.html: <img srcset="//img.example.com/a.png 2x">: 从别的网站加载内容' in result.stderr


def test_a_rule_whose_window_closed_is_shown_only_as_ended_and_a_caveat_goes_with_its_rule() -> None:
    import datetime as dt

    from creditfaq.model import OverdueStage, Product, Regulation, TopicFile
    from creditfaq.render import render_site

    product = Product(id="demo-pay", name="示例付")
    window = Regulation(id="demo-window", law="《示例通知》", topic="征信影响", summary="限期内还清的逾期不予展示。",
                        confidence="secondary", attribution="据新闻报道", evidence="示例", valid_until=dt.date(2026, 3, 31))
    old_text = Regulation(id="demo-old-text", law="《示例法》", article="第1条", topic="催收权益", summary="不得威胁。",
                          confidence="verified", evidence="示例", caveat="这是旧文本，新文本的条号未核实")
    # a product with a fact of its own (a page of no facts does not repeat the law)
    topic = TopicFile(product="demo-pay", timeline=[OverdueStage(id="stage-demo", status="editorial", days=(3, 3),
                                                                 text="示例付逾期第3天会有电话提醒。")])
    before = render_site([product], [], [topic], [window, old_text], today=dt.date(2026, 3, 1))
    after = render_site([product], [], [topic], [window, old_text], today=dt.date(2026, 12, 1))
    assert "限期内还清的逾期不予展示" in before["products/demo-pay.md"]
    assert "限期内还清的逾期不予展示" not in after["products/demo-pay.md"]
    assert "已于 2026-03-31 结束" in after["regulations.md"] and "已于 2026-03-31 结束" not in before["regulations.md"]
    for page in (after["products/demo-pay.md"], after["regulations.md"]):
        assert "不得威胁。（注意：这是旧文本，新文本的条号未核实）" in page


def test_a_product_page_asks_the_readers_question_and_names_each_name_once_in_simplified() -> None:
    from creditfaq.model import Product, TopicFile
    from creditfaq.render import render_site

    product = Product(id="demo-pay", name="示例付", aliases=["示例付款", "示例付款", "範例花唄"])
    page = render_site([product], [], [TopicFile(product="demo-pay")], [])["products/demo-pay.md"]
    assert "\n# 示例付逾期会怎样？\n" in page
    front = page.split("---")[1]
    tags = [line[2:] for line in front.splitlines() if line.startswith("- ")]
    assert len(tags) == len(set(tags)) and "範例花唄" not in tags and "范例花呗" in tags


def test_an_article_page_shows_no_internal_file_name(built_site: Path) -> None:
    for page in (built_site / "articles").glob("*/index.html"):
        text = _soup(page).get_text(" ")
        assert "原始文件" not in text and "data/sources" not in text and ".txt" not in text, page


def test_every_product_page_answers_the_three_first_questions_with_a_source_or_a_law_for_each_sentence(
        built_site: Path) -> None:
    pages = sorted(p for p in (built_site / "products").glob("*/index.html") if NOINDEX not in p.read_text(encoding="utf-8"))
    assert pages
    for path in pages:
        page = _soup(path)
        answers = page.find("h2", id="answers")
        assert answers is not None, path
        first = page.find("article").find("h2")
        assert first is answers, f"{path}: the answers come first"
        items = []
        for sibling in answers.find_next_siblings():
            if sibling.name == "h2" or "cf-infobox" in (sibling.get("class") or []):
                break
            items += sibling.find_all("li") if sibling.name == "ul" else []
        assert len(items) >= 3, path
        for li in items:
            text = li.get_text()
            traced = li.find("a", href=lambda h: h and ("regulations" in h or "articles/" in h or h.startswith("#fn")))
            assert traced or text.startswith("现有来源文章没有"), f"{path}: untraceable answer {text[:40]}"


def test_a_collection_rights_section_cites_no_rule_about_the_credit_report(built_site: Path) -> None:
    from conftest import ROOT

    rows = {r["id"]: r for r in yaml.safe_load((ROOT / "data/regulations.yml").read_text(encoding="utf-8"))["regulations"]}
    for path in sorted((built_site / "products").glob("*/index.html")):
        rights = _soup(path).find("h2", id="rights")
        if rights is None:
            assert NOINDEX in path.read_text(encoding="utf-8"), f"{path}: a product page without its rights section"
            continue
        for sibling in rights.find_next_siblings():
            if sibling.name == "h2":
                break
            for a in sibling.find_all("a", href=lambda h: h and "regulations/#" in h):
                row = rows[a["href"].split("#")[1]]
                assert row["topic"] == "催收权益" or "征信" not in row["summary"], f"{path}: {row['id']}"


def test_a_rule_only_about_illegal_debts_does_not_lead_a_products_rights() -> None:
    from creditfaq.model import Product, Regulation
    from creditfaq.render import _regulations_for

    def row(rid: str, summary: str) -> Regulation:
        return Regulation(id=rid, law="《示例法》", topic="催收权益", summary=summary, confidence="verified", evidence="示例")

    rows = [row("illegal", "使用暴力催收高利放贷等产生的非法债务，情节严重的，处3年以下有期徒刑。"),
            row("privacy", "未经本人同意，不得以电话、短信侵扰他人的私人生活安宁。"),
            row("data", "非法提供公民个人信息，情节严重的构成犯罪。")]
    got = [r.id for r in _regulations_for("rights", Product(id="demo", name="示例付"), rows)]
    assert got == ["privacy", "data", "illegal"]


def test_a_product_no_source_speaks_of_gets_a_short_honest_page_not_boilerplate(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "thin")
    products = root / "data/products.yml"
    products.write_text(products.read_text(encoding="utf-8") + "- id: demo-thin\n  name: 示例空白贷\n  category: 现金贷\n",
                        encoding="utf-8")
    (root / "data/topics/demo-thin.yml").write_text("product: demo-thin\n", encoding="utf-8")
    result = run(root, "build", env={"CREDITFAQ_SITE_URL": "https://faq.example.cn/"})
    assert result.returncode == 0, result.stderr
    html = (root / "site/products/demo-thin/index.html").read_text(encoding="utf-8")
    page = _soup(root / "site/products/demo-thin/index.html")
    assert NOINDEX in html and "暂无可靠资料" in page.get_text()
    assert not page.select(".cf-laws, #answers, script[type='application/ld+json']"), "no law list, no answers, no FAQ"
    links = {a["href"] for a in page.select("article a[href]")}
    assert any("topics/cuishou-quanyi" in h for h in links) and any("self-check" in h for h in links)
    assert "demo-thin" not in (root / "site/sitemap.xml").read_text(encoding="utf-8")
    index = _soup(root / "site/products/index.html")
    thin = index.find("h2", id="thin")
    assert thin is not None and thin.find_next("a", string="示例空白贷") is not None


def test_the_day_table_names_the_steps_that_begin_by_each_day_and_lists_the_undated_ones() -> None:
    from creditfaq.model import OverdueStage, Product, TopicFile
    from creditfaq.render import render_site

    def stage(sid: str, days, text: str, action: str) -> OverdueStage:
        return OverdueStage(id=sid, status="editorial", days=days, text=text, action=action, title=action)

    topic = TopicFile(product="demo-pay", timeline=[
        stage("stage-a", (None, 0), "示例付还款日前会短信提醒。", "提醒"),
        stage("stage-b", (1, None), "示例付逾期第1天起会短信提醒。", "提醒"),
        stage("stage-c", (10, 15), "示例付逾期第10到15天会打电话。", "电话催收"),
        stage("stage-d", None, "示例付逾期后可能起诉。", "起诉")])
    page = render_site([Product(id="demo-pay", name="示例付")], [], [topic], [])["topics/overdue-days.md"]
    row = next(line for line in page.splitlines() if line.startswith("| [示例付]"))
    cells = [c.strip() for c in row.strip("|").split("|")][1:]
    assert cells[0].startswith("[提醒]") and cells[1] == "—" and cells[2] == "—"
    assert cells[3].startswith("[电话催收]"), "begins on day 10, so by day 15"
    assert cells[4] == "—" and cells[5] == "—", "a step that began on day 1 is not what happens on day 90"
    undated = page.split("## 来源没有写明天数的做法")[1]
    assert "起诉" in undated


def test_a_reported_rule_is_linked_as_a_report_not_under_the_name_of_a_law() -> None:
    from creditfaq.model import Regulation
    from creditfaq.render import regulation_line

    reported = Regulation(id="demo-news", law="《示例条例》", article="第29条", topic="征信影响", summary="逾期记录会被报送。",
                          confidence="secondary", attribution="据新闻报道", evidence="示例")
    line = regulation_line(reported, "../")
    assert line.startswith("据新闻报道，") and "[《示例条例》第29条]" not in line and "二手来源" in line
    law = reported.model_copy(update={"confidence": "verified", "attribution": None})
    assert regulation_line(law, "../").startswith("[《示例条例》第29条]")


def test_a_sources_censored_holes_are_shown_as_missing_words_on_its_page() -> None:
    from creditfaq.model import Paragraph, Product, Section, SourceArticle
    from creditfaq.render import render_site

    article = SourceArticle(id="000-abc", title="示例付逾期流程", source="a.txt", source_sha256="0" * 64, encoding="utf-8",
                            sections=[Section(heading=None, paragraphs=[
                                Paragraph(id="p-0000000a", text="示例付会通过短信、 、邮件提醒借款人，催收 ：先打电话。")])])
    page = render_site([Product(id="demo-pay", name="示例付")], [article], [], [])["articles/000-abc.md"]
    assert page.count("〔缺字〕") >= 3 and "原文有缺字" in page and "、 、" not in page


def _reg(rid: str, confidence: str = "secondary", **kw):
    from creditfaq.model import Regulation

    return Regulation(id=rid, law=kw.pop("law", "某机构"), topic=kw.pop("topic", "投诉与异议"), summary=kw.pop("summary", rid),
                      confidence=confidence, attribution=None if confidence == "verified" else "据报道",
                      evidence="e", **kw)


def test_the_complaint_route_follows_the_kind_of_lender_the_fact_sheet_names() -> None:
    """A bank's or a consumer-finance company's product: the lender, then its own complaint
    desk, then the national regulator; a small-loan company's: its registered place's local
    regulator; several lenders, or none the fact sheet names: the lender must be named, then
    each route under the kind of lender it is for. An unverified lender row decides nothing."""
    from creditfaq import rules
    from creditfaq.model import Product
    from creditfaq.render.law import complaint_routes

    routes = [_reg(i) for i in {*(i for ids in rules.COMPLAINT_ROUTES.values() for i in ids),
                                rules.COMPLAINT_UNKNOWN_LENDER, *rules.COMPLAINT_BY_KIND}]
    product = Product(id="demo-pay", name="示例付")

    def lender(kind, confidence="secondary"):
        return _reg("lender-row", confidence, topic="放款机构", products=["demo-pay"], lender_type=kind,
                    summary="示例付由某机构放款。")

    def cited(lines) -> list[str]:
        return [re.search(r"regulations\.md#([\w-]+)", md).group(1) for md, _ in lines]

    for kind in ("银行", "消费金融公司", "小额贷款公司"):
        lines = complaint_routes(product, [*routes, lender(kind)])
        assert cited(lines) == ["lender-row", *rules.COMPLAINT_ROUTES[kind]], kind
        assert lines[0][0].startswith("示例付的放款机构：")
    several = complaint_routes(product, [*routes, lender("多家机构")])
    assert cited(several) == ["lender-row", rules.COMPLAINT_UNKNOWN_LENDER, *rules.COMPLAINT_BY_KIND]
    assert [md.split("：")[0] for md, _ in several[2:]] == list(rules.COMPLAINT_BY_KIND.values())
    unverified = complaint_routes(product, [*routes, lender("银行", "unverified")])
    assert cited(unverified) == [rules.COMPLAINT_UNKNOWN_LENDER, *rules.COMPLAINT_BY_KIND], "an unverified row names no lender"
    # every line is the fact sheet's as its confidence allows: a secondary row behind its attribution
    assert all("据报道" in md and "二手来源" in md for md, _ in several)


def test_each_product_page_routes_complaints_by_its_lender(built_site: Path) -> None:
    """Whatever data/ holds: a product whose lender the fact sheet names (publishably) has a
    complaint answer that cites that row first and then the routes for its kind."""
    from conftest import ROOT
    from creditfaq import rules

    regulations = yaml.safe_load((ROOT / "data/regulations.yml").read_text(encoding="utf-8"))["regulations"]
    lenders = {p: r for r in regulations if r.get("topic") == "放款机构" and r["confidence"] != "unverified"
               for p in r.get("products") or []}
    assert lenders
    for pid, row in lenders.items():
        page = built_site / "products" / pid / "index.html"
        if not page.is_file():
            continue
        soup = _soup(page)
        heading = next(h for h in soup.find_all(["p", "h2"]) if "可以去哪里投诉" in h.get_text())
        answer = heading.find_next("ul")
        links = [a["href"].split("#")[1] for a in answer.find_all("a", href=True) if "regulations/#" in a["href"]]
        expected = rules.COMPLAINT_ROUTES.get(row.get("lender_type"),
                                              (rules.COMPLAINT_UNKNOWN_LENDER, *rules.COMPLAINT_BY_KIND))
        assert links[0] == row["id"] and links[1:1 + len(expected)] == list(expected), pid


def test_the_site_builds_strictly_without_the_optional_glossary(project: Path) -> None:
    """data/glossary.yml is optional: without it the strict build still passes (the navigation
    and the guide link to a glossary page that says it is empty) and no page has a tooltip."""
    (project / "data/glossary.yml").unlink()
    result = run(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "术语表暂时还没有条目" in (project / "site/glossary/index.html").read_text(encoding="utf-8")
    assert not any("<abbr" in p.read_text(encoding="utf-8") for p in (project / "site/products").glob("*/index.html"))


def test_a_machine_fact_whose_source_paragraph_has_a_censored_gap_is_held_back() -> None:
    """The sentence made from the fact reads whole ("通过短信、APP、邮件提醒"), but the source
    said "通过短信、 、邮件": what it said is not known, so the fact waits for a writer."""
    from creditfaq.model import Evidence, OverdueStage
    from creditfaq.publish import held_back

    def stage(quote: str, status: str = "machine") -> OverdueStage:
        return OverdueStage(id="stage-a", status=status, text="示例付逾期后，会通过短信、邮件提醒还款。", action="提醒",
                            sources=["a#p-00000001"], evidence=[Evidence(source="a#p-00000001", quote=quote)])

    assert "审查空缺" in held_back(stage("逾期后会通过短信、 、邮件等方式提醒"))
    assert held_back(stage("逾期后会通过短信、电话、邮件等方式提醒")) is None
    assert held_back(stage("逾期后会通过短信、 、邮件等方式提醒", "approved")) is None, "a writer who checked it publishes it"


def test_a_footnote_to_a_source_whose_title_names_another_product_says_so() -> None:
    from creditfaq.model import Defect, Paragraph, Section, SourceArticle
    from creditfaq.render.markup import _Footnotes
    from creditfaq.model import OverdueStage

    def article(aid: str, defects: list) -> SourceArticle:
        return SourceArticle(id=aid, title="示例借催收流程", source="s", source_sha256="0" * 64, encoding="utf-8",
                             sections=[Section(paragraphs=[Paragraph(id="p-00000001", text="逾期第3天会打电话。")])],
                             defects=defects)

    mismatch = Defect(kind="product-mismatch", where="title", detail="the title names `demo-jie` but the body …")
    notes = _Footnotes({"a": article("a", [mismatch]), "b": article("b", [])}, "../")
    for aid in ("a", "b"):
        notes.ref(OverdueStage(id=f"stage-{aid}", status="editorial", text="示例付逾期第3天会打电话。", sources=[f"{aid}#p-00000001"]))
    first, second = notes.definitions().splitlines()
    assert "标题和正文说的不是同一个产品" in first and "标题和正文" not in second


def test_the_self_check_routes_each_products_complaints_by_its_lender(built_site: Path) -> None:
    from conftest import ROOT

    data = json.loads((built_site / "assets/self-check.json").read_text(encoding="utf-8"))
    regulations = yaml.safe_load((ROOT / "data/regulations.yml").read_text(encoding="utf-8"))["regulations"]
    lenders = {p: r["id"] for r in regulations if r.get("topic") == "放款机构" and r["confidence"] != "unverified"
               for p in r.get("products") or []}
    for product in data["products"]:
        hrefs = [c["href"].split("#")[1] for c in product["complain"]]
        assert hrefs and hrefs[-1] == "baojing-110", product["id"]
        if product["id"] in lenders:
            assert hrefs[0] == lenders[product["id"]] and product["complain"][0]["text"].startswith(product["name"])
    assert all("征信" in c["text"] for c in data["complain"]), "the shared list is about the credit report"


def test_the_day_comparison_has_a_row_for_the_general_rules_and_no_table_text_without_a_table() -> None:
    from creditfaq.model import OverdueStage, Product, TopicFile
    from creditfaq.render.topics import overdue_days_page

    product = Product(id="demo-pay", name="示例付")
    undated = TopicFile(product="demo-pay", timeline=[OverdueStage(
        id="stage-a", status="editorial", text="示例付逾期后会打电话催收。", action="电话催收", sources=["a#p-00000001"])])
    general = TopicFile(product="general", timeline=[OverdueStage(
        id="stage-g", status="editorial", days=(1, 1), text="多数平台逾期第1天会发短信提醒。", action="提醒",
        sources=["b#p-00000002"])])
    page = overdue_days_page([(product, undated)], [], general)
    row = next(line for line in page.splitlines() if line.startswith("| 一般规则"))
    assert "](../articles/b.md#p-00000002)" in row.split("|")[2], "the day-1 cell links to its source paragraph"
    bare = overdue_days_page([(product, undated)], [])
    assert "还没有按天数对比的表格" in bare and "下表" not in bare and "点击单元格" not in bare
