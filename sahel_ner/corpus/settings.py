"""Pipeline options as plain values: what Dask workers build their pipeline
from, and what a resume store must match (the trained model included, and the
content of users' actor and relation files, which change results too)."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any, Iterable


def pipeline_options(base: str | None = None, extra_actors: Iterable[str | os.PathLike] = (),
                     relation_types: Iterable[str] | None = None,
                     extra_relation_dirs: Iterable[str | os.PathLike] = (),
                     model: str | os.PathLike | None = None) -> dict:
    """Keyword arguments of :func:`sahel_ner.load` (absolute paths: workers may
    run elsewhere, from another directory)."""
    options: dict[str, Any] = {}
    if base:
        options["base"] = str(Path(base).resolve()) if Path(base).exists() else base
    if extra_actors:
        options["extra_actors"] = [str(Path(p).resolve()) for p in extra_actors]
    if relation_types:
        options["relation_types"] = sorted(relation_types)
    if extra_relation_dirs:
        options["extra_relation_dirs"] = [str(Path(p).resolve()) for p in extra_relation_dirs]
    if model:
        options["model"] = str(Path(model).resolve()) if Path(model).exists() else str(model)
    return options


def relation_types_for(options: dict, lang: str) -> dict:
    """The relation types (name -> :class:`~sahel_ner.relation_types.RelationType`)
    of the pipeline that ``options`` build for ``lang``, read from the type files
    without building it: the packaged ones, then the user's folders."""
    from ..relation_types import load_packaged_types, load_type_dir

    types = load_packaged_types(lang)
    for folder in options.get("extra_relation_dirs", ()):
        types.update(load_type_dir(folder))
    return types


def symmetric_for(options: dict, langs: Iterable[str]) -> frozenset[str]:
    """Symmetric relation types over the pipelines of ``langs`` built from ``options``."""
    return frozenset(name for lang in langs for name, rtype in relation_types_for(options, lang).items()
                     if rtype.symmetric)


def run_settings(options: dict, **more) -> dict:
    """Settings of a run: the pipeline options, a digest of every file they name
    (an edited actors.jsonl or trained model gives other results), and ``more``."""
    paths = [*options.get("extra_actors", ()), *options.get("extra_relation_dirs", ())]
    if options.get("model") and Path(options["model"]).exists():
        paths.append(options["model"])
    return {"pipeline": options, "files": _digest(paths), **more}


def _digest(paths: Iterable[str]) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for top in paths:
        files = sorted(Path(top).rglob("*")) if Path(top).is_dir() else [Path(top)]
        for path in files:
            if path.is_file():
                digest.update(str(path).encode("utf-8", "surrogateescape") + b"\x00" + path.read_bytes())
    return digest.hexdigest()
