"""Packaged data files, read with :mod:`importlib.resources`: the actor knowledge
base shared by every language (``actors.jsonl``: one id per actor, its names in
all languages), and one folder per language for the words (``en/``, ``fr/``:
phrase templates, trigger lexicons, cues)."""
from __future__ import annotations

import json
from importlib import resources
from typing import Any, Iterator


def resource_path(lang: str | None, *parts: str):
    """Traversable for ``resources/<lang>/<parts...>`` inside the installed package
    (``lang=None``: the shared files at the top)."""
    node = resources.files(__name__)
    if lang:
        node = node.joinpath(lang)
    for part in parts:
        node = node.joinpath(part)
    return node


def read_json(lang: str | None, *parts: str) -> Any:
    return json.loads(resource_path(lang, *parts).read_text(encoding="utf-8"))


def iter_jsonl_text(text: str, origin: str) -> Iterator[dict]:
    """Records of a JSON Lines text; blank lines and ``//`` comments are skipped."""
    for lineno, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        try:
            yield json.loads(line)
        except json.JSONDecodeError as err:
            raise ValueError(f"{origin}:{lineno}: not valid JSON ({err.msg})") from None


def read_jsonl(lang: str | None, *parts: str) -> list[dict]:
    node = resource_path(lang, *parts)
    return list(iter_jsonl_text(node.read_text(encoding="utf-8"), str(node)))
