"""``nodes.csv`` and ``edges.csv`` for Gephi's spreadsheet import and Excel:
every cell cleaned of control characters and kept within spreadsheet limits."""
from __future__ import annotations

import csv
import os
from pathlib import Path

import networkx as nx

from .attributes import edge_values, node_values
from .files import atomic_write, clean_cell, color
from .graph import edge_id

NODE_COLUMNS = ["Id", "Label", "Type", "mention_count", "article_count", "aliases", "color", "latitude", "longitude",
                "country", "admin1"]
EDGE_COLUMNS = ["Id", "Source", "Target", "Type", "Label", "Weight", "relation", "first_date", "last_date",
                "negated_count", "hedged_count", "implicit_count", "confidence_mean", "confidence_max",
                "articles", "sentences", "event_count"]


def _rows(path: str | os.PathLike, header: list[str], rows) -> None:
    with atomic_write(path) as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows([clean_cell(cell) for cell in row] for row in rows)


def write_csv(graph: nx.MultiDiGraph, nodes_path: str | os.PathLike,
              edges_path: str | os.PathLike) -> tuple[Path, Path]:
    """``nodes.csv`` (Id, Label, Type, ...) and ``edges.csv`` (Source, Target,
    Type = Directed/Undirected, Label = relation type, Weight, ...)."""
    _rows(nodes_path, NODE_COLUMNS, (
        [node, data.get("label", node), data.get("type", ""), data.get("mention_count", 0),
         data.get("article_count", 0), node_values(data)["aliases"], "#%02x%02x%02x" % color(data.get("type", "")),
         data.get("latitude", ""), data.get("longitude", ""), data.get("country") or "", data.get("admin1") or ""]
        for node, data in graph.nodes(data=True)))
    _rows(edges_path, EDGE_COLUMNS, (
        [edge_id(source, key, target), source, target, "Undirected" if data.get("symmetric") else "Directed",
         data["type"], data["weight"], data["type"], data.get("first_date") or "", data.get("last_date") or "",
         data["negated_count"], data["hedged_count"], data["implicit_count"], data["confidence_mean"],
         data["confidence_max"], values["articles"], values["sentences"], data.get("event_count", "")]
        for source, target, key, data in graph.edges(keys=True, data=True)
        for values in (edge_values(data),)))
    return Path(nodes_path), Path(edges_path)
