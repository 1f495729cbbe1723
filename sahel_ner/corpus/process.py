"""The work itself: a batch of inputs through the pipeline, to compact results.

:func:`process_batch` runs wherever the batch is (this process, a worker
process, a Dask worker) and returns one ``articles.jsonl`` line per input,
never a Doc: a line is a few hundred bytes where a pickled Doc is tens of
kilobytes, which is what made worker processes no faster than one.
"""
from __future__ import annotations

from typing import Sequence

from spacy.language import Language

from ..schema import article_record, doc_mentions, dump_record, failed_record
from .readers import ArticleInput

# (record line, mentions as (start, end, label, actor id) tuples or None)
Processed = tuple[str, "list[tuple[int, int, str, str]] | None"]


def knowledge_base(nlp: Language):
    if "sahel_actor_ruler" in nlp.pipe_names:
        return nlp.get_pipe("sahel_actor_ruler").kb
    return None


def failed_line(item: ArticleInput, error: str) -> Processed:
    """The result of an input that could not be processed."""
    return dump_record(failed_record(error, id=item.id, path=item.path, published=item.published)), None


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


def process_batch(nlp: Language, items: Sequence[ArticleInput], keep_mentions: bool = False) -> list[Processed]:
    """One result per item, in order. Items with a read error, or a text longer
    than ``nlp.max_length``, get an error line; if the pipeline raises, the batch
    is redone one article at a time so that only the failing article gets one."""
    kb = knowledge_base(nlp)
    out: list[Processed | None] = [None] * len(items)
    todo = []
    for n, item in enumerate(items):
        if item.error is not None or item.text is None:
            out[n] = failed_line(item, item.error or "no article text")
        elif len(item.text) > nlp.max_length:
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
    return out  # type: ignore[return-value]
