"""Outputs of a corpus: the graph (:mod:`.graph`) and one module per file
format (:mod:`.graphml`, :mod:`.gexf`, :mod:`.csv`, :mod:`.json`), all written
atomically (:mod:`.files`)."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

import networkx as nx

from .csv import write_csv
from .files import LIST_SEPARATOR, atomic_write
from .gexf import write_gexf
from .graph import GraphBuilder, build_graph, edge_id
from .graphml import write_graphml
from .json import write_articles_jsonl, write_graph_json

FORMATS = ("jsonl", "graphml", "gexf", "csv", "json")
FILE_NAMES = {"jsonl": ("articles.jsonl",), "graphml": ("graph.graphml",), "gexf": ("graph.gexf",),
              "csv": ("nodes.csv", "edges.csv"), "json": ("graph.json",)}
# Every file a run writes into OUT_DIR (the report too): never read back as input.
OUTPUT_FILES = frozenset(name for names in FILE_NAMES.values() for name in names) | {
    "report.html", "events.jsonl", "events.csv"}


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


def write_graph_files(graph: nx.MultiDiGraph, out_dir: str | os.PathLike,
                      formats: Iterable[str] = FORMATS) -> list[Path]:
    """The chosen graph formats (all but ``jsonl``) into ``out_dir``."""
    out_dir, formats = Path(out_dir), parse_formats(formats)
    written: list[Path] = []
    if "graphml" in formats:
        written.append(write_graphml(graph, out_dir / "graph.graphml"))
    if "gexf" in formats:
        written.append(write_gexf(graph, out_dir / "graph.gexf"))
    if "csv" in formats:
        written.extend(write_csv(graph, out_dir / "nodes.csv", out_dir / "edges.csv"))
    if "json" in formats:
        written.append(write_graph_json(graph, out_dir / "graph.json"))
    return written


def write_all(results: Iterable, graph: nx.MultiDiGraph, out_dir: str | os.PathLike,
              formats: Iterable[str] = FORMATS) -> list[Path]:
    """Write the chosen formats into ``out_dir``; returns the files written."""
    formats = parse_formats(formats)
    written = [write_articles_jsonl(results, Path(out_dir) / "articles.jsonl")] if "jsonl" in formats else []
    return written + write_graph_files(graph, out_dir, formats)


__all__ = ["FORMATS", "FILE_NAMES", "OUTPUT_FILES", "LIST_SEPARATOR", "GraphBuilder", "atomic_write", "build_graph",
           "edge_id", "parse_formats", "write_all", "write_articles_jsonl", "write_csv", "write_gexf",
           "write_graph_files", "write_graph_json", "write_graphml"]
