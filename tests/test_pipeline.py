"""The pipeline end to end on the seed corpus, through the command line."""

from __future__ import annotations

from pathlib import Path

import yaml

from conftest import run


def _said(claim: dict) -> str:
    """The source's words of a claim as written to a topic file."""
    return (claim.get("evidence") or [{}])[0].get("quote") or claim.get("quote") or claim["text"]

SEED_PRODUCTS = {"huabei", "xiaohua-qianbao"}


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_each_stage_runs_from_scratch_on_the_seeds(project: Path) -> None:
    for folder in ("articles", "topics"):
        for f in (project / "data" / folder).glob("*.yml"):
            f.unlink()

    ingest = run(project, "ingest", "--report")
    assert ingest.returncode == 0, ingest.stderr
    articles = sorted(p.stem for p in (project / "data/articles").glob("*.yml"))
    sources = sorted(p.name for p in (project / "data/sources").iterdir())
    assert len(articles) == len(sources) > 0  # whatever data/sources/ holds, one article each
    assert "保留" in ingest.stdout and "删除：" in ingest.stdout
    for aid in articles:
        article = _load(project / f"data/articles/{aid}.yml")
        assert article["id"] == aid
        assert (project / article["source"]).is_file()
        assert article["title"] and article["sections"]
        ids = [p["id"] for s in article["sections"] for p in s.get("paragraphs", [])]
        assert len(ids) == len(set(ids)) > 3

    extract = run(project, "extract")
    assert extract.returncode == 0, extract.stderr
    topics = {p.stem for p in (project / "data/topics").glob("*.yml")}
    assert SEED_PRODUCTS <= topics

    check = run(project, "check")
    assert check.returncode == 0, check.stderr
    assert "全部正确" in check.stdout

    render = run(project, "render")
    assert render.returncode == 0, render.stderr
    generated = project / "docs/generated"
    for product in SEED_PRODUCTS:
        assert (generated / f"products/{product}.md").is_file()
    for aid in articles:
        assert (generated / f"articles/{aid}.md").is_file()
    assert (generated / "index.md").is_file()
    assert (generated / "assets/stylesheets/creditfaq.css").is_file()


def test_committed_data_is_what_the_pipeline_produces(project: Path) -> None:
    """Running ingest and extract over the committed data changes nothing: the repository
    holds exactly the pipeline's output plus writers' edits, and ids are stable."""
    before = {p: p.read_bytes() for p in sorted((project / "data").rglob("*.yml"))}
    assert run(project, "ingest").returncode == 0
    assert run(project, "extract").returncode == 0
    after = {p: p.read_bytes() for p in sorted((project / "data").rglob("*.yml"))}
    assert after == before


def test_claims_point_at_existing_paragraphs(project: Path) -> None:
    paragraphs = {}
    for f in (project / "data/articles").glob("*.yml"):
        a = _load(f)
        paragraphs.update({f"{a['id']}#{p['id']}": p["text"] for s in a["sections"] for p in s.get("paragraphs", [])})
    for f in (project / "data/topics").glob("*.yml"):
        topic = _load(f)
        for kind in ("timeline", "credit", "rights"):
            for claim in topic.get(kind, []):
                if claim["status"] != "machine":
                    continue  # writers may reword; check resolves their references
                assert claim["sources"], claim
                # the source's words (the quote, or the text where the claim is the source's
                # sentence) stand in the paragraph it cites first; every source exists
                said = (claim.get("evidence") or [{}])[0].get("quote") or claim.get("quote") or claim["text"]
                assert said[:12] in paragraphs[claim["sources"][0]], (said, paragraphs[claim["sources"][0]])
                assert all(ref in paragraphs for ref in claim["sources"])


