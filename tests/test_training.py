"""Training data format, a tiny training run, and the shipped sm model."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from sahel_ner.components.relation_classifier import RELATION_TYPES
from sahel_ner.training.corpus import read_jsonl, record_to_doc, validate_record
from sahel_ner.training.evaluation import attach_model, score_article, Report

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "training_data"


@pytest.fixture(scope="module")
def records():
    return {split: list(read_jsonl(DATA / f"{split}.jsonl")) for split in ("train", "dev")}


def test_training_data_size_and_coverage(records):
    everything = records["train"] + records["dev"]
    instances = [rel for rec in everything for rel in rec["relations"]]
    assert len(everything) >= 650 and len(instances) >= 1600
    types = {rel["type"] for rel in instances}
    assert set(RELATION_TYPES) | {"NONE"} <= types
    # held-out phrasings: no template feeds both splits
    templates = {split: {r["source"] for r in rows if r["source"].startswith("template:")} for split, rows in records.items()}
    assert templates["dev"] and not templates["dev"] & templates["train"]


def test_jsonl_files_are_what_build_py_writes(records):
    """The committed splits are the deterministic output of the templates and hand-written lines."""
    import sys

    sys.path.insert(0, str(DATA))
    import build

    built = {"train": [], "dev": []}
    for split, record in build.generated() + build.handwritten():
        built[split].append(record)
    assert built == records


def test_generated_sentences_are_grammatical(records):
    import re

    for rec in records["train"] + records["dev"]:
        text = rec["text"]
        assert not re.search(r"\b(?:the|an?) the\b", text, re.I), text      # "Suspected the FLA militants"
        assert not re.search(r"\b[Aa] (?:[AEIO]|FLA\b|MNJTF)", text), text  # "a AES unified force convoy"
        assert not re.search(r"\b(?:troops|soldiers|forces|authorities|rulers) (?:said it|is|has)\b", text), text


def test_every_pair_of_actors_is_an_instance(records):
    for rec in records["train"][:200]:
        pairs = {frozenset((r["head"], r["child"])) for r in rec["relations"]}
        ids = [e["id"] for e in rec["entities"]]
        expected = {frozenset((i, j)) for i in range(len(ids)) for j in range(i + 1, len(ids)) if ids[i] != ids[j]}
        assert pairs == expected, rec["id"]


def test_entity_offsets_match_the_text(records):
    rec = next(r for r in records["train"] if r["source"] == "handwritten" and "Tinzaouaten" in r["text"])
    surfaces = [rec["text"][e["start"]:e["end"]] for e in rec["entities"]]
    assert "Tinzaouaten" in surfaces
    with pytest.raises(ValueError):
        validate_record({**rec, "relations": [{"head": 0, "child": 0, "type": "ATTACKED"}]})


def test_record_converts_to_doc_with_kb_ids(records):
    rec = next(r for r in records["train"] if any(x["type"] == "ATTACKED" for x in r["relations"]))
    doc = record_to_doc(spacy.blank("en"), rec)
    assert [e.kb_id_ for e in doc.ents] == [e["id"] for e in rec["entities"]]
    assert any(r["type"] == "ATTACKED" for r in doc.user_data["sahel_gold_relations"])


def test_tiny_training_run_learns(tmp_path, records):
    from sahel_ner.training.commands import train_model

    small = tmp_path / "data"
    small.mkdir()
    for split, n in (("train", 60), ("dev", 20)):
        with open(small / f"{split}.jsonl", "w", encoding="utf-8") as fh:
            for rec in records[split][:n]:
                fh.write(json.dumps(rec) + "\n")
    out = train_model("sm", tmp_path / "model", seed=0, data_dir=small, max_epochs=2)
    trained = spacy.load(out)
    assert trained.pipe_names == ["sahel_relation_classifier"]
    doc = trained.make_doc("JNIM fighters attacked Malian troops near Gao.")
    doc.ents = [doc.char_span(0, 4, "ARMED_GROUP", kb_id="jnim"), doc.char_span(23, 36, "MILITARY", kb_id="malian_armed_forces")]
    doc = trained(doc)
    assert len(doc._.relation_pair_scores) == 2  # both orders of the one pair


def test_shipped_sm_model_adds_to_the_pipeline():
    import sahel_ner

    pipeline = attach_model(sahel_ner.load(), REPO / "sahel_ner" / "trained" / "sm")
    assert pipeline.pipe_names[-1] == "sahel_relation_classifier"
    doc = pipeline("The Islamic State Sahel Province carried out an attack against Nigerien troops near Ouallam.")
    scores = {(r["head_id"], r["child_id"]): r["scores"] for r in doc._.relation_pair_scores}
    assert scores[("issp", "nigerien_armed_forces")]["ATTACKED"] > 0.5
    assert scores[("nigerien_armed_forces", "issp")]["ATTACKED"] < 0.5  # direction is learnt
    assert scores[("issp", "nigerien_armed_forces")]["MET"] < 0.5
    rel = next(r for r in doc._.relations if r["type"] == "ATTACKED")
    assert (rel["source"], rel["target"]) == ("issp", "nigerien_armed_forces")
    assert rel["classifier_confidence"] > 0.5


def test_scorer_matches_names_and_ignores_negated():
    gold = {"entities": [{"id": "eu", "accept": ["eu", "european union"]}, {"id": "mali", "accept": ["mali", "malian junta"]}],
            "relations": [{"source": "eu", "target": "mali", "type": "SANCTIONED"}]}
    actors = [{"id": "eu", "label": "European Union", "mentions": ["EU"]},
              {"id": "mali", "label": "Mali", "mentions": ["the Malian junta"]}]
    report = Report()
    score_article(gold, actors, [{"source": "eu", "target": "mali", "type": "SANCTIONED"},
                                 {"source": "mali", "target": "eu", "type": "SANCTIONED", "negated": True}], report)
    counts = report.per_type["SANCTIONED"]
    assert (counts.tp, counts.fp, counts.fn) == (1, 0, 0)
