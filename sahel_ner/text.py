"""Text helpers shared by the actor ruler, the linker, the extractor and the knowledge base.

One function decides when two spellings are "the same name": case, accents,
curly quotes, dash variants and British/American spellings are folded away, so
"Goïta" = "GOITA", "Jama’at" = "Jama'at" and "Defence" = "Defense". Keeping it in one place keeps matching and lookup in step.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "`": "'",
                         "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u2010": "-",
                         "\u2011": "-", "\u00a0": " "})


# British spellings that names carry in both forms ("Ministry of Defence"): one alias serves both.
_SPELLINGS = re.compile(r"(?<=defen|offen)c(?=e)")


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower-case, accent-free, straight-quoted, American-spelled form of ``text``."""
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _SPELLINGS.sub("s", text.lower())


def slugify(text: str) -> str:
    """Stable actor id for a name: ``"Yann Vézilier"`` -> ``"yann_vezilier"``."""
    slug = re.sub(r"[^a-z0-9]+", "_", fold(text)).strip("_")
    return slug or "unknown"


def opening_bracket(doc, start: int, reach: int = 6) -> int | None:
    """Index of the "(" or "[" that opens the bracket token ``start`` sits in
    (looking back at most ``reach`` tokens, within its sentence), else None:
    the admin areas notes put after a place ("Oursi (Oursi, Oudalan)")."""
    floor = max(doc[start].sent.start if start < len(doc) else 0, start - reach)
    for i in range(start - 1, floor - 1, -1):
        if doc[i].text in (")", "]"):
            return None
        if doc[i].text in ("(", "["):
            return i
    return None
