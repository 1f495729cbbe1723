"""What the report shows, as one JSON-ready dict: graph, places, events, timeline, top actors.

Everything heavy is decided here, in Python, so the page only draws: node
positions come from a seeded spring layout (the same outputs give the same
picture), the timeline is counted per month, map points are aggregated per
place, and a large corpus is cut down to what a browser draws fast (the page
says so).
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from typing import Any, Iterable

import networkx as nx
import numpy as np

from ..events import cluster
from ..schema import OTHER_COLOR, TYPE_COLORS
from ..places import COUNTRY_NAMES, Geocoder, Place, default_geocoder

MAX_NODES = 1000      # beyond these the graph keeps the most-mentioned actors and heaviest edges
MAX_EDGES = 2000
MAX_PLACES = 250      # beyond this the map keeps the places with the most events
MAX_CLUSTER_RELATIONS = 20_000  # beyond this the map and timeline count relations: clustering would take minutes
MAX_EVIDENCE = 3      # sentences kept per edge; graph.json keeps them all
MAX_PLACE_EVENTS = 10  # events listed in a map popup
TOP_ACTORS = 10
RELATION_COLORS = {"MET": "#4e79a7", "SANCTIONED": "#b07aa1", "ATTACKED": "#e15759", "ARRESTED": "#f28e2b",
                   "SUPPORTED": "#59a14f"}
EXTRA_COLORS = ("#76b7b2", "#edc948", "#ff9da7", "#9c755f", "#bab0ac")  # user-defined relation types


def hex_color(rgb: tuple[int, int, int]) -> str:
    return "#%02x%02x%02x" % rgb


def build_payload(records: list[dict], graph: nx.MultiDiGraph, *, title: str = "sahel_ner report",
                  geocoder: Geocoder | None = None, max_nodes: int = MAX_NODES,
                  max_edges: int = MAX_EDGES) -> dict[str, Any]:
    """The report's data from ``articles.jsonl`` records and the corpus graph."""
    records = [r for r in records if not r.get("error")]
    resolver = _ArticlePlaces(geocoder or default_geocoder())
    notes: list[str] = []
    relations = sum(len(r.get("relations") or ()) for r in records)
    clustered = relations <= MAX_CLUSTER_RELATIONS
    if clustered:
        events = cluster(records, geocoder=resolver)
    else:
        events = _relations_as_events(records, resolver)
        notes.append(f"With {relations:,} relations, the map and the timeline count relations (each stated "
                     "one) rather than events (several reports of one act).")
    kept = _trim(graph, max_nodes, max_edges, notes)
    relation_types = sorted({d["type"] for _, _, d in graph.edges(data=True)} | {e["type"] for e in events})
    nodes, edges = _graph_items(kept)
    return {
        "title": title,
        "counts": {"articles": len(records), "relations": relations,
                   "actors": graph.number_of_nodes(), "edges": graph.number_of_edges(),
                   "events": len(events) if clustered else None,
                   "shown_actors": len(nodes), "shown_edges": len(edges)},
        "notes": notes,
        "nodeColors": {t: hex_color(c) for t, c in TYPE_COLORS.items()} | {"UNKNOWN": hex_color(OTHER_COLOR)},
        "relationColors": relation_colors(relation_types),
        "nodes": nodes,
        "edges": edges,
        "articles": _articles(records, edges),
        "timeline": timeline(events),
        **_places(records, events, resolver, notes),
        "top": top_actors(graph),
    }


def relation_colors(types: Iterable[str]) -> dict[str, str]:
    extra = iter(EXTRA_COLORS * 10)
    return {t: RELATION_COLORS.get(t) or next(extra) for t in types}


