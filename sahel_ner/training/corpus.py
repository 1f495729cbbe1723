"""Training data: the JSONL format of ``training_data/`` and its conversion to DocBin.

A line is one sentence or short passage::

    {"id": "att_active-1", "text": "...", "source": "template:att_active" | "handwritten",
     "entities": [{"start": 0, "end": 4, "label": "ARMED_GROUP", "id": "jnim"}, ...],
     "relations": [{"head": 0, "child": 1, "type": "ATTACKED" | ... | "NONE",
                    "negated": false, "hedged": false, "implicit": false?}, ...]}

``head``/``child`` index ``entities`` (head = source); every pair of mentions of
two different actors appears once, with ``NONE`` where no relation holds.
In the DocBin, entities become ``doc.ents`` (label and ``kb_id``) and the
asserted relations go to ``doc.user_data["sahel_gold_relations"]`` as character
offsets; implicit (cross-sentence) relations are kept out of the classifier's data.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from ..components.relation_classifier import ACTOR_LABELS, GOLD_KEY, RELATION_TYPES

REQUIRED_KEYS = {"id", "text", "entities", "relations", "source"}


def read_jsonl(path: str | Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if line.strip():
                record = json.loads(line)
                validate_record(record, f"{path}:{lineno}")
                yield record


def validate_record(record: dict, origin: str = "") -> None:
    """Raise ValueError when a record breaks the format above."""
    missing = REQUIRED_KEYS - set(record)
    if missing:
        raise ValueError(f"{origin}: missing keys {sorted(missing)}")
    text, entities = record["text"], record["entities"]
    for ent in entities:
        if not (0 <= ent["start"] < ent["end"] <= len(text)) or ent["label"] not in ACTOR_LABELS or not ent["id"]:
            raise ValueError(f"{origin}: bad entity {ent}")
    for rel in record["relations"]:
        if rel["type"] not in (*RELATION_TYPES, "NONE"):
            raise ValueError(f"{origin}: unknown relation type {rel['type']!r}")
        if not (0 <= rel["head"] < len(entities) and 0 <= rel["child"] < len(entities)) or rel["head"] == rel["child"]:
            raise ValueError(f"{origin}: relation {rel} points outside the entities")


def record_to_doc(nlp: Language, record: dict) -> Doc:
    doc = nlp.make_doc(record["text"])
    spans = []
    for ent in record["entities"]:
        span = doc.char_span(ent["start"], ent["end"], label=ent["label"], kb_id=ent["id"], alignment_mode="expand")
        if span is None:
            raise ValueError(f"{record['id']}: entity {ent} does not align with tokens")
        spans.append(span)
    doc.ents = spans
    # Sentence boundaries let the classifier pair only mentions of one sentence.
    sentencizer = _sentencizer()
    doc = sentencizer(doc)
    gold = []
    for rel in record["relations"]:
        if rel["type"] == "NONE" or rel.get("implicit"):
            continue
        head, child = record["entities"][rel["head"]], record["entities"][rel["child"]]
        gold.append({"head": [spans[rel["head"]].start_char, spans[rel["head"]].end_char],
                     "child": [spans[rel["child"]].start_char, spans[rel["child"]].end_char],
                     "type": rel["type"], "negated": bool(rel.get("negated")), "hedged": bool(rel.get("hedged")),
                     "head_id": head["id"], "child_id": child["id"]})
    doc.user_data[GOLD_KEY] = gold
    return doc


_SENTENCIZER = None


def _sentencizer():
    global _SENTENCIZER
    if _SENTENCIZER is None:
        _SENTENCIZER = spacy.blank("en").add_pipe("sentencizer")
    return _SENTENCIZER


def convert(jsonl: str | Path, output: str | Path, nlp: Language | None = None) -> int:
    """Write the records of ``jsonl`` to a ``.spacy`` DocBin; returns the number of docs."""
    nlp = nlp or spacy.blank("en")
    docbin = DocBin(store_user_data=True)
    n = 0
    for record in read_jsonl(jsonl):
        docbin.add(record_to_doc(nlp, record))
        n += 1
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    docbin.to_disk(output)
    return n


def convert_dir(data_dir: str | Path, output_dir: str | Path, splits: Iterable[str] = ("train", "dev")) -> dict:
    return {split: convert(Path(data_dir) / f"{split}.jsonl", Path(output_dir) / f"{split}.spacy") for split in splits}
