"""GEXF 1.3 for Gephi: edge ``kind`` = relation type (keeps typed parallel
edges apart), symmetric types' edges marked ``type="undirected"`` (a mixed
graph), ``start``/``end`` from relation dates (Gephi's timeline), node colours
by actor type."""
from __future__ import annotations

import calendar
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx

from .attributes import EDGE_ATTRS, NODE_ATTRS, edge_values, node_values, xml_value
from .files import clean_text, color, write_xml
from .graph import edge_id

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
    """GEXF 1.3 document (see the module docstring)."""
    ET.register_namespace("", GEXF_NS)
    ET.register_namespace("viz", VIZ_NS)
    q = lambda tag: f"{{{GEXF_NS}}}{tag}"  # noqa: E731
    root = ET.Element(q("gexf"), {"version": "1.3"})
    meta = ET.SubElement(root, q("meta"))
    ET.SubElement(meta, q("creator")).text = "sahel_ner"
    ET.SubElement(meta, q("description")).text = "Sahel actor graph: typed, evidenced relations from news"
    dated = any(d.get("first_date") for _, _, d in graph.edges(data=True))
    mixed = any(d.get("symmetric") for _, _, d in graph.edges(data=True))
    graph_attrs = {"defaultedgetype": "mixed" if mixed else "directed", "mode": "dynamic" if dated else "static"}
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
        node_el = ET.SubElement(nodes_el, q("node"), {"id": clean_text(node),
                                                      "label": clean_text(data.get("label", node))})
        _attvalues(node_el, q, node_cols, node_values(data))
        r, g, b = color(data.get("type", ""))
        ET.SubElement(node_el, f"{{{VIZ_NS}}}color", {"r": str(r), "g": str(g), "b": str(b)})
    edges_el = ET.SubElement(graph_el, q("edges"))
    for source, target, key, data in graph.edges(keys=True, data=True):
        values = edge_values(data)
        attrs = {"id": clean_text(edge_id(source, key, target)), "source": clean_text(source),
                 "target": clean_text(target), "type": "undirected" if data.get("symmetric") else "directed",
                 "kind": clean_text(data["type"]), "label": clean_text(data["type"]),
                 "weight": repr(values["weight"])}
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
        text = xml_value(values.get(name), kind)
        if text is not None:
            ET.SubElement(holder, q("attvalue"), {"for": name, "value": text})


def write_gexf(graph: nx.MultiDiGraph, path: str | os.PathLike) -> Path:
    return write_xml(gexf_tree(graph), path)
