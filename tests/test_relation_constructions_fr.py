"""French constructions: the news suite's format and scoring, on ``sahel_ner.load("fr")``.

Cases live in ``data/relation_cases_fr.jsonl``, one construction per line, in
the format of ``data/relation_cases_news.jsonl`` (see
``test_relation_constructions.py``): ``expected`` lists exactly what a correct
system outputs (negated relations listed and flagged, threats and plans not
listed, a clash read either way where ``either_direction`` is set), each case
tagged with its construction ``class``. The sentences are ours, written in
French after reading French reporting on the Sahel for its usual wordings:
verbs and nominalisations of the five types, passives, claims of
responsibility, relative clauses and appositions, and the French cues:
"ne ... pas / plus / jamais" (but "ne ... que"), "sans", "démentir", the press
conditional ("aurait attaqué": hedged), "selon", "présumé", threats, plans,
"si" clauses and the future (not listed). ``date`` (resolved against
``published``) and ``location`` are checked where a case states them.

Cases the pipeline still gets wrong carry a ``gap`` reason; they are scored by
``test_french_suite_accuracy``, which fails if the share of exactly right cases
drops.

The cue words themselves are also checked one trigger at a time
(``test_french_cues``), so that a wrong cue shows as such and not as a missing
relation.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from test_relation_constructions import FLAGS, ISO_DATE, RELATION_TYPES, SLUG, case_keys, describe, relation_key

import sahel_ner
from sahel_ner.cues import Cues

FR_PATH = Path(__file__).parent / "data" / "relation_cases_fr.jsonl"
FR = [json.loads(line) for line in FR_PATH.read_text(encoding="utf-8").splitlines() if line.strip()]
FR_HOLDING = [case for case in FR if "gap" not in case]
# Share of the French suite (gaps included) the pipeline must get exactly right.
MIN_FR_ACCURACY = 0.83  # measured 164/195 = 0.841 (147/179 = 0.821 a round before)


@pytest.fixture(scope="session")
def nlp_fr():
    return sahel_ner.load("fr")


@pytest.fixture(scope="session")
def run_fr(nlp_fr):
    def _run(text: str, published: str | None = None):
        doc = nlp_fr.make_doc(text)
        doc._.published = published
        return nlp_fr(doc)

    return _run


def _stated_fields_hold(case: dict, relations: list[dict]) -> list[str]:
    """The stated date and place of each expected relation, as one of its readings gives them."""
    either = any(rel.get("either_direction") for rel in case["expected"])
    problems = []
    for rel in case["expected"]:
        key = relation_key(rel, rel.get("either_direction", False))
        matches = [pred for pred in relations if relation_key(pred, either and pred["type"] == "ATTACKED") == key]
        for field in ("date", "location"):
            if field in rel and rel[field] not in [pred.get(field) for pred in matches]:
                problems.append(f"{rel['source']} -{rel['type']}-> {rel['target']}: {field} expected {rel[field]!r}, "
                                f"got {[pred.get(field) for pred in matches]}")
    return problems


def test_french_suite_is_well_formed():
    """Large enough, enough negatives, every type, every case tagged, valid fields, no duplicates."""
    assert len(FR) >= 120
    assert sum(1 for case in FR if not case["expected"] or all(r["negated"] for r in case["expected"])) >= 30
    assert {rel["type"] for case in FR for rel in case["expected"]} == RELATION_TYPES
    assert not [i for i, n in Counter(c["id"] for c in FR).items() if n > 1], "duplicate case ids"
    assert not [t for t, n in Counter(c["text"] for c in FR).items() if n > 1], "duplicate case texts"
    for flag in ("negated", "hedged"):
        assert sum(1 for case in FR if any(rel[flag] for rel in case["expected"])) >= 10, flag
    assert sum(1 for case in FR if any("date" in rel for rel in case["expected"])) >= 10
    for case in FR:
        assert SLUG.match(case["id"]) and case["class"].strip() and case["note"].strip(), case["id"]
        assert case["published"] is None or ISO_DATE.match(case["published"]), case["id"]
        assert "gap" not in case or case["gap"].strip(), case["id"]
        keys = [relation_key(rel) for rel in case["expected"]]
        assert len(keys) == len(set(keys)), f"{case['id']}: relation listed twice"
        for rel in case["expected"]:
            assert rel["type"] in RELATION_TYPES and rel["source"] != rel["target"], case["id"]
            assert SLUG.match(rel["source"]) and SLUG.match(rel["target"]), case["id"]
            assert all(isinstance(rel[flag], bool) for flag in FLAGS), case["id"]
            assert set(rel) <= {"source", "type", "target", *FLAGS, "date", "location", "either_direction"}, case["id"]
            assert "date" not in rel or ISO_DATE.match(rel["date"]), case["id"]


@pytest.mark.parametrize("case", FR_HOLDING, ids=[case["id"] for case in FR_HOLDING])
def test_french_construction(run_fr, case):
    doc = run_fr(case["text"], published=case["published"])
    relations = doc._.relations or []
    expected, predicted = case_keys(case, relations)
    assert predicted == expected, (
        f"[{case['class']}] {case['note']}\n{case['text']}\nexpected:\n{describe(case['expected'])}\n"
        f"predicted:\n{describe(relations)}")
    problems = _stated_fields_hold(case, relations)
    assert not problems, f"[{case['class']}] {case['note']}\n{case['text']}\n" + "\n".join(problems)


def test_french_suite_accuracy(run_fr):
    """Every French construction, gaps included: the exact-match rate may not drop."""
    right = 0
    for case in FR:
        doc = run_fr(case["text"], published=case["published"])
        relations = doc._.relations or []
        expected, predicted = case_keys(case, relations)
        right += expected == predicted and not _stated_fields_hold(case, relations)
    assert right / len(FR) >= MIN_FR_ACCURACY, f"{right}/{len(FR)} French constructions exactly right"


# One trigger at a time: (sentence, trigger word, relation type, what the cues say).
# "modal": not asserted (no relation); "negated" / "hedged" / "plain": asserted so.
CUES = [
    ("Le JNIM n'a pas attaqué le camp de Boulkessi.", "attaqué", "ATTACKED", "negated"),
    ("Le GSIM n'a jamais attaqué Tombouctou.", "attaqué", "ATTACKED", "negated"),
    ("Wagner n'a plus soutenu l'armée malienne après juin.", "soutenu", "SUPPORTED", "negated"),
    ("Le JNIM n'a tué que deux soldats maliens à Boni.", "tué", "ATTACKED", "plain"),
    ("Le JNIM ne cesse d'attaquer les positions de l'armée malienne.", "attaquer", "ATTACKED", "plain"),
    ("La Russie a cessé de soutenir la junte.", "soutenir", "SUPPORTED", "negated"),
    ("Le JNIM a démenti avoir attaqué le camp.", "attaqué", "ATTACKED", "negated"),
    ("Wagner nie avoir tué des civils à Moura.", "tué", "ATTACKED", "negated"),
    ("Le Mali n'a pas démenti avoir arrêté le diplomate.", "arrêté", "ARRESTED", "plain"),
    ("Elle n'a pas pu rencontrer le général Tiani.", "rencontrer", "MET", "negated"),
    ("Tiani a refusé de rencontrer la délégation.", "rencontrer", "MET", "negated"),
    ("Le ministre est reparti sans rencontrer Goïta.", "rencontrer", "MET", "negated"),
    ("Goïta s'est entretenu avec Tiani sans évoquer les sanctions.", "entretenu", "MET", "plain"),
    ("La rencontre entre Goïta et Tiani n'a pas eu lieu.", "rencontre", "MET", "negated"),
    ("Les rencontres avec Tiani n'ont pas été possibles.", "rencontres", "MET", "negated"),
    ("Aucune attaque n'a été signalée à Gao.", "attaque", "ATTACKED", "negated"),
    ("Il ne fait aucun doute que le JNIM a attaqué le camp.", "attaqué", "ATTACKED", "plain"),
    ("Des jihadistes auraient tué douze soldats maliens.", "tué", "ATTACKED", "hedged"),
    ("Le journaliste aurait été arrêté par les services de renseignement.", "arrêté", "ARRESTED", "hedged"),
    ("La Russie fournirait des drones au Mali.", "fournirait", "SUPPORTED", "hedged"),
    ("Le JNIM pourrait avoir attaqué Bamako.", "attaqué", "ATTACKED", "hedged"),
    ("D'après des sources locales, le JNIM a attaqué le camp.", "attaqué", "ATTACKED", "hedged"),
    ("Selon l'armée, le JNIM a attaqué le camp de Boni.", "attaqué", "ATTACKED", "hedged"),
    ("L'attaque présumée du JNIM a fait dix morts.", "attaque", "ATTACKED", "hedged"),
    ("Le JNIM a probablement attaqué le convoi.", "attaqué", "ATTACKED", "hedged"),
    ("Des hommes soupçonnés d'appartenir à l'EIGS ont attaqué le village.", "attaqué", "ATTACKED", "hedged"),
    ("Les séparatistes ont affirmé avoir tué des mercenaires de Wagner.", "tué", "ATTACKED", "hedged"),
    ("L'armée malienne a tué une vingtaine de civils à Niono, selon des sources locales.", "tué", "ATTACKED", "hedged"),
    ("Selon des sources locales, l'armée malienne a tué une vingtaine de civils à Niono.", "tué", "ATTACKED", "hedged"),
    ("Selon les informations de RFI, le JNIM a attaqué le camp de Boni.", "attaqué", "ATTACKED", "plain"),
    ("« Les FAMa ont bombardé un marché à Tinzaouatène », affirment les rebelles du FLA.", "bombardé", "ATTACKED",
     "hedged"),
    ("Le JNIM a attaqué le camp et affirme avoir tué vingt soldats.", "attaqué", "ATTACKED", "plain"),
    ("Finalement, ses rencontres prévues avec le chef de la junte n’ont pas été possibles.", "rencontres", "MET",
     "negated"),
    ("Les autorités maliennes devraient mener des investigations avec l'appui de l'Union africaine.", "appui",
     "SUPPORTED", "modal"),
    ("L'armée burkinabè a repris Djibo avec l'appui de la Russie.", "appui", "SUPPORTED", "plain"),
    ("Le JNIM a revendiqué l'attaque du camp de Boulkessi.", "attaque", "ATTACKED", "plain"),
    ("Les militaires tiraient sur le camp du JNIM.", "tiraient", "ATTACKED", "plain"),
    ("La Russie a livré des hélicoptères au Mali.", "livré", "SUPPORTED", "plain"),
    ("Le JNIM menace d'attaquer Bamako.", "attaquer", "ATTACKED", "modal"),
    ("La CEDEAO envisage de sanctionner le Niger.", "sanctionner", "SANCTIONED", "modal"),
    ("Le JNIM pourrait attaquer Bamako.", "attaquer", "ATTACKED", "modal"),
    ("Le GSIM va attaquer Kayes.", "attaquer", "ATTACKED", "modal"),
    ("L'armée allait attaquer le camp.", "attaquer", "ATTACKED", "modal"),
    ("Le ministre est allé rencontrer Tiani à Niamey.", "rencontrer", "MET", "plain"),
    ("Elle a pu s'entretenir avec le général Barmou.", "entretenir", "MET", "plain"),
    ("L'armée attaquera les positions du JNIM.", "attaquera", "ATTACKED", "modal"),
    ("Le président Goïta s'entretiendra avec Tiani la semaine prochaine.", "entretiendra", "MET", "modal"),
    ("Goïta et Tiani se rencontrent à Niamey la semaine prochaine.", "rencontrent", "MET", "modal"),
    ("Le président a annoncé qu'il rencontrerait Tiani.", "rencontrerait", "MET", "modal"),
    ("Le président Tiani doit rencontrer Goïta à Bamako.", "rencontrer", "MET", "modal"),
    ("Si le JNIM attaquait Kayes, l'armée riposterait.", "attaquait", "ATTACKED", "modal"),
    ("Si Washington livrait des armes au Niger, Moscou protesterait.", "livrait", "SUPPORTED", "modal"),
    ("Même si le JNIM a attaqué Kayes, l'armée tient la ville.", "attaqué", "ATTACKED", "plain"),
    ("Le JNIM a-t-il attaqué le camp ?", "attaqué", "ATTACKED", "modal"),
]


@pytest.mark.parametrize("text,trigger,rtype,reading", CUES, ids=[c[0][:48] for c in CUES])
def test_french_cues(nlp_fr, text, trigger, rtype, reading):
    doc = nlp_fr(text)
    token = next(t for t in doc if t.text == trigger)
    extractor = nlp_fr.get_pipe("sahel_relation_extractor")
    cues, relation_type = extractor.cues, extractor.types[rtype]
    if cues.is_modal(token, relation_type):
        found = "modal"
    else:
        negated, hedged = cues.is_negated(token, relation_type), cues.is_hedged(token)
        found = "negated" if negated else "hedged" if hedged else "plain"
        assert not (negated and hedged) or reading == "negated", text
    assert found == reading, f"{text}\n{' '.join(f'{t.text}/{t.dep_}>{t.head.i}' for t in doc)}"


def test_french_cue_words_are_french():
    """The French pipeline reads French cue words (the English file stays the English one)."""
    french, english = Cues("fr"), Cues("en")
    assert {"ne", "n'"} <= french.negation_heads and not english.negation_heads
    assert "démentir" in french.negating_governors and "deny" in english.negating_governors
    assert "selon" in french.attribution_heads and english.attribution_heads == {"according"}
    assert french.conditional_mood_hedges and not english.conditional_mood_hedges
