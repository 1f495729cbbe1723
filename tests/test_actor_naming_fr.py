"""Actor naming in French: every way French-language Sahel news names an actor
resolves to the same id and type as in English (one knowledge base, same ids).

Cases live in ``data/actor_cases_fr.jsonl``, in the format of
``data/actor_cases.jsonl`` (see ``test_actor_naming.py``)::

    {"id": "...", "category": "...", "text": "...",
     "expected": [{"text": "junte malienne", "id": "mali", "type": "STATE", "occurrence": 0}],
     "absent": ["eu"], "forbidden_types": {"Mars": ["LOCATION"]}, "note": "..."}

The pipeline is ``sahel_ner.load("fr")``, built once for the module.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

import sahel_ner
from sahel_ner.knowledge_base import ACTOR_TYPES, KnowledgeBase

from test_actor_naming import occurrences, target_spans
from test_actor_naming import test_actor_naming as check_case

CASES_PATH = Path(__file__).parent / "data" / "actor_cases_fr.jsonl"
CASES = [json.loads(line) for line in CASES_PATH.read_text(encoding="utf-8").splitlines() if line.strip()]
CATEGORIES = {
    "spelling_accents", "elisions", "acronyms_long_names", "demonyms_institutions", "generic_focus",
    "metonyms", "titles", "role_titles", "surname_coreference", "unknown_actors", "all_caps", "false_friends",
}
SLUG = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)*$")


@pytest.fixture(scope="session")
def nlp_fr():
    return sahel_ner.load("fr")


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_actor_naming_fr(nlp_fr, case):
    """The same checks as the English suite: expected ids and types, one type per
    actor, the actor table, false friends and forbidden types."""
    check_case(nlp_fr, case)


def test_linked_entities_carry_their_knowledge_base_type_fr(nlp_fr):
    """A country, city or armed group is never typed PERSON in French either."""
    kb = KnowledgeBase.load("fr")
    mistyped = []
    for case, doc in zip(CASES, nlp_fr.pipe(case["text"] for case in CASES)):
        for ent in doc.ents:
            actor = kb.get(ent.kb_id_)
            if actor is not None and ent.label_ != actor.type:
                mistyped.append((case["id"], ent.text, ent.label_, f"{actor.id} is {actor.type}"))
    assert not mistyped, mistyped


def test_french_words_stay_out_of_english_templates():
    """French demonyms and state names build French phrases only; English ones English only."""
    en, fr = KnowledgeBase.load("en"), KnowledgeBase.load("fr")
    assert fr.demonyms["malienne"] == "mali" and fr.demonyms["burkinabe"] == "burkina_faso"
    assert "malienne" not in en.demonyms and "malian" not in fr.demonyms
    assert fr.lookup("la junte malienne") is None  # articles are not part of the phrases
    assert fr.lookup("junte malienne") == "mali" and fr.lookup("armée du Mali") == "malian_armed_forces"
    assert en.lookup("junte malienne") is None and fr.lookup("Malian junta") is None
    assert en.lookup("Malian junta") == "mali"
    # French names are aliases of the same ids in both languages
    assert en.lookup("Algérie") == fr.lookup("Algérie") == "algeria"
    # "eu" is a French word: the European Union is "EU" only as written in French text
    assert fr.lookup("EU") is None and fr.exact_phrases["EU"] == "eu" and en.lookup("eu") == "eu"


def test_case_suite_is_well_formed_fr():
    assert len(CASES) >= 60
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