# -- graph ---------------------------------------------------------------------
def _trim(graph: nx.MultiDiGraph, max_nodes: int, max_edges: int, notes: list[str]) -> nx.MultiDiGraph:
    """The most-mentioned actors and the heaviest edges among them, when the graph is too big to draw fast."""
    linked = {end for u, v in graph.edges() if u != v for end in (u, v)}
    kept = graph.subgraph(linked)
    if len(linked) < graph.number_of_nodes():
        notes.append(f"{graph.number_of_nodes() - len(linked):,} actors without relations are left out of the "
                     "graph (the tables below list them).")
    if kept.number_of_nodes() <= max_nodes and kept.number_of_edges() <= max_edges:
        return kept
    if kept.number_of_nodes() > max_nodes:
        ranked = sorted(kept.nodes(data=True), key=lambda n: (-n[1].get("mention_count", 0), n[0]))
        kept = kept.subgraph([n for n, _ in ranked[:max_nodes]])
    if kept.number_of_edges() > max_edges:
        ranked = sorted(kept.edges(keys=True, data=True), key=lambda e: (-e[3]["weight"], e[0], e[2], e[1]))
        kept = kept.edge_subgraph([(u, v, k) for u, v, k, _ in ranked[:max_edges]])
    notes.append(f"To stay fast, the graph draws {kept.number_of_nodes():,} of {len(linked):,} actors with "
                 f"relations and {kept.number_of_edges():,} of {graph.number_of_edges():,} edges: the "
                 f"{max_nodes:,} most-mentioned actors, then the {max_edges:,} heaviest edges among them "
                 "(most evidence sentences).")
    return kept


