"""From a page to the data file it is made from: the writers' edit links.

The pattern is `extra.edit_link` in mkdocs.yml (by default the CREDITFAQ_EDIT_URL variable):
an http(s) address with `{path}` and `{line}` in it, e.g.
`https://gitee.com/team/creditfaq/edit/main/{path}#L{line}`; a pattern without `{path}` is a
prefix the path is appended to (with `#L{line}`). With a pattern, product and article pages
end with a small 编辑此页 link and the report's rows are links. Without one, the published site
shows no file paths (they mean nothing to readers), and `creditfaq serve` — the writers'
preview — names the file at the foot of each page.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from .lang import say

# what a pattern may be: an address, with nothing that could close a Markdown link or an
# HTML attribute, or start a script
_PATTERN = re.compile(r"^https?://[^\s\"'<>`\\()\[\]]+$")


@dataclass(frozen=True)
class EditLinks:
    pattern: str = ""
    preview: bool = False

    def url(self, path: str, line: int = 1) -> str | None:
        if not self.pattern:
            return None
        pattern = self.pattern if "{path}" in self.pattern else self.pattern + "{path}#L{line}"
        return pattern.replace("{path}", quote(path, safe="/")).replace("{line}", str(int(line)))

    def page_note(self, path: str, line: int = 1) -> str:
        """The foot of a page made from `path`: a link, the file's name in preview, or nothing."""
        url = self.url(path, line)
        if url:
            return f"[编辑此页]({url}){{: .cf-edit-link }}\n{{: .cf-edit }}\n"
        if self.preview:
            return f"给编辑：本页内容来自 <code>{html.escape(path)}</code>（只在预览里显示）\n{{: .cf-edit }}\n"
        return ""


def read_pattern(mkdocs_yml: Path) -> tuple[str, str | None]:
    """The edit-link pattern of `mkdocs_yml` (its `extra.edit_link`, environment variables
    filled in), and a warning for writers when it is set but is not a usable address."""
    try:
        from mkdocs.utils.yaml import yaml_load

        with open(mkdocs_yml, "rb") as f:
            config = yaml_load(f) or {}
        value = ((config.get("extra") or {}).get("edit_link") or "") if isinstance(config, dict) else ""
    except Exception:  # a broken mkdocs.yml: the strict build says what is wrong with it
        return "", None
    value = str(value).strip()
    if not value or _PATTERN.match(value):
        return value, None
    return "", say(f"{mkdocs_yml.name}: 提醒：extra.edit_link（或 CREDITFAQ_EDIT_URL）不是可用的网址：{value[:80]!r}。"
                   "请写成 http:// 或 https:// 开头、不含空格和引号的地址，用 {path} 和 {line} 表示文件和行号，例如 "
                   "https://gitee.com/你的团队/creditfaq/edit/main/{path}#L{line}；这次生成的页面没有编辑链接",
                   f"{mkdocs_yml.name}: warning: extra.edit_link (or CREDITFAQ_EDIT_URL) is not a usable address: "
                   f"{value[:80]!r}; write an http(s) address without spaces or quotes, with {{path}} and {{line}}, "
                   "e.g. https://example.org/team/creditfaq/edit/main/{path}#L{line}; no edit links this time")
