"""``report.html``: one self-contained page (graph, map, timeline, top actors) from an output folder.

    from sahel_ner.report.build import write_report
    write_report("out")            # reads out/articles.jsonl (+ out/graph.json), writes out/report.html

The libraries (sigma.js, graphology, Leaflet) and the country borders are
inlined from ``assets/``, so the page opens from disk with no server and no
network. Map tiles are an opt-in checkbox on the page.
"""
from __future__ import annotations

import json
import os
import re
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

import networkx as nx

from ..outputs.files import atomic_write
from ..graph import build_graph
from .data import build_payload

VIEWS = ("all", "graph", "map", "timeline")
_MARKER = re.compile(r"/\*@([A-Z]+)@\*/|@([A-Z]+)@")
_SCRIPTS = {  # view -> vendored scripts it needs, in load order
    "graph": ("graphology.umd.min.js", "sigma.min.js"),
    "map": ("leaflet.js",),
}


def _asset(name: str) -> str:
    return resources.files("sahel_ner.report").joinpath("assets", name).read_text(encoding="utf-8")


def _template() -> str:
    return resources.files("sahel_ner.report").joinpath("template.html").read_text(encoding="utf-8")


def _inline_json(value: Any) -> str:
    # "</" would end the <script> element early; "<\/" reads back as the same JSON string
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def render_html(payload: dict[str, Any], view: str = "all") -> str:
    """The page for a payload (:func:`sahel_ner.report.data.build_payload`); ``view`` keeps one picture."""
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; choose one of {', '.join(VIEWS)}")
    shown = {"graph", "map", "timeline"} if view == "all" else {view}
    scripts = [_asset(name) for part in ("graph", "map") if part in shown for name in _SCRIPTS[part]]
    css = _asset("report.css") + (_asset("leaflet.css") if "map" in shown else "")
    borders = _asset("borders.geojson") if "map" in shown else "null"
    parts = {
        "CSS": css, "LIBS": "\n;\n".join(scripts), "APP": _asset("report.js"), "DATA": _inline_json(payload),
        "BORDERS": borders.replace("</", "<\\/"), "VIEW": view,
        "TITLE": _escape(payload.get("title", "sahel_ner report")),
    }
    # one pass over the template, so text inserted for one marker is never read as another
    page = _MARKER.sub(lambda m: parts[m.group(1) or m.group(2)], _template())
    return page


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def read_out_dir(out_dir: str | os.PathLike) -> tuple[list[dict], nx.MultiDiGraph]:
    """The records of ``articles.jsonl`` and the graph of ``graph.json`` (built from the records when absent)."""
    out_dir = Path(out_dir)
    articles = out_dir / "articles.jsonl"
    if not articles.exists():
        raise FileNotFoundError(f"{articles} not found: the report is built from articles.jsonl (--format jsonl)")
    with open(articles, encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    graph_json = out_dir / "graph.json"
    if graph_json.exists():
        with open(graph_json, encoding="utf-8") as handle:
            graph = nx.node_link_graph(json.load(handle), edges="edges")
    else:
        graph = build_graph(records)
    return records, graph


def write_report(out_dir: str | os.PathLike, path: str | os.PathLike | None = None, *,
                 title: str | None = None) -> Path:
    """Write ``report.html`` for an output folder of ``sahel-ner extract``; returns its path."""
    records, graph = read_out_dir(out_dir)
    target = Path(path) if path is not None else Path(out_dir) / "report.html"
    # the same outputs give the same page, whatever the folder is called
    return write_html(records, graph, target, title=title or "sahel_ner report")


def write_html(records: Iterable[dict], graph: nx.MultiDiGraph, path: str | os.PathLike, *,
               title: str = "sahel_ner report") -> Path:
    """Write the page for records and a graph already in memory (atomically)."""
    page = render_html(build_payload(list(records), graph, title=title))
    with atomic_write(path) as out:
        out.write(page)
    return Path(path)
