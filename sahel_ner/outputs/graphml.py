"""GraphML for Gephi, yEd and networkx.

Key ids are the attribute names (Gephi maps ``label``, ``weight``,
``r``/``g``/``b`` by key id; networkx's ``d0..dN`` ids would make it take
whatever lands on ``d3`` as the node label); every edge has a unique id; lists
are joined with `` | ``; missing values are left out rather than written as
"None"; text is cleaned of characters XML cannot hold.
"""
from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx

from .attributes import EDGE_ATTRS, NODE_ATTRS, edge_values, node_values, xml_value
from .files import clean_text, color, write_xml
from .graph import edge_id

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
        node_el = ET.SubElement(graph_el, "node", {"id": clean_text(node)})
        values = node_values(data)
        values["r"], values["g"], values["b"] = color(data.get("type", ""))
        _data(node_el, node_attrs, node_keys, values)
    for source, target, key, data in graph.edges(keys=True, data=True):
        edge_el = ET.SubElement(graph_el, "edge", {"id": clean_text(edge_id(source, key, target)),
                                                   "source": clean_text(source), "target": clean_text(target)})
        _data(edge_el, EDGE_ATTRS, edge_keys, edge_values(data))
    ET.indent(root)
    return ET.ElementTree(root)


def _data(element: ET.Element, attrs: list[tuple[str, str]], keys: dict[str, str], values: dict) -> None:
    for name, kind in attrs:
        text = xml_value(values.get(name), kind)
        if text is not None:  # missing values are left out, not written as "None"
            ET.SubElement(element, "data", {"key": keys[name]}).text = text


def write_graphml(graph: nx.MultiDiGraph, path: str | os.PathLike) -> Path:
    return write_xml(graphml_tree(graph), path)
