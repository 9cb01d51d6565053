"""The command line: one verb per pipeline stage, plus build and serve.

Exit codes: 0 done; 1 the data has problems (printed as path:line:col: message); 2 usage or
set-up error; 3 an internal error (a bug: the message says how to get the details).

Messages are in Chinese, for writers; `--lang en` (or CREDITFAQ_LANG=en) gives English.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import traceback
from pathlib import Path

from .lang import LANGUAGES, say, set_language
from .store import EditedMeanwhile, Project, project_lock
from .yamlio import Problem


def _print_problems(problems: list[Problem]) -> None:
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        noun = "problem" if len(problems) == 1 else "problems"
        print(say(f"共发现 {len(problems)} 个问题：请按上面每行的说明改正，然后再运行一次这个命令。",
                  f"{len(problems)} {noun} found; fix them and run the command again."), file=sys.stderr)


def _print_warnings(warnings: list[Problem]) -> None:
    for w in warnings:
        print(say(f"{w.file}: 提醒：{w.message}", f"{w.file}: warning: {w.message}"), file=sys.stderr)


def _blocking(problems: list[Problem]) -> bool:
    """Problems with a source skip that source; any other problem stops the run."""
    return any(not p.file.startswith("data/sources/") for p in problems)


def _ingest(project: Project, args: argparse.Namespace) -> tuple[int, bool]:
    """(exit code, whether the run may go on)."""
    from .pipeline import ingest

    rows, problems, warnings = ingest(project)
    written = sum(r.written for r in rows)
    if getattr(args, "report", False):
        for r in rows:
            removed = ", ".join(f"{rule} ×{n}" for rule, n in sorted(r.removed.items())) or say("无", "nothing")
            print(f"{r.source} → data/articles/{r.article}.yml")
            print(say(f"    保留 {r.chars_kept} 字；删除：{removed}", f"    kept {r.chars_kept} characters; removed: {removed}"))
            print(say(f"    待处理：{'，'.join(r.defects) if r.defects else '无'}",
                      f"    defects: {', '.join(r.defects) if r.defects else 'none'}"))
    _print_warnings(warnings)
    if _blocking(problems):
        _print_problems(problems)
        print(say("ingest: 文章文件有错误，没有改写任何文章：请先改正上面的问题，再运行一次",
                  "ingest: no article was rewritten because article files have errors: fix them, then run the "
                  "command again"), file=sys.stderr)
        project.discard()
        return 1, False
    new = sum(r.written and r.new for r in rows)
    print(say(f"ingest: 从 {project.rel(project.sources)}/ 整理了 {len(rows)} 篇文章（新增 {new} 篇，更新 {written - new} 篇）",
              f"ingest: {len(rows)} articles ({new} new, {written - new} updated) from {project.rel(project.sources)}/"))
    _print_problems(problems)
    return (1 if problems else 0), True


def cmd_ingest(project: Project, args: argparse.Namespace) -> int:
    code, ok = _ingest(project, args)
    if ok:
        project.commit()
    return code


def _extract_warning(warning: str) -> str:
    """The extractor's warnings (in English) as a writer reads them; unknown ones as they are."""
    m = re.fullmatch(r"article (\S+): the title names `([^`]+)` but the body mostly describes `([^`]+)` \((\d+) mentions "
                     r"against (\d+)\); clauses that name no product are filed under `[^`]+` — check them", warning)
    if m is None and (m2 := re.fullmatch(r"article (\S+): the title names `([^`]+)` but the body mentions `([^`]+)` more "
                                         r"\((\d+) against (\d+)\); clauses that name no product are filed under `[^`]+` "
                                         r"— check them", warning)):
        aid, title, body, n_body, n_title = m2.groups()
        return say(f"提醒：文章 {aid} 的标题说的是 `{title}`，正文却更多地提到 `{body}`（{n_body} 次，`{title}` {n_title} 次）；"
                   f"没有点名产品的句子仍算在 `{title}` 名下，请检查这篇文章产生的说法", f"warning: {warning}")
    if m is None:
        return say(f"提醒：{warning}", f"warning: {warning}")
    aid, title, body, n_body, n_title = m.groups()
    return say(f"提醒：文章 {aid} 的标题说的是 `{title}`，正文却主要讲 `{body}`（提到 {n_body} 次，`{title}` {n_title} 次）；"
               f"没有点名产品的句子都算在 `{body}` 名下，请检查这篇文章产生的说法", f"warning: {warning}")


