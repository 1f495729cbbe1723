"""Property-based tests (hypothesis) of the readers and writers: any bytes,
any file name, any JSON shape, any text in a relation -> one line per input,
valid XML and CSV, and no exception out of the batch.

The batch runs on a blank English pipeline (tokenizer only) so that each
example costs milliseconds; the readers and writers are the real ones.
"""
from __future__ import annotations

import csv
import json
import os
import shutil
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sahel_ner  # noqa: F401  (registers the Doc extensions)
from sahel_ner.corpus import iter_inputs, run
from sahel_ner.outputs import build_graph, write_csv, write_gexf, write_graph_json, write_graphml

BLANK = spacy.blank("en")
SUFFIXES = [".txt", ".md", ".html", ".json", ".jsonl", ".csv", ""]
PROPERTY = settings(max_examples=int(os.environ.get("SAHEL_NER_EXAMPLES", 30)), deadline=None, suppress_health_check=[HealthCheck.too_slow])

names = st.binary(min_size=1, max_size=30).filter(
    lambda b: b"/" not in b and b"\x00" not in b and not b.startswith(b".")).map(os.fsdecode)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.sampled_from(["id", "text", "body", "html", "published", "date", "uid"]) | st.text(max_size=5),
                      inner, max_size=4),
    max_leaves=12)
contents = st.one_of(
    st.binary(max_size=300),
    json_values.map(lambda v: json.dumps(v).encode()),
    st.lists(json_values.map(json.dumps), max_size=4).map(lambda lines: "\n".join(lines).encode()),
    st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
)
files = st.lists(st.tuples(names, st.sampled_from(SUFFIXES), contents), min_size=1, max_size=5,
                 unique_by=lambda f: f[0] + f[1])
any_text = st.text(st.characters(codec=None), max_size=40)  # control characters and lone surrogates included


@PROPERTY
@given(files)
def test_any_folder_gives_one_line_per_input_and_readable_outputs(entries):
    with tempfile.TemporaryDirectory() as tmp:
        folder, out = Path(tmp) / "in", Path(tmp) / "out"
        folder.mkdir()
        for name, suffix, data in entries:
            (folder / f"{name}{suffix}").write_bytes(data)
        inputs = list(iter_inputs(folder))
        assert {item.path for item in inputs} == {os.fsencode(f"{n}{s}").decode("utf-8", "replace")
                                                  for n, s, _ in entries}
        report = run(folder, out, nlp=BLANK)
        lines = (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()
        assert [json.loads(line)["id"] for line in lines] == [item.id for item in inputs]
        assert report.articles == len(inputs) and len({item.id for item in inputs}) == len(inputs)
        ET.parse(out / "graph.gexf")
        nx.read_graphml(out / "graph.graphml")
        shutil.rmtree(out)


relations = st.lists(st.fixed_dictionaries({
    "source": any_text, "target": any_text, "type": st.sampled_from(["MET", "ATTACKED", "KIDNAPPED"]),
    "sentence": any_text, "start": st.just(0), "end": st.just(1), "trigger": any_text,
    "confidence": st.floats(0, 1), "date": st.sampled_from([None, "2024", "2024-02", "2024-02-29"]),
}), max_size=4)
actors = st.lists(st.fixed_dictionaries({"id": any_text, "label": any_text, "type": any_text,
                                         "mentions": st.lists(any_text, max_size=3)}), max_size=4)


@PROPERTY
@given(st.lists(st.fixed_dictionaries({"id": any_text, "entities": actors, "relations": relations}),
                min_size=1, max_size=3))
def test_any_text_in_a_record_gives_valid_xml_csv_and_json(records):
    graph = build_graph(records)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        ET.parse(write_gexf(graph, tmp / "g.gexf"))
        back = nx.read_graphml(write_graphml(graph, tmp / "g.graphml"))
        assert back.number_of_edges() == graph.number_of_edges()
        nodes_csv, edges_csv = write_csv(graph, tmp / "nodes.csv", tmp / "edges.csv")
        with edges_csv.open(encoding="utf-8", newline="") as stream:
            assert len(list(csv.DictReader(stream))) == graph.number_of_edges()
        with nodes_csv.open(encoding="utf-8", newline="") as stream:
            assert len(list(csv.DictReader(stream))) == graph.number_of_nodes()
        json.loads(write_graph_json(graph, tmp / "g.json").read_text(encoding="utf-8"))


@settings(max_examples=5, deadline=None)
@given(st.integers(40_000, 80_000))
def test_csv_cells_stay_within_spreadsheet_limits(length):
    record = {"id": "a", "entities": [], "relations": [
        {"source": "x", "target": "y", "type": "MET", "sentence": "w" * length, "start": 0, "end": 1,
         "trigger": "met", "confidence": 1.0}]}
    with tempfile.TemporaryDirectory() as tmp:
        _, edges_csv = write_csv(build_graph([record]), Path(tmp) / "n.csv", Path(tmp) / "e.csv")
        with edges_csv.open(encoding="utf-8", newline="") as stream:
            row = next(csv.DictReader(stream))
        assert max(len(cell) for cell in row.values()) <= 32_767
