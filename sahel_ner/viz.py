"""Pictures in a notebook: the report's graph, map and timeline, and displaCy for one article.

    import sahel_ner.viz as viz
    viz.graph(results)        # or an output folder: viz.graph("out")
    viz.map(results)
    viz.timeline(results)
    results[0].show()         # entities and relation arcs of one article (displaCy)

Each returns a :class:`Figure` that Jupyter shows inline: the report page
(:mod:`sahel_ner.report`) in an ``iframe`` with everything inside it, so it
draws offline and in exported notebooks alike.
"""
from __future__ import annotations

import html
import os
from pathlib import Path
from typing import Any

from .schema import OTHER_COLOR, TYPE_COLORS
from .graph import build_graph
from .models import ArticleResult
from .report.build import read_out_dir, render_html
from .report.data import build_payload, hex_color

class Figure:
    """An HTML picture: inline in Jupyter (``_repr_html_``), or saved as a page of its own."""

    def __init__(self, page: str, height: int = 600, standalone: bool = True):
        self.page = page
        self.height = height
        self.standalone = standalone  # a whole HTML document (shown in an iframe) or a fragment

    def _repr_html_(self) -> str:
        if not self.standalone:
            return self.page
        # srcdoc keeps the page's scripts and styles apart from the notebook's
        return (f'<iframe srcdoc="{html.escape(self.page, quote=True)}" style="width: 100%; '
                f'height: {self.height}px; border: 0" sandbox="allow-scripts allow-popups"></iframe>')

    def save(self, path: str | os.PathLike) -> Path:
        path = Path(path)
        page = self.page if self.standalone else f"<!DOCTYPE html><meta charset='utf-8'>{self.page}"
        path.write_text(page, encoding="utf-8")
        return path


def _records_and_graph(source: Any, **graph_options):
    if isinstance(source, (str, os.PathLike)):
        return read_out_dir(source)
    records = [r.to_record() if isinstance(r, ArticleResult) else r for r in source]
    return records, build_graph(records, **graph_options)


def _figure(source: Any, view: str, height: int, title: str, graph_options: dict) -> Figure:
    records, corpus_graph = _records_and_graph(source, **graph_options)
    return Figure(render_html(build_payload(records, corpus_graph, title=title), view=view), height=height)


def graph(source: Any, *, height: int = 640, title: str = "Actor graph", **graph_options) -> Figure:
    """The actor graph: click an edge for its evidence. ``source``: results, records or an output
    folder; ``graph_options`` go to :func:`sahel_ner.graph.build_graph` (``drop_hedged=True``, ...)."""
    return _figure(source, "graph", height, title, graph_options)


def map(source: Any, *, height: int = 600, title: str = "Events and places", **graph_options) -> Figure:  # noqa: A001
    """Events and places on a map of West and North Africa (offline; tiles are a checkbox)."""
    return _figure(source, "map", height, title, graph_options)


def timeline(source: Any, *, height: int = 360, title: str = "Events per month", **graph_options) -> Figure:
    """Events per month, stacked by relation type."""
    return _figure(source, "timeline", height, title, graph_options)


def article(result: ArticleResult, *, relations: bool = True) -> Figure:
    """displaCy for one article: its entities, then one arc diagram per evidence sentence."""
    from spacy import displacy

    colors = {label: hex_color(rgb) for label, rgb in TYPE_COLORS.items()} | {"UNKNOWN": hex_color(OTHER_COLOR)}
    parts = [displacy.render(result.displacy_entities(), style="ent", manual=True, jupyter=False,
                             options={"colors": colors})]
    if relations:
        parts += [displacy.render(parse, style="dep", manual=True, jupyter=False,
                                  options={"compact": True, "distance": 110})
                  for parse in result.displacy_relations()]
    return Figure("\n".join(parts), standalone=False)


__all__ = ["Figure", "article", "graph", "map", "timeline"]
