"""Exports that Gephi and programs read: GraphML, GEXF, CSV, node-link JSON, articles.jsonl."""
from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from fixtures_articles import ARREST, ATTACK, LIFTED, SANCTIONS, TALKS, TALKS_REVERSED

from sahel_ner.exports import (atomic_write, parse_formats, write_all, write_articles_jsonl, write_csv,
                               write_gexf, write_graph_json, write_graphml)
from sahel_ner.graph import build_graph
from sahel_ner.models import ArticleResult

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


@pytest.fixture(scope="module")
def results(run):
    texts = [("talks", TALKS, "2025-07-10"), ("talks-again", TALKS_REVERSED, "2025-08-21"),
             ("sanctions", SANCTIONS, "2022-01-10"), ("lifted", LIFTED, "2022-07-04"),
             ("attack", ATTACK, "2024-09-18"), ("arrest", ARREST, "2025-08-15")]
    return [ArticleResult.from_doc(run(text, published=date, article_id=aid)) for aid, text, date in texts]


@pytest.fixture(scope="module")
def graph(results):
    return build_graph(results, drop_negated=False)


def test_graphml_reads_back_with_labels_types_and_edge_types(graph, tmp_path):
    path = write_graphml(graph, tmp_path / "g.graphml")
    back = nx.read_graphml(path, force_multigraph=True)
    assert set(back.nodes) == set(graph.nodes)
    for node, data in graph.nodes(data=True):
        assert back.nodes[node]["label"] == data["label"]
        assert back.nodes[node]["type"] == data["type"]
        assert isinstance(back.nodes[node]["mention_count"], int)
    read_edges = {(u, v, d["type"]): d for u, v, d in back.edges(data=True)}
    for u, v, key, data in graph.edges(keys=True, data=True):
        got = read_edges[(u, v, key)]
        assert got["weight"] == float(data["weight"]) and got["label"] == key
        assert got["symmetric"] is data["symmetric"]
        assert got["article_count"] == len(data["articles"])


def test_graphml_is_gephi_safe(graph, tmp_path):
    path = write_graphml(graph, tmp_path / "g.graphml")
    root = ET.parse(path).getroot()
    keys = root.findall(f"{GRAPHML}key")
    key_ids = [k.get("id") for k in keys]
    assert len(key_ids) == len(set(key_ids))
    assert not any(k.startswith("d") and k[1:].isdigit() for k in key_ids)  # no networkx d0..dN
    node_keys = {k.get("attr.name"): k.get("id") for k in keys if k.get("for") == "node"}
    assert node_keys["label"] == "label" and node_keys["type"] == "type"
    assert {"r", "g", "b"} <= set(node_keys)
    assert all(k.get("for") in ("node", "edge") for k in keys)  # no graph-level keys
    edge_ids = [e.get("id") for e in root.iter(f"{GRAPHML}edge")]
    assert len(edge_ids) == len(set(edge_ids)) == graph.number_of_edges()
    types = {k.get("id"): k.get("attr.type") for k in keys}
    for data in root.iter(f"{GRAPHML}data"):
        assert data.text not in (None, "", "None", "null")
        assert not data.text.startswith("[") and not data.text.startswith("{")
        if types[data.get("key")] == "int":
            int(data.text)
        elif types[data.get("key")] == "double":
            float(data.text)


def test_gexf_has_kinds_dates_colours_and_undirected_symmetric_edges(graph, tmp_path):
    # networkx's GEXF reader does not read mixed graphs (Gephi does), so the file is checked as XML
    path = write_gexf(graph, tmp_path / "g.gexf")
    root = ET.parse(path).getroot()
    ns = "{http://gexf.net/1.3}"
    nodes = list(root.iter(f"{ns}node"))
    assert {n.get("id"): n.get("label") for n in nodes} == {n: d["label"] for n, d in graph.nodes(data=True)}
    assert all(n.find("{http://gexf.net/1.3/viz}color") is not None for n in nodes)
    assert root.find(f"{ns}graph").get("mode") == "dynamic"
    assert root.find(f"{ns}graph").get("defaultedgetype") == "mixed"
    edges = list(root.iter(f"{ns}edge"))
    assert {e.get("kind") for e in edges} == {k for _, _, k in graph.edges(keys=True)}
    assert {e.get("kind"): e.get("type") for e in edges}["MET"] == "undirected"
    assert all(e.get("type") == "directed" for e in edges if e.get("kind") != "MET")
    assert len({e.get("id") for e in edges}) == len(edges) == graph.number_of_edges()
    for edge in edges:
        assert edge.get("kind") == edge.get("label")
        start, end = edge.get("start"), edge.get("end")
        if start:
            assert len(start) == len(end) == 10 and start <= end
    met = next(e for e in edges if e.get("kind") == "MET")
    assert met.get("start") == "2025-07-09" and met.get("end") == "2025-08-20"


def test_csv_uses_gephi_spreadsheet_columns(graph, tmp_path):
    nodes_path, edges_path = write_csv(graph, tmp_path / "nodes.csv", tmp_path / "edges.csv")
    nodes = list(csv.DictReader(nodes_path.open(encoding="utf-8")))
    edges = list(csv.DictReader(edges_path.open(encoding="utf-8")))
    assert list(nodes[0])[:3] == ["Id", "Label", "Type"]
    assert {"Source", "Target", "Type", "Label", "Weight"} <= set(edges[0])
    met = [e for e in edges if e["Label"] == "MET"]
    assert met and all(e["Type"] == "Undirected" for e in met)
    assert all(e["Type"] == "Directed" for e in edges if e["Label"] != "MET")
    assert {n["Id"] for n in nodes} >= {e["Source"] for e in edges} | {e["Target"] for e in edges}


def test_graph_json_is_node_link(graph, tmp_path):
    path = write_graph_json(graph, tmp_path / "graph.json")
    back = nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="edges")
    assert back.is_multigraph() and back.is_directed()
    assert sorted(back.edges(keys=True)) == sorted(graph.edges(keys=True))
    edge = back.edges["abdoulaye_diop", "rudolph_atallah", "MET"]
    assert edge["evidence"][0]["sentence"].startswith("Mali's Foreign Minister")  # the dateline is its own line


def test_articles_jsonl_in_order_with_errors(results, tmp_path):
    failed = ArticleResult.failed("binary file (not text)", id="image", path="image.txt")
    path = write_articles_jsonl([results[0], failed, results[1]], tmp_path / "articles.jsonl")
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["talks", "image", "talks-again"]
    assert lines[1]["error"] and lines[1]["entities"] == [] and lines[1]["relations"] == []


def test_atomic_write_keeps_the_old_file_on_failure(tmp_path):
    target = tmp_path / "graph.graphml"
    target.write_text("old complete file", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with atomic_write(target) as out:
            out.write("<graphml> half")
            raise RuntimeError("crash while writing")
    assert target.read_text(encoding="utf-8") == "old complete file"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.graphml"]  # no temporary file left


def test_write_all_is_deterministic(results, graph, tmp_path):
    first = write_all(results, graph, tmp_path / "a")
    second = write_all(results, build_graph(results, drop_negated=False), tmp_path / "b")
    assert [p.name for p in first] == ["articles.jsonl", "graph.graphml", "graph.gexf", "nodes.csv", "edges.csv",
                                       "graph.json"]
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_parse_formats():
    assert parse_formats("gexf, graphml") == ["graphml", "gexf"]
    assert parse_formats("all") == ["jsonl", "graphml", "gexf", "csv", "json"]
    with pytest.raises(ValueError, match="unknown format"):
        parse_formats("graphml,pdf")
