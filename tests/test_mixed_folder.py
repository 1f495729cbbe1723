"""A folder of English and French articles (a French web page among them): each
article through the pipeline of its language, one graph in which an actor is
one node whatever language named it; the French pipeline saved and loaded
with plain ``spacy.load``. The texts are written for these tests."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from fixtures_articles import read_outputs
from typer.testing import CliRunner

import sahel_ner.api
from sahel_ner.api import default_pipeline as real_default_pipeline
from sahel_ner.cli import app
from sahel_ner.corpus import run
from sahel_ner.corpus.process import Pipelines

ENGLISH = (
    "Published: 2025-03-04\n\n"
    "BAMAKO - JNIM fighters attacked a Malian army post near Ségou on Monday, killing four soldiers, the army "
    "said. Mali's transitional president Assimi Goïta met an ECOWAS delegation in Bamako on Tuesday to discuss "
    "the security crisis.\n"
)
FRENCH = (
    "Publié le 5 mars 2025\n\n"
    "Les combattants du GSIM ont attaqué mardi un poste de l'armée malienne près de Ségou. Le colonel Assimi "
    "Goïta a reçu jeudi à Bamako une délégation de la CEDEAO, selon un communiqué de la présidence.\n"
)
FRENCH_PAGE = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>La CEDEAO dépêche une mission à Bamako</title>
<meta property="article:published_time" content="2025-03-07T09:30:00Z"></head><body>
<nav><ul><li><a href="/">Accueil</a></li><li><a href="/politique">Politique</a></li><li>Abonnez-vous</li></ul></nav>
<article><h1>La CEDEAO dépêche une mission à Bamako</h1>
<p>BAMAKO - La Communauté économique des États de l'Afrique de l'Ouest a envoyé vendredi une mission à Bamako, où ses émissaires ont rencontré le président de la transition, Assimi Goïta.</p>
<p>Dans le centre du pays, le Groupe de soutien à l'islam et aux musulmans a attaqué jeudi un convoi des Forces armées maliennes entre Ségou et Mopti, selon des sources locales.</p>
<p>Les autorités n'ont pas donné de bilan de l'embuscade.</p>
</article>
<footer>© Journal du Sahel - Tous droits réservés</footer></body></html>
"""
FILES = {"a-english.txt": ENGLISH, "b-french.txt": FRENCH, "c-french-page.html": FRENCH_PAGE}
SHARED = ("jnim", "assimi_goita", "bamako", "malian_armed_forces", "ecowas", "segou")


@pytest.fixture(scope="module")
def nlp_fr():
    return real_default_pipeline("fr")  # built once per process (also what extract() uses for French)


@pytest.fixture
def defaults(nlp, nlp_fr, monkeypatch):
    """The default pipelines are the session's (building them again takes seconds);
    returns the languages asked for, in order."""
    asked: list[str] = []

    def default_pipeline(lang: str = "en"):
        asked.append(lang)
        return {"en": nlp, "fr": nlp_fr}[lang]

    monkeypatch.setattr(sahel_ner.api, "default_pipeline", default_pipeline)
    return asked


