"""The Python API: extract, extract_many, DataFrames, and failure isolation in batches."""
from __future__ import annotations

from pathlib import Path

import spacy
from fixtures_articles import ARREST, ATTACK, EXAMPLES, TALKS
from spacy.language import Language

from sahel_ner.api import actors_frame, extract, extract_many, relations_frame
from sahel_ner.batch import process_inputs
from sahel_ner.readers import ArticleInput


def test_extract_one_text(nlp):
    result = extract(ATTACK, published="2024-09-18", id="attack", nlp=nlp)
    assert result.error is None and result.id == "attack" and result.published == "2024-09-18"
    attacked = [r for r in result.relations if r.type == "ATTACKED"]
    assert attacked and attacked[0].source == "jnim"
    assert attacked[0].date == "2024-09-17"  # "on September 17": the year comes from the publication date
    assert result.text == ATTACK and result.mentions


def test_extract_empty_text_is_an_error_not_an_exception(nlp):
    result = extract("   ", nlp=nlp)
    assert result.error == "empty text" and result.relations == []


def test_extract_many_keeps_order_ids_and_errors(nlp):
    items = [TALKS, "", {"id": "arrest", "text": ARREST, "published": "2025-08-15"},
             EXAMPLES / "2025-06-24-goita-moscow.md"]
    results = list(extract_many(items, published="2025-07-10", nlp=nlp, batch_size=2))
    assert [r.id for r in results] == ["0", "1", "arrest", "2025-06-24-goita-moscow"]
    assert [r.error is None for r in results] == [True, False, True, True]
    assert results[0].published == "2025-07-10" and results[2].published == "2025-08-15"
    assert results[3].published == "2025-06-24"  # the file's own front matter wins
    assert any(r.type == "MET" and {r.source, r.target} == {"assimi_goita", "vladimir_putin"}
               for r in results[3].relations)


def test_extract_many_reads_a_folder_in_parallel_like_serially(nlp):
    serial = list(extract_many([EXAMPLES], nlp=nlp, keep_text=False))
    parallel = list(extract_many([EXAMPLES], nlp=nlp, n_process=2, batch_size=3, keep_text=False))
    assert len(serial) == len(list(Path(EXAMPLES).iterdir()))
    assert [r.to_json_line() for r in serial] == [r.to_json_line() for r in parallel]


def test_frames(nlp):
    results = list(extract_many([TALKS, ATTACK], published="2025-07-10", nlp=nlp))
    relations = relations_frame(results)
    assert list(relations.columns[:7]) == ["article", "published", "source", "source_label", "type", "target",
                                           "target_label"]
    assert len(relations) == sum(len(r.relations) for r in results)
    met = relations[relations["type"] == "MET"].iloc[0]
    assert {met["source_label"], met["target_label"]} == {"Abdoulaye Diop", "Rudolph Atallah"}
    actors = actors_frame(results)
    jnim = actors[actors["id"] == "jnim"].iloc[0]
    assert jnim["type"] == "ARMED_GROUP" and jnim["article_count"] == 2 and jnim["as_source"] >= 1
    assert relations_frame([]).empty


@Language.component("fails_on_blockade")
def _fails_on_blockade(doc):
    if "blockade" in doc.text:
        raise RuntimeError("component crashed")
    return doc


def test_one_failing_article_does_not_stop_the_batch():
    nlp = spacy.blank("en")
    nlp.add_pipe("fails_on_blockade")
    inputs = [ArticleInput("a", "a.txt", "JNIM attacked a gendarmerie school in Bamako."),
              ArticleInput("b", "b.txt", "JNIM imposed a fuel blockade on Bamako in September."),
              ArticleInput("c", "c.txt", None, None, "empty file"),
              ArticleInput("d", "d.txt", "Assimi Goïta met Vladimir Putin in Moscow.")]
    results = list(process_inputs(nlp, inputs, batch_size=4))
    assert [r.id for r in results] == ["a", "b", "c", "d"]
    assert [r.error for r in results] == [None, "pipeline error: RuntimeError: component crashed", "empty file", None]


def test_french_example_of_the_readme():
    """The French example of the README and the notebook, as it is printed there."""
    result = extract(
        "Le colonel Assimi Goïta a reçu le 11 mars à Bamako le ministre russe de la Défense. "
        "Le même jour, des combattants du GSIM ont attaqué un convoi de l'armée malienne près de Ségou.",
        published="2025-03-12")
    assert result.lang == "fr"
    assert [(r.source, r.type, r.target, r.date, r.location) for r in result.relations] == [
        ("andrei_belousov", "MET", "assimi_goita", "2025-03-11", "bamako"),
        ("jnim", "ATTACKED", "malian_armed_forces", None, "segou")]
