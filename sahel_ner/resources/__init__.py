"""Packaged data files (actor gazetteer, phrase templates, trigger lexicons),
one folder per language, read with :mod:`importlib.resources`."""
from __future__ import annotations

import json
from importlib import resources
from typing import Any, Iterator


def resource_path(lang: str, *parts: str):
    """Traversable for ``resources/<lang>/<parts...>`` inside the installed package."""
    node = resources.files(__name__).joinpath(lang)
    for part in parts:
        node = node.joinpath(part)
    return node


def read_json(lang: str, *parts: str) -> Any:
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


def read_jsonl(lang: str, *parts: str) -> list[dict]:
    node = resource_path(lang, *parts)
    return list(iter_jsonl_text(node.read_text(encoding="utf-8"), str(node)))