@pytest.fixture
def mixed(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def records(out: Path) -> dict[str, dict]:
    lines = (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return {record["id"]: record for record in map(json.loads, lines)}


def test_one_node_per_actor_across_languages(defaults, mixed, tmp_path):
    result = CliRunner().invoke(app, ["extract", str(mixed), "-o", str(tmp_path / "out"), "--no-report"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output

    by_id = records(tmp_path / "out")
    assert {k: (r["lang"], r["error"]) for k, r in by_id.items()} == {
        "a-english": ("en", None), "b-french": ("fr", None), "c-french-page": ("fr", None)}
    assert by_id["b-french"]["published"] == "2025-03-05"  # "Publié le 5 mars 2025"
    for record in by_id.values():
        assert set(SHARED) <= {e["id"] for e in record["entities"]}, record["id"]

    graph = json.loads((tmp_path / "out" / "graph.json").read_text(encoding="utf-8"))
    nodes = {node["id"]: node for node in graph["nodes"]}
    labels = [node["label"] for node in graph["nodes"]]
    assert len(labels) == len(set(labels)), labels  # no actor twice under another id
    for actor in SHARED:
        assert nodes[actor]["article_count"] == 3, nodes[actor]
    aliases = {actor: set(nodes[actor]["aliases"]) for actor in SHARED}
    assert {"JNIM", "GSIM", "Groupe de soutien à l'islam et aux musulmans"} <= aliases["jnim"]
    assert {"ECOWAS", "CEDEAO", "Communauté économique des États de l'Afrique de l'Ouest"} <= aliases["ecowas"]
    assert {"Malian army", "armée malienne", "Forces armées maliennes"} <= aliases["malian_armed_forces"]

    # English and French evidence on the same edges
    edges = {(e["source"], e["type"], e["target"]): e for e in graph["edges"]}
    attack = edges[("jnim", "ATTACKED", "malian_armed_forces")]
    assert {"a-english", "b-french"} <= set(attack["articles"])
    met = next(e for key, e in edges.items() if key[1] == "MET" and {key[0], key[2]} == {"assimi_goita", "ecowas"})
    assert {"a-english", "b-french"} <= set(met["articles"])


def test_pipelines_are_built_for_the_languages_met(defaults, mixed, tmp_path):
    english_only = tmp_path / "en"
    english_only.mkdir()
    (english_only / "a.txt").write_text(ENGLISH, encoding="utf-8")
    pipelines = Pipelines()
    run(english_only, tmp_path / "out-en", nlp=pipelines, formats="jsonl")
    assert list(pipelines.built) == ["en"] and defaults == ["en"]

    french_only = tmp_path / "fr"
    french_only.mkdir()
    (french_only / "b.txt").write_text(FRENCH, encoding="utf-8")
    pipelines = Pipelines()
    run(french_only, tmp_path / "out-fr", nlp=pipelines, formats="jsonl", n_process=2)
    assert list(pipelines.built) == ["fr"]  # built before the fork: the first batch is French
    assert records(tmp_path / "out-fr")["b"]["lang"] == "fr"


def test_an_english_folder_never_loads_the_french_model(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ENGLISH, encoding="utf-8")
    script = ("import sys\nfrom sahel_ner.cli import app\n"
              f"app(['extract', {str(tmp_path / 'in')!r}, '-o', {str(tmp_path / 'out')!r}, '--no-report'],"
              " standalone_mode=False)\n"
              "print('loaded:', sorted(m for m in sys.modules if m.startswith(('fr_core', 'en_core'))))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    loaded = done.stdout.strip().splitlines()[-1]
    assert "en_core" in loaded and "fr_core" not in loaded, loaded
    assert records(tmp_path / "out")["a"]["lang"] == "en"


def test_two_processes_write_the_same_files_as_one(defaults, mixed, tmp_path):
    run(mixed, tmp_path / "one", formats="all")
    # batches of one: the French pipeline is built in each worker when its first article comes
    run(mixed, tmp_path / "two", formats="all", n_process=2, batch_size=1)
    assert read_outputs(tmp_path / "one") == read_outputs(tmp_path / "two")


def test_forced_language_and_resume_settings(defaults, mixed, tmp_path):
    report = run(mixed, tmp_path / "out", formats="jsonl", lang="en")
    assert {r["lang"] for r in records(tmp_path / "out").values()} == {"en"}
    assert report.ok == 3

    class Interrupted(Exception):
        pass

    def stop(done: int, errors: int) -> None:
        raise Interrupted

    with pytest.raises(Interrupted):
        run(mixed, tmp_path / "again", formats="jsonl", lang="fr", batch_size=1, on_progress=stop)
    # the unfinished run was French only: an automatic run does not take its results
    report = run(mixed, tmp_path / "again", formats="jsonl", resume=True)
    assert report.note == "the unfinished run used other settings; starting over" and report.resumed == 0
    assert [r["lang"] for r in records(tmp_path / "again").values()] == ["en", "fr", "fr"]


def test_dask_workers_build_each_language_once_and_write_the_same_files(defaults, mixed, tmp_path):
    distributed = pytest.importorskip("sahel_ner.corpus.dask")
    run(mixed, tmp_path / "one", formats="all")
    with distributed.local_client(n_workers=2) as client:
        distributed.run_batch(mixed, tmp_path / "dask", client=client, formats="all", batch_size=1)
        languages = client.run(lambda dask_worker: dask_worker.plugins[distributed.PLUGIN_NAME].languages)
    assert read_outputs(tmp_path / "one") == read_outputs(tmp_path / "dask")
    assert set(languages.values()) == {("en", "fr")}


def test_french_pipeline_saved_and_loaded_with_plain_spacy_load(nlp_fr, tmp_path):
    text = FRENCH.split("\n\n", 1)[1]
    doc = nlp_fr(text)
    nlp_fr.to_disk(tmp_path / "fr-pipeline")

    loaded = spacy.load(tmp_path / "fr-pipeline")
    again = loaded(text)

    assert loaded.lang == "fr" and loaded.pipe_names == nlp_fr.pipe_names
    assert loaded.get_pipe_config("sahel_relation_extractor")["lang"] == "fr"
    assert [(e.text, e.label_, e.kb_id_) for e in again.ents] == [(e.text, e.label_, e.kb_id_) for e in doc.ents]
    assert again._.actors == doc._.actors and again._.relations == doc._.relations
    assert {(r["source"], r["type"], r["target"]) for r in again._.relations} >= {
        ("jnim", "ATTACKED", "malian_armed_forces")}
