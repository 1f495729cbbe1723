"""The custom attributes sahel_ner adds to spaCy objects, registered once.

Everything stored here is msgpack-safe (str, numbers, lists, dicts) so that docs
survive ``DocBin`` and ``nlp.pipe(n_process>1)``; the pydantic models in
:mod:`sahel_ner.models` are views built from these on demand.

- ``Doc._.article_id``: the article's id (file stem), or None.
- ``Doc._.published``: ISO publication date ("2025-09-15"), or None; relation
  dates are resolved against it.
- ``Doc._.actors``: canonical actors of the doc, in order of first mention:
  ``{"id", "label", "type", "mentions": [surface forms]}``.
- ``Doc._.relations``: relation dicts with the keys of the output contract in
  SCHEMA.md (source, target, type, sentence, start, end, trigger, confidence,
  negated, hedged, date, location) plus ``implicit`` and ``trigger_start``.
- ``Doc._.focus_state``: the state the article is mostly about (id or None);
  generic phrases such as "the junta" resolve to it.

Each entity span carries its canonical actor id in spaCy's own ``Span.kb_id_``.
"""
from __future__ import annotations

from spacy.tokens import Doc

_DOC_ATTRS = {
    "article_id": None,
    "published": None,
    "actors": None,
    "relations": None,
    "focus_state": None,
}


def register_extensions() -> None:
    """Register the extensions; safe to call any number of times."""
    for name, default in _DOC_ATTRS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register_extensions()
