"""The project on disk: where things are, and reading and writing data files.

Every other module works on records; this one and the CLI touch files.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, TypeVar

from pydantic import BaseModel, ValidationError

import yaml

from .lang import listing, say
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
    # caches a run keeps in memory (write_record's memo), by name
    caches: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    # the writers' live preview (`creditfaq serve`): pages name the data file they come from
    preview: bool = field(default=False, compare=False)
    # what each file held when this run first read it (a digest; None: it did not exist), so a
    # file a writer saves while the run works from its earlier content is not overwritten
    seen: dict[Path, bytes | None] = field(default_factory=dict, compare=False, repr=False)
    # the files the last commits wrote (their mtime_ns; -1: deleted), for the preview to tell
    # its own writes from a writer's save
    written: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def find(cls, start: Path | None = None) -> "Project":
        here = (start or Path.cwd()).resolve()
        for candidate in (here, *here.parents):
            if (candidate / "mkdocs.yml").is_file() and (candidate / "data").is_dir():
                return cls(candidate)
        raise FileNotFoundError(say(
            f"在 {here} 及其上级文件夹里找不到 creditfaq 项目：请在项目文件夹（有 mkdocs.yml 和 data/ 的那个）里运行，"
            "或者用 --root 指定项目文件夹",
            f"no creditfaq project found at or above {here}: run this inside the repository "
            "(the folder with mkdocs.yml and data/), or pass --root"))

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
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            self.seen.setdefault(path, None)
            raise
        self.seen.setdefault(path, hashlib.sha256(data).digest())
        return data

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
        self.seen.clear()

    def edited_meanwhile(self) -> list[Path]:
        """The staged files whose content on disk is no longer what this run read."""
        def now(path: Path) -> bytes | None:
            try:
                return hashlib.sha256(path.read_bytes()).digest()
            except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
                return None
        return sorted(p for p in self.staged if p in self.seen and now(p) != self.seen[p])

    def commit(self) -> list[Path]:
        """Write every staged file: first each to a temporary file of this process beside its
        target, then all of them renamed into place, so that no file is ever half-written and
        a failure while writing leaves every target as it was.

        A file saved by someone else since this run read it (a writer's editor, while the
        preview rebuilds) is never overwritten: nothing is written and EditedMeanwhile says
        which files; running again works from what they now hold."""
        if changed := self.edited_meanwhile():
            self.discard()
            raise EditedMeanwhile(changed)
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
            self.written[str(path)] = path.stat().st_mtime_ns
        done = [path for _, path in pending]
        for path, content in sorted(self.staged.items(), key=lambda pc: str(pc[0])):
            if content is None and path.is_file():
                path.unlink()
                self.written[str(path)] = -1
                done.append(path)
                parent = path.parent
                while parent != self.root and parent.is_dir() and not any(parent.iterdir()):
                    parent.rmdir()
                    parent = parent.parent
        self.staged.clear()
        self.seen.clear()
        return done


class EditedMeanwhile(Exception):
    """Files changed on disk while a run worked from their earlier content: nothing was written."""

    def __init__(self, paths: list[Path]):
        super().__init__(", ".join(str(p) for p in paths))
        self.paths = paths

    def message(self, project: "Project") -> str:
        names = "、".join(project.rel(p) for p in self.paths)
        return say(f"creditfaq: {names} 在这次运行期间被改动过（多半是你刚保存的）：为了不覆盖你的修改，这次什么都没有写入；"
                   "请再运行一次（预览会自动再生成一次）",
                   f"creditfaq: {names} changed while this run was working from the earlier version: nothing was "
                   "written, so the change is not overwritten; run again (the preview rebuilds by itself)")


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
            print(say("creditfaq: 这个文件夹里另一个 creditfaq 命令正在运行，等它结束后再继续…",
                      "creditfaq: another creditfaq run is working in this folder; waiting for it to finish…"),
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


_PATTERNS = {  # what a value of each patterned field looks like
    "sources": ("`<文章编号>#<段落编号>`，例如 `003-b85ce5825ee596e3#p-1a2b3c4d`",
                "`<article-id>#<paragraph-id>`, e.g. `003-b85ce5825ee596e3#p-1a2b3c4d`"),
    "source": ("`<文章编号>#<段落编号>`，例如 `003-b85ce5825ee596e3#p-1a2b3c4d`",
               "`<article-id>#<paragraph-id>`, e.g. `003-b85ce5825ee596e3#p-1a2b3c4d`"),
    "product": ("data/products.yml 里的产品编号（小写英文字母、数字和 -，例如 `huabei`）",
                "a product id from data/products.yml (lowercase ASCII, e.g. `huabei`)"),
    "products": ("data/products.yml 里的产品编号（小写英文字母、数字和 -，例如 `huabei`）",
                 "a product id from data/products.yml (lowercase ASCII, e.g. `huabei`)"),
    "related": ("data/products.yml 里的产品编号（小写英文字母、数字和 -，例如 `jiebei`）",
                "a product id from data/products.yml (lowercase ASCII, e.g. `jiebei`)"),
    "regulations": ("data/regulations.yml 里的法规编号（小写英文字母、数字和 -，例如 `zhengxin-tiaoli-16`）",
                    "a regulation id from data/regulations.yml (lowercase ASCII, e.g. `zhengxin-tiaoli-16`)"),
    "fingerprint": ("8 位十六进制数（程序写的，不要改；改乱了就删去这一行）",
                    "8 hexadecimal digits (written by creditfaq; delete the line if it was changed)"),
    "source_sha256": ("64 位十六进制数（程序写的，不要改）", "64 hexadecimal digits (written by creditfaq)"),
}
_ID_PATTERN = ("小写英文字母、数字和 - 组成的编号：段落写 `p-` 加 8 位十六进制数，自己加的段落写 `w-` 开头"
               "（例如 `w-advice-1`），说法写 `类别-名称`（例如 `credit-my-note-1`）",
               "a lowercase ASCII id: `p-` and 8 hex digits for a paragraph (`w-…` for one you add), "
               "kind-name for a claim (e.g. `credit-my-note-1`)")
_DATE_FORM = ("日期请写成 2024-06-30 这样的形式（年-月-日，用半角 - 连接，月和日都写两位）",
              "write the date as 2024-06-30 (YYYY-MM-DD)")
_DAYS_FORM = ("天数写成 `[从第几天, 到第几天]`，例如 `[1, 3]`；原文没说的一端写 null，例如 `[90, null]`；"
              "还款日 = 0，还款日前 N 天 = -N",
              "days are `[from, to]`, e.g. `[1, 3]`; null for an end the source does not state, e.g. `[90, null]`")


def _message(err: dict[str, Any], model: type[BaseModel]) -> str:
    """A validation error as a writer reads it: what is wrong with the value, and what to write."""
    kind, loc, value = err["type"], err["loc"], err.get("input")
    ctx = err.get("ctx") or {}
    name = str(next((p for p in reversed(loc) if isinstance(p, str)), ""))
    scalar = value is not None and not isinstance(value, (dict, list, tuple))
    got = f"`{value}`" if scalar else say("这个值", "the value")
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, loc[:-1])
        return say(f"没有 `{loc[-1]}` 这个键（拼错了？）" + (f"；这里可以用的键：{', '.join(allowed)}" if allowed else ""),
                   f"unknown key `{loc[-1]}` (a typo?)" + (f"; allowed keys here: {', '.join(allowed)}" if allowed else ""))
    if "days" in loc and kind not in ("value_error",):
        return say(f"{got} 不是有效的天数：{_DAYS_FORM[0]}", f"{got} is not valid days: {_DAYS_FORM[1]}")
    if kind == "missing":
        return say(f"缺少必填的键 `{loc[-1]}`：请加上一行 `{loc[-1]}: …`", f"missing required key `{loc[-1]}`")
    if kind == "string_pattern_mismatch":
        record = {"products": "product", "regulations": "regulations", "terms": "regulations"}.get(str(loc[0]))
        if name == "id" and record:
            zh, en = _PATTERNS[record]
        elif name == "id" and "questions" in loc:
            zh, en = "`q-` 加 8 位十六进制数（程序写的，不要改）", "`q-` and 8 hex digits (written by creditfaq)"
        else:
            zh, en = _PATTERNS.get(name, _ID_PATTERN if name == "id" or name.endswith("_of") else
                                   ("文件说明里写明的格式", "the documented format"))
        return say(f"{got} 的格式不对：应写成{zh}", f"{got} is not valid here: expected {en}")
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        return say(f"{got} 不是允许的值：只能从 {listing(allowed)} 中选一个",
                   f"{got} is not allowed: expected {ctx.get('expected')}")
    if kind.startswith(("date", "datetime")):
        if "outside expected range" in str(ctx.get("error", "")):
            return say(f"{got} 这一天不存在：请核对年、月（1-12）、日；{_DATE_FORM[0]}",
                       f"{got} is not a date that exists; {_DATE_FORM[1]}")
        return say(f"{got} 不是日期：{_DATE_FORM[0]}", f"{got} is not a date: {_DATE_FORM[1]}")
    if kind.startswith("int_"):
        return say(f"{got} 不是整数：这里要写阿拉伯数字的整数，例如 `30`", f"{got} is not a whole number, e.g. `30`")
    if kind.startswith("bool_"):
        return say(f"{got} 不是 true 或 false：这里只能写 `true`（是）或 `false`（否）",
                   f"{got} is not a boolean: write `true` or `false`")
    if kind == "string_too_short":
        return say("这里不能为空：请写上内容，或者删去这一行", "must not be empty")
    if kind == "string_type":
        return say("这里要写一段文字，不能是列表或几行 `键: 值`；文字里有冒号、方括号等符号时，用引号括起整个值",
                   "should be a text")
    if kind in ("list_type", "tuple_type", "set_type"):
        return say(f"{got} 不是列表：这里要写一个列表，例如 `[短信, 电话]`，或者每项一行、以 `- ` 开头",
                   f"{got} should be a list, e.g. `[短信, 电话]`")
    if kind == "too_short":
        return say(f"这里至少要写 {ctx.get('min_length', 1)} 项", f"List should have at least {ctx.get('min_length', 1)} item")
    if kind == "too_long":
        return say(f"这里最多只能写 {ctx.get('max_length')} 项", f"should have at most {ctx.get('max_length')} items")
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return say(f"{got} 不是一条记录：这里要写几行 `键: 值`（列表里的一项以 `- ` 开头，例如 `- id: …`）",
                   f"{got} should be a record of `key: value` lines")
    msg = err["msg"]
    if msg.startswith("Value error, "):
        return msg[len("Value error, "):]
    return say(f"这个值不符合要求（{msg}）", msg + (f" (got `{value}`)" if scalar else ""))


def validate(model: type[M], located: Located, file: str) -> tuple[M | None, list[Problem]]:
    try:
        return model.model_validate(located.data), []
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and ("[" in p or p.startswith("function-"))))
            # a record's own check names the field it is about (model.FieldError): the error
            # stands at that field's line, not at the record's first
            if (field_ := getattr((err.get("ctx") or {}).get("error"), "field", None)) is not None:
                loc += (field_,)
            line, col = located.where(loc, key=err["type"] == "extra_forbidden")
            problems.append(Problem(file, line, col, field_path(loc), _message(err, model)))
        return None, problems


def load_model(path: Path, model: type[M], project: Project) -> tuple[M | None, Located | None, list[Problem]]:
    """Read, parse and validate one YAML file; never raises on bad content."""
    try:
        path.name.encode("utf-8")
    except UnicodeEncodeError:
        shown = os.fsencode(str(path)).decode("utf-8", "backslashreplace")
        return None, None, [Problem(shown, 1, 1, "", say("文件名不是 UTF-8 编码：请给文件改个名字（只用英文字母、数字、_ 和 -）",
                                                       "the file name is not valid UTF-8: rename the file"))]
    file = project.rel(path)
    try:
        if path.is_symlink():
            return None, None, [Problem(file, 1, 1, "", say("这是一个符号链接：程序不读链接，请把文件本身放在这里",
                                                            "is a symbolic link: creditfaq does not follow links; "
                                                            "put the file itself here"))]
        text = project.read_bytes(path).decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, None, [Problem(file, 1, 1, "", say(f"文件不是 UTF-8 编码（第 {exc.start} 个字节）：请在编辑器里把它另存为 UTF-8",
                                                        f"not UTF-8 (byte {exc.start}): save the file as UTF-8"))]
    except OSError as exc:
        return None, None, [Problem(file, 1, 1, "", say(f"无法读取这个文件（{exc.strerror}）：请检查文件是否存在、能否打开",
                                                        f"cannot read the file: {exc.strerror}"))]
    # one run (a build: ingest, extract, check, render) reads the same files several times:
    # a file read before with the same content is not parsed and validated again
    memo = project.caches.setdefault("models", {})
    key = (model.__name__, file, hashlib.sha256(text.encode("utf-8")).digest())
    if key in memo:
        record, located, problems = memo[key]
        return record, located, list(problems)
    try:
        located, duplicates = load_located(text)
    except YamlSyntaxError as exc:
        return None, None, [Problem(file, exc.line, exc.col, "", exc.message)]
    problems = [Problem(file, line, col, field, msg) for line, col, field, msg in duplicates]
    if located.data is None:
        return None, located, problems + [Problem(file, 1, 1, "", say(
            "文件是空的：请恢复它的内容（`git checkout -- 文件名`），或者删去这个文件", "the file is empty"))]
    record, errors = validate(model, located, file)
    memo[key] = (record, located, tuple(problems + errors))
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


# What write_record found the last time it compared a file with its record: path → the
# file's hash and the record's. A file and a record both unchanged since need no YAML work
# (at 1,000 articles that comparison was most of a rebuild's ingest). A cache only: keyed on
# the file's bytes as they are on disk, a stale or lost entry just means comparing again.
WRITTEN_MEMO = ".creditfaq-cache/written.json"


def _memo(project: Project) -> dict[str, list[str]]:
    memo = project.caches.get("written")
    if memo is None:
        try:
            memo = json.loads((project.root / WRITTEN_MEMO).read_text(encoding="utf-8"))
            if not isinstance(memo, dict):
                memo = {}
        except (OSError, ValueError):
            memo = {}
        project.caches["written"] = memo
    return memo


def save_memo(project: Project) -> None:
    memo = project.caches.get("written")
    if memo is None:
        return
    path = project.root / WRITTEN_MEMO
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(memo, sort_keys=True), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only checkout: no memo, the same result


def write_record(project: Project, path: Path, record: BaseModel, header: str, replaces: tuple[str, ...] = ()) -> bool:
    """Stage a record as YAML, leaving out defaults a writer need not see. A file that exists
    may hold a writer's comments and ordering: it is updated in place, and a header creditfaq
    wrote in an earlier version (one of `replaces`) becomes `header`."""
    data = _ordered(record.model_dump(mode="python", exclude_defaults=True))
    if project.exists(path):
        raw = project.read_bytes(path)
        old = raw.decode("utf-8")
        current = next((header + old[len(h):] for h in replaces if h and old.startswith(h)), old)
        memo, key = _memo(project), project.rel(path)
        data_hash = hashlib.sha256(json.dumps(data, sort_keys=True, default=str, ensure_ascii=False).encode()).hexdigest()
        if current == old and memo.get(key) == [hashlib.sha256(raw).hexdigest(), data_hash]:
            return project.stage(path, current)
        try:
            if yaml.load(current, Loader=SafeLoader) == yaml.load(dump(data), Loader=SafeLoader):
                if current == old:
                    memo[key] = [hashlib.sha256(raw).hexdigest(), data_hash]
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
