"""The build at scale, measured: a generated corpus of N sources shaped like the shipped ones
(title, 发布时间, headings, numbered items, related titles), built cold, rebuilt with nothing
changed and with one source changed, in a throw-away copy of the project.

    python -m creditfaq.bench --sources 300

Prints wall time and peak memory of each build, the size of the search index and of the
largest product page. Speed targets are measured here, not by timed tests (issue 13).
"""

from __future__ import annotations

import argparse
import gzip
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

SKIP = {".git", ".venv", "site", "node_modules", ".pytest_cache", ".ruff_cache", ".hypothesis", "test-artifacts"}
QUESTIONS = ("逾期一天会怎样", "逾期三天会上征信吗", "逾期一个月怎么办", "会爆通讯录吗", "催收电话打给家人怎么办",
             "逾期多久会被起诉", "协商还款怎么申请", "征信多久能恢复", "逾期后还能用吗", "罚息怎么算")


def copy_project(root: Path, dest: Path) -> Path:
    def ignore(folder: str, names: list[str]) -> set[str]:
        here = Path(folder)
        return {n for n in names if n in SKIP or (here == root / "docs" and n == "generated")
                or (here == root / "data" and n in ("articles",))}

    shutil.copytree(root, dest, ignore=ignore, symlinks=True)
    # the topic files hold the writers' review of the shipped corpus; the generated corpus starts fresh
    for topic in (dest / "data" / "topics").glob("*.yml"):
        topic.unlink()
    for source in (dest / "data" / "sources").iterdir():
        source.unlink()
    return dest


def generate(root: Path, dest: Path, n: int, seed: int = 7) -> None:
    """N sources from the shipped ones: the product swapped for one of the registry's, some
    paragraphs dropped, days and dates varied, ~100 related titles each."""
    rng = random.Random(seed)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((root / "data" / "sources").glob("*.txt"))]
    registry = yaml.safe_load((root / "data" / "products.yml").read_text(encoding="utf-8"))["products"]
    names = [p["name"] for p in registry]
    seed_names = sorted({n for n in names for s in seeds if n in s}, key=len, reverse=True)
    for i in range(n):
        text = seeds[i % len(seeds)]
        product = names[i % len(names)]
        for old in seed_names:
            text = text.replace(old, product)
        lines = text.splitlines()
        title, body = lines[0], lines[1:]
        kept = [ln for ln in body if not ln.strip() or rng.random() > 0.2 or ln.lstrip()[:2] in ("1.", "2.", "3.")]
        text = "\n".join([f"{title}（{i}）"] + kept)
        text = re.sub(r"发布时间:\S+ \S+",
                      f"发布时间:{2019 + i % 6}-{1 + i % 12:02d}-{1 + i % 28:02d} 08:{i % 60:02d}:00", text)
        related = [f"{rng.choice(names)}{rng.choice(QUESTIONS)}" for _ in range(100)]
        text += "\n\n相关推荐\n\n" + "\n".join(related) + "\n"
        (dest / "data" / "sources" / f"bench-{i:04d}.txt").write_text(text, encoding="utf-8")


def build(project: Path) -> tuple[float, float, int]:
    """Wall seconds, peak memory (MiB) of the build process, exit code."""
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "creditfaq", "build"], cwd=project, capture_output=True, text=True)
    seconds = time.monotonic() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if done.returncode != 0:
        sys.stderr.write(done.stdout[-2000:] + done.stderr[-2000:])
    return seconds, peak, done.returncode


def sizes(site: Path) -> dict[str, int]:
    index = site / "pagefind"
    page = site / "products" / "huabei" / "index.html"
    body = page.read_bytes() if page.is_file() else b""
    return {"pagefind_index_bytes": sum(f.stat().st_size for f in (index / "index").iterdir()) if index.is_dir() else 0,
            "pagefind_fragment_bytes": sum(f.stat().st_size for f in (index / "fragment").iterdir())
            if index.is_dir() else 0,
            "pagefind_chunks": len(list((index / "index").iterdir())) if index.is_dir() else 0,
            "huabei_page_bytes": len(body), "huabei_page_gzip_bytes": len(gzip.compress(body)),
            "pages": sum(1 for _ in site.rglob("index.html"))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=int, default=300)
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temporary one)")
    args = parser.parse_args(argv)
    root = Path(__file__).resolve().parents[2]
    work = args.keep or Path(tempfile.mkdtemp(prefix="creditfaq-bench-"))
    if work.exists():
        shutil.rmtree(work)
    project = copy_project(root, work)
    generate(root, project, args.sources)
    rows = []
    cold = build(project)
    rows.append(("cold build", *cold))
    rows.append(("rebuild, nothing changed", *build(project)))
    changed = next((project / "data" / "sources").glob("bench-0001.txt"))
    changed.write_text(changed.read_text(encoding="utf-8") + "\n逾期第五天会收到催收短信。\n", encoding="utf-8")
    rows.append(("rebuild, one source changed", *build(project)))
    print(f"{args.sources} sources")
    for name, seconds, peak, code in rows:
        print(f"{name:30s} {seconds:8.1f} s   peak {peak:7.0f} MiB" + ("" if code == 0 else f"   FAILED ({code})"))
    for key, value in sizes(project / "site").items():
        print(f"{key:30s} {value:>12,}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if all(code == 0 for *_, code in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
