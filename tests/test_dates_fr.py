"""French dates: phrases resolved against the publication date like English ones,
and found in French text (the French model has no DATE entities) by ``sahel_dates``.
The sentences are ours."""
from __future__ import annotations

import pytest
import spacy

import sahel_ner
from sahel_ner.dates import date_spans, resolve_date

PUBLISHED = "2025-09-18"  # a Thursday


@pytest.mark.parametrize("phrase,iso", [
    ("le 17 septembre", "2025-09-17"),
    ("17 septembre", "2025-09-17"),
    ("le 3 mars 2024", "2024-03-03"),
    ("ce 10 septembre 2025", "2025-09-10"),
    ("le 1er avril", "2025-04-01"),
    ("lundi 13 octobre", "2024-10-13"),  # no year: the last 13 October before publication
    ("le dimanche 6 avril", "2025-04-06"),
    ("mardi dernier", "2025-09-16"),
    ("jeudi dernier", "2025-09-11"),  # published on a Thursday: the one before
    ("hier", "2025-09-17"),
    ("avant-hier", "2025-09-16"),
    ("aujourd'hui", "2025-09-18"),
    ("il y a deux jours", "2025-09-16"),
    ("la nuit du 31 mars au 1er avril", "2025-03-31"),  # a night is dated by its first day
    ("dans la nuit du 5 au 6 mars", "2025-03-05"),
    ("du 27 au 31 mars 2022", "2022-03-27"),
    ("le mois dernier", "2025-08"),
    ("le mois passé", "2025-08"),
    ("en mars 2022", "2022-03"),
    ("fin juillet", "2025-07"),
    ("début décembre", "2024-12"),
    ("mi-mars", "2025-03"),
    ("février dernier", "2025-02"),
    ("l'an dernier", "2024"),
    ("l’année passée", "2024"),
    ("fin 2023", "2023"),
])
def test_french_phrases_resolve_against_publication(phrase, iso):
    assert resolve_date(phrase, PUBLISHED) == iso


@pytest.mark.parametrize("phrase", [
    "lundi", "ce mercredi", "jeudi soir", "dans la nuit de samedi à dimanche",  # a weekday alone, as in English
    "la semaine dernière",  # a week, as "last week"
    "ces derniers mois", "ces dernières années", "depuis des années",  # vague
])
def test_french_phrases_without_a_date(phrase):
    assert resolve_date(phrase, PUBLISHED) is None


def test_without_publication_date_only_stated_years_resolve():
    assert resolve_date("le 17 septembre", None) is None
    assert resolve_date("mardi dernier", None) is None
    assert resolve_date("le 3 mars 2024", None) == "2024-03-03"
    assert resolve_date("du 27 au 31 mars 2022", None) == "2022-03-27"


def test_english_abbreviations_stay_english():
    """"Sept.", "Oct.", "Dec." are English too: such phrases keep the English reading."""
    assert resolve_date("Sept. 17, 2024", None) == "2024-09-17"
    assert resolve_date("Dec. 1, 2023", None) == "2023-12-01"
    assert resolve_date("on Tuesday", PUBLISHED) is None
    assert resolve_date("last month", PUBLISHED) == "2025-08"


def test_date_phrases_are_found_in_french_text():
    nlp = spacy.blank("fr")
    doc = nlp("Le JNIM a attaqué le camp le 17 septembre 2024, puis mardi dernier et hier. Dans la nuit du "
              "31 mars au 1er avril, un drone a été abattu ; l'armée avait été visée en mars 2022 et l'an dernier, "
              "depuis 2012.")
    assert [span.text for span in date_spans(doc)] == [
        "le 17 septembre 2024", "mardi dernier", "hier", "la nuit du 31 mars au 1er avril", "mars 2022",
        "l'an dernier", "2012"]


def test_the_component_adds_dates_to_entities():
    nlp = spacy.blank("fr")
    nlp.add_pipe("sahel_dates")
    doc = nlp("Les autorités ont arrêté le journaliste lundi 13 octobre à Ouagadougou.")
    assert [(e.text, e.label_) for e in doc.ents] == [("lundi 13 octobre", "DATE")]
    with pytest.raises(ValueError):
        nlp.add_pipe("sahel_dates", name="english_dates", config={"lang": "en"})


@pytest.fixture(scope="module")
def nlp_fr_dated():
    nlp = sahel_ner.load("fr")
    if "sahel_dates" not in nlp.pipe_names:
        nlp.add_pipe("sahel_dates", before="sahel_actor_ruler")
    return nlp


@pytest.mark.parametrize("text,published,date", [
    ("La CEDEAO a imposé des sanctions au Mali le 9 janvier 2022.", None, "2022-01-09"),
    ("Le GSIM a attaqué mardi dernier le poste militaire de Léré.", "2025-08-21", "2025-08-19"),
    ("Le Mali a arrêté fin juillet le général Abass Dembélé.", "2025-08-20", "2025-07"),
    ("L'Union européenne a sanctionné l'an dernier le groupe Wagner.", "2024-05-02", "2023"),
])
def test_relations_carry_french_dates(nlp_fr_dated, text, published, date):
    doc = nlp_fr_dated.make_doc(text)
    doc._.published = published
    relations = nlp_fr_dated(doc)._.relations
    assert relations and {rel["date"] for rel in relations} == {date}
