"""Relation constructions: each way news expresses (or does not express) a relation.

Cases live in ``data/relation_cases.jsonl``, one construction per line::

    {"id": "...", "text": "...", "published": "2025-09-15" | null,
     "expected": [{"source": "abdoulaye_diop", "type": "MET", "target": "rudolph_atallah",
                   "negated": false, "hedged": false, "implicit": false,
                   "date": "2025-07-09", "location": "bamako"}],
     "note": "what construction this covers"}

``expected`` lists exactly what a correct system outputs: negated relations are
listed (flagged), threatened or planned actions are not. MET is symmetric, so
its endpoints are compared unordered. ``date`` and ``location`` are optional and
checked only where the case states them.

``data/relation_gaps.jsonl`` holds, in the same format plus a ``gap`` reason,
the constructions the current pipeline gets wrong (each traced to a parse the
small English model gets wrong). They are measured, not hidden:
``test_whole_suite_accuracy`` scores every case, gaps included, and fails if
the share of exactly right cases drops.

``data/relation_cases_news.jsonl`` is the second suite: constructions drawn
from an error analysis of real reporting (wires, regional press, conflict
event notes), each case tagged with its construction ``class`` and written by
us. A clash may be read in either direction (``"either_direction": true`` on
the expected relation). Cases the pipeline still gets wrong carry a ``gap``
reason; they are scored by ``test_news_suite_accuracy`` like the first suite's
gaps.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

CASES_PATH = Path(__file__).parent / "data" / "relation_cases.jsonl"
GAPS_PATH = Path(__file__).parent / "data" / "relation_gaps.jsonl"


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


NEWS_PATH = Path(__file__).parent / "data" / "relation_cases_news.jsonl"
CASES = _read(CASES_PATH)
GAPS = _read(GAPS_PATH)
NEWS = _read(NEWS_PATH)
NEWS_HOLDING = [case for case in NEWS if "gap" not in case]
# Share of the news suite (gaps included) the pipeline must get exactly right.
MIN_NEWS_ACCURACY = 0.79  # measured 255/315 = 0.810 (206/271 = 0.760 a round before)
# Share of all constructions (gaps included) the pipeline must get exactly right.
MIN_SUITE_ACCURACY = 0.97
RELATION_TYPES = {"MET", "SANCTIONED", "ATTACKED", "ARRESTED", "SUPPORTED"}
SYMMETRIC_TYPES = {"MET"}
FLAGS = ("negated", "hedged", "implicit")
SLUG = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)*$")
# ISO 8601 at year, month or day precision ("2023", "2025-08", "2025-07-09").
ISO_DATE = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$")


def relation_key(rel: dict, either_direction: bool = False) -> tuple:
    """Identity of a relation for comparison: MET endpoints (and a clash read
    either way) sorted, flags as booleans."""
    source, target = rel["source"], rel["target"]
    if rel["type"] in SYMMETRIC_TYPES or either_direction:
        source, target = sorted((source, target))
    return (source, rel["type"], target) + tuple(bool(rel.get(flag)) for flag in FLAGS)


def case_keys(case: dict, relations: list[dict]) -> tuple[set, set]:
    """Expected and predicted keys of a case; ATTACKED is unordered where the case allows a clash either way."""
    either = any(rel.get("either_direction") for rel in case["expected"])
    expected = {relation_key(rel, rel.get("either_direction", False)) for rel in case["expected"]}
    predicted = {relation_key(rel, either and rel["type"] == "ATTACKED") for rel in relations}
    return expected, predicted


def describe(relations: list[dict]) -> str:
    return "\n".join(
        f"  {rel['source']} -{rel['type']}-> {rel['target']}"
        f" neg={rel.get('negated')} hedged={rel.get('hedged')} implicit={rel.get('implicit')}"
        f" date={rel.get('date')} loc={rel.get('location')} trigger={rel.get('trigger')!r}"
        for rel in relations) or "  (none)"


def test_suite_is_well_formed():
    """The suite itself: large enough, no duplicates, every type, enough negatives, valid fields."""
    assert len(CASES) >= 140
    assert all(gap["gap"].strip() for gap in GAPS), "every known gap says why"
    assert not {c["id"] for c in CASES} & {g["id"] for g in GAPS}
    ids = [case["id"] for case in CASES]
    assert not [i for i, n in Counter(ids).items() if n > 1], "duplicate case ids"
    texts = [case["text"] for case in CASES]
    assert not [t for t, n in Counter(texts).items() if n > 1], "duplicate case texts"

    covered = {rel["type"] for case in CASES for rel in case["expected"]}
    assert covered == RELATION_TYPES
    assert sum(1 for case in CASES if not case["expected"]) >= 25
    for flag in FLAGS:
        assert sum(1 for case in CASES if any(rel[flag] for rel in case["expected"])) >= 8, flag

    for case in CASES:
        assert SLUG.match(case["id"]), case["id"]
        assert case["text"].strip() and case["note"].strip(), case["id"]
        assert case["published"] is None or ISO_DATE.match(case["published"]), case["id"]
        keys = [relation_key(rel) for rel in case["expected"]]
        assert len(keys) == len(set(keys)), f"{case['id']}: relation listed twice"
        for rel in case["expected"]:
            assert rel["type"] in RELATION_TYPES, case["id"]
            assert SLUG.match(rel["source"]) and SLUG.match(rel["target"]), case["id"]
            assert rel["source"] != rel["target"], case["id"]
            assert all(isinstance(rel[flag], bool) for flag in FLAGS), case["id"]
            assert set(rel) <= {"source", "type", "target", *FLAGS, "date", "location"}, case["id"]
            if "date" in rel:
                assert ISO_DATE.match(rel["date"]), case["id"]
            if "location" in rel:
                assert SLUG.match(rel["location"]), case["id"]


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_relation_construction(run, case):
    doc = run(case["text"], published=case["published"])
    predicted = doc._.relations or []

    expected_keys = {relation_key(rel) for rel in case["expected"]}
    predicted_keys = {relation_key(rel) for rel in predicted}
    assert predicted_keys == expected_keys, (
        f"{case['note']}\n{case['text']}\nexpected:\n{describe(case['expected'])}\n"
        f"predicted:\n{describe(predicted)}")

    # A relation may be found in several sentences; one of them must carry the stated date/place.
    for rel in case["expected"]:
        matches = [pred for pred in predicted if relation_key(pred) == relation_key(rel)]
        for field in ("date", "location"):
            if field in rel:
                found = [pred.get(field) for pred in matches]
                assert rel[field] in found, (
                    f"{case['note']}\n{case['text']}\n{rel['source']} -{rel['type']}-> {rel['target']}: "
                    f"{field} expected {rel[field]!r}, got {found}")


def test_whole_suite_accuracy(run):
    """Every construction, known gaps included: the exact-match rate may not drop."""
    right = 0
    for case in CASES + GAPS:
        doc = run(case["text"], published=case["published"])
        right += {relation_key(r) for r in doc._.relations} == {relation_key(r) for r in case["expected"]}
    accuracy = right / len(CASES + GAPS)
    assert accuracy >= MIN_SUITE_ACCURACY, f"{right}/{len(CASES + GAPS)} constructions exactly right"


def test_news_suite_is_well_formed():
    """The news suite: large enough, many negatives, every case tagged with its class, valid fields."""
    assert len(NEWS) >= 150
    assert sum(1 for case in NEWS if not case["expected"] or all(r["negated"] for r in case["expected"])) >= 40
    assert not {c["id"] for c in NEWS} & {c["id"] for c in CASES + GAPS}
    assert not [i for i, n in Counter(c["id"] for c in NEWS).items() if n > 1], "duplicate case ids"
    assert {rel["type"] for case in NEWS for rel in case["expected"]} == RELATION_TYPES
    for case in NEWS:
        assert SLUG.match(case["id"]) and case["class"].strip() and case["note"].strip(), case["id"]
        assert case["published"] is None or ISO_DATE.match(case["published"]), case["id"]
        assert "gap" not in case or case["gap"].strip(), case["id"]
        for rel in case["expected"]:
            assert rel["type"] in RELATION_TYPES and rel["source"] != rel["target"], case["id"]
            assert SLUG.match(rel["source"]) and SLUG.match(rel["target"]), case["id"]
            assert set(rel) <= {"source", "type", "target", *FLAGS, "date", "location", "either_direction"}, case["id"]


@pytest.mark.parametrize("case", NEWS_HOLDING, ids=[case["id"] for case in NEWS_HOLDING])
def test_news_construction(run, case):
    doc = run(case["text"], published=case["published"])
    expected, predicted = case_keys(case, doc._.relations or [])
    assert predicted == expected, (
        f"[{case['class']}] {case['note']}\n{case['text']}\nexpected:\n{describe(case['expected'])}\n"
        f"predicted:\n{describe(doc._.relations or [])}")


def test_news_suite_accuracy(run):
    """Every news construction, gaps included: the exact-match rate may not drop."""
    right = 0
    for case in NEWS:
        doc = run(case["text"], published=case["published"])
        expected, predicted = case_keys(case, doc._.relations or [])
        right += expected == predicted
    assert right / len(NEWS) >= MIN_NEWS_ACCURACY, f"{right}/{len(NEWS)} news constructions exactly right"
