"""The French parse rewritten into the English label scheme the components read
(sahel_ner/components/dependency_adapter.py), on sentences of our own."""
from __future__ import annotations

import pytest
import spacy

import sahel_ner


@pytest.fixture(scope="session")
def nlp_fr():
    return sahel_ner.load("fr")


def _token(doc, text):
    return next(t for t in doc if t.text == text)


def test_prepositions_head_their_nouns(nlp_fr):
    doc = nlp_fr("Le GSIM a revendiqué l'attaque contre le camp militaire de Boulkessi.")
    contre, camp = _token(doc, "contre"), _token(doc, "camp")
    assert (contre.dep_, contre.head.text) == ("prep", "attaque")
    assert (camp.dep_, camp.head.text) == ("pobj", "contre")
    assert _token(doc, "attaque").dep_ == "dobj"


def test_passive_subject_and_agent(nlp_fr):
    doc = nlp_fr("Le journaliste a été interpellé mardi à Ouagadougou par des agents de la sûreté.")
    assert _token(doc, "journaliste").dep_ == "nsubjpass"
    assert _token(doc, "été").dep_ == "auxpass"
    par = _token(doc, "par")
    assert (par.dep_, par.head.text) == ("agent", "interpellé")
    assert _token(doc, "agents").head.i == par.i
    assert _token(doc, "interpellé").tag_ == "VBN"


def test_names_are_headed_on_their_last_word(nlp_fr):
    doc = nlp_fr("Le ministre Abdoulaye Diop a rencontré son homologue à Niamey.")
    diop = _token(doc, "Diop")
    assert _token(doc, "Abdoulaye").head.i == diop.i and _token(doc, "Abdoulaye").dep_ == "compound"
    assert diop.dep_ != "compound"


def test_negation_and_complex_prepositions(nlp_fr):
    doc = nlp_fr("L'armée n'a pas bombardé le marché près de Djibo.")
    assert {t.text for t in doc if t.dep_ == "neg"} == {"n'", "pas"}
    pres = _token(doc, "près")
    assert pres.dep_ == "prep" and _token(doc, "Djibo").head.i == pres.i


def test_plus_without_ne_is_not_negation(nlp_fr):
    doc = nlp_fr("Plus de vingt soldats ont été tués lundi.")
    assert not [t for t in doc if t.dep_ == "neg"]


def test_sentences_unchanged(nlp_fr):
    text = "Les combats ont repris à Kidal. L'armée malienne a riposté.\n\nLe bilan reste inconnu."
    bare = spacy.load(sahel_ner.pipeline.base_model_name("fr"))
    assert [s.text for s in nlp_fr(text).sents] == [s.text for s in bare(text).sents]


def test_present_tense_verbs_get_their_infinitive(nlp_fr):
    """The model's lemmatizer leaves "frappe" and "bombarde" as written; triggers are infinitives."""
    doc = nlp_fr("Le JNIM frappe le camp de Boni. L'armée bombarde les collines au nord de Kidal.")
    assert _token(doc, "frappe").lemma_ == "frapper"
    assert _token(doc, "bombarde").lemma_ == "bombarder"
    assert _token(doc, "camp").lemma_ == "camp"  # nouns keep their lemma


def test_typographic_apostrophes_parse_as_straight_ones(nlp_fr):
    """French news writes "l’école"; the models learned "l'école" (components/typography.py)."""
    curly = nlp_fr("Des hommes armés ont visé la base de l’aéroport et l’école de police de Ségou.")
    straight = nlp_fr("Des hommes armés ont visé la base de l'aéroport et l'école de police de Ségou.")
    assert "l’aéroport" in curly.text  # the text stays as written
    assert [(t.dep_, t.head.i, t.pos_) for t in curly] == [(t.dep_, t.head.i, t.pos_) for t in straight]
    assert _token(curly, "école").dep_ == "conj"


def test_saved_french_pipeline_loads_with_plain_spacy(nlp_fr, tmp_path):
    text = "Le GSIM a attaqué un poste de la gendarmerie près de Djibo. Le JNIM frappe l’école de police de Gao."
    nlp_fr.to_disk(tmp_path / "fr")
    reloaded = spacy.load(tmp_path / "fr")
    assert "sahel_dependency_adapter" in reloaded.pipe_names and reloaded.pipe_names[0] == "sahel_typography"
    before, after = nlp_fr(text), reloaded(text)
    assert [(t.dep_, t.head.i, t.lemma_) for t in before] == [(t.dep_, t.head.i, t.lemma_) for t in after]
    assert before._.relations == after._.relations
