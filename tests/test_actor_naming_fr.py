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
from pathlib import Path

import pytest
import test_actor_naming as naming_en

import sahel_ner
from sahel_ner.knowledge_base import KnowledgeBase

CASES_PATH = Path(__file__).parent / "data" / "actor_cases_fr.jsonl"
CASES = [json.loads(line) for line in CASES_PATH.read_text(encoding="utf-8").splitlines() if line.strip()]
CATEGORIES = {
    "spelling_accents", "elisions", "acronyms_long_names", "demonyms_institutions", "generic_focus",
    "metonyms", "titles", "role_titles", "surname_coreference", "unknown_actors", "all_caps", "false_friends",
}


@pytest.fixture(scope="session")
def nlp_fr():
    return sahel_ner.load("fr")


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_actor_naming_fr(nlp_fr, case):
    """The same checks as the English suite: expected ids and types, one type per
    actor, the actor table, false friends and forbidden types."""
    naming_en.test_actor_naming(nlp_fr, case)


def test_linked_entities_carry_their_knowledge_base_type_fr(nlp_fr, monkeypatch):
    """A country, city or armed group is never typed PERSON in French either (one
    knowledge base: an actor has the same type in both languages)."""
    monkeypatch.setattr(naming_en, "CASES", CASES)
    naming_en.test_linked_entities_carry_their_knowledge_base_type(nlp_fr)


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


def test_case_suite_is_well_formed_fr(monkeypatch):
    """The English suite's checks on the French cases and categories (unique ids and
    texts, slugs, every actor type and category covered, at least 100 cases)."""
    monkeypatch.setattr(naming_en, "CASES", CASES)
    monkeypatch.setattr(naming_en, "CATEGORIES", CATEGORIES)
    naming_en.test_case_suite_is_well_formed()
