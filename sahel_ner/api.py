"""The Python API for notebooks and scripts.

>>> import sahel_ner
>>> result = sahel_ner.extract("JNIM fighters stormed a gendarmerie school in Bamako.", published="2024-09-17")
>>> [(r.source, r.type, r.target) for r in result.relations]
[('jnim', 'ATTACKED', 'bamako')]

:func:`extract` runs one text, :func:`extract_many` streams many texts or files
(``nlp.pipe`` underneath, with ``n_process`` workers), and
:func:`relations_frame` / :func:`actors_frame` turn results into pandas
DataFrames. All of them use one cached default pipeline unless given ``nlp``.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, Union

from spacy.language import Language

from .batch import process_inputs
from .models import ArticleResult
from .readers import DEFAULT_MAX_BYTES, ArticleInput, inputs_from_texts, iter_inputs, normalize_date

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

TextOrPath = Union[str, os.PathLike, ArticleInput, dict]


@lru_cache(maxsize=1)
def default_pipeline() -> Language:
    """The pipeline :func:`extract` uses when not given one (built once per process)."""
    from .pipeline import load

    return load()


def extract(text: str, published: str | None = None, *, id: str | None = None,
            nlp: Language | None = None) -> ArticleResult:
    """Actors and relations of one article text.

    ``published`` (ISO date) anchors relative dates ("on Tuesday", "last month").
    The result keeps the text and entity offsets, for displaCy.
    """
    nlp = nlp or default_pipeline()
    item = ArticleInput(id=id, path=None, text=text, published=normalize_date(published))
    if not isinstance(text, str) or not text.strip():
        return ArticleResult.failed("empty text", id=id, published=item.published)
    return next(process_inputs(nlp, [item], keep_text=True))


def _as_inputs(items: Iterable[TextOrPath], published, max_bytes: int) -> Iterator[ArticleInput]:
    dates = iter(published) if published is not None and not isinstance(published, str) else None
    for n, item in enumerate(items):
        date_value = next(dates) if dates is not None else published
        if isinstance(item, ArticleInput):
            yield item
        elif isinstance(item, os.PathLike):  # a file or a folder, read like the CLI does
            for article in iter_inputs(Path(item), max_bytes=max_bytes):
                if date_value and not article.published and article.error is None:
                    article = ArticleInput(article.id, article.path, article.text, normalize_date(date_value))
                yield article
        elif isinstance(item, dict):
            yield from inputs_from_texts([item.get("text")], item.get("published", date_value),
                                         ids=[str(item.get("id", n))])
        else:
            yield from inputs_from_texts([item], date_value, ids=[str(n)])


def extract_many(texts_or_paths: Iterable[TextOrPath], *, published: str | Iterable[str | None] | None = None,
                 n_process: int = 1, batch_size: int = 16, nlp: Language | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES, keep_text: bool = True) -> Iterator[ArticleResult]:
    """Stream results for many articles, in input order.

    Items may be texts (``str``, id = position), ``pathlib.Path`` objects (a
    file, or a folder read recursively like the CLI does), dicts with ``text``
    and optional ``id``/``published``, or :class:`ArticleInput`. ``published``
    is one date for all texts or one per item. An item that cannot be read or
    processed yields a result with ``error`` set.
    """
    nlp = nlp or default_pipeline()
    yield from process_inputs(nlp, _as_inputs(texts_or_paths, published, max_bytes),
                              n_process=n_process, batch_size=batch_size, keep_text=keep_text)


def relations_frame(results: Iterable[ArticleResult] | ArticleResult) -> "pd.DataFrame":
    """One row per relation: article, source/target ids and labels, type, flags, evidence."""
    import pandas as pd

    if isinstance(results, ArticleResult):
        results = [results]
    rows = []
    for result in results:
        labels = {a.id: a.label for a in result.entities}
        for rel in result.relations:
            row = {"article": result.id, "published": result.published, "source": rel.source,
                   "source_label": labels.get(rel.source, rel.source), "type": rel.type, "target": rel.target,
                   "target_label": labels.get(rel.target, rel.target)}
            row.update(rel.model_dump(exclude={"source", "target", "type"}))
            rows.append(row)
    columns = ["article", "published", "source", "source_label", "type", "target", "target_label", "trigger",
               "confidence", "negated", "hedged", "implicit", "date", "location", "sentence", "start", "end"]
    frame = pd.DataFrame(rows)
    if frame.empty:
        return pd.DataFrame(columns=columns)
    return frame[columns + [c for c in frame.columns if c not in columns]]


def actors_frame(results: Iterable[ArticleResult] | ArticleResult) -> "pd.DataFrame":
    """One row per canonical actor over all results: label, type, mentions,
    articles, and how often it is a relation source or target."""
    import pandas as pd

    if isinstance(results, ArticleResult):
        results = [results]
    table: dict[str, dict] = {}
    for result in results:
        for actor in result.entities:
            row = table.setdefault(actor.id, {"id": actor.id, "label": actor.label, "type": actor.type,
                                              "mention_count": 0, "article_count": 0, "aliases": set(),
                                              "as_source": 0, "as_target": 0})
            row["mention_count"] += actor.mention_count
            row["article_count"] += 1
            row["aliases"].update(actor.mentions)
        for rel in result.relations:
            if rel.source in table:
                table[rel.source]["as_source"] += 1
            if rel.target in table:
                table[rel.target]["as_target"] += 1
    rows = [{**row, "aliases": sorted(row["aliases"])} for row in table.values()]
    columns = ["id", "label", "type", "mention_count", "article_count", "as_source", "as_target", "aliases"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(["mention_count", "id"], ascending=[False, True], ignore_index=True)
