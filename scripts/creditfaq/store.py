"""The project on disk: where things are, and reading and writing data files.

Every other module works on records; this one and the CLI touch files.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

import yaml

from .yamlio import Located, Problem, SafeLoader, YamlSyntaxError, dump, field_path, load_located, update

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Project:
    root: Path

    @classmethod
    def find(cls, start: Path | None = None) -> "Project":
        here = (start or Path.cwd()).resolve()
        for candidate in (here, *here.parents):
            if (candidate / "mkdocs.yml").is_file() and (candidate / "data").is_dir():
                return cls(candidate)
        raise FileNotFoundError(
            f"no creditfaq project found at or above {here}: run this inside the repository "
            "(the folder with mkdocs.yml and data/), or pass --root"
        )

    data = property(lambda self: self.root / "data")
    sources = property(lambda self: self.root / "data" / "sources")
    articles = property(lambda self: self.root / "data" / "articles")
    topics = property(lambda self: self.root / "data" / "topics")
    products_file = property(lambda self: self.root / "data" / "products.yml")
    regulations_file = property(lambda self: self.root / "data" / "regulations.yml")
    glossary_file = property(lambda self: self.root / "data" / "glossary.yml")
    pages = property(lambda self: self.root / "docs" / "pages")
    generated = property(lambda self: self.root / "docs" / "generated")
    site = property(lambda self: self.root / "site")

    def rel(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return str(path)

    def source_files(self) -> list[Path]:
        if not self.sources.is_dir():
            return []
        return sorted(p for p in self.sources.iterdir() if p.is_file() and not p.name.startswith("."))

    def yaml_files(self, folder: Path) -> list[Path]:
        return sorted(folder.glob("*.yml")) if folder.is_dir() else []


# --- Validation with positions ----------------------------------------------------------------


def _allowed_keys(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The keys the record at `loc` accepts, to suggest in an unknown-key message."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return []
        ann = field.annotation
        for arg in (*getattr(ann, "__args__", ()), ann):
            if isinstance(arg, type) and issubclass(arg, BaseModel):
                current = arg
                break
    return list(getattr(current, "model_fields", {}))


def _message(err: dict[str, Any], model: type[BaseModel]) -> str:
    kind, loc, value = err["type"], err["loc"], err.get("input")
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, loc[:-1])
        hint = f"; allowed keys here: {', '.join(allowed)}" if allowed else ""
        return f"unknown key `{loc[-1]}` (a typo?){hint}"
    if kind == "missing":
        return f"missing required key `{loc[-1]}`"
    if kind == "string_pattern_mismatch":
        name = str(next((p for p in reversed(loc) if isinstance(p, str)), ""))
        expected = {
            "sources": "`<article-id>#<paragraph-id>`, e.g. `003-b85ce5825ee596e3#p-1a2b3c4d`",
            "product": "a product id from data/products.yml (lowercase ASCII, e.g. `huabei`)",
            "id": "a lowercase ASCII id",
        }.get(name, "the documented format")
        return f"`{value}` is not valid here: expected {expected}"
    if kind == "literal_error":
        return f"`{value}` is not allowed: expected {err['ctx']['expected']}"
    msg = err["msg"]
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, "):]
    if value is not None and not isinstance(value, (dict, list)) and kind not in ("value_error",):
        msg += f" (got `{value}`)"
    return msg


def validate(model: type[M], located: Located, file: str) -> tuple[M | None, list[Problem]]:
    try:
        return model.model_validate(located.data), []
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and ("[" in p or p.startswith("function-"))))
            line, col = located.where(loc, key=err["type"] == "extra_forbidden")
            problems.append(Problem(file, line, col, field_path(loc), _message(err, model)))
        return None, problems


def load_model(path: Path, model: type[M], project: Project) -> tuple[M | None, Located | None, list[Problem]]:
    """Read, parse and validate one YAML file; never raises on bad content."""
    file = project.rel(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, None, [Problem(file, 1, 1, "", f"not UTF-8 (byte {exc.start}): save the file as UTF-8")]
    except OSError as exc:
        return None, None, [Problem(file, 1, 1, "", f"cannot read the file: {exc.strerror}")]
    try:
        located, duplicates = load_located(text)
    except YamlSyntaxError as exc:
        return None, None, [Problem(file, exc.line, exc.col, "", exc.message)]
    problems = [Problem(file, line, col, field, msg) for line, col, field, msg in duplicates]
    if located.data is None:
        return None, located, problems + [Problem(file, 1, 1, "", "the file is empty")]
    record, errors = validate(model, located, file)
    return record, located, problems + errors


# --- Writing -------------------------------------------------------------------------------


def write_if_changed(path: Path, content: str | bytes) -> bool:
    data = content.encode("utf-8") if isinstance(content, str) else content
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return True


# The order a writer reads a claim in: what it is, when, how, then the evidence.
_KEY_ORDER = ("id", "status", "title", "days", "channels", "text", "products", "topic", "sources", "regulations",
              "variants", "disputed", "note", "fingerprint")


def _ordered(value: Any) -> Any:
    if isinstance(value, dict):
        keys = sorted(value, key=lambda k: _KEY_ORDER.index(k) if k in _KEY_ORDER else len(_KEY_ORDER))
        ordered = {k: _ordered(value[k]) for k in keys} if "status" in value else value
        return {k: _ordered(v) for k, v in ordered.items()}
    if isinstance(value, (list, tuple)):
        return [_ordered(v) for v in value]
    return value


def write_record(path: Path, record: BaseModel, header: str) -> bool:
    """Write a record as YAML, leaving out defaults a writer need not see."""
    data = _ordered(record.model_dump(mode="python", exclude_defaults=True))
    if path.is_file():
        # the file may hold a writer's comments and ordering: update it in place
        old = path.read_text(encoding="utf-8")
        try:
            if yaml.load(old, Loader=SafeLoader) == yaml.load(dump(data), Loader=SafeLoader):
                return False
            return write_if_changed(path, update(old, data))
        except Exception:  # noqa: BLE001 - a file ruamel cannot round-trip is written afresh
            pass
    return write_if_changed(path, dump(data, header))


def sync_tree(folder: Path, files: dict[str, str | bytes]) -> list[str]:
    """Make `folder` hold exactly `files` (relative path → content); touch only what changed."""
    changed = [rel for rel, content in sorted(files.items()) if write_if_changed(folder / rel, content)]
    if folder.is_dir():
        for path in sorted(folder.rglob("*"), reverse=True):
            rel = path.relative_to(folder).as_posix()
            if path.is_file() and rel not in files:
                path.unlink()
                changed.append(rel)
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return changed
