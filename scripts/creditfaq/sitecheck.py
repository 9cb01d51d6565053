"""Checks on the built site that MkDocs does not make: nothing loads from another host."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

# element → the attribute that makes the browser fetch something
_LOADS = {"script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src", "video": "src",
          "embed": "src", "object": "data", "link": "href", "track": "src", "input": "src"}
# <link rel=…> that only name a page
_NAMING = {"canonical", "alternate", "sitemap", "author", "license", "next", "prev", "search"}
_CSS_URL = re.compile(r"""url\(\s*['"]?([^)'"]+)|@import\s+['"]([^'"]+)""")


def _foreign(url: str, own: str) -> bool:
    parts = urlsplit(url.strip())
    return (bool(parts.netloc) or parts.scheme in ("http", "https")) and parts.netloc != own


def parse_pages(site: Path) -> list[tuple[Path, BeautifulSoup]]:
    """Every built page, parsed once for all the checks."""
    return [(p, BeautifulSoup(p.read_text(encoding="utf-8", errors="replace"), "lxml")) for p in sorted(site.rglob("*.html"))]


def foreign_loads(site: Path, site_url: str | None = None, pages: list | None = None) -> list[str]:
    """Every place a built page or stylesheet would load something from another host."""
    own = urlsplit(site_url or "").netloc
    found = []
    for page, soup in pages if pages is not None else parse_pages(site):
        for tag, attr in _LOADS.items():
            for el in soup.find_all(tag):
                if tag == "link" and el.get("rel") and set(el["rel"]) <= _NAMING:
                    continue
                if el.get(attr) and _foreign(el[attr], own):
                    found.append(f"{page.relative_to(site)}: <{tag} {attr}=\"{el[attr]}\">")
                for candidate in (el.get("srcset") or "").split(","):
                    if candidate.strip() and _foreign(candidate.split()[0], own):
                        found.append(f"{page.relative_to(site)}: <{tag} srcset=\"{candidate.strip()}\">")
        styles = [s.get_text() for s in soup.find_all("style")] + [el["style"] for el in soup.find_all(style=True)]
        found += [f"{page.relative_to(site)}: {u}" for s in styles for m in _CSS_URL.finditer(s)
                  if _foreign(u := m.group(1) or m.group(2), own)]
    for css in sorted(site.rglob("*.css")):
        text = css.read_text(encoding="utf-8", errors="replace")
        found += [f"{css.relative_to(site)}: {u}" for m in _CSS_URL.finditer(text) if _foreign(u := m.group(1) or m.group(2), own)]
    return found


# --- executable markup ------------------------------------------------------------------------

_URL_ATTRS = ("href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcdoc")
_SCRIPT_SCHEME = re.compile(r"^\s*(?:javascript|vbscript|livescript|data)\s*:", re.I)
_NEVER = ("iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal")
_JSON_TYPES = ("application/json", "application/ld+json")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'')


def _shape(script: str) -> str:
    """An inline script with its string literals blanked: the theme's scripts differ from
    page to page only in their strings (the path to the site's root)."""
    return _STRING.sub('""', script.strip())


def executable_markup(site: Path, pages: list | None = None) -> list[str]:
    """Every place a built page could run code it was not built to run: an event handler, a
    script URL, a frame or object, a refresh, or an inline script that is not one of the
    theme's own (those stand, in the same shape, on most pages). JSON data blocks must be
    plain JSON with no `<` that could end their element."""
    import json

    parsed = pages if pages is not None else parse_pages(site)
    shapes: dict[str, int] = {}
    for _, soup in parsed:
        for shape in {_shape(s.get_text()) for s in soup.find_all("script") if not s.get("src") and not s.get("type")}:
            shapes[shape] = shapes.get(shape, 0) + 1
    # the theme's own scripts stand on (nearly) every page; what a source could inject stands
    # on the pages built from that source
    theme = {shape for shape, n in shapes.items() if n >= max(2, len(parsed) // 2)}
    found = []
    for page, soup in parsed:
        where = page.relative_to(site)
        for el in soup.find_all(True):
            for name, value in el.attrs.items():
                text = " ".join(value) if isinstance(value, list) else str(value)
                if name.lower().startswith("on"):
                    found.append(f"{where}: <{el.name} {name}=…> runs code")
                elif name.lower() in _URL_ATTRS and _SCRIPT_SCHEME.match(text) and not (
                        el.name in ("img", "link") and text.lower().startswith("data:image/")):
                    found.append(f"{where}: <{el.name} {name}=\"{text[:40]}\"> is a script URL")
                elif name.lower() == "style" and re.search(r"expression\s*\(|javascript\s*:|url\s*\(", text, re.I):
                    found.append(f"{where}: <{el.name} style=\"{text[:40]}\"> loads or runs something")
            if el.name in _NEVER:
                found.append(f"{where}: <{el.name}> element")
            elif el.name == "meta" and str(el.get("http-equiv", "")).lower() in ("refresh", "set-cookie"):
                found.append(f"{where}: <meta http-equiv={el['http-equiv']}>")
            elif el.name == "form" and el.get("action"):
                found.append(f"{where}: <form action=…>")
            elif el.name == "script" and not el.get("src"):
                kind = str(el.get("type") or "")
                body = el.get_text()
                if kind in _JSON_TYPES:
                    try:
                        json.loads(body)
                    except ValueError:
                        found.append(f"{where}: <script type={kind}> is not plain JSON")
                    if "<" in body:
                        found.append(f"{where}: <script type={kind}> holds a `<`")
                elif kind not in ("", "text/javascript", "module") or _shape(body) not in theme:
                    found.append(f"{where}: an inline <script> that is not the theme's: {body.strip()[:60]!r}")
    return found