def _extract(project: Project) -> bool:
    from .pipeline import run_extract

    written, warnings, problems = run_extract(project)
    for w in warnings:
        print(w if w.startswith("questions:") else _extract_warning(w), file=sys.stderr)
    if problems:
        _print_problems(problems)
        print(say("extract: 数据有上面的问题，没有更新任何专题文件：请先改正，再运行一次",
                  "extract: no topic file was updated because the data has the problems above: fix them, then run "
                  "the command again"), file=sys.stderr)
        project.discard()
        return False
    print(say(f"extract: 更新了 {len(written)} 个专题文件" + (f"（{', '.join(written)}）" if written else ""),
              f"extract: {len(written)} topic files updated" + (f" ({', '.join(written)})" if written else "")))
    return True


def cmd_extract(project: Project, args: argparse.Namespace) -> int:
    if not _extract(project):
        return 1
    project.commit()
    return 0


def cmd_check(project: Project, args: argparse.Namespace) -> int:
    from .pipeline import check

    corpus, problems = check(project)
    _print_problems(problems)
    if not problems:
        products = len(corpus.products.products) if corpus.products else 0
        print(say(f"check: {len(corpus.articles)} 篇文章、{len(corpus.topics)} 个专题文件、{products} 个产品，全部正确",
                  f"check: {len(corpus.articles)} articles, {len(corpus.topics)} topic files, {products} products: "
                  "all valid"))
    return 1 if problems else 0


def _valid_corpus(project: Project, refusal: str):
    """The checked corpus, or None after printing its problems and `refusal`."""
    from .pipeline import check

    corpus, problems = check(project)
    if problems:
        _print_problems(problems)
        print(refusal, file=sys.stderr)
        return None
    return corpus


def _render(project: Project) -> bool:
    from .pipeline import render

    if (corpus := _valid_corpus(project, say("render: 数据有问题，没有生成页面，也没有写入任何文件",
                                             "render: not rendered, the data has problems; nothing was written"))) is None:
        project.discard()
        return False
    changed = render(project, corpus)
    print(say(f"render: {project.rel(project.generated)}/ 里有 {len(changed)} 个文件有变化",
              f"render: {len(changed)} files changed in {project.rel(project.generated)}/"))
    return True


def cmd_render(project: Project, args: argparse.Namespace) -> int:
    if not _render(project):
        return 1
    project.commit()
    return 0


def _pipeline(project: Project, args: argparse.Namespace) -> tuple[int, bool]:
    """Run ingest, extract and render as one transaction: every file they change is written
    at the end, or none is. Returns (exit code, whether pages were rendered).

    A source that cannot be read is reported and skipped (its article stays as it was), and
    the rest still goes on to the site; bad data anywhere else stops the run, writing nothing.
    """
    code, ok = _ingest(project, args)
    if not ok or not _extract(project) or not _render(project):
        project.discard()
        return 1, False
    project.commit()
    return code, True


