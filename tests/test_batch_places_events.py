"""A batch's places get coordinates and its relations are grouped into events,
in every output: articles.jsonl, events.jsonl/events.csv, and the graph files."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pytest

from sahel_ner.corpus import run

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"


@pytest.fixture(scope="module")
def out(nlp, tmp_path_factory):
    folder = tmp_path_factory.mktemp("batch") / "out"
    run(EXAMPLES, folder, nlp=nlp)
    return folder


def test_resolved_places_carry_coordinates(out):
    records = [json.loads(line) for line in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    places = {e["id"]: e for r in records for e in r["entities"] if e["type"] == "LOCATION" and "lat" in e}
    bamako = places["bamako"]
    assert (round(bamako["lat"], 1), round(bamako["lon"], 1)) == (12.6, -8.0)
    assert bamako["country"] == "Mali" and bamako["admin1"] == "Bamako"
    graph = nx.read_graphml(out / "graph.graphml")
    assert graph.nodes["bamako"]["latitude"] == pytest.approx(bamako["lat"])
    assert "latitude" not in graph.nodes["jnim"]  # an armed group has no coordinates
    with open(out / "nodes.csv", encoding="utf-8") as handle:
        rows = {row["Id"]: row for row in csv.DictReader(handle)}
    assert float(rows["bamako"]["longitude"]) == pytest.approx(bamako["lon"]) and rows["jnim"]["longitude"] == ""


def test_one_event_per_act_with_all_its_reports(out):
    events = [json.loads(line) for line in (out / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    assert events and all(e["reports"] and e["id"].startswith("ev_") for e in events)
    # The sample tells the September 2024 attack on Bamako in a headline and in the body: one event, two reports.
    bamako = [e for e in events if (e["source"], e["type"], e["target"]) == ("jnim", "ATTACKED", "bamako")]
    assert len(bamako) == 1 and bamako[0]["report_count"] == 2
    assert bamako[0]["location"]["admin1"] == "Bamako"
    with open(out / "events.csv", encoding="utf-8") as handle:
        assert len(list(csv.DictReader(handle))) == len(events)
    graph = nx.read_graphml(out / "graph.graphml", force_multigraph=True)
    (edge,) = [d for s, t, d in graph.edges(data=True) if (s, d["type"], t) == ("jnim", "ATTACKED", "bamako")]
    assert edge["event_count"] == 1 and edge["weight"] == 2
