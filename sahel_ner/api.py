"""The Python API for notebooks and scripts.

>>> import sahel_ner
>>> result = sahel_ner.extract("JNIM fighters stormed a gendarmerie school in Bamako.", published="2024-09-17")
>>> [(r.source, r.type, r.target) for r in result.relations]
[('jnim', 'ATTACKED', 'bamako')]

:func:`extract` runs one text, :func:`extract_many` streams many texts or files
(``nlp.pipe`` underneath, with ``n_process`` workers), and
:func:`relations_frame` / :func:`actors_frame` turn results into pandas
DataFrames. Unless given ``nlp``, each article goes through the default
pipeline of its language (``lang="auto"``: identified from the text; or
``"en"``/``"fr"`` for all), each built once per process on first use; a given
``nlp`` takes every article.
"""
from __future__ import annotations

import os
from dataclasses import replace
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, Sequence, Union

from spacy.language import Language

from .corpus.readers import DEFAULT_MAX_BYTES, LANG_FIELDS, ArticleInput, inputs_from_texts, iter_inputs
from .corpus.formats import normalize_date
from .corpus.process import as_pipelines, assign_languages, language_mode
from .corpus.runner import executor_for, process_stream
from .language import language_tag
from .models import ArticleResult, Mention

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

TextOrPath = Union[str, os.PathLike, ArticleInput, dict]


@lru_cache(maxsize=None)
def default_pipeline(lang: str = "en") -> Language:
    """The pipeline of ``lang`` that :func:`extract` uses when not given one (built once per process)."""
    from .pipeline import load

    return load(lang)


def extract(text: str, published: str | None = None, *, id: str | None = None,
            nlp: Language | None = None, lang: str = "auto") -> ArticleResult:
    """Actors and relations of one article text.

    ``published`` (ISO date) anchors relative dates ("on Tuesday", "last month").
    ``lang``: ``"auto"`` (identified from the text), ``"en"`` or ``"fr"``; the
    result's ``lang`` says which. The result keeps the text and entity offsets, for displaCy.
    """
    pipelines = as_pipelines(nlp)
    mode = language_mode(lang, pipelines)
    item = next(inputs_from_texts([text], published, ids=[id]))
    return next(results_for(pipelines, [item], keep_text=True, lang=mode))


def results_for(nlp, inputs: Iterable[ArticleInput], *, n_process: int = 1, batch_size: int = 16,
                keep_text: bool = False, lang: str = "auto") -> Iterator[ArticleResult]:
    """One :class:`ArticleResult` per input, in input order, through the batch runner.
    ``nlp``: a pipeline (it takes every input), :class:`~sahel_ner.corpus.process.Pipelines`
    or None (the default pipeline of each input's language)."""
    pipelines = as_pipelines(nlp)
    mode = language_mode(lang, pipelines)
    executor = executor_for(pipelines, n_process, keep_mentions=keep_text)
    try:
        for item, (line, mentions) in process_stream(assign_languages(inputs, mode), executor, batch_size):
            result = ArticleResult.from_json_line(line)
            if keep_text and item.text is not None and result.error is None:
                result.text = item.text
                result.mentions = [Mention(text=item.text[s:e], start=s, end=e, type=label, actor_id=actor)
                                   for s, e, label, actor in mentions or ()]
            yield result
    finally:
        executor.close()


def _dates(published, items) -> Iterator:
    """One date per item: the same for all, or the next of a list (a list shorter
    than the items is an error, not a silent stop)."""
    if published is None or isinstance(published, str):
        while True:
            yield published
    if isinstance(published, Sequence) and isinstance(items, Sequence) and len(published) != len(items):
        raise ValueError(f"published has {len(published)} date(s) for {len(items)} item(s); "
                         f"give one date, or one per item")
    yield from published
    raise ValueError("published has fewer dates than there are items; give one date, or one per item")


def _as_inputs(items: Iterable[TextOrPath], published, max_bytes: int) -> Iterator[ArticleInput]:
    dates = _dates(published, items)
    for n, item in enumerate(items):
        date_value = next(dates)
        if isinstance(item, ArticleInput):
            yield item.clean()
        elif isinstance(item, os.PathLike):  # a file or a folder, read like the CLI does
            yield from _path_inputs(Path(item), date_value, max_bytes)
        elif isinstance(item, dict):
            stated = next((language_tag(item[k]) for k in LANG_FIELDS if language_tag(item.get(k))), None)
            for article in inputs_from_texts([item.get("text")], item.get("published", date_value),
                                             ids=[str(item.get("id", n))]):
                yield replace(article, lang=stated) if stated else article
        else:
            yield from inputs_from_texts([item], date_value, ids=[str(n)])


def _path_inputs(path: Path, date_value, max_bytes: int) -> Iterator[ArticleInput]:
    if not path.exists():
        yield ArticleInput(path.stem, str(path), None, normalize_date(date_value), "file or folder not found")
        return
    for article in iter_inputs(path, max_bytes=max_bytes):
        if date_value and not article.published and article.error is None:
            article = replace(article, published=normalize_date(date_value))
        yield article


def extract_many(texts_or_paths: Iterable[TextOrPath], *, published: str | Iterable[str | None] | None = None,
                 n_process: int = 1, batch_size: int = 16, nlp: Language | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES, keep_text: bool = True,
                 lang: str = "auto") -> Iterator[ArticleResult]:
    """Stream results for many articles, in input order.

    Items may be texts (``str``, id = position), ``pathlib.Path`` objects (a
    file, or a folder read recursively like the CLI does), dicts with ``text``
    and optional ``id``/``published``/``lang``, or :class:`ArticleInput`. ``published``
    is one date for all texts or one per item (``ValueError`` if a list has
    another length). ``lang``: ``"auto"`` (each article's language is
    identified; English and French articles go through their own pipeline),
    ``"en"`` or ``"fr"``; ``ValueError`` for another value. Each result's
    ``lang`` says which language it was processed in. An item that cannot be
    read or processed yields a result with ``error`` set (a path that does not
    exist included).
    """
    pipelines = as_pipelines(nlp)
    mode = language_mode(lang, pipelines)  # a bad value raises here, before any work
    if published is not None and not isinstance(published, str) and not isinstance(published, Sequence):
        published = list(published)
    if isinstance(published, Sequence) and not isinstance(published, str) \
            and not isinstance(texts_or_paths, Sequence):
        texts_or_paths = list(texts_or_paths)
    inputs = _as_inputs(texts_or_paths, published, max_bytes)
    first = next(inputs, None)  # a date list of the wrong length raises here, before any work
    if first is None:
        return iter(())
    return results_for(pipelines, chain([first], inputs), n_process=n_process, batch_size=batch_size,
                       keep_text=keep_text, lang=mode)


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