def cmd_build(project: Project, args: argparse.Namespace) -> int:
    from .pipeline import BUILD_STAMP, build_stamp, mkdocs_build, stamp_matches, write_stamp

    # nothing a build reads changed since the last build that went through without a problem:
    # the site is what this one would build (--verbose always builds, to show what it says)
    if not args.verbose and (project.generated / "index.md").is_file() \
            and stamp_matches(project, BUILD_STAMP, build_stamp(project)):
        print(say(f"build: 自上次构建以来 data/ 和页面都没有改动，{project.site}/ 保持原样（要重新检查数据，运行 `make check`）",
                  f"build: nothing changed since the last build; {project.site}/ is as it was (`make check` checks "
                  "the data again)"))
        return 0
    code, rendered = _pipeline(project, args)
    if not rendered:
        print(say("build: 什么都没有写入；请改正上面的问题，再构建一次",
                  "build: nothing was written; fix the problems above and build again"), file=sys.stderr)
        return code
    if mkdocs_build(project, verbose=args.verbose) != 0:
        print(say(f"build: 网站严格构建（mkdocs build --strict）没有通过，见上面的信息（WARNING 多半是手写页面里的链接"
                  f"指向了不存在的页面）；{project.site}/ 没有改动",
                  f"build: mkdocs build --strict failed (see the messages above); {project.site}/ is unchanged"),
              file=sys.stderr)
        return 1
    print(say(f"build: 网站已生成在 {project.site}/ ——打开 {project.site / 'index.html'}，或者运行 `make serve` 预览",
              f"build: the site is in {project.site}/ — open {project.site / 'index.html'} or run `make serve`"))
    if code:
        print(say("build: 上面报告的来源文章没有收进网站；请改正后再构建一次",
                  "build: built without the sources reported above; fix them and build again"), file=sys.stderr)
    else:
        # the stamp of what is on disk now, the build's own changes to data/ included: a
        # build of exactly this writes nothing new
        write_stamp(project, BUILD_STAMP, build_stamp(project))
    return code


def cmd_report(project: Project, args: argparse.Namespace) -> int:
    import datetime as dt

    from .pipeline import build_date
    from .report import health, text_report

    if (corpus := _valid_corpus(project, say("report: 请先改正上面的问题", "report: fix the problems above first"))) is None:
        return 1
    today = dt.date.fromisoformat(args.today) if args.today else build_date()
    names = {p.id: p.name for p in corpus.products.products} if corpus.products else {}
    print(text_report(health(corpus, today, args.max_age_days), names))
    return 0


def cmd_eval(project: Project, args: argparse.Namespace) -> int:
    import yaml

    from . import factgate
    from .evaluate import baseline_for, below_floor, evaluate, report
    from .model import ProductRegistry
    from .store import load_model
    from .yamlio import dump

    cases = (args.cases or project.root / "tests/eval/cases.yml").resolve()
    if not cases.is_file():
        print(f"creditfaq eval: no cases file at {cases}", file=sys.stderr)
        return 2
    scores = evaluate(cases)
    print(report(scores))
    from .evaluate import EXTRA_SETS, below_set_floor, set_figures, set_floors

    extra = {}
    for name in EXTRA_SETS:
        if (cases.parent / name / "cases.yml").is_file():
            extra[name] = evaluate(cases.parent / name / "cases.yml")
            figures = set_figures(extra[name])
            print(f"\n{name}:")
            print(report(extra[name]))
            print(f"{name}: keep {figures['keep_recall']:.3f}, drop {figures['drop_recall']:.3f}, "
                  f"titles {figures['titles']:.3f}")
    # the extraction gate: every cases file under tests/eval/facts/, scored with the registry
    facts_dir = cases.parent / "facts"
    fact_files = sorted(p for p in facts_dir.glob("*.yml") if p.name != "baseline.yml")
    registry, _, problems = load_model(project.products_file, ProductRegistry, project)
    fact_scores = []
    if fact_files and registry is not None:
        fact_scores = factgate.evaluate_facts(fact_files, registry.products)
        print()
        print(factgate.report(fact_scores, verbose=args.verbose))
    baseline_file = cases.parent / "baseline.yml"
    fact_baseline_file = facts_dir / "baseline.yml"
    if args.update_baseline:
        header = ("# Floors of the cleaner's evaluation gate (creditfaq eval). Written by\n"
                  "# `creditfaq eval --update-baseline`; the test suite fails below them. Lowering a\n"
                  "# number here is a visible change: say why in the commit message.\n")
        baseline_file.write_text(dump(baseline_for(scores), header), encoding="utf-8")
        for name, set_scores in extra.items():
            (cases.parent / name / "baseline.yml").write_text(dump(set_floors(set_scores), header), encoding="utf-8")
        if fact_scores:
            fact_baseline_file.write_text(dump(factgate.baseline_for(fact_scores), header.replace(
                "cleaner's", "extractor's")), encoding="utf-8")
        print(f"eval: floors written to {project.rel(baseline_file)}" + (
            f" and {project.rel(fact_baseline_file)}" if fact_scores else ""))
        return 0
    baseline = yaml.safe_load(baseline_file.read_text(encoding="utf-8")) if baseline_file.is_file() else {}
    failures = below_floor(scores, baseline or {})
    for name, set_scores in extra.items():
        floors_file = cases.parent / name / "baseline.yml"
        floors = yaml.safe_load(floors_file.read_text(encoding="utf-8")) if floors_file.is_file() else {}
        failures += below_set_floor(name, set_scores, floors or {})
    if fact_scores:
        fact_baseline = (yaml.safe_load(fact_baseline_file.read_text(encoding="utf-8"))
                         if fact_baseline_file.is_file() else {})
        failures += factgate.below_floor(fact_scores, fact_baseline or {})
    for f in failures:
        print(f"eval: {f}", file=sys.stderr)
    return 1 if failures else 0


