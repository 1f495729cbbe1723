"""The inline markup the training sentences are written in, and its parser.

An actor mention is written ``[surface](actor_id)`` or, for an actor the
packaged knowledge base does not know, ``[surface](actor_id:TYPE)``::

    [JNIM](jnim) fighters stormed a [FAMa](malian_armed_forces) post near [Boni](boni:LOCATION).

Relations are written as ``HEAD>CHILD TYPE [neg] [hedged] [implicit]`` with
HEAD and CHILD the 0-based positions of the mentions in the sentence, ``;``
between relations: ``0>1 ATTACKED``. Every pair of mentions of two different
actors that no relation names is a negative (``NONE``) instance.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

ACTOR_LABELS = ("PERSON", "ARMED_GROUP", "STATE", "MILITARY", "ORGANIZATION", "LOCATION")
RELATION_TYPES = ("MET", "SANCTIONED", "ATTACKED", "ARRESTED", "SUPPORTED")
SYMMETRIC = {"MET"}

_MENTION = re.compile(r"\[([^\]]+)\]\(([a-z0-9_]+)(?::([A-Z_]+))?\)")
_KB = Path(__file__).resolve().parents[1] / "sahel_ner" / "resources" / "actors.jsonl"


@lru_cache(maxsize=1)
def kb_types() -> dict[str, str]:
    """Actor id -> type, from the packaged knowledge base."""
    types = {}
    for line in _KB.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("//"):
            record = json.loads(line)
            types[record["id"]] = record["type"]
    return types


def parse_mentions(marked: str) -> tuple[str, list[dict]]:
    """Plain text and its entity annotations (char offsets) from marked-up text."""
    text_parts, entities, cursor, plain_len = [], [], 0, 0
    for match in _MENTION.finditer(marked):
        before = marked[cursor:match.start()]
        text_parts.append(before)
        plain_len += len(before)
        surface, actor_id, label = match.group(1), match.group(2), match.group(3)
        label = label or kb_types().get(actor_id)
        if label not in ACTOR_LABELS:
            raise ValueError(f"unknown actor {actor_id!r} (add :TYPE) in: {marked}")
        entities.append({"start": plain_len, "end": plain_len + len(surface), "label": label, "id": actor_id})
        text_parts.append(surface)
        plain_len += len(surface)
        cursor = match.end()
    text_parts.append(marked[cursor:])
    return "".join(text_parts), entities


def parse_relations(spec: str, n_mentions: int) -> list[dict]:
    relations = []
    for part in filter(None, (p.strip() for p in spec.split(";"))):
        pair, rtype, *flags = part.split()
        head, child = (int(x) for x in pair.split(">"))
        if rtype not in RELATION_TYPES or not (0 <= head < n_mentions and 0 <= child < n_mentions):
            raise ValueError(f"bad relation {part!r}")
        unknown = set(flags) - {"neg", "hedged", "implicit"}
        if unknown:
            raise ValueError(f"unknown flags {unknown} in {part!r}")
        relations.append({"head": head, "child": child, "type": rtype, "negated": "neg" in flags,
                          "hedged": "hedged" in flags, **({"implicit": True} if "implicit" in flags else {})})
    return relations


def with_negatives(entities: list[dict], relations: list[dict]) -> list[dict]:
    """Add a NONE instance for every pair of different actors no relation links."""
    linked = {frozenset((r["head"], r["child"])) for r in relations}
    out = list(relations)
    for i in range(len(entities)):
        for j in range(i + 1, len(entities)):
            if entities[i]["id"] != entities[j]["id"] and frozenset((i, j)) not in linked:
                out.append({"head": i, "child": j, "type": "NONE", "negated": False, "hedged": False})
    return out


def record(example_id: str, marked: str, spec: str, source: str) -> dict:
    text, entities = parse_mentions(marked)
    relations = with_negatives(entities, parse_relations(spec, len(entities)))
    return {"id": example_id, "text": text, "entities": entities, "relations": relations, "source": source}
