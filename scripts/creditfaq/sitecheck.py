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


def foreign_loads(site: Path, site_url: str | None = None) -> list[str]:
    """Every place a built page or stylesheet would load something from another host."""
    own = urlsplit(site_url or "").netloc
    found = []
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8", errors="replace"), "lxml")
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
