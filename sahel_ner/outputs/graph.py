"""The corpus graph: article records aggregated into one networkx MultiDiGraph.

- one node per canonical actor: ``label``, ``type``, ``mention_count`` (entity
  spans over the corpus), ``aliases`` (surface forms seen), ``article_count``;
- one edge per (source, type, target), keyed by the type so that parallel edges
  of different types stay apart: ``type``, ``weight`` (evidence sentences),
  ``first_date``/``last_date``, ``negated_count``/``hedged_count``/
  ``implicit_count``, ``confidence_mean``/``confidence_max``, ``articles`` and
  ``evidence`` (one dict per sentence);
- symmetric types (MET, or any type file with ``"symmetric": true``) give one
  edge per pair, from the smaller id to the larger, with ``symmetric=True``.

:class:`GraphBuilder` takes records one at a time (the batch streams them from
its store, so a corpus is never held in memory whole) and fills the graph once
at the end, in sorted order: the same records give the same graph whatever the
order of equal items.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable

import networkx as nx

from ..schema import UNKNOWN_TYPE, as_record, symmetric_types


class GraphBuilder:
    """Aggregates article records (dicts or ArticleResults) into the corpus graph;
    the options are those of :func:`build_graph`."""

    def __init__(self, *, drop_negated: bool = True, drop_hedged: bool = False, min_confidence: float = 0.0,
                 types: Iterable[str] | None = None, symmetric: Iterable[str] | None = None,
                 drop_isolated: bool = False):
        self.wanted = {t.upper() for t in types} if types else None
        self.symmetric = {t.upper() for t in (symmetric if symmetric is not None else symmetric_types())}
        self.drop_negated, self.drop_hedged = drop_negated, drop_hedged
        self.min_confidence, self.drop_isolated = min_confidence, drop_isolated
        self.nodes: dict[str, list] = {}  # id -> [labels, types, mention_count, aliases, article_count]
        self.places: dict[str, dict] = {}  # LOCATION id -> lat, lon, country, admin1, admin2
        self.edges: dict[tuple[str, str, str], list] = {}  # key -> [evidence, articles, dates]

    def add(self, result) -> None:
        record = as_record(result)
        if record.get("error"):
            return
        article, published = record.get("id"), record.get("published")
        for actor in record.get("entities") or ():
            node = self.nodes.get(actor["id"])
            if node is None:
                node = self.nodes[actor["id"]] = [Counter(), Counter(), 0, set(), 0]
            node[0][actor["label"]] += 1
            node[1][actor["type"]] += 1
            mentions = actor.get("mentions") or ()
            node[2] += actor.get("mention_count") or len(mentions)
            node[3].update(mentions)
            node[4] += 1  # an actor is listed once per article
            if actor.get("lat") is not None:  # a geocoded place: its first resolution stands
                self.places.setdefault(actor["id"], {key: actor.get(key) for key in PLACE_KEYS})
        for rel in record.get("relations") or ():
            if self._keeps(rel):
                self._add_relation(rel, article, published)

    def _keeps(self, rel: dict) -> bool:
        if self.wanted is not None and rel["type"] not in self.wanted:
            return False
        if (self.drop_negated and rel.get("negated")) or (self.drop_hedged and rel.get("hedged")):
            return False
        return float(rel.get("confidence", 1.0)) >= self.min_confidence

    def _add_relation(self, rel: dict, article, published) -> None:
        rtype, source, target = rel["type"], rel["source"], rel["target"]
        if rtype in self.symmetric and target < source:
            source, target = target, source
        edge = self.edges.get((source, rtype, target))
        if edge is None:
            edge = self.edges[(source, rtype, target)] = [[], {}, []]
        date = rel.get("date") or published
        if date:
            edge[2].append(date)
        edge[1].setdefault(article, None)  # ordered set
        edge[0].append({
            "article": article, "sentence": rel["sentence"], "trigger": rel.get("trigger", ""),
            "date": rel.get("date"), "confidence": float(rel.get("confidence", 1.0)),
            "negated": bool(rel.get("negated")), "hedged": bool(rel.get("hedged")),
            "implicit": bool(rel.get("implicit")),
        })

    def graph(self) -> nx.MultiDiGraph:
        endpoints = {end for source, _, target in self.edges for end in (source, target)}
        graph = nx.MultiDiGraph()
        for actor_id in sorted(self.nodes.keys() | endpoints):
            node = self.nodes.get(actor_id)
            if node is None:  # a relation end the article did not list: keep the edge, type unknown
                graph.add_node(actor_id, label=actor_id, type=UNKNOWN_TYPE, mention_count=0, article_count=0,
                               aliases=[])
            elif not (self.drop_isolated and actor_id not in endpoints):
                graph.add_node(actor_id, label=_most_common(node[0]), type=_most_common(node[1]),
                               mention_count=node[2], article_count=node[4], aliases=sorted(node[3]),
                               **_coordinates(self.places.get(actor_id)))
        for (source, rtype, target) in sorted(self.edges):
            evidence, articles, dates = self.edges[(source, rtype, target)]
            confidences = [e["confidence"] for e in evidence]
            dates = sorted(dates)
            graph.add_edge(
                source, target, key=rtype, type=rtype, symmetric=rtype in self.symmetric, weight=len(evidence),
                first_date=dates[0] if dates else None, last_date=dates[-1] if dates else None,
                negated_count=sum(e["negated"] for e in evidence), hedged_count=sum(e["hedged"] for e in evidence),
                implicit_count=sum(e["implicit"] for e in evidence),
                confidence_mean=round(sum(confidences) / len(confidences), 4), confidence_max=max(confidences),
                articles=[a for a in articles if a is not None], evidence=evidence,
            )
        return graph


def build_graph(results: Iterable, *, drop_negated: bool = True, drop_hedged: bool = False,
                min_confidence: float = 0.0, types: Iterable[str] | None = None,
                symmetric: Iterable[str] | None = None, drop_isolated: bool = False) -> nx.MultiDiGraph:
    """Aggregate article results (models or ``articles.jsonl`` dicts) into the corpus graph.

    - ``drop_negated``: leave out "did not meet", "lifted sanctions" (default);
    - ``drop_hedged``: leave out "allegedly", "reportedly" relations;
    - ``min_confidence``: leave out relations below this confidence;
    - ``types``: keep only these relation types;
    - ``symmetric``: types whose edges are undirected (default: from the type files);
    - ``drop_isolated``: leave out actors that take part in no kept relation.
    """
    builder = GraphBuilder(drop_negated=drop_negated, drop_hedged=drop_hedged, min_confidence=min_confidence,
                           types=types, symmetric=symmetric, drop_isolated=drop_isolated)
    for result in results:
        builder.add(result)
    return builder.graph()


# Place fields an entity of articles.jsonl carries once geocoded (sahel_ner.places).
PLACE_KEYS = ("lat", "lon", "country", "admin1", "admin2")


def _coordinates(place: dict | None) -> dict:
    """Node attributes Gephi's GeoLayout reads (latitude, longitude), with the place's country and region."""
    if not place:
        return {}
    return {"latitude": place["lat"], "longitude": place["lon"], "country": place.get("country"),
            "admin1": place.get("admin1")}


def _most_common(counter: Counter) -> str:
    # Ties go to the alphabetically first value, so the choice does not depend on input order.
    best = max(counter.values())
    return min(value for value, count in counter.items() if count == best)


def edge_id(source: str, rtype: str, target: str) -> str:
    """Globally unique, stable id of an edge (used in GraphML, GEXF and CSV)."""
    return f"{source}|{rtype}|{target}"
