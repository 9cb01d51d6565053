"""YAML in and out: loading that remembers where every value stands, deterministic dumping."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

try:  # libyaml is ~7x faster; fall back to the pure-Python loader where it is missing.
    from yaml import CSafeDumper as _Dumper
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

SafeLoader = _Loader

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file, printed like a compiler error."""

    file: str
    line: int
    col: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.field}: " if self.field else ""
        return f"{self.file}:{self.line}:{self.col}: {where}{self.message}"


@dataclass
class Located:
    """A loaded YAML document and the 1-based (line, column) of each value and key in it."""

    data: Any
    values: dict[Path_, tuple[int, int]]
    keys: dict[Path_, tuple[int, int]]

    def where(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """The position of `path`, or of its nearest ancestor that has one."""
        table = self.keys if key else self.values
        for n in range(len(path), -1, -1):
            if (pos := table.get(path[:n]) or self.values.get(path[:n])) is not None:
                return pos
        return (1, 1)


class YamlSyntaxError(Exception):
    def __init__(self, line: int, col: int, message: str):
        super().__init__(message)
        self.line, self.col, self.message = line, col, message


def field_path(path: Path_) -> str:
    """('timeline', 2, 'days') → 'timeline[2].days'"""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _pos(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def load_located(text: str) -> tuple[Located, list[tuple[int, int, str, str]]]:
    """Parse YAML text; return the document with positions and any duplicate-key findings.

    Raises YamlSyntaxError with the position of a syntax error.
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Located(None, {(): (1, 1)}, {}), []
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = " ".join(filter(None, [exc.context, exc.problem]))
        ctx = exc.context_mark
        if ctx is not None and mark is not None and ctx.line < mark.line:
            # the parser notices a missing ']' on a later line: point where the construct began
            problem += f" (noticed on line {line})"
            line, col = ctx.line + 1, ctx.column + 1
        raise YamlSyntaxError(line, col, f"YAML syntax error: {problem}") from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(1, 1, f"YAML error: {exc}") from None
    finally:
        loader.dispose()
    values: dict[Path_, tuple[int, int]] = {}
    keys: dict[Path_, tuple[int, int]] = {}
    duplicates: list[tuple[int, int, str, str]] = []

    def walk(n: yaml.Node, path: Path_) -> None:
        values[path] = _pos(n)
        if isinstance(n, yaml.MappingNode):
            seen: set[str] = set()
            for k, v in n.value:
                name = str(k.value)
                if name in seen:
                    duplicates.append((*_pos(k), field_path(path + (name,)), f"key `{name}` appears twice"))
                seen.add(name)
                keys[path + (name,)] = _pos(k)
                walk(v, path + (name,))
        elif isinstance(n, yaml.SequenceNode):
            for i, v in enumerate(n.value):
                walk(v, path + (i,))

    walk(node, ())
    return Located(data, values, keys), duplicates


class _BlockDumper(_Dumper):  # type: ignore[misc, valid-type]
    pass


# Plain scalars that YAML 1.2 (ruamel, editors) would read as a number although PyYAML
# (YAML 1.1) reads a string: "4213e469". Quoted, every reader agrees.
_NUMBER_LIKE = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0[xo][0-9a-fA-F]+")


def _str_presenter(dumper: yaml.Dumper, value: str) -> yaml.Node:
    if _NUMBER_LIKE.fullmatch(value):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="'")
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _list_presenter(dumper: yaml.Dumper, value: list) -> yaml.Node:
    # Short lists of scalars (days, channels) read best on one line: `days: [1, 3]`.
    flat = all(isinstance(v, (int, float, str, type(None))) for v in value)
    flow = flat and sum(len(str(v)) + 2 for v in value) <= 60 and not any(isinstance(v, str) and len(v) > 30 for v in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


_BlockDumper.add_representer(str, _str_presenter)
_BlockDumper.add_representer(list, _list_presenter)
_BlockDumper.add_representer(tuple, _list_presenter)


def dump(data: Any, header: str = "") -> str:
    """Deterministic YAML: keys in the order given, Unicode as is, no line folding."""
    body = yaml.dump(data, Dumper=_BlockDumper, allow_unicode=True, sort_keys=False, width=10_000)
    return header + body


# --- Updating a file a writer may have touched -------------------------------------------------


def _round_trip():
    from ruamel.yaml import YAML

    rt = YAML()
    rt.width = 10_000
    rt.indent(mapping=2, sequence=2, offset=0)
    rt.preserve_quotes = True
    return rt


def _sync(node: Any, new: Any) -> Any:
    """Make a round-trip node equal `new` while keeping what a writer put around it: comments,
    the order of keys and of records. Returns the node to store."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(new, dict) and isinstance(node, CommentedMap):
        for k in [k for k in node if k not in new]:
            del node[k]
        for k, v in new.items():
            node[k] = _sync(node[k], v) if k in node else _fresh(v)
        return node
    if isinstance(new, list) and isinstance(node, CommentedSeq):
        if new == _plain(node):
            return node
        old_ids = [item.get("id") if isinstance(item, dict) else None for item in node]
        new_ids = [item.get("id") if isinstance(item, dict) else None for item in new]
        if None not in old_ids and None not in new_ids:
            # records keep their place: drop the gone, update the kept, append the new
            for i in reversed(range(len(node))):
                if old_ids[i] not in new_ids:
                    del node[i]
            kept = [i for i in old_ids if i in new_ids]
            if kept == new_ids[:len(kept)]:
                for i, item in enumerate(new[:len(kept)]):
                    node[i] = _sync(node[i], item)
                for item in new[len(kept):]:
                    node.append(_fresh(item))
                return node
        return _fresh(new)
    return new if not isinstance(new, (dict, list)) else _fresh(new)


def _plain(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    return node


def _fresh(value: Any) -> Any:
    """New data in the style `dump` writes: short scalar lists in flow style."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import LiteralScalarString

    if isinstance(value, dict):
        out = CommentedMap()
        for k, v in value.items():
            out[k] = _fresh(v)
        return out
    if isinstance(value, (list, tuple)):
        seq = CommentedSeq(_fresh(v) for v in value)
        flat = all(isinstance(v, (int, float, str, type(None))) for v in value)
        if flat and sum(len(str(v)) + 2 for v in value) <= 60 and not any(isinstance(v, str) and len(v) > 30 for v in value):
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value)
    return value


def update(text: str, data: Any) -> str:
    """`text` (a YAML file as it stands) rewritten to hold `data`, keeping comments and order."""
    from io import StringIO

    rt = _round_trip()
    doc = rt.load(text)
    doc = _sync(doc, data)
    out = StringIO()
    rt.dump(doc, out)
    return out.getvalue()
