"""The work itself: a batch of inputs through the pipeline of their language, to compact results.

:func:`process_batch` runs wherever the batch is (this process, a worker
process, a Dask worker) and returns one ``articles.jsonl`` line per input,
never a Doc: a line is a few hundred bytes where a pickled Doc is tens of
kilobytes, which is what made worker processes no faster than one.

Languages: :func:`assign_languages` gives every input the language it is
processed in (identified, or the one ``--lang`` forces), where the inputs are
read; :class:`Pipelines` holds one pipeline per language, each built on first
use, and :func:`process_batch` sends each input through the pipeline of its
language. A given pipeline (``nlp=``) takes every article, whatever its language.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Iterator, Sequence, Union

from spacy.language import Language

from ..language import check_mode, identify
from ..schema import article_record, doc_mentions, dump_record, failed_record, symmetric_types
from .readers import ArticleInput
from .settings import symmetric_for

# (record line, mentions as (start, end, label, actor id) tuples or None)
Processed = tuple[str, "list[tuple[int, int, str, str]] | None"]


class Pipelines:
    """The pipeline of each language, built on first use: a folder of English
    articles never loads the French model.

    ``Pipelines(options)`` builds :func:`sahel_ner.load` with ``options`` (its
    keyword arguments but ``lang``) for each language; without options, the
    default pipelines, built once per process (:func:`sahel_ner.api.default_pipeline`).
    ``Pipelines(built={"en": nlp_en, "fr": nlp_fr})`` starts from pipelines of
    your own; ``Pipelines(nlp=nlp)`` gives that one pipeline for every language.
    """

    def __init__(self, options: dict | None = None, *, nlp: Language | None = None,
                 built: dict[str, Language] | None = None):
        self.options = {k: v for k, v in (options or {}).items() if k != "lang"}
        self.fixed = nlp
        self.built: dict[str, Language] = dict(built or {})
        self._failed: dict[str, str] = {}

    def get(self, lang: str) -> Language:
        """The pipeline for articles in ``lang`` (built now if it is the first)."""
        if self.fixed is not None:
            return self.fixed
        if lang not in self.built:
            if lang in self._failed:  # do not retry a failed build for every batch
                raise RuntimeError(self._failed[lang])
            try:
                self.built[lang] = self._build(lang)
            except Exception as err:  # noqa: BLE001 -- reported on each article of that language
                self._failed[lang] = f"cannot build the {lang!r} pipeline: {type(err).__name__}: {err}"
                raise RuntimeError(self._failed[lang]) from err
        return self.built[lang]

    def _build(self, lang: str) -> Language:
        if self.options:
            from ..pipeline import load

            nlp = load(lang=lang, **self.options)
        else:
            from .. import api  # looked up at call time: one cached default pipeline per language

            nlp = api.default_pipeline() if lang == "en" else api.default_pipeline(lang)
        if nlp.lang != lang:
            raise ValueError(f"the base pipeline for {lang!r} articles is a {nlp.lang!r} pipeline")
        return nlp

    def symmetric_types(self, langs: Iterable[str]) -> frozenset[str]:
        """Symmetric relation types over the pipelines of ``langs`` (read from the
        type files for a pipeline not built in this process)."""
        if self.fixed is not None:
            return symmetric_types(self.fixed)
        return frozenset().union(*(symmetric_types(self.built[lang]) if lang in self.built
                                   else symmetric_for(self.options, [lang]) for lang in langs))


PipelinesLike = Union[Language, Pipelines, None]


def as_pipelines(nlp: PipelinesLike) -> Pipelines:
    """A :class:`Pipelines` for a pipeline (every article goes through it), for
    ``None`` (the default pipelines) or for a :class:`Pipelines`."""
    if isinstance(nlp, Pipelines):
        return nlp
    return Pipelines(nlp=nlp) if nlp is not None else Pipelines()


def language_mode(lang: str, pipelines: Pipelines) -> str:
    """``"auto"`` (identify each article), or the one language every article is
    processed in: a given pipeline's own, or ``lang`` (``en``, ``fr``).
    ValueError for another value, or for a language a given pipeline is not in."""
    if pipelines.fixed is None:
        return check_mode(lang)
    if lang not in ("auto", pipelines.fixed.lang):
        raise ValueError(f"lang={lang!r}, but the pipeline given is a {pipelines.fixed.lang!r} pipeline")
    return pipelines.fixed.lang


def assign_language(item: ArticleInput, mode: str) -> ArticleInput:
    """``item`` with the language it is processed in: ``mode`` when it names one,
    else the language identified from its text (the one it states breaks
    doubts, see :func:`sahel_ner.language.identify`); None without text."""
    if item.text is None:
        chosen = None
    else:
        chosen = identify(item.text, item.lang) if mode == "auto" else mode
    return item if chosen == item.lang else replace(item, lang=chosen)


def assign_languages(items: Iterable[ArticleInput], mode: str) -> Iterator[ArticleInput]:
    for item in items:
        yield assign_language(item, mode)


def knowledge_base(nlp: Language):
    if "sahel_actor_ruler" in nlp.pipe_names:
        return nlp.get_pipe("sahel_actor_ruler").kb
    return None


def failed_line(item: ArticleInput, error: str) -> Processed:
    """The result of an input that could not be processed."""
    return dump_record(failed_record(error, id=item.id, path=item.path, published=item.published,
                                     lang=item.lang if item.text is not None else None)), None


def _make_doc(nlp: Language, item: ArticleInput):
    doc = nlp.make_doc(item.text)
    doc._.article_id = item.id
    doc._.published = item.published  # relation dates resolve against it
    return doc


def _done(doc, item: ArticleInput, kb, keep_mentions: bool) -> Processed:
    line = dump_record(article_record(doc, id=item.id, path=item.path, kb=kb))
    if not keep_mentions:
        return line, None
    return line, [(ent.start_char, ent.end_char, ent.label_, ent.kb_id_) for ent in doc_mentions(doc)]


def _one(nlp: Language, item: ArticleInput, kb, keep_mentions: bool) -> Processed:
    try:
        return _done(nlp(_make_doc(nlp, item)), item, kb, keep_mentions)
    except Exception as err:  # noqa: BLE001 -- one article's failure must not stop the batch
        return failed_line(item, f"pipeline error: {type(err).__name__}: {err}"[:500])


def process_batch(nlp: PipelinesLike, items: Sequence[ArticleInput], keep_mentions: bool = False
                  ) -> list[Processed]:
    """One result per item, in order, each through the pipeline of its language
    (``item.lang``; identified here when not set). Items with a read error, or a
    text longer than ``nlp.max_length``, get an error line; if the pipeline
    raises, its part of the batch is redone one article at a time so that only
    the failing article gets one; if a language's pipeline cannot be built,
    that language's articles get an error line."""
    pipelines = as_pipelines(nlp)
    items = list(items)
    out: list[Processed | None] = [None] * len(items)
    by_lang: dict[str, list[int]] = {}
    for n, item in enumerate(items):
        if item.error is not None or item.text is None:
            out[n] = failed_line(item, item.error or "no article text")
            continue
        if pipelines.fixed is not None:
            lang = pipelines.fixed.lang
        else:
            lang = item.lang or identify(item.text)
        if lang != item.lang:
            items[n] = replace(item, lang=lang)
        by_lang.setdefault(lang, []).append(n)
    for lang, indexes in by_lang.items():
        try:
            lang_nlp = pipelines.get(lang)
        except Exception as err:  # noqa: BLE001 -- this language's articles are reported, the rest goes on
            for n in indexes:
                out[n] = failed_line(items[n], str(err)[:500])
            continue
        _process_group(lang_nlp, items, indexes, out, keep_mentions)
    return out  # type: ignore[return-value]


def _process_group(nlp: Language, items: Sequence[ArticleInput], indexes: list[int],
                   out: list[Processed | None], keep_mentions: bool) -> None:
    kb = knowledge_base(nlp)
    todo = []
    for n in indexes:
        item = items[n]
        if len(item.text) > nlp.max_length:
            out[n] = failed_line(item, f"text too long ({len(item.text):,} characters > nlp.max_length "
                                   f"{nlp.max_length:,})")
        else:
            todo.append(n)
    try:
        docs = nlp.pipe((_make_doc(nlp, items[n]) for n in todo), batch_size=max(1, len(todo)))
        for n, doc in zip(todo, docs):
            out[n] = _done(doc, items[n], kb, keep_mentions)
    except Exception:  # noqa: BLE001 -- find the article at fault
        for n in todo:
            out[n] = _one(nlp, items[n], kb, keep_mentions)