def test_each_seed_product_has_facts_and_general_rules_are_general(machine_project: Path) -> None:
    project = machine_project
    huabei = _load(project / "data/topics/huabei.yml")
    assert huabei["timeline"] and huabei["credit"]
    assert _load(project / "data/topics/xiaohua-qianbao.yml")["timeline"]
    # "大多数平台会…" is a rule about lenders in general, not a fact of the article's product;
    # so is what collectors may not do, unless the clause names the lender
    general = _load(project / "data/topics/general.yml")
    assert huabei.get("rights") or general.get("rights")
    assert any("大多数" in _said(c) for c in general["timeline"])
    for product in SEED_PRODUCTS:
        topic = _load(project / f"data/topics/{product}.yml")
        assert not any("大多数平台" in _said(c) for k in ("timeline", "credit", "rights")
                       for c in topic.get(k, [])), product


def test_rongyi_huabei_holds_only_what_names_it(machine_project: Path) -> None:
    """One seed's title names 融易花呗 while its body talks about 花呗: a clause goes to the
    product it names (or the one named last), so 花呗's facts are not filed under 融易花呗,
    and the mismatch is reported."""
    project = machine_project
    huabei = _load(project / "data/topics/huabei.yml")
    claims = lambda t: [c for k in ("timeline", "credit", "rights") for c in t.get(k, [])]
    path = project / "data/topics/rongyi-huabei.yml"
    rongyi = _load(path) if path.is_file() else {}
    assert all("融易" in c["text"] for c in claims(rongyi)), claims(rongyi)
    assert any(r.startswith("002-aa9da66c043c7a07#") for c in claims(huabei) for r in c["sources"])
    result = run(project, "extract")
    assert "002-aa9da66c043c7a07" in result.stderr and "rongyi-huabei" in result.stderr


def test_boilerplate_is_not_article_text(fixture_site: Path) -> None:
    """On our fixture sources (conftest.FIXTURE_SOURCES), whatever data/ holds."""
    project = fixture_site.parent
    for f in (project / "data/articles").glob("*.yml"):
        article = _load(f)
        text = "\n".join(p["text"] for s in article["sections"] for p in s.get("paragraphs", []))
        for marker in ("相关内容", "To Top", "打赏", "发表回复", "如若转载", "暂无评论", "上一篇"):
            assert marker not in text, (f.name, marker)
        rules = {r["rule"] for r in article.get("removed") or []}
        source = (project / article["source"]).read_bytes().decode("utf-8", "ignore")
        if any(m in source for m in ("相关内容", "相关推荐", "相关阅读", "相关帖子")):
            # a source with a related-articles list: the list is removed, its titles kept for questions
            assert "related-list" in rules and article["related_titles"], f.name


def test_an_undecodable_source_is_reported_and_the_rest_still_builds(project: Path) -> None:
    bad = project / "data/sources/broken.txt"
    bad.write_bytes(b"\x80\x80\xff\xfe\x80 not text")
    result = run(project, "ingest")
    assert result.returncode == 1
    assert "data/sources/broken.txt:1:1:" in result.stderr
    assert "另存为 UTF-8" in result.stderr
    assert "Traceback" not in result.stderr
    readable = sum(1 for p in (project / "data/sources").iterdir() if p.name != "broken.txt")
    assert f"整理了 {readable} 篇文章" in result.stdout
    build = run(project, "build")
    assert build.returncode == 1, "CI must see the bad source"
    assert (project / "site/products/huabei/index.html").is_file(), "the other sources still build"
    assert "data/sources/broken.txt:1:1:" in build.stderr


def test_unsupported_source_type_is_reported(project: Path) -> None:
    (project / "data/sources/notes.docx").write_bytes(b"PK\x03\x04")
    result = run(project, "ingest")
    assert result.returncode == 1
    assert "data/sources/notes.docx:1:1: 不支持的文件类型 `.docx`" in result.stderr


def test_a_gbk_source_is_ingested(project: Path) -> None:
    text = "借呗逾期三天会怎样\n\n发布时间:2023-03-02\n\n借呗逾期三天后,平台会先通过短信提醒还款。\n"
    (project / "data/sources/gbk-sample.txt").write_bytes(text.encode("gbk"))
    assert run(project, "ingest").returncode == 0
    article = _load(project / "data/articles/gbk-sample.yml")
    assert article["encoding"] == "gb18030"
    assert article["title"] == "借呗逾期三天会怎样"
    assert str(article["date"]) == "2023-03-02"
    assert article["sections"][0]["paragraphs"][0]["text"] == "借呗逾期三天后，平台会先通过短信提醒还款。"


