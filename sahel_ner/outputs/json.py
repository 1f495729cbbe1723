"""``articles.jsonl`` (one record a line, the contract of SCHEMA.md) and
``graph.json`` (networkx node-link form, for programs)."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterable

import networkx as nx

from ..models import CorpusGraph
from ..schema import as_record, dump_record, safe_str
from .files import atomic_write


def write_articles_jsonl(results: Iterable, path: str | os.PathLike) -> Path:
    """One line per result (an ArticleResult or a record dict), in the order given."""
    with atomic_write(path) as out:
        for result in results:
            out.write(dump_record(as_record(result)) + "\n")
    return Path(path)


def write_graph_json(graph: nx.MultiDiGraph, path: str | os.PathLike) -> Path:
    """Node-link JSON: ``nx.node_link_graph(json.load(f), edges="edges")`` reads it back."""
    model = CorpusGraph.from_networkx(graph)
    with atomic_write(path) as out:
        out.write(safe_str(json.dumps(model.model_dump(mode="json"), ensure_ascii=False, indent=1)) + "\n")
    return Path(path)
