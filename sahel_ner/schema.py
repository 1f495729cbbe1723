"""The output contract in one place (SCHEMA.md): actor types, relation types,
and the plain records every output is made from.

- actor types are defined here and nowhere else;
- relation types and their symmetry come from the type files
  (``resources/<lang>/relations/<TYPE>.json`` and users' folders), never
  from code;
- :func:`relation_record`, :func:`article_record` and :func:`failed_record`
  build the ``articles.jsonl`` objects: the pipeline's ``Doc._`` dicts become
  records once, in worker processes, and every writer (graph, GraphML, GEXF,
  CSV, JSON) and the pydantic views (:mod:`sahel_ner.models`) read those
  records. :func:`dump_record` is the one serialiser, so the same record gives
  the same bytes wherever it is written.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

    from .knowledge_base import KnowledgeBase

ACTOR_TYPES = ("PERSON", "ARMED_GROUP", "STATE", "MILITARY", "ORGANIZATION", "LOCATION")
UNKNOWN_TYPE = "UNKNOWN"  # a relation end the article did not list and the knowledge base does not know

# Node colours by actor type (RGB), shared by GraphML (r, g, b), GEXF (viz:color) and CSV.
TYPE_COLORS = {
    "PERSON": (31, 119, 180),
    "ARMED_GROUP": (214, 39, 40),
    "STATE": (44, 160, 44),
    "MILITARY": (255, 127, 14),
    "ORGANIZATION": (148, 103, 189),
    "LOCATION": (140, 86, 75),
}
OTHER_COLOR = (127, 127, 127)

# "lang" (the language the article was processed in: "en", "fr") comes after the contract keys
ARTICLE_KEYS = ("id", "path", "published", "entities", "relations", "error", "lang")
ACTOR_KEYS = ("id", "label", "type", "mentions", "mention_count")
RELATION_KEYS = ("source", "target", "type", "sentence", "start", "end", "trigger", "confidence", "negated",
                 "hedged", "date", "location", "implicit", "trigger_start")
_SURROGATE = re.compile("[\ud800-\udfff]")
RELATION_DEFAULTS = {"negated": False, "hedged": False, "date": None, "location": None, "implicit": False,
                     "trigger_start": None}


# -- relation types (from the type files) -------------------------------------------
@lru_cache(maxsize=8)
def packaged_relation_types(lang: str = "en") -> tuple[str, ...]:
    """Names of the relation types shipped for ``lang``, sorted."""
    from .relation_types import load_packaged_types

    return tuple(sorted(load_packaged_types(lang)))


@lru_cache(maxsize=8)
def _packaged_symmetric(lang: str) -> frozenset[str]:
    from .relation_types import load_packaged_types

    return frozenset(name for name, rtype in load_packaged_types(lang).items() if rtype.symmetric)


def symmetric_types(nlp: "Language | None" = None, lang: str = "en") -> frozenset[str]:
    """Symmetric relation types: those of the pipeline's relation extractor
    (users' types included) when given, else those of the packaged type files."""
    if nlp is not None and "sahel_relation_extractor" in nlp.pipe_names:
        types = nlp.get_pipe("sahel_relation_extractor").types
        return frozenset(name for name, rtype in types.items() if rtype.symmetric)
    return _packaged_symmetric(lang)


# -- strings every output can hold ----------------------------------------------------
def safe_str(value: str) -> str:
    """``value`` with lone surrogates (undecodable file names, ``"\\ud800"`` in
    JSON) replaced by U+FFFD, so it can be written as UTF-8."""
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", value)


# -- records ---------------------------------------------------------------------------
def relation_record(rel: dict) -> dict:
    """A relation as stored in ``articles.jsonl``: the contract keys in contract
    order (missing optional ones filled in), then any extra keys as given."""
    record = {key: rel[key] if key in rel else RELATION_DEFAULTS[key] for key in RELATION_KEYS
              if key in rel or key in RELATION_DEFAULTS}
    record.update((key, value) for key, value in rel.items() if key not in record)
    record["confidence"] = float(record["confidence"])  # 1 and 1.0 must not give different bytes
    return record


def actor_record(actor: dict, mention_count: int = 0) -> dict:
    record = {"id": actor["id"], "label": actor["label"], "type": actor["type"],
              "mentions": list(actor.get("mentions") or []), "mention_count": mention_count}
    record.update((key, value) for key, value in actor.items() if key not in record)
    return record


def failed_record(error: str, *, id: str | None = None, path: str | None = None,
                  published: str | None = None, lang: str | None = None) -> dict:
    """The line of an article that could not be read or processed (``lang``: None when it has no text)."""
    return {"id": id, "path": path, "published": published, "entities": [], "relations": [], "error": error,
            "lang": lang}


def doc_mentions(doc: "Doc") -> list:
    """Entity spans linked to a canonical actor."""
    return [ent for ent in doc.ents if ent.label_ in ACTOR_TYPES and ent.kb_id_]


def article_record(doc: "Doc", *, id: str | None = None, path: str | None = None,
                   kb: "KnowledgeBase | None" = None) -> dict:
    """The ``articles.jsonl`` object of a processed Doc. ``kb`` fills in actors
    that appear only as a relation end (a capital standing for its state), so
    every relation end is among the entities; ``lang`` is the language of the
    pipeline that made the Doc."""
    counts: dict[str, int] = {}
    for ent in doc_mentions(doc):
        counts[ent.kb_id_] = counts.get(ent.kb_id_, 0) + 1
    entities = [actor_record(actor, counts.get(actor["id"], 0)) for actor in doc._.actors or []]
    relations = [relation_record(rel) for rel in doc._.relations or []]
    known = {actor["id"] for actor in entities}
    for rel in relations:
        for end in (rel["source"], rel["target"]):
            if end not in known:
                known.add(end)
                found = kb.get(end) if kb is not None else None
                entities.append(actor_record({"id": end, "label": found.label if found else end,
                                              "type": found.type if found else UNKNOWN_TYPE}))
    return {"id": id if id is not None else doc._.article_id, "path": path, "published": doc._.published,
            "entities": entities, "relations": relations, "error": None, "lang": doc.lang_}


def dump_record(record: dict) -> str:
    """One line of ``articles.jsonl`` (no newline), byte-stable for the same record."""
    return safe_str(json.dumps(record, ensure_ascii=False, separators=(", ", ": ")))


def as_record(result: Any) -> dict:
    """A record from an :class:`~sahel_ner.models.ArticleResult` or a record dict."""
    return result if isinstance(result, dict) else result.to_record()
