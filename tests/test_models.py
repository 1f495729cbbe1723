"""Result models built from processed Docs, and their serialised form (the articles.jsonl contract)."""
from __future__ import annotations

import json

from fixtures_articles import ARREST, ATTACK, TALKS

from sahel_ner.models import ArticleResult, CorpusGraph, json_schema

CONTRACT_KEYS = ["id", "path", "published", "entities", "relations", "error"]
RELATION_KEYS = ["source", "target", "type", "sentence", "start", "end", "trigger", "confidence", "negated",
                 "hedged", "date", "location"]


def test_from_doc_follows_the_output_contract(run):
    doc = run(TALKS, published="2025-07-10", article_id="talks")
    result = ArticleResult.from_doc(doc, path="talks.txt")
    record = json.loads(result.to_json_line())
    assert list(record)[:6] == CONTRACT_KEYS
    assert (record["id"], record["path"], record["published"], record["error"]) == ("talks", "talks.txt", "2025-07-10", None)
    met = [r for r in record["relations"] if r["type"] == "MET"]
    assert met, record["relations"]
    rel = met[0]
    assert list(rel)[:12] == RELATION_KEYS and "implicit" in rel
    assert {rel["source"], rel["target"]} == {"abdoulaye_diop", "rudolph_atallah"}
    assert TALKS[rel["start"]:rel["end"]] == rel["sentence"]
    ids = {e["id"] for e in record["entities"]}
    assert {rel["source"], rel["target"]} <= ids
    diop = next(e for e in record["entities"] if e["id"] == "abdoulaye_diop")
    assert diop["type"] == "PERSON" and "Abdoulaye Diop" in diop["mentions"] and diop["mention_count"] >= 1
    assert "text" not in record and "mentions" not in record  # kept in memory for display only


def test_implicit_source_is_kept(run):
    result = ArticleResult.from_doc(run(ARREST, published="2025-08-15", article_id="arrest"))
    sagara = [r for r in result.relations if r.type == "ARRESTED" and r.target == "nema_sagara"]
    assert sagara and sagara[0].implicit and sagara[0].source == "mali"
    lines = json.loads(result.to_json_line())["relations"]
    assert [r["implicit"] for r in lines if r["target"] == "nema_sagara"] == [True]


def test_json_line_round_trip_is_byte_stable(run):
    result = ArticleResult.from_doc(run(ATTACK, published="2024-09-18", article_id="attack"))
    line = result.to_json_line()
    again = ArticleResult.from_json_line(line)
    assert again.to_json_line() == line
    assert again.relations == result.relations and again.entities == result.entities


def test_failed_result_has_empty_lists():
    record = ArticleResult.failed("empty file", id="empty", path="empty.txt").to_record()
    assert record == {"id": "empty", "path": "empty.txt", "published": None, "entities": [], "relations": [],
                      "error": "empty file", "lang": None}


def test_displacy_views(run):
    result = ArticleResult.from_doc(run(ATTACK, published="2024-09-18"))
    ents = result.displacy_entities()
    assert {"start", "end", "label"} <= set(ents["ents"][0])
    assert any(ATTACK[e["start"]:e["end"]] == "JNIM" and e["label"] == "ARMED_GROUP" for e in ents["ents"])
    parses = result.displacy_relations()
    attacked = [arc for p in parses for arc in p["arcs"] if arc["label"].startswith("ATTACKED")]
    assert attacked
    words = parses[0]["words"]
    assert any(w["text"] == "JNIM" for w in words)


def test_json_schemas():
    article = json_schema("article")
    relation = article["$defs"]["Relation"]
    assert {"source", "target", "type", "sentence", "confidence"} <= set(relation["required"])
    assert set(CONTRACT_KEYS) <= set(article["properties"])
    assert "text" not in article["properties"]  # excluded from the serialised form
    graph = json_schema("graph")
    assert {"nodes", "edges"} <= set(graph["properties"])


def test_corpus_graph_model_round_trip(run):
    from sahel_ner.graph import build_graph

    results = [ArticleResult.from_doc(run(t, published="2025-07-10", article_id=str(i)))
               for i, t in enumerate([TALKS, ATTACK])]
    graph = build_graph(results)
    model = CorpusGraph.from_networkx(graph)
    back = model.to_networkx()
    assert sorted(back.edges(keys=True)) == sorted(graph.edges(keys=True))
    assert dict(back.nodes(data=True)) == dict(graph.nodes(data=True))