def layout(graph: nx.MultiDiGraph, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Deterministic positions: each connected part gets a seeded spring layout, sized by its
    number of actors, and the parts are packed in rows, biggest first, so no part is crushed."""
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph.nodes))
    for u, v, data in graph.edges(data=True):
        if u != v:
            weight = simple.get_edge_data(u, v, {}).get("weight", 0)
            simple.add_edge(u, v, weight=weight + math.log1p(data.get("weight", 1)))
    parts = sorted((sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0]))
    row_width = 2.2 * math.sqrt(sum(len(c) for c in parts) or 1)
    gap = 1.2  # between parts: room for a label
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for part in parts:
        size = math.sqrt(len(part))  # side of the square the part is drawn in
        if x > 0 and x + size > row_width:
            x, y, row_height = 0.0, y + row_height + gap, 0.0
        local = _spring(simple.subgraph(part), part, seed) * (size / 2)
        for node, (px, py) in zip(part, local):
            positions[node] = (x + size / 2 + float(px), -(y + size / 2 + float(py)))
        x += size + gap
        row_height = max(row_height, size)
    return positions


def _spring(graph: nx.Graph, order: list[str], seed: int, iterations: int = 60):
    """Fruchterman-Reingold on dense numpy arrays (networkx's own needs scipy past 500 nodes),
    scaled into [-1, 1]."""
    n = len(order)
    if n == 1:
        return np.zeros((1, 2))
    adjacency = nx.to_numpy_array(graph, nodelist=order, weight="weight", dtype=np.float32)
    pos = np.random.default_rng(seed).random((n, 2), dtype=np.float32)
    k = 1.0 / math.sqrt(n)
    temperature = 0.1
    for _ in range(iterations):
        square = (pos ** 2).sum(axis=1)
        distance = np.sqrt(np.maximum(square[:, None] + square[None, :] - 2 * pos @ pos.T, 1e-4))
        force = k * k / distance ** 2 - adjacency * distance / k  # repulsion minus attraction along edges
        np.fill_diagonal(force, 0.0)
        shift = pos * force.sum(axis=1)[:, None] - force @ pos   # sum over j of force_ij * (pos_i - pos_j)
        length = np.maximum(np.sqrt((shift ** 2).sum(axis=1)), 0.01)
        pos += shift * (temperature / length)[:, None]
        temperature -= 0.1 / (iterations + 1)
    pos -= pos.mean(axis=0)
    return pos / max(float(np.abs(pos).max()), 1e-9)


def _graph_items(graph: nx.MultiDiGraph) -> tuple[list[dict], list[dict]]:
    positions = layout(graph)
    nodes = [{"id": n, "label": d.get("label") or n, "type": d.get("type") or "UNKNOWN",
              "mentions": d.get("mention_count", 0), "articles": d.get("article_count", 0),
              "x": round(float(positions[n][0]), 4), "y": round(float(positions[n][1]), 4)}
             for n, d in sorted(graph.nodes(data=True))]
    edges = []
    for u, v, key, d in sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[2], e[1])):
        evidence = d.get("evidence") or []
        edges.append({
            "id": f"{u}|{key}|{v}", "source": u, "target": v, "type": d.get("type", key),
            "symmetric": bool(d.get("symmetric")), "weight": d.get("weight", len(evidence)),
            "first": d.get("first_date"), "last": d.get("last_date"),
            "months": sorted({(e.get("date") or "")[:7] for e in evidence if len(e.get("date") or "") >= 7}),
            "evidence": [{"article": e.get("article"), "sentence": e.get("sentence", ""),
                          "trigger": e.get("trigger", ""), "date": e.get("date"),
                          "negated": bool(e.get("negated")), "hedged": bool(e.get("hedged"))}
                         for e in evidence[:MAX_EVIDENCE]],
            "more": max(0, len(evidence) - MAX_EVIDENCE),
        })
    return nodes, edges


def _articles(records: list[dict], edges: list[dict]) -> dict[str, dict]:
    """Publication date and file of each article an edge cites."""
    cited = {e["article"] for edge in edges for e in edge["evidence"]}
    return {r["id"]: {"published": r.get("published"), "path": r.get("path")} for r in records if r.get("id") in cited}


def top_actors(graph: nx.MultiDiGraph, n: int = TOP_ACTORS) -> dict[str, list[dict]]:
    """The most-mentioned actors of each type, with how many relations they take part in."""
    relations = Counter()
    for u, v, d in graph.edges(data=True):
        relations[u] += d.get("weight", 1)
        relations[v] += d.get("weight", 1)
    by_type: dict[str, list] = defaultdict(list)
    for node, d in graph.nodes(data=True):
        by_type[d.get("type") or "UNKNOWN"].append((node, d))
    return {t: [{"id": node, "label": d.get("label") or node, "mentions": d.get("mention_count", 0),
                 "articles": d.get("article_count", 0), "relations": relations[node]}
                for node, d in sorted(items, key=lambda i: (-i[1].get("mention_count", 0), i[0]))[:n]]
            for t, items in sorted(by_type.items())}


# -- time ------------------------------------------------------------------------
def timeline(events: list[dict]) -> dict[str, Any]:
    """Events per month and type; every month between the first and last is listed, empty or not."""
    counts: Counter = Counter()
    undated = 0
    for event in events:
        month = (event.get("date") or "")[:7]
        if len(month) == 7:
            counts[(month, event["type"])] += 1
        else:
            undated += 1
    months = _month_range(min(m for m, _ in counts), max(m for m, _ in counts)) if counts else []
    types = sorted({t for _, t in counts})
    return {"months": months, "undated": undated,
            "counts": {t: [counts[(m, t)] for m in months] for t in types}}


def _month_range(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


# -- places --------------------------------------------------------------------------
class _ArticlePlaces:
    """A geocoder front that resolves each article once, for the map and for :func:`cluster` alike."""

    def __init__(self, geocoder: Geocoder):
        self.geocoder = geocoder
        self.cache: dict[int, dict[str, Place]] = {}

    def resolve_article(self, record: dict) -> dict[str, Place]:
        key = id(record)
        if key not in self.cache:
            self.cache[key] = self.geocoder.resolve_article(record)
        return self.cache[key]


def _places(records: list[dict], events: list[dict], resolver: _ArticlePlaces,
            notes: list[str]) -> dict[str, list[dict]]:
    """Map points (one per place: where it is, how often it is named, its events) and unresolved names."""
    found: dict[str, Counter] = defaultdict(Counter)   # place actor id -> gazetteer place id -> articles
    resolved: dict[str, Place] = {}
    labels: dict[str, str] = {}
    mentions: Counter = Counter()
    for record in records:
        names = {e["id"]: e for e in record.get("entities") or () if e.get("type") == "LOCATION"}
        named = set(names) | {r["location"] for r in record.get("relations") or () if r.get("location")}
        places = resolver.resolve_article(record)
        for place_id in named:
            entity = names.get(place_id) or {}
            labels.setdefault(place_id, entity.get("label") or place_id)
            mentions[place_id] += entity.get("mention_count") or 1
            if place_id in places:
                found[place_id][places[place_id].id] += 1
                resolved.setdefault(places[place_id].id, places[place_id])
    by_place: dict[str, list[dict]] = defaultdict(list)
    for event in events:
        location = event.get("location") or {}
        if location.get("lat") is not None:
            by_place[location["id"]].append(event)
            labels.setdefault(location["id"], location.get("label") or location["id"])
            if location["id"] not in found:
                found[location["id"]][location.get("place") or location["id"]] += 1
                resolved.setdefault(location.get("place") or location["id"], _place_of(location))
    points = []
    for place_id in sorted(found):
        best = max(found[place_id], key=lambda p: (found[place_id][p], p))
        place = resolved[best]
        here = by_place.get(place_id, [])
        points.append({
            "id": place_id, "label": labels.get(place_id, place_id), "lat": place.lat, "lon": place.lon,
            "country": COUNTRY_NAMES.get(place.country, place.country), "admin1": place.admin1, "mentions": mentions[place_id],
            "counts": dict(Counter(f"{e['type']}|{(e.get('date') or '')[:7]}" for e in here)),
            "events": [{"date": e.get("date"), "type": e["type"], "source": e["source"], "target": e["target"],
                        "reports": e["report_count"]} for e in here[:MAX_PLACE_EVENTS]],
            "more": max(0, len(here) - MAX_PLACE_EVENTS),
        })
    if len(points) > MAX_PLACES:
        notes.append(f"The map draws the {MAX_PLACES:,} places with the most events of {len(points):,} found.")
        busiest = sorted(points, key=lambda p: (-sum(p["counts"].values()), -p["mentions"], p["id"]))[:MAX_PLACES]
        points = sorted(busiest, key=lambda p: p["id"])
    unresolved = [{"id": p, "label": labels.get(p, p), "mentions": mentions[p]}
                  for p in sorted(mentions, key=lambda p: (-mentions[p], p)) if p not in found]
    return {"places": points, "unresolved": unresolved}


def _relations_as_events(records: list[dict], resolver: _ArticlePlaces) -> list[dict]:
    """Each stated (not negated) relation as an event of one report, placed like :func:`cluster` places them."""
    events, found = [], {}  # found: gazetteer id -> the place's fields, made once
    for record in records:
        places = resolver.resolve_article(record)
        labels = {e["id"]: e.get("label") for e in record.get("entities") or ()}
        for rel in record.get("relations") or ():
            if rel.get("negated"):
                continue
            place, where = rel.get("location"), None
            if place:
                where = {"id": place, "label": labels.get(place)}
                if place in places:
                    spot = places[place]
                    fields = found.get(spot.id) or found.setdefault(spot.id, spot.to_dict())
                    where.update(fields, id=place, place=spot.id)
            events.append({"type": rel["type"], "source": rel["source"], "target": rel["target"],
                           "date": rel.get("date") or record.get("published"), "location": where, "report_count": 1})
    return events


def _place_of(location: dict) -> Place:
    return Place(id=location.get("place") or location["id"], name=location.get("name") or location.get("label") or "",
                 kind=location.get("kind") or "", country=location.get("country_code") or "",
                 admin1=location.get("admin1") or "",
                 admin2=location.get("admin2") or "", lat=location["lat"], lon=location["lon"])
