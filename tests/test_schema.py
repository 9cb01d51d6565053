"""The JSON Schemas writers' editors use: in step with the models, accepting every shipped
data file and rejecting what `creditfaq check` rejects."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import ROOT
from creditfaq.schema import SCHEMAS, export


class _EditorLoader(yaml.SafeLoader):
    """Reads YAML as an editor's language server does: dates stay strings."""


_EditorLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _load(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_EditorLoader)


def _validator(name: str) -> jsonschema.protocols.Validator:
    schema = json.loads((ROOT / "data/schemas" / name).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_committed_schemas_match_the_models() -> None:
    for name, text in export().items():
        assert (ROOT / "data/schemas" / name).read_text(encoding="utf-8") == text, (
            f"data/schemas/{name} is out of date: run `creditfaq schema`")


def test_every_shipped_data_file_is_valid() -> None:
    checked = 0
    for name, (_, globs) in SCHEMAS.items():
        validator = _validator(name)
        for pattern in globs:
            for path in sorted(ROOT.glob(pattern)):
                errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(_load(path))]
                assert not errors, f"{path.relative_to(ROOT)}: {errors[:3]}"
                checked += 1
    assert checked >= 9




@pytest.mark.parametrize(
    ("old", "new", "why"),
    [
        ("  channels: [短信, APP, 邮件]", "  chanels: [短信, APP, 邮件]", "unknown key"),
        ("channels: [短信, APP, 邮件]", "channels: [短信, 飞鸽传书, 邮件]", "unknown channel"),
        ("status: machine", "status: accepted", "unknown status"),
        ("  channels: [短信, APP, 邮件]", "  days: [三天, 5]\n  channels: [短信, APP, 邮件]", "days not numbers"),
        ("003-b85ce5825ee596e3#p-df92d050", "第三篇第二段", "malformed source reference"),
        ("product: huabei", "product: 花呗", "product id not a slug"),
        ("  status: machine\n  title: 提醒通知\n", "  title: 提醒通知\n", "missing status"),
    ],
)
def test_the_schema_rejects_what_check_rejects(machine_project: Path, old: str, new: str, why: str) -> None:
    text = (machine_project / "data/topics/huabei.yml").read_text(encoding="utf-8")
    assert old in text, why
    broken = yaml.load(text.replace(old, new, 1), Loader=_EditorLoader)
    assert list(_validator("topic.schema.json").iter_errors(broken)), why


def test_the_editor_is_wired_to_the_schemas() -> None:
    """VS Code (redhat.vscode-yaml) maps every data file to its schema, so keys complete and
    mistakes are underlined as a writer types."""
    settings = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    assert {Path(k).name for k in mapping} == set(SCHEMAS)
    for schema, globs in mapping.items():
        assert (ROOT / schema).is_file(), schema
        assert tuple(globs) == SCHEMAS[Path(schema).name][1]
    covered = {p for globs in mapping.values() for g in globs for p in ROOT.glob(g)}
    data_files = {p for p in (ROOT / "data").rglob("*.yml")}
    assert data_files <= covered, sorted(str(p) for p in data_files - covered)
