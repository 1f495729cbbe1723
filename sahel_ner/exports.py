"""Writers for the corpus graph and the article results.

Every writer goes through :func:`atomic_write`: the file is written to a
temporary file in the same folder, synced, then renamed over the target, so a
crash or Ctrl-C never leaves a half-written GraphML behind.

Gephi notes (details in README.md, "Opening the graph in Gephi"):
- GraphML: key ids are the attribute names (Gephi maps ``label``, ``weight``,
  ``r``/``g``/``b`` by key id; networkx's ``d0..dN`` ids would make it take
  whatever lands on ``d3`` as the node label); every edge has a unique id; lists
  are joined with `` | ``; missing values are left out rather than written as
  "None"; no graph-level keys.
- GEXF 1.3: edge ``kind`` = relation type (keeps typed parallel edges apart),
  ``start``/``end`` from relation dates (Gephi's timeline), node colours by type.
"""
from __future__ import annotations

import calendar
import csv
import io
import json
import os
import tempfile
import xml.etree.ElementTree as ET
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

import networkx as nx

from .graph import edge_id
from .models import ArticleResult, CorpusGraph

LIST_SEPARATOR = " | "


def _default_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask

# Node colours by actor type (RGB), shared by GraphML (r, g, b) and GEXF (viz:color).
TYPE_COLORS = {
    "PERSON": (31, 119, 180),
    "ARMED_GROUP": (214, 39, 40),
    "STATE": (44, 160, 44),
    "MILITARY": (255, 127, 14),
    "ORGANIZATION": (148, 103, 189),
    "LOCATION": (140, 86, 75),
}
OTHER_COLOR = (127, 127, 127)

FORMATS = ("jsonl", "graphml", "gexf", "csv", "json")
FILE_NAMES = {"jsonl": ("articles.jsonl",), "graphml": ("graph.graphml",), "gexf": ("graph.gexf",),
              "csv": ("nodes.csv", "edges.csv"), "json": ("graph.json",)}

# (attribute, GraphML/GEXF type) in file order.
NODE_ATTRS = [("label", "string"), ("type", "string"), ("mention_count", "int"), ("article_count", "int"),
              ("aliases", "string")]
EDGE_ATTRS = [("label", "string"), ("weight", "double"), ("type", "string"), ("symmetric", "boolean"),
              ("first_date", "string"), ("last_date", "string"), ("negated_count", "int"),
              ("hedged_count", "int"), ("implicit_count", "int"), ("confidence_mean", "double"),
              ("confidence_max", "double"), ("article_count", "int"), ("articles", "string"),
              ("sentences", "string")]


