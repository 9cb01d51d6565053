"""The code passes the linter the pre-commit hook runs, and the hook config is sound."""

from __future__ import annotations

import subprocess
import sys

import yaml

from conftest import ROOT


def test_ruff_finds_nothing() -> None:
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "scripts", "tests"], capture_output=True, text=True,
                            cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_pre_commit_hooks_run_the_projects_own_tools() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {h["id"]: h for repo in config["repos"] for h in repo["hooks"]}
    assert hooks["creditfaq-check"]["entry"] == ".venv/bin/creditfaq check"
    assert hooks["creditfaq-check"]["files"] == "^data/"
    assert "ruff check" in hooks["ruff"]["entry"]
