"""The project on disk: where things are, and reading and writing data files.

Every other module works on records; this one and the CLI touch files.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, TypeVar

from pydantic import BaseModel, ValidationError

import yaml

from .yamlio import Located, Problem, SafeLoader, YamlSyntaxError, dump, field_path, load_located, update

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Project:
    """The repository on disk, and the files one command has staged for writing.

    Nothing a step writes reaches the disk before `commit()`: a run that fails part-way
    writes nothing, and later steps of the same run read what earlier ones staged.
    """

    root: Path
    # path → staged content (None: staged for deletion)
    staged: dict[Path, bytes | None] = field(default_factory=dict, compare=False, repr=False)

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
        """Everything in data/sources/ but hidden files: links and odd names included, for
        ingest to report."""
        if not self.sources.is_dir():
            return []
        return sorted((p for p in self.sources.iterdir() if not p.name.startswith(".")), key=lambda p: os.fsencode(p.name))

    def yaml_files(self, folder: Path) -> list[Path]:
        on_disk = set(folder.glob("*.yml")) if folder.is_dir() else set()
        staged = {p for p, c in self.staged.items() if p.parent == folder and p.suffix == ".yml" and c is not None}
        gone = {p for p, c in self.staged.items() if c is None}
        return sorted((on_disk | staged) - gone)

    # --- reading through what is staged -----------------------------------------------------

    def read_bytes(self, path: Path) -> bytes:
        if path in self.staged:
            content = self.staged[path]
            if content is None:
                raise FileNotFoundError(path)
            return content
        return path.read_bytes()

    def exists(self, path: Path) -> bool:
        if path in self.staged:
            return self.staged[path] is not None
        return path.is_file()

    # --- writing ------------------------------------------------------------------------

    def stage(self, path: Path, content: str | bytes) -> bool:
        """Stage `content` for `path`; False when the file already holds exactly that."""
        data = content.encode("utf-8") if isinstance(content, str) else content
        try:
            if self.read_bytes(path) == data:
                return False
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            pass
        self.staged[path] = data
        return True

    def stage_delete(self, path: Path) -> bool:
        if not self.exists(path):
            return False
        self.staged[path] = None
        return True

    def discard(self) -> None:
        self.staged.clear()

    def commit(self) -> list[Path]:
        """Write every staged file: first each to a temporary file of this process beside its
        target, then all of them renamed into place, so that no file is ever half-written and
        a failure while writing leaves every target as it was."""
        pending: list[tuple[Path, Path]] = []
        try:
            for path, content in sorted(self.staged.items(), key=lambda pc: str(pc[0])):
                if content is None:
                    continue
                path.parent.mkdir(parents=True, exist_ok=True)
                fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=f".{os.getpid()}.tmp")
                with os.fdopen(fd, "wb") as out:
                    out.write(content)
                pending.append((Path(tmp), path))
        except BaseException:
            for tmp, _ in pending:
                tmp.unlink(missing_ok=True)
            raise
        for tmp, path in pending:
            os.replace(tmp, path)
        done = [path for _, path in pending]
        for path, content in sorted(self.staged.items(), key=lambda pc: str(pc[0])):
            if content is None and path.is_file():
                path.unlink()
                done.append(path)
                parent = path.parent
                while parent != self.root and parent.is_dir() and not any(parent.iterdir()):
                    parent.rmdir()
                    parent = parent.parent
        self.staged.clear()
        return done


LOCK_NAME = ".creditfaq.lock"


@contextlib.contextmanager
def project_lock(project: Project) -> Iterator[None]:
    """One creditfaq run at a time in a repository: a second one waits for the first, so two
    builds never interleave their writes."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX: no lock, as before
        yield
        return
    with open(project.root / LOCK_NAME, "a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print("creditfaq: another creditfaq run is working in this folder; waiting for it to finish…",
                  file=sys.stderr, flush=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


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
    try:
        path.name.encode("utf-8")
    except UnicodeEncodeError:
        shown = os.fsencode(str(path)).decode("utf-8", "backslashreplace")
        return None, None, [Problem(shown, 1, 1, "", "the file name is not valid UTF-8: rename the file")]
    file = project.rel(path)
    try:
        if path.is_symlink():
            return None, None, [Problem(file, 1, 1, "", "is a symbolic link: creditfaq does not follow links; "
                                        "put the file itself here")]
        text = project.read_bytes(path).decode("utf-8")
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
    """Write one file at once (for commands that write a single file); see Project.commit."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=f".{os.getpid()}.tmp")
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    os.replace(tmp, path)
    return True


# The order a writer reads a claim in: what it is, when, how, then the evidence.
_KEY_ORDER = ("id", "status", "title", "days", "channels", "action", "hedge", "text", "quote", "products", "topic", "sources", "evidence", "regulations",
              "variants", "disputed", "note", "fingerprint")


def _ordered(value: Any) -> Any:
    if isinstance(value, dict):
        keys = sorted(value, key=lambda k: _KEY_ORDER.index(k) if k in _KEY_ORDER else len(_KEY_ORDER))
        ordered = {k: _ordered(value[k]) for k in keys} if "status" in value else value
        return {k: _ordered(v) for k, v in ordered.items()}
    if isinstance(value, (list, tuple)):
        return [_ordered(v) for v in value]
    return value


def write_record(project: Project, path: Path, record: BaseModel, header: str, replaces: tuple[str, ...] = ()) -> bool:
    """Stage a record as YAML, leaving out defaults a writer need not see. A file that exists
    may hold a writer's comments and ordering: it is updated in place, and a header creditfaq
    wrote in an earlier version (one of `replaces`) becomes `header`."""
    data = _ordered(record.model_dump(mode="python", exclude_defaults=True))
    if project.exists(path):
        old = project.read_bytes(path).decode("utf-8")
        current = next((header + old[len(h):] for h in replaces if h and old.startswith(h)), old)
        try:
            if yaml.load(current, Loader=SafeLoader) == yaml.load(dump(data), Loader=SafeLoader):
                return project.stage(path, current)
            return project.stage(path, update(current, data))
        except Exception:  # noqa: BLE001 - a file ruamel cannot round-trip is written afresh
            pass
    return project.stage(path, dump(data, header))


def sync_tree(project: Project, folder: Path, files: dict[str, str | bytes]) -> list[str]:
    """Stage `folder` to hold exactly `files` (relative path → content); only what changed."""
    changed = [rel for rel, content in sorted(files.items()) if project.stage(folder / rel, content)]
    if folder.is_dir():
        for path in sorted(folder.rglob("*"), reverse=True):
            rel = path.relative_to(folder).as_posix()
            if (path.is_file() or path.is_symlink()) and rel not in files:
                project.stage_delete(path) if path.is_file() else path.unlink()
                changed.append(rel)
    return changed