def test_cli_outside_a_project_says_what_to_do(tmp_path: Path) -> None:
    result = run(tmp_path, "check")
    assert result.returncode == 2
    assert "找不到 creditfaq 项目" in result.stderr


def test_python_dash_m_and_console_script_agree(project: Path) -> None:
    import shutil
    import subprocess
    import sys

    exe = Path(sys.executable).with_name("creditfaq")
    assert exe.exists() or shutil.which("creditfaq"), "the creditfaq entry point is not installed"
    out = subprocess.run([str(exe) if exe.exists() else "creditfaq", "--help"], capture_output=True, text=True)
    assert out.returncode == 0
    for verb in ("ingest", "extract", "check", "render", "build", "serve"):
        assert verb in out.stdout


def test_a_rebuild_with_nothing_changed_keeps_the_site_and_any_change_rebuilds_it(project: Path) -> None:
    assert run(project, "build").returncode == 0
    index = project / "site" / "index.html"
    built = index.stat().st_mtime_ns
    again = run(project, "build")
    assert again.returncode == 0 and "没有改动" in again.stdout, again.stdout
    assert index.stat().st_mtime_ns == built  # nothing ran again
    # a change to the data runs the pipeline; the site is rebuilt only if its pages changed
    glossary = project / "data" / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "# 编辑的注释\n", encoding="utf-8")
    third = run(project, "build")
    assert third.returncode == 0 and "没有改动" not in third.stdout
    assert "没有变化" in third.stdout and index.stat().st_mtime_ns == built  # a comment changes no page
    guide = project / "docs" / "pages" / "contributing.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\n编辑新加的一句话。\n", encoding="utf-8")
    assert run(project, "build").returncode == 0
    assert "编辑新加的一句话" in (project / "site" / "contributing" / "index.html").read_text(encoding="utf-8")


def test_a_cached_cleaning_that_cannot_be_read_is_cleaned_again(project: Path) -> None:
    assert run(project, "ingest").returncode == 0
    article = next((project / "data" / "articles").glob("*.yml"))
    before = article.read_text(encoding="utf-8")
    cached = sorted((project / ".creditfaq-cache" / "clean").glob("*.json"))
    assert cached, "ingest keeps no cleaning cache"
    for path in cached:
        path.write_text("{not json", encoding="utf-8")
    assert run(project, "ingest").returncode == 0
    assert article.read_text(encoding="utf-8") == before


def test_a_data_file_read_again_in_one_run_is_read_as_it_now_is(project: Path) -> None:
    from creditfaq.model import Glossary
    from creditfaq.store import Project, load_model

    p = Project(project)
    path = project / "data" / "glossary.yml"
    path.write_text("terms:\n- term: 宽限期\n  definition: 还款日后不算逾期的几天。\n  regulations: [some-rule]\n",
                    encoding="utf-8")
    first, _, problems = load_model(path, Glossary, p)
    assert first is not None and not problems
    again, _, _ = load_model(path, Glossary, p)
    assert again == first
    # staged content (what an earlier step of the run wrote) is what a later read sees
    text = path.read_text(encoding="utf-8").replace("宽限期", "容时容差", 1)
    p.stage(path, text)
    changed, _, _ = load_model(path, Glossary, p)
    assert changed is not None and changed.terms[0].term == "容时容差"
    p.stage(path, text.replace("definition:", "definitio:", 1))
    broken, _, problems = load_model(path, Glossary, p)
    assert broken is None and problems  # a broken edit is not hidden by an earlier good read


def test_cleanings_no_source_uses_any_more_are_dropped_from_the_cache(project: Path) -> None:
    assert run(project, "ingest").returncode == 0
    folder = project / ".creditfaq-cache" / "clean"
    used = sorted(p.name for p in folder.glob("*.json"))
    stale = folder / ("0" * 32 + ".json")  # as an older version of the code left it
    stale.write_text("{}", encoding="utf-8")
    assert run(project, "ingest").returncode == 0
    assert not stale.exists()
    assert sorted(p.name for p in folder.glob("*.json")) == used
