"""The assembled pipeline: serialization of every component, saved pipelines that
load anywhere, msgpack-safe extensions (DocBin, multiprocessing)."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
import spacy
from spacy.tokens import DocBin

import sahel_ner

TEXT = ("Mali's Foreign Minister Abdoulaye Diop held talks with Rudy Atallah in Bamako on July 9. "
        "The United States later imposed sanctions on Defense Minister Sadio Camara.")


@pytest.fixture(scope="module")
def saved_pipeline(tmp_path_factory):
    """A pipeline with a user actor and a user relation type, saved to disk."""
    nlp = sahel_ner.load()
    nlp.get_pipe("sahel_actor_ruler").add_actors([
        {"id": "mopti_herders_union", "label": "Mopti Herders Union", "type": "ORGANIZATION",
         "aliases": ["Mopti Herders Union", "MHU"]}])
    from sahel_ner.relation_types import RelationType
    nlp.get_pipe("sahel_relation_extractor").add_type(RelationType.from_dict({
        "type": "KIDNAPPED", "verbs": ["kidnap", "abduct"], "direct_object": ["kidnap", "abduct"],
        "source_types": ["ARMED_GROUP"], "target_types": ["PERSON"]}))
    path = tmp_path_factory.mktemp("pipeline") / "sahel_en"
    nlp.to_disk(path)
    return nlp, path


def relation_triples(doc):
    return sorted((r["source"], r["type"], r["target"]) for r in doc._.relations)


def test_load_assembles_the_components_in_order(nlp):
    assert nlp.pipe_names[-3:] == ["sahel_actor_ruler", "sahel_actor_linker", "sahel_relation_extractor"]
    assert nlp.pipe_names.index("sahel_line_breaks") < nlp.pipe_names.index("parser")


def test_saved_pipeline_loads_in_a_fresh_process_without_importing_sahel_ner(saved_pipeline):
    _, path = saved_pipeline
    script = (
        "import json, sys, spacy\n"
        "assert 'sahel_ner' not in sys.modules\n"
        f"nlp = spacy.load({str(path)!r})\n"
        f"doc = nlp({TEXT!r} + ' The MHU said JNIM fighters kidnapped Olivier Dubois.')\n"
        "print(json.dumps({'relations': sorted([r['source'], r['type'], r['target']] for r in doc._.relations),"
        " 'actors': sorted(a['id'] for a in doc._.actors)}))\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert ["abdoulaye_diop", "MET", "rudolph_atallah"] in result["relations"]
    assert ["united_states", "SANCTIONED", "sadio_camara"] in result["relations"]
    # the user's actor and relation type travelled with the saved pipeline
    assert "mopti_herders_union" in result["actors"]
    assert ["jnim", "KIDNAPPED", "olivier_dubois"] in result["relations"]


@pytest.mark.parametrize("name", ["sahel_actor_ruler", "sahel_relation_extractor"])
def test_component_round_trips_through_disk(saved_pipeline, tmp_path, name):
    nlp, _ = saved_pipeline
    component = nlp.get_pipe(name)
    component.to_disk(tmp_path / name)
    fresh = sahel_ner.load()
    fresh.get_pipe(name).from_disk(tmp_path / name)
    assert relation_triples(fresh(TEXT)) == relation_triples(nlp(TEXT))
    if name == "sahel_actor_ruler":
        assert "mopti_herders_union" in fresh.get_pipe(name).kb
    else:
        assert "KIDNAPPED" in fresh.get_pipe(name).types


def test_ruler_round_trips_through_bytes(saved_pipeline):
    nlp, _ = saved_pipeline
    data = nlp.get_pipe("sahel_actor_ruler").to_bytes()
    fresh = sahel_ner.load()
    fresh.get_pipe("sahel_actor_ruler").from_bytes(data)
    doc = fresh("The Mopti Herders Union met ECOWAS envoys in Bamako.")
    assert ("mopti_herders_union", "ORGANIZATION") in [(e.kb_id_, e.label_) for e in doc.ents]


def test_whole_pipeline_round_trips_with_from_disk(saved_pipeline):
    nlp, path = saved_pipeline
    reloaded = spacy.load(path)
    assert reloaded.pipe_names == nlp.pipe_names
    assert relation_triples(reloaded(TEXT)) == relation_triples(nlp(TEXT))


def test_extensions_survive_docbin(nlp):
    doc = nlp(TEXT)
    doc_bin = DocBin(store_user_data=True)
    doc_bin.add(doc)
    back = list(DocBin(store_user_data=True).from_bytes(doc_bin.to_bytes()).get_docs(nlp.vocab))[0]
    # msgpack hands lists back as tuples; the content must be the same
    assert json.dumps(back._.relations) == json.dumps(doc._.relations)
    assert json.dumps(back._.actors) == json.dumps(doc._.actors)
    assert [(e.text, e.label_, e.kb_id_) for e in back.ents] == [(e.text, e.label_, e.kb_id_) for e in doc.ents]


def test_two_processes_give_the_same_docs_as_one(nlp):
    texts = [TEXT, "JNIM fighters attacked a gendarmerie school in Bamako on Sept. 17, 2024.",
             "Russia has armed Niger's army with air-defence systems.", "Wagner, which had backed the Malian junta "
             "since 2021, announced its withdrawal in June 2025."]
    serial = [relation_triples(d) for d in nlp.pipe(texts)]
    parallel = [relation_triples(d) for d in nlp.pipe(texts, n_process=2, batch_size=2)]
    assert serial == parallel
    assert ("russia", "SUPPORTED", "nigerien_armed_forces") in serial[2]


def test_unknown_language_and_missing_files_fail_clearly(tmp_path):
    with pytest.raises(ValueError, match="no base pipeline for language"):
        sahel_ner.load(lang="xx")
    with pytest.raises(FileNotFoundError, match="actor file not found"):
        sahel_ner.load(extra_actors=[tmp_path / "missing.jsonl"])
    with pytest.raises(FileNotFoundError, match="relation type folder not found"):
        sahel_ner.load(extra_relation_dirs=[tmp_path / "nowhere"])
