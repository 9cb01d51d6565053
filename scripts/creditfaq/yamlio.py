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

class _DataLoader(_Loader):  # type: ignore[misc, valid-type]
    """Dates stay strings for the models to read: a date that does not exist (2024-02-30)
    is then a validation error at its line, not a crash inside the YAML library."""


_DataLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Loader.yaml_implicit_resolvers.items()
}
SafeLoader = _DataLoader

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

    Raises YamlSyntaxError with the position of a syntax error, an alias, or nesting deeper
    than rules.MAX_YAML_NESTING.
    """
    guard(text)
    loader = _DataLoader(text)
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


def guard(text: str) -> None:
    """Refuse, before anything is built from it, a document with anchors or aliases (an
    alias bomb expands to gigabytes) or nested deeper than any data file needs."""
    from .rules import MAX_YAML_NESTING

    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            mark = event.start_mark
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise YamlSyntaxError(mark.line + 1, mark.column + 1, "anchors and aliases (`&name`, `*name`) are not "
                                      "allowed in data files: write the value out in full")
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_YAML_NESTING:
                    raise YamlSyntaxError(mark.line + 1, mark.column + 1, f"nested more than {MAX_YAML_NESTING} "
                                          "levels deep: data files are never this deep; check the brackets")
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return  # a syntax error: the loader reports it with its position


def safe_load(text: str):
    """yaml.safe_load with the guards of data files, for YAML inside sources (front matter)."""
    guard(text)
    try:
        return yaml.load(text, Loader=_DataLoader)
    except ValueError as exc:  # e.g. a value the constructor cannot build
        raise YamlSyntaxError(1, 1, f"YAML error: {exc}") from None


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


def _comment_token(text: str):
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    return CommentToken(text, CommentMark(0), None)


def _last_slot(node: Any) -> tuple[Any, Any, list | None, int]:
    """The last value inside a map or list, the comment slot after it, and the slot's index
    for the comment that follows a value (ruamel keeps it at 2 for a key, at 0 for an item)."""
    from ruamel.yaml.comments import CommentedMap

    last = list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1
    return last, node[last], node.ca.items.get(last), 2 if isinstance(node, CommentedMap) else 0


def _pop_trailing(node: Any) -> str:
    """Take the comment lines that follow the last value inside `node` (in ruamel they hang
    there, although they stand above whatever comes next) and return them."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if not isinstance(node, (CommentedMap, CommentedSeq)) or not len(node):
        return ""
    _, value, slot, at = _last_slot(node)
    if isinstance(value, (CommentedMap, CommentedSeq)) and len(value):
        if text := _pop_trailing(value):
            return text
    if not slot or len(slot) <= at or slot[at] is None:
        return ""
    eol, _, rest = slot[at].value.partition("\n")
    if not rest:
        return ""
    if eol.strip():
        slot[at].value = eol + "\n"
    else:
        slot[at] = None
    return rest


def _push_trailing(node: Any, text: str) -> bool:
    """Put comment lines after the last value inside `node`; False if it has no place."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if not text:
        return True
    if isinstance(node, CommentedMap) and len(node):
        last = list(node)[-1]
        value = node[last]
        if isinstance(value, (CommentedMap, CommentedSeq)) and len(value) and not value.fa.flow_style():
            return _push_trailing(value, text)
        slot = node.ca.items.setdefault(last, [None, None, None, None])
        slot[2] = _comment_token((slot[2].value if slot[2] is not None else "\n") + text)
        return True
    if isinstance(node, CommentedSeq) and len(node):
        last = len(node) - 1
        value = node[last]
        if isinstance(value, (CommentedMap, CommentedSeq)) and len(value) and not value.fa.flow_style():
            return _push_trailing(value, text)
        slot = node.ca.items.setdefault(last, [None, None, None, None])
        slot[0] = _comment_token((slot[0].value if slot[0] is not None else "\n") + text)
        return True
    return False


def _sync(node: Any, new: Any) -> Any:
    """Make a round-trip node equal `new` while keeping what a writer put around it: comments,
    the order of keys and of records. Returns the node to store.

    A comment stands above something: when a key or record is removed, the comment lines
    that stood above what followed it stay above that; records keep their places, new ones
    go where `new` puts them."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(new, dict) and isinstance(node, CommentedMap):
        keys = list(node)
        for i, k in enumerate(keys):
            if k in new:
                continue
            # the comment lines after this key's value stand above the next key: keep them
            carried = _pop_trailing(node[k]) if isinstance(node[k], (CommentedMap, CommentedSeq)) else ""
            slot = node.ca.items.get(k)
            if slot and len(slot) > 2 and slot[2] is not None:
                carried += slot[2].value.partition("\n")[2]
            del node[k]
            node.ca.items.pop(k, None)
            before = [x for x in keys[:i] if x in node]
            if carried and before:
                _push_into_key(node, before[-1], carried)
        for k, v in new.items():
            node[k] = _sync(node[k], v) if k in node else _fresh(v)
        return node
    if isinstance(new, list) and isinstance(node, CommentedSeq):
        if new == _plain(node):
            return node
        old_ids = [item.get("id") if isinstance(item, dict) else None for item in node]
        new_ids = [item.get("id") if isinstance(item, dict) else None for item in new]
        if None not in old_ids and None not in new_ids and len(set(old_ids)) == len(old_ids):
            return _sync_records(node, new, old_ids, new_ids)
        return _fresh(new)
    return new if not isinstance(new, (dict, list)) else _fresh(new)


def _push_into_key(node: Any, key: Any, text: str) -> None:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    value = node[key]
    if isinstance(value, (CommentedMap, CommentedSeq)) and len(value) and not value.fa.flow_style():
        _push_trailing(value, text)
        return
    slot = node.ca.items.setdefault(key, [None, None, None, None])
    slot[2] = _comment_token((slot[2].value if slot[2] is not None else "\n") + text)


def _sync_records(node: Any, new: list, old_ids: list, new_ids: list) -> Any:
    """A list of records with ids: each kept record keeps the comment lines above it, a gone
    record's comments go to the record after it, new records go where `new` has them."""
    items_ca = node.ca.items
    above: dict[Any, str] = {}
    for i, rid in enumerate(old_ids):
        text = _pop_trailing(node[i - 1]) if i > 0 else ""
        pre = items_ca.get(i, [None, None])[1] if len(items_ca.get(i, [None, None])) > 1 else None
        if pre:
            text = "".join(t.value for t in pre) + text
        above[rid] = text
    tail = _pop_trailing(node[len(node) - 1]) if len(node) else ""
    carry = ""
    for rid in old_ids:
        if rid not in new_ids:
            carry += above.pop(rid, "") + _pop_trailing(node[old_ids.index(rid)])
        elif carry:
            above[rid] = carry + above.get(rid, "")
            carry = ""
    tail = carry + tail
    by_id = {rid: node[i] for i, rid in enumerate(old_ids)}
    items = [_sync(by_id[rid], item) if rid in by_id else _fresh(item) for rid, item in zip(new_ids, new, strict=True)]
    del node[:]
    items_ca.clear()
    for item in items:
        node.append(item)
    for k, rid in enumerate(new_ids):
        text = above.get(rid, "")
        if not text or k == 0 and rid == old_ids[0]:
            continue  # the first record's comments stay with the list's key, where ruamel keeps them
        if k == 0:
            items_ca[0] = [None, [_comment_token(text)], None, None]
        elif not _push_trailing(node[k - 1], text):
            items_ca[k] = [None, [_comment_token(text)], None, None]
    if tail and node:
        _push_trailing(node[len(node) - 1], tail)
    return node


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
