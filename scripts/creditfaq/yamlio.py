"""YAML in and out: loading that remembers where every value stands, deterministic dumping."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from .lang import say

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
        raise syntax_error(exc, text) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(1, 1, say("YAML 格式错误：无法读取这个文件，请检查它是不是 YAML 文本",
                                        f"YAML error: {exc}")) from None
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
                    duplicates.append((*_pos(k), field_path(path + (name,)), say(
                        f"键 `{name}` 出现了两次：同一条记录里每个键只能写一次，请删去多余的一行（或把两行合并）",
                        f"key `{name}` appears twice")))
                seen.add(name)
                keys[path + (name,)] = _pos(k)
                walk(v, path + (name,))
        elif isinstance(n, yaml.SequenceNode):
            for i, v in enumerate(n.value):
                walk(v, path + (i,))

    walk(node, ())
    return Located(data, values, keys), duplicates


# --- YAML syntax errors as advice -------------------------------------------------------------

_EXAMPLE_QUOTED = "text: '注意: 这里有冒号'"


def _content_line_before(lines: list[str], index: int) -> int | None:
    """The nearest line above `index` that holds YAML, not a comment or a blank."""
    for i in range(min(index, len(lines)) - 1, -1, -1):
        if lines[i].strip() and not lines[i].lstrip().startswith("#"):
            return i
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _key_indent(line: str) -> int:
    """Where the key of a line starts: after the `- ` of a list item (`- id: x` → 2)."""
    m = re.match(r"(?:\s*-\s+)*\s*", line)
    return m.end() if m else 0


def syntax_error(exc: yaml.MarkedYAMLError, text: str) -> YamlSyntaxError:
    """A parser error as advice for a writer: what kind of mistake (a tab, a missing space
    after a colon, a colon inside a value, an unclosed quote or bracket, bad indentation) and
    the line where it must be fixed, which is not always the line where the parser noticed."""
    lines = text.splitlines()
    mark, ctx = exc.problem_mark or exc.context_mark, exc.context_mark
    row, col = (mark.line, mark.column) if mark else (0, 0)
    context, problem = exc.context or "", exc.problem or ""
    parser = " ".join(filter(None, [context, problem]))

    def at(i: int) -> str:
        return lines[i] if 0 <= i < len(lines) else ""

    def found(r: int, c: int, kind: str, advice: str, hint: str) -> YamlSyntaxError:
        later = ""
        if r < row and mark is not None:
            later = say(f"（程序读到第 {row + 1} 行才发现）", f" (noticed on line {row + 1})")
        return YamlSyntaxError(r + 1, c + 1, say(f"YAML 格式错误，{kind}：{advice}{later}",
                                                 f"YAML syntax error: {parser}{later}; {hint}"))

    line = at(row)
    # a quote left open: the value runs on to the next quote, many lines down, and the parser
    # stops just after it; the writer must close the quote where it was opened
    for quote in ("'", '"'):
        if line[:col].count(quote) % 2 and not context.startswith(("while scanning a quoted", "while parsing a quoted")):
            opened = next((i for i in range(row - 1, -1, -1) if at(i).count(quote) % 2), None)
            if opened is not None:
                return found(opened, at(opened).index(quote), "引号未闭合",
                             f"这个值以引号 {quote} 开头，但没有配对的结束引号，后面几行都被当成了这个值。"
                             f"请在值的末尾补上 {quote}，或者去掉开头的 {quote}", "close the quote")
    # a tab, where the parser stopped or in the indentation of that line
    leading = line[:len(line) - len(line.lstrip(" \t"))]
    if "tab" in problem or line[col:col + 1] == "\t" or "\t" in leading:
        tab = line.find("\t") if "\t" in line else col
        return found(row, tab, "使用了 Tab",
                     "YAML 只能用空格缩进，不能用 Tab 键。请把这一行开头的 Tab 换成空格，和同一层的行对齐",
                     "indent with spaces, not tabs")
    if context.startswith(("while scanning a quoted scalar", "while parsing a quoted scalar")) and ctx is not None:
        quote = at(ctx.line)[ctx.column:ctx.column + 1] or '"'
        if "escape" in problem:
            return found(row, col, "双引号里的反斜杠",
                         "在双引号里 `\\` 有特殊含义。请改用单引号括起这个值，或把 `\\` 写成 `\\\\`",
                         "use single quotes, or write \\\\")
        return found(ctx.line, ctx.column, "引号未闭合",
                     f"这个值以引号 {quote} 开头，但没有配对的结束引号。请在值的末尾补上 {quote}，或者去掉开头的 {quote}；"
                     f"值里本身有 {quote} 时，改用另一种引号括起整个值",
                     "close the quote")
    if context.startswith("while parsing a flow") and ctx is not None:
        opening, closing = ("[", "]") if "sequence" in context else ("{", "}")
        if ctx.line < row:
            example = "`channels: [短信, 电话]`" if opening == "[" else "`{from: 1, to: 3}`"
            return found(ctx.line, ctx.column, "括号未闭合",
                         f"这里的 {opening} 没有配对的 {closing}。请在这一行的末尾补上 {closing}，例如 {example}",
                         f"close the {opening} with {closing}")
        return found(row, col, "括号里的写法不对",
                     f"{opening} {closing} 里的值之间用英文逗号 `,` 分隔，最后以 {closing} 结束，例如 `channels: [短信, 电话]`；"
                     "值里有逗号或冒号时，用引号括起这个值", "separate values with `,`")
    if problem.startswith("could not find expected ':'") and ctx is not None:
        key_line = at(ctx.line)
        if "：" in key_line:
            return found(ctx.line, key_line.index("："), "用了中文冒号",
                         "键和值之间要用英文冒号 `:` 加一个空格，例如 `status: edited`，不能用中文冒号“：”",
                         "use an ASCII colon and a space after the key")
        if m := re.search(r"[^\s:]:(?=[^\s/])", key_line):
            return found(ctx.line, m.start() + 1, "冒号后缺空格",
                         "键和值之间的冒号后面要有一个空格，例如 `status: edited`，不能写成 `status:edited`",
                         "put a space after the colon")
        return found(ctx.line, _indent(key_line), "缺少冒号",
                     "这一行既不是 `键: 值`，也不是列表项 `- 值`。请补上冒号，或者把这一行接到上一行的值里，"
                     "并用引号括起整个值", "a key needs `: ` after it")
    if problem.startswith("mapping values are not allowed"):
        before = line[:col]
        prev = _content_line_before(lines, row)
        if re.search(r":\s", before) or before.rstrip().endswith(":"):
            return found(row, col, "值里有冒号",
                         f"值里的“冒号加空格”（`: `）会被当成新的键。请用引号括起整个值，例如 `{_EXAMPLE_QUOTED}`，"
                         "或者改用中文冒号“：”", "quote a value that contains `: `")
        if re.match(r"\s*-[^\s-]", line):
            return found(row, _indent(line), "列表的 - 后缺空格",
                         "列表项的 `-` 后面要有一个空格，例如 `- id: credit-my-note-1`", "put a space after `-`")
        if prev is not None and re.match(r"\s*-[^\s-]", at(prev)) and _indent(line) > _indent(at(prev)):
            return found(prev, _indent(at(prev)), "列表的 - 后缺空格",
                         "列表项的 `-` 后面要有一个空格，例如 `- id: credit-my-note-1`", "put a space after `-`")
        if prev is not None and not re.search(r":(\s|$)", at(prev).split(" #")[0]) and not at(prev).lstrip().startswith("- "):
            prev_line = at(prev)
            if "：" in prev_line:
                return found(prev, prev_line.index("："), "用了中文冒号",
                             "键和值之间要用英文冒号 `:` 加一个空格，例如 `product: huabei`，不能用中文冒号“：”",
                             "use an ASCII colon and a space after the key")
            if m := re.search(r"[^\s:]:(?=\S)", prev_line):
                return found(prev, m.start() + 1, "冒号后缺空格",
                             "键和值之间的冒号后面要有一个空格，例如 `product: huabei`，不能写成 `product:huabei`",
                             "put a space after the colon")
        if prev is not None and _indent(line) > _indent(at(prev)):
            return found(row, _indent(line), "缩进不一致",
                         f"上一行的键前面有 {_key_indent(at(prev))} 格，这一行有 {_indent(line)} 格。同一条记录里的键要左对齐；"
                         "如果这一行是上一行值的延续，请把整个值写在一行并用引号括起来", "align the keys of one record")
        return found(row, col, "冒号的位置不对",
                     f"YAML 把这个冒号当成了新的键。如果它是文字的一部分，请用引号括起整个值，例如 `{_EXAMPLE_QUOTED}`",
                     "quote a value that contains `: `")
    if problem.startswith(("did not find expected key", "expected <block end>")):
        if line[col:col + 1] in ("]", "}"):
            return found(row, col, "多了一个括号",
                         f"这里的 `{line[col]}` 没有配对的开括号，请删去它", "remove the unmatched bracket")
        if re.search(r"['\"]\s*$", line[:col]) and line[col:].strip() and not line[col:].lstrip().startswith("#"):
            return found(row, col, "引号后面还有文字",
                         "引号要括住整个值：请把结束引号移到值的末尾，或者去掉引号，例如 `text: 他说“已逾期”，请尽快还款`",
                         "the quotes must enclose the whole value")
        prev = _content_line_before(lines, row)
        if prev is not None and _indent(at(prev)) == _indent(line) and line.lstrip().startswith("-"):
            return found(row, _indent(line), "缩进不一致",
                         "这一行是列表项 `- …`，但它和上一行的键缩进相同，不属于任何键。列表项要写在它所属的键"
                         "（例如 `sources:`）下面；请检查这一行的缩进，或者是不是少写了键",
                         "a list item must stand under its key")
        above = (f"上一行的键前面有 {_key_indent(at(prev))} 格，这一行有 {_indent(line)} 格。"
                 if prev is not None and _key_indent(at(prev)) != _indent(line) else "")
        return found(row, _indent(line), "缩进不一致",
                     f"{above}同一条记录里的键要左对齐，列表项的 `- ` 要对齐；请按上下文调整这一行开头的空格",
                     "align this line with the lines of its level")
    if problem.startswith("found character that cannot start any token"):
        char = line[col:col + 1]
        return found(row, col, f"值不能以“{char}”开头",
                     f"YAML 里“{char}”不能放在值的开头。请用引号括起整个值，例如 text: '{char}…'",
                     f"quote a value that starts with {char}")
    if "single document" in context:
        return found(row, col, "多了一个 ---", "一个数据文件里只能有一份内容：请删去这一行的 `---`",
                     "one document per file")
    return found(row, col, "无法读取",
                 "请检查这一行和上一行的缩进、冒号（键后面是 `: `）、引号和括号是否成对", "check this line and the one above")


def guard(text: str) -> None:
    """Refuse, before anything is built from it, a document with anchors or aliases (an
    alias bomb expands to gigabytes) or nested deeper than any data file needs."""
    from .rules import MAX_YAML_NESTING

    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            mark = event.start_mark
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise YamlSyntaxError(mark.line + 1, mark.column + 1, say(
                    "数据文件里不能用 YAML 的锚点和别名（`&名字`、`*名字`）：请把内容完整写出来；"
                    "如果 `&` 或 `*` 是文字的一部分，请用引号括起整个值",
                    "anchors and aliases (`&name`, `*name`) are not allowed in data files: write the value out in full"))
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_YAML_NESTING:
                    raise YamlSyntaxError(mark.line + 1, mark.column + 1, say(
                        f"嵌套超过 {MAX_YAML_NESTING} 层：数据文件不会这么深，请检查方括号 `[ ]` 和花括号 `{{ }}` 是否成对",
                        f"nested more than {MAX_YAML_NESTING} levels deep: data files are never this deep; check the "
                        "brackets"))
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
        raise YamlSyntaxError(1, 1, say(f"YAML 格式错误：有一个值无法读取（{exc}）", f"YAML error: {exc}")) from None


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
