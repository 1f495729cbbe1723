"""``articles.jsonl`` (one record a line, the contract of SCHEMA.md) and
``graph.json`` (networkx node-link form, for programs)."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterable

import networkx as nx

from ..schema import as_record, dump_record, safe_str
from .files import atomic_write


def write_articles_jsonl(results: Iterable, path: str | os.PathLike) -> Path:
    """One line per result (an ArticleResult or a record dict), in the order given."""
    with atomic_write(path) as out:
        for result in results:
            out.write(dump_record(as_record(result)) + "\n")
    return Path(path)


def write_graph_json(graph: nx.MultiDiGraph, path: str | os.PathLike) -> Path:
    """Node-link JSON (the shape of :class:`~sahel_ner.models.CorpusGraph`):
    ``nx.node_link_graph(json.load(f), edges="edges")`` reads it back. Streamed
    from the graph's own dicts, so a large corpus is not copied to write it."""
    data = {"directed": True, "multigraph": True, "graph": dict(graph.graph),
            "nodes": [{"id": node, **attrs} for node, attrs in graph.nodes(data=True)],
            "edges": [{"source": u, "target": v, "key": key, **attrs}
                      for u, v, key, attrs in graph.edges(keys=True, data=True)]}
    with atomic_write(path) as out:
        for chunk in json.JSONEncoder(ensure_ascii=False, indent=1).iterencode(data):
            out.write(safe_str(chunk))
        out.write("\n")
    return Path(path)
