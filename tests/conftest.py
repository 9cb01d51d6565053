"""Shared fixtures: a throw-away copy of the project, and a site built from it once."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# In CI the property tests explore the same examples every run, so a red build is
# reproducible; locally each run explores new ones.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="re-pin tests/golden/expected/ from what the golden corpus renders now (after reading the diff)")
# What a fresh checkout holds that the pipeline reads; nothing from outside the repository.
PROJECT_FILES = ("mkdocs.yml", "data", "docs")
EPOCH = "1718000000"


def copy_project(dest: Path) -> Path:
    for name in PROJECT_FILES:
        src = ROOT / name
        if src.is_dir():  # never a stale docs/generated/: the pipeline makes it
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("generated"))
        else:
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    return dest


def run(root: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the creditfaq command line the way a writer would, in `root`: in this process (the
    same `main()` a shell calls, with its own streams, folder and environment), or as a real
    subprocess when CREDITFAQ_TEST_SUBPROCESS is set."""
    full_env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, **(env or {})}
    full_env.pop("CREDITFAQ_DEBUG", None)
    if os.environ.get("CREDITFAQ_TEST_SUBPROCESS"):
        return subprocess.run([sys.executable, "-m", "creditfaq", *args], cwd=root, env=full_env,
                              capture_output=True, text=True, timeout=600)
    import contextlib
    import io

    from creditfaq.cli import main

    out, err = io.StringIO(), io.StringIO()
    saved_env, saved_cwd = dict(os.environ), os.getcwd()
    os.environ.clear()
    os.environ.update(full_env)
    try:
        os.chdir(root)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exc:  # argparse's usage errors
                code = exc.code if isinstance(exc.code, int) else 2
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
    return subprocess.CompletedProcess(["creditfaq", *args], code, out.getvalue(), err.getvalue())


def _without_machine_output(root: Path) -> None:
    """The copy without the articles, topics and questions the pipeline made (and writers fixed)."""
    for pattern in ("data/articles/*.yml", "data/topics/*.yml", "data/questions.yml"):
        for f in root.glob(pattern):
            f.unlink()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "repo")


@pytest.fixture
def machine_project(tmp_path: Path) -> Path:
    """A copy whose articles and topics are the pipeline's own output from the sources, with
    none of the writers' fixes: for tests about what the machine does with the seeds, which
    must not break when a writer fixes a seed's defects in the committed data."""
    root = copy_project(tmp_path / "machine")
    _without_machine_output(root)
    for verb in ("ingest", "extract"):
        result = run(root, verb)
        assert result.returncode == 0, result.stderr
    return root


@pytest.fixture(scope="session")
def machine_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("machine-built") / "repo")
    _without_machine_output(root)
    result = run(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


# Sources of our own, in the shapes the web writes (plain-text scrapes, GBK, Big5, Markdown,
# HTML pages with their furniture): the cleaner's invariants are tested on these, not on
# whatever data/sources/ holds, so a writer's new article never turns them red.
FIXTURE_SOURCES = ("tests/fixtures/sources", "tests/fixtures/writers-week", "tests/golden/project/data/sources")


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project with data/sources/ replaced by FIXTURE_SOURCES and no articles or topics of
    its own, built once."""
    root = copy_project(tmp_path_factory.mktemp("fixture-built") / "repo")
    shutil.rmtree(root / "data/sources")
    (root / "data/sources").mkdir()
    for folder in FIXTURE_SOURCES:
        for f in sorted((ROOT / folder).iterdir()):
            if f.is_file():
                shutil.copy2(f, root / "data/sources" / re.sub(r"[^A-Za-z0-9_.-]", "_", f.name))
    _without_machine_output(root)
    result = run(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("built") / "repo")
    result = run(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def load_hostile_generator():
    """tests/hostile/generate.py, loaded by path: the attack corpus, written by someone who had
    not read the cleaner (see its docstring)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("hostile_generate", ROOT / "tests/hostile/generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@pytest.fixture(scope="session")
def hostile(tmp_path_factory: pytest.TempPathFactory):
    """The project with the hostile corpus added to its sources, built once: (root, corpus, result)."""
    corpus = load_hostile_generator().generate()
    root = copy_project(tmp_path_factory.mktemp("hostile") / "repo")
    for name, data in corpus.files.items():
        (root / "data/sources" / name).write_bytes(data)
    result = run(root, "build")
    return root, corpus, result