def cmd_schema(project: Project, args: argparse.Namespace) -> int:
    from .schema import export
    from .store import write_if_changed

    folder = project.data / "schemas"
    changed = [name for name, text in export().items() if write_if_changed(folder / name, text)]
    print(f"schema: {len(changed)} of the JSON Schemas in {project.rel(folder)}/ updated")
    return 0


def cmd_serve(project: Project, args: argparse.Namespace) -> int:
    from .serve import serve

    import dataclasses

    project = dataclasses.replace(project, preview=True)

    def rebuild() -> int:
        with project_lock(project):
            try:
                return _pipeline(project, args)[0]
            except EditedMeanwhile as exc:  # a save while it ran: the preview runs again for it
                print(exc.message(project), file=sys.stderr)
                return 1

    return serve(project, args.dev_addr, rebuild, verbose=args.verbose)


def cmd_search_eval(project: Project, args: argparse.Namespace) -> int:
    """The search scored in Chromium on every query set of tests/eval/search/, and the first
    search on a slow phone network; floors in tests/eval/search/baseline.yml."""
    import yaml

    from .search_eval import run
    from .yamlio import dump

    folder = project.root / "tests/eval/search"
    if not (project.site / "pagefind").is_dir():
        print("search-eval: no search index in site/: run `make site` first", file=sys.stderr)
        return 2
    sets = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))["queries"]
            for p in sorted(folder.glob("*.yml")) if p.name != "baseline.yml"}
    scores, first = run(project.site, sets)
    for name, scored in scores.items():
        print(scored.line(name))
        if args.verbose and not name.startswith("blind"):  # a frozen set's misses are not to tune on
            for miss in scored.misses:
                print(f"  - {miss}")
    for how, f in first.items():
        print(f"first search on 1.5 Mbps / 300 ms, served {how}: results in {f.seconds:.2f} s, complete in "
              f"{f.complete:.2f} s, {f.bytes / 1024:.1f} KiB in {len(f.requests)} requests")
        if args.verbose:
            for url, n in f.requests[:12]:
                print(f"  {n:8d} {url}")
    baseline_file = folder / "baseline.yml"
    figures = {name: {"hit1": round(s.hit1, 3), "hit3": round(s.hit3, 3)} for name, s in scores.items()}
    if args.update_baseline:
        header = ("# Floors of the search's evaluation (creditfaq search-eval). Written by\n"
                  "# `creditfaq search-eval --update-baseline`; the test suite fails below them. Lowering a\n"
                  "# number here is a visible change: say why in the commit message.\n")
        baseline_file.write_text(dump(figures, header), encoding="utf-8")
        print(f"search-eval: floors written to {project.rel(baseline_file)}")
        return 0
    floors = yaml.safe_load(baseline_file.read_text(encoding="utf-8")) if baseline_file.is_file() else {}
    failures = [f"{name} {k} {figures[name][k]:.3f} < floor {v:.3f}" for name, fl in (floors or {}).items()
                if name in figures for k, v in fl.items() if figures[name][k] < v]
    failures += [f"{name}: {s.out_of_scope - s.out_of_scope_answered} out-of-scope queries not answered so"
                 for name, s in scores.items() if s.out_of_scope_answered < s.out_of_scope]
    for failure in failures:
        print(f"search-eval: below the floor: {failure}", file=sys.stderr)
    return 1 if failures else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="creditfaq", description="Build the credit FAQ site from data/.")
    parser.add_argument("--root", type=Path, help="the repository folder (default: found from the current folder)")
    parser.add_argument("--debug", action="store_true", help="show a traceback on internal errors")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the messages (default: CREDITFAQ_LANG, else "
                        "zh, Chinese, for writers; en: English, for developers)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p = sub.add_parser("ingest", help="clean every file in data/sources/ into data/articles/")
    p.add_argument("--report", action="store_true", help="print per source what was kept, removed and flagged")
    p.set_defaults(func=cmd_ingest)
    sub.add_parser("extract", help="extract claims per product from data/articles/ into data/topics/").set_defaults(func=cmd_extract)
    sub.add_parser("check", help="validate everything under data/").set_defaults(func=cmd_check)
    sub.add_parser("render", help="write the Markdown pages into docs/generated/").set_defaults(func=cmd_render)
    p = sub.add_parser("build", help="ingest, extract, check, render, then mkdocs build --strict into site/")
    p.add_argument("--verbose", action="store_true", help="also show mkdocs' own INFO lines and the theme's notices")
    p.set_defaults(func=cmd_build)
    sub.add_parser("schema", help="write the JSON Schemas of the data files into data/schemas/").set_defaults(func=cmd_schema)
    p = sub.add_parser("report", help="content health: empty sections, disputes, unreviewed claims, defects, old sources")
    p.add_argument("--max-age-days", type=int, default=730, help="a source older than this is reported (default 730)")
    p.add_argument("--today", help="the date to measure ages from (YYYY-MM-DD; default today)")
    p.set_defaults(func=cmd_report)
    p = sub.add_parser("eval", help="score the cleaner on the evaluation pages against the pinned floors")
    p.add_argument("--cases", type=Path, help="cases file (default: tests/eval/cases.yml)")
    p.add_argument("--update-baseline", action="store_true", help="pin the current scores as the new floors")
    p.add_argument("--verbose", action="store_true", help="list every missed and extra fact of the extraction gate")
    p.set_defaults(func=cmd_eval)
    p = sub.add_parser("search-eval", help="score the site's search in Chromium on tests/eval/search/ (needs make site)")
    p.add_argument("--update-baseline", action="store_true", help="pin the current scores as the new floors")
    p.add_argument("--verbose", action="store_true", help="list every query whose expected page was not first")
    p.set_defaults(func=cmd_search_eval)
    p = sub.add_parser("serve", help="live preview: rebuilds when anything under data/ or docs/pages/ changes")
    p.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default 127.0.0.1:8000)")
    p.add_argument("--verbose", action="store_true", help="also show mkdocs' own INFO lines and the theme's notices")
    p.set_defaults(func=cmd_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    set_language(args.lang)
    try:
        project = Project(args.root.resolve()) if args.root else Project.find()
    except FileNotFoundError as exc:
        print(f"creditfaq: {exc}", file=sys.stderr)
        return 2
    try:
        if args.command == "serve":  # takes the lock for each rebuild, not while it waits
            return args.func(project, args)
        with project_lock(project):
            return args.func(project, args)
    except EditedMeanwhile as exc:
        print(exc.message(project), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head` and cut short: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except MemoryError:
        print(say("creditfaq: 内存不够：某个来源文章或数据文件太大了；大小限制见贡献指南",
                  "creditfaq: out of memory: a source or data file is far too large; see the limits in the README"),
              file=sys.stderr)
        return 1
    except Exception as exc:  # a bug, not bad data: say so briefly, details on request
        if args.debug or os.environ.get("CREDITFAQ_DEBUG"):
            traceback.print_exc()
        else:
            print(say(f"creditfaq: 程序内部出错（{type(exc).__name__}: {exc}）。\n"
                      "这是程序的错误，不是你的数据的问题：请加上 --debug 再运行一次，把输出发给工程师。",
                      f"creditfaq: internal error: {type(exc).__name__}: {exc}\n"
                      "This is a bug in creditfaq, not in your data. Run again with --debug and report the output."),
                  file=sys.stderr)
        return 3


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
