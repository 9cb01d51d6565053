"""The language of messages: Chinese for writers, English for developers.

Every message a writer can cause is written at the point where it is made, in both languages:
`say("日期请写成 2024-06-30", "write the date as 2024-06-30")`. Chinese is the default;
`creditfaq --lang en …` or the environment variable CREDITFAQ_LANG=en gives English.
"""

from __future__ import annotations

import os

LANGUAGES = ("zh", "en")
_chosen: str | None = None


def set_language(lang: str | None) -> None:
    """The language of this run (None: from CREDITFAQ_LANG, else Chinese)."""
    global _chosen
    _chosen = lang


def language() -> str:
    lang = (_chosen or os.environ.get("CREDITFAQ_LANG") or "zh").strip().lower()
    return "en" if lang.startswith("en") else "zh"


def english() -> bool:
    return language() == "en"


def say(zh: str, en: str) -> str:
    """The message in the language of this run."""
    return en if english() else zh


def listing(items: list[str] | tuple[str, ...], *, quote: bool = True) -> str:
    """Allowed values as a writer reads them: `短信`、`APP` 或 `无` / `短信`, `APP` or `无`."""
    shown = [f"`{i}`" if quote else str(i) for i in items]
    if len(shown) <= 1:
        return "".join(shown)
    if english():
        return ", ".join(shown[:-1]) + " or " + shown[-1]
    return "、".join(shown[:-1]) + " 或 " + shown[-1]
