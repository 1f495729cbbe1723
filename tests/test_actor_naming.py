"""Actor naming: every way Sahel news names an actor resolves to one id and one type.

Cases live in ``data/actor_cases.jsonl``, one naming phenomenon per line::

    {"id": "...", "category": "...", "text": "...",
     "expected": [{"text": "Goïta", "id": "assimi_goita", "type": "PERSON", "occurrence": 1}],
     "absent": ["united_states"], "forbidden_types": {"Mali": ["PERSON"]}, "note": "..."}

- ``expected``: some entity overlapping ``text`` (a whole-word substring of the
  case text; ``occurrence`` picks the n-th one, 0-based, else any) must carry
  ``kb_id_ == id`` and ``label_ == type``, and the actor must be in ``doc._.actors``.
- ``absent``: actor ids that must not be linked anywhere (false friends).
- ``forbidden_types``: no entity overlapping the named string may carry these labels
  (e.g. a country in a page menu typed PERSON).
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from sahel_ner.knowledge_base import ACTOR_TYPES

CASES_PATH = Path(__file__).parent / "data" / "actor_cases.jsonl"
CASES = [json.loads(line) for line in CASES_PATH.read_text(encoding="utf-8").splitlines() if line.strip()]
CATEGORIES = {
    "spelling_accents", "all_caps", "apostrophes", "french_forms", "titles", "surname_coreference",
    "nicknames", "acronyms_long_names", "metonyms", "demonyms_institutions", "generic_focus",
    "unknown_actors", "boilerplate", "false_friends",
}
SLUG = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)*$")


def occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    """Character spans of ``needle`` in ``text`` as a whole word (not inside a longer word)."""
    pattern = re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)")
    return [m.span() for m in pattern.finditer(text)]


def target_spans(text: str, mention: dict) -> list[tuple[int, int]]:
    spans = occurrences(text, mention["text"])
    if "occurrence" in mention:
        index = mention["occurrence"]
        return spans[index:index + 1]
    return spans


def overlapping(doc, spans: list[tuple[int, int]]) -> list:
    return [ent for ent in doc.ents
            if any(ent.start_char < end and start < ent.end_char for start, end in spans)]


def describe(doc) -> str:
    return "doc.ents = " + repr([(ent.text, ent.label_, ent.kb_id_) for ent in doc.ents])


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_actor_naming(nlp, case):
    text = case["text"]
    doc = nlp(text)
    context = f"[{case['category']}] {case['note']}\n{text!r}\n{describe(doc)}"

    for mention in case["expected"]:
        hits = overlapping(doc, target_spans(text, mention))
        assert any(ent.kb_id_ == mention["id"] and ent.label_ == mention["type"] for ent in hits), (
            f"{mention['text']!r} should be {mention['id']} ({mention['type']}); overlapping: "
            f"{[(ent.text, ent.label_, ent.kb_id_) for ent in hits]}\n{context}")

    # One actor, one type: the same id never shows up under another label in the doc.
    expected_types = {mention["id"]: mention["type"] for mention in case["expected"]}
    mistyped = [(ent.text, ent.label_, ent.kb_id_) for ent in doc.ents
                if ent.kb_id_ in expected_types and ent.label_ != expected_types[ent.kb_id_]]
    assert not mistyped, f"actor linked with a second type: {mistyped}\n{context}"

    # The canonical actor list (the output contract) agrees with the spans.
    actor_types = {actor["id"]: actor["type"] for actor in doc._.actors or []}
    for actor_id, actor_type in expected_types.items():
        assert actor_types.get(actor_id) == actor_type, (
            f"doc._.actors lacks {actor_id} ({actor_type}): {doc._.actors}\n{context}")

    linked = {ent.kb_id_ for ent in doc.ents}
    for actor_id in case.get("absent", []):
        assert actor_id not in linked, f"false friend linked to {actor_id}\n{context}"

    for needle, labels in case.get("forbidden_types", {}).items():
        wrong = [(ent.text, ent.label_, ent.kb_id_) for ent in overlapping(doc, occurrences(text, needle))
                 if ent.label_ in labels]
        assert not wrong, f"{needle!r} must never be typed {labels}: {wrong}\n{context}"


def test_linked_entities_carry_their_knowledge_base_type(nlp):
    """A country, city or armed group is never typed PERSON, whatever the context."""
    from sahel_ner.knowledge_base import KnowledgeBase

    kb = KnowledgeBase.load()
    mistyped = []
    for case, doc in zip(CASES, nlp.pipe(case["text"] for case in CASES)):
        for ent in doc.ents:
            actor = kb.get(ent.kb_id_)
            if actor is not None and ent.label_ != actor.type:
                mistyped.append((case["id"], ent.text, ent.label_, f"{actor.id} is {actor.type}"))
    assert not mistyped, mistyped


def test_case_suite_is_well_formed():
    assert len(CASES) >= 100
    case_ids = Counter(case["id"] for case in CASES)
    assert not [cid for cid, n in case_ids.items() if n > 1], "duplicate case ids"
    texts = Counter(case["text"] for case in CASES)
    assert not [t for t, n in texts.items() if n > 1], "duplicate case texts"

    covered_types, covered_categories = set(), set()
    for case in CASES:
        where = case["id"]
        assert SLUG.match(where), where
        assert case["category"] in CATEGORIES, where
        assert case["note"].strip(), where
        assert case["expected"], f"{where}: a case must expect at least one actor"
        for mention in case["expected"]:
            assert set(mention) <= {"text", "id", "type", "occurrence"}, where
            assert mention["type"] in ACTOR_TYPES, where
            assert SLUG.match(mention["id"]), f"{where}: {mention['id']} is not a slug"
            assert mention["text"] in case["text"], f"{where}: {mention['text']!r} not in text"
            assert target_spans(case["text"], mention), f"{where}: {mention['text']!r} not found as a word"
            covered_types.add(mention["type"])
        expected_ids = {mention["id"] for mention in case["expected"]}
        for actor_id in case.get("absent", []):
            assert SLUG.match(actor_id) and actor_id not in expected_ids, where
        for needle, labels in case.get("forbidden_types", {}).items():
            assert occurrences(case["text"], needle), f"{where}: {needle!r} not in text"
            assert set(labels) <= set(ACTOR_TYPES), where
        covered_categories.add(case["category"])

    assert covered_types == set(ACTOR_TYPES), f"types never expected: {set(ACTOR_TYPES) - covered_types}"
    assert covered_categories == CATEGORIES, f"categories without cases: {CATEGORIES - covered_categories}"