# -- atomic files ---------------------------------------------------------------
@contextmanager
def atomic_write(path: str | os.PathLike, mode: str = "w") -> Iterator[io.IOBase]:
    """Open a temporary file next to ``path``; on success it replaces ``path``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        if "b" in mode:
            stream = os.fdopen(handle, mode)
        else:  # "\n" line ends on every platform: the same input gives the same bytes
            stream = os.fdopen(handle, mode, encoding="utf-8", newline="")
        with stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(tmp_name, _default_file_mode())  # mkstemp makes 0600 files; outputs are ordinary files
        os.replace(tmp_name, path)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        raise


# -- articles.jsonl -------------------------------------------------------------
def write_articles_jsonl(results: Iterable[ArticleResult], path: str | os.PathLike) -> Path:
    with atomic_write(path) as out:
        for result in results:
            out.write(result.to_json_line() + "\n")
    return Path(path)


# -- value flattening -------------------------------------------------------------
def _node_values(data: dict) -> dict:
    values = dict(data)
    values["aliases"] = LIST_SEPARATOR.join(data.get("aliases") or [])
    return values


def _edge_values(data: dict) -> dict:
    values = dict(data)
    values["label"] = data["type"]
    values["weight"] = float(data["weight"])
    values["articles"] = LIST_SEPARATOR.join(a for a in data.get("articles") or [] if a)
    values["article_count"] = len(data.get("articles") or [])
    sentences = dict.fromkeys(" ".join(e["sentence"].split()) for e in data.get("evidence") or [])
    values["sentences"] = LIST_SEPARATOR.join(sentences)
    return values


def _text(value, kind: str) -> str | None:
    """Attribute value as XML text, typed consistently; None means leave it out."""
    if value is None or value == "":
        return None
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "int":
        return str(int(value))
    if kind == "double":
        return repr(float(value))
    return str(value)


def _color(node_type: str) -> tuple[int, int, int]:
    return TYPE_COLORS.get(node_type, OTHER_COLOR)


# -- GraphML ----------------------------------------------------------------------
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"


def graphml_tree(graph: nx.MultiDiGraph) -> ET.ElementTree:
    """GraphML document with named keys (see the module docstring)."""
    root = ET.Element("graphml", {"xmlns": GRAPHML_NS})
    node_attrs = NODE_ATTRS + [("r", "int"), ("g", "int"), ("b", "int")]
    node_keys, edge_keys = {}, {}
    for name, kind in node_attrs:
        node_keys[name] = name
        ET.SubElement(root, "key", {"id": name, "for": "node", "attr.name": name, "attr.type": kind})
    for name, kind in EDGE_ATTRS:
        # Key ids are unique in a document; where a node key has the name, the edge key
        # gets a prefix and keeps the name in attr.name (Gephi reads that too: "edgelabel").
        key = name if name not in node_keys else ("edgelabel" if name == "label" else f"edge_{name}")
        edge_keys[name] = key
        ET.SubElement(root, "key", {"id": key, "for": "edge", "attr.name": name, "attr.type": kind})
    graph_el = ET.SubElement(root, "graph", {"id": "G", "edgedefault": "directed"})
    for node, data in graph.nodes(data=True):
        node_el = ET.SubElement(graph_el, "node", {"id": str(node)})
        values = _node_values(data)
        values["r"], values["g"], values["b"] = _color(data.get("type", ""))
        for name, kind in node_attrs:
            text = _text(values.get(name), kind)
            if text is not None:
                ET.SubElement(node_el, "data", {"key": node_keys[name]}).text = text
    for source, target, key, data in graph.edges(keys=True, data=True):
        edge_el = ET.SubElement(graph_el, "edge", {"id": edge_id(source, key, target),
                                                   "source": str(source), "target": str(target)})
        values = _edge_values(data)
        for name, kind in EDGE_ATTRS:
            text = _text(values.get(name), kind)
            if text is not None:
                ET.SubElement(edge_el, "data", {"key": edge_keys[name]}).text = text
    ET.indent(root)
    return ET.ElementTree(root)


def write_graphml(graph: nx.MultiDiGraph, path: str | os.PathLike) -> Path:
    tree = graphml_tree(graph)
    with atomic_write(path, "wb") as out:
        tree.write(out, encoding="utf-8", xml_declaration=True)
    return Path(path)


# -- GEXF -------------------------------------------------------------------------
GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"


def _span_start(date: str) -> str:
    """GEXF dates are full days: "2024" -> "2024-01-01", "2024-09" -> "2024-09-01"."""
    parts = date.split("-")
    return "-".join([parts[0], parts[1] if len(parts) > 1 else "01", parts[2] if len(parts) > 2 else "01"])


def _span_end(date: str) -> str:
    """Last day of the period: "2024" -> "2024-12-31", "2024-02" -> "2024-02-29"."""
    parts = date.split("-")
    if len(parts) >= 3:
        return date
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 else 12
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def gexf_tree(graph: nx.MultiDiGraph) -> ET.ElementTree:
    """GEXF 1.3 document: edge kind = relation type, start/end from dates."""
    ET.register_namespace("", GEXF_NS)
    ET.register_namespace("viz", VIZ_NS)
    q = lambda tag: f"{{{GEXF_NS}}}{tag}"  # noqa: E731
    root = ET.Element(q("gexf"), {"version": "1.3"})
    meta = ET.SubElement(root, q("meta"))
    ET.SubElement(meta, q("creator")).text = "sahel_ner"
    ET.SubElement(meta, q("description")).text = "Sahel actor graph: typed, evidenced relations from news"
    dated = any(d.get("first_date") for _, _, d in graph.edges(data=True))
    graph_attrs = {"defaultedgetype": "directed", "mode": "dynamic" if dated else "static"}
    if dated:
        graph_attrs["timeformat"] = "date"
    graph_el = ET.SubElement(root, q("graph"), graph_attrs)
    node_cols = [(n, k) for n, k in NODE_ATTRS if n != "label"]
    edge_cols = [(n, k) for n, k in EDGE_ATTRS if n not in ("label", "weight")]
    for cls, cols in (("node", node_cols), ("edge", edge_cols)):
        attrs_el = ET.SubElement(graph_el, q("attributes"), {"class": cls, "mode": "static"})
        for name, kind in cols:
            gexf_kind = {"int": "integer"}.get(kind, kind)
            ET.SubElement(attrs_el, q("attribute"), {"id": name, "title": name, "type": gexf_kind})
    nodes_el = ET.SubElement(graph_el, q("nodes"))
    for node, data in graph.nodes(data=True):
        node_el = ET.SubElement(nodes_el, q("node"), {"id": str(node), "label": str(data.get("label", node))})
        _attvalues(node_el, q, node_cols, _node_values(data))
        r, g, b = _color(data.get("type", ""))
        ET.SubElement(node_el, f"{{{VIZ_NS}}}color", {"r": str(r), "g": str(g), "b": str(b)})
    edges_el = ET.SubElement(graph_el, q("edges"))
    for source, target, key, data in graph.edges(keys=True, data=True):
        values = _edge_values(data)
        attrs = {"id": edge_id(source, key, target), "source": str(source), "target": str(target),
                 "kind": data["type"], "label": data["type"], "weight": repr(values["weight"])}
        if data.get("first_date"):
            attrs["start"] = _span_start(data["first_date"])
            attrs["end"] = _span_end(data["last_date"])
        edge_el = ET.SubElement(edges_el, q("edge"), attrs)
        _attvalues(edge_el, q, edge_cols, values)
    ET.indent(root)
    return ET.ElementTree(root)


def _attvalues(element: ET.Element, q, cols: list[tuple[str, str]], values: dict) -> None:
    holder = ET.SubElement(element, q("attvalues"))
    for name, kind in cols:
        text = _text(values.get(name), kind)
        if text is not None:
            ET.SubElement(holder, q("attvalue"), {"for": name, "value": text})


def write_gexf(graph: nx.MultiDiGraph, path: str | os.PathLike) -> Path:
    tree = gexf_tree(graph)
    with atomic_write(path, "wb") as out:
        tree.write(out, encoding="utf-8", xml_declaration=True)
    return Path(path)


# -- CSV (Gephi spreadsheet import) -----------------------------------------------
NODE_COLUMNS = ["Id", "Label", "Type", "mention_count", "article_count", "aliases", "color"]
EDGE_COLUMNS = ["Id", "Source", "Target", "Type", "Label", "Weight", "relation", "first_date", "last_date",
                "negated_count", "hedged_count", "implicit_count", "confidence_mean", "confidence_max",
                "articles", "sentences"]


def write_csv(graph: nx.MultiDiGraph, nodes_path: str | os.PathLike, edges_path: str | os.PathLike) -> tuple[Path, Path]:
    """``nodes.csv`` (Id, Label, Type, ...) and ``edges.csv`` (Source, Target,
    Type = Directed/Undirected, Label = relation type, Weight, ...)."""
    with atomic_write(nodes_path) as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(NODE_COLUMNS)
        for node, data in graph.nodes(data=True):
            values = _node_values(data)
            writer.writerow([node, data.get("label", node), data.get("type", ""), data.get("mention_count", 0),
                             data.get("article_count", 0), values["aliases"],
                             "#%02x%02x%02x" % _color(data.get("type", ""))])
    with atomic_write(edges_path) as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(EDGE_COLUMNS)
        for source, target, key, data in graph.edges(keys=True, data=True):
            values = _edge_values(data)
            writer.writerow([edge_id(source, key, target), source, target,
                             "Undirected" if data.get("symmetric") else "Directed", data["type"], data["weight"],
                             data["type"], data.get("first_date") or "", data.get("last_date") or "",
                             data["negated_count"], data["hedged_count"], data["implicit_count"],
                             data["confidence_mean"], data["confidence_max"], values["articles"],
                             values["sentences"]])
    return Path(nodes_path), Path(edges_path)


# -- graph.json (node-link, for programs) -------------------------------------------
def write_graph_json(graph: nx.MultiDiGraph, path: str | os.PathLike) -> Path:
    """Node-link JSON: ``nx.node_link_graph(json.load(f), edges="edges")`` reads it back."""
    model = CorpusGraph.from_networkx(graph)
    with atomic_write(path) as out:
        json.dump(model.model_dump(mode="json"), out, ensure_ascii=False, indent=1)
        out.write("\n")
    return Path(path)


def write_all(results: list[ArticleResult], graph: nx.MultiDiGraph, out_dir: str | os.PathLike,
              formats: Iterable[str] = FORMATS) -> list[Path]:
    """Write the chosen formats into ``out_dir``; returns the files written."""
    out_dir = Path(out_dir)
    formats = parse_formats(formats)
    written: list[Path] = []
    if "jsonl" in formats:
        written.append(write_articles_jsonl(results, out_dir / "articles.jsonl"))
    if "graphml" in formats:
        written.append(write_graphml(graph, out_dir / "graph.graphml"))
    if "gexf" in formats:
        written.append(write_gexf(graph, out_dir / "graph.gexf"))
    if "csv" in formats:
        written.extend(write_csv(graph, out_dir / "nodes.csv", out_dir / "edges.csv"))
    if "json" in formats:
        written.append(write_graph_json(graph, out_dir / "graph.json"))
    return written


def parse_formats(formats: str | Iterable[str]) -> list[str]:
    """``"graphml,gexf"`` or a list -> validated format names, in the canonical order."""
    if isinstance(formats, str):
        formats = formats.split(",")
    chosen = {f.strip().lower() for f in formats if f.strip()}
    if "all" in chosen:
        chosen = set(FORMATS)
    unknown = sorted(chosen - set(FORMATS))
    if unknown:
        raise ValueError(f"unknown format(s) {', '.join(unknown)}; choose from {', '.join(FORMATS)}")
    return [f for f in FORMATS if f in chosen]
