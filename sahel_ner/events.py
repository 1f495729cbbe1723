"""Events: the relations of a whole batch grouped into what happened, once.

Five outlets reporting one JNIM attack on Boulkessi give five relations and one
event. :func:`cluster` takes article results (``articles.jsonl`` dicts or
:class:`~sahel_ner.models.ArticleResult` models) and returns one dict per event::

    {"id": "ev_3f1c...", "type": "ATTACKED", "source": "jnim", "target": "boulkessi",
     "date": "2025-09-17", "date_precision": "day",
     "location": {"id": "boulkessi", "lat": 14.83, "lon": -1.55, "country": "Mali", "admin1": "Mopti", ...},
     "reports": [{"article": "a1", "sentence": "...", "trigger": "attacked", "date": "2025-09-17",
                  "negated": false, "hedged": false, "implicit": false, "confidence": 0.9,
                  "source": "jnim", "target": "boulkessi"}, ...],
     "report_count": 3, "article_count": 3, "first_reported": "2025-09-17", "confidence": 0.99,
     "negated": false, "hedged": false}

Two reports are one event when they agree on type, source and target (a
symmetric type in either order), on the date within one day at the precision
each states ("2025-09" agrees with any day of September; a report without a
date of its own stands for the few days before its publication; one without
any date joins only an event of its own article), and on the
place (the same place, one inside the other, or one of them silent). A report
whose source is implicit or unknown joins the event whose target, date and place
agree; a report whose target is the place itself (standing for victims it does
not name) joins the same source's event at that place and date. Firm reports form events first; a negated or hedged report then joins a
firm event it agrees with, or forms its own, so a denial never merges a real
event away and never splits one.
"""
from __future__ import annotations

import bisect
import hashlib
from collections import Counter
from datetime import date, timedelta
from typing import Any, Iterable

from .places import Geocoder, Place, default_geocoder, km

DEFAULT_SYMMETRIC = frozenset({"MET"})
UNKNOWN_SIDES = frozenset({"unknown", "unidentified", "gunmen", "unidentified_gunmen", "assailants",
                           "unidentified_assailants", "armed_men", "unidentified_armed_men"})
PUBLISHED_LAG_DAYS = 3   # an undated report stands for [published - 3 days, published]
SAME_PLACE_KM = 30.0
INDEXED_DAYS = 62  # anchors spanning up to two months are indexed by day; a year's are compared with all

def cluster(results: Iterable[Any], *, symmetric: Iterable[str] = DEFAULT_SYMMETRIC,
            geocoder: Geocoder | None = None, geocode: bool = True) -> list[dict]:
    """Group the relations of ``results`` into events (sorted by date, then id)."""
    symmetric = {t.upper() for t in symmetric}
    geocoder = (geocoder or default_geocoder()) if geocode else None
    reports, places = _reports(results, symmetric, geocoder)
    events: list[dict] = []
    by_side: dict[tuple[str, str, str], _Side] = {}  # (type, "s"/"t", actor) -> its events, so lookup stays local
    for tier in (_firm, _soft, _doubtful):  # firm events first; doubt never decides a merge
        for report in sorted((r for r in reports if tier(r)), key=_report_order):
            near = {id(e): e for side in (("s", report["source"]), ("t", report["target"]))
                    for e in (by_side[(report["type"], *side)].near(report["span"])
                              if (report["type"], *side) in by_side else ())}
            home = _best_event(report, list(near.values()), places, tier is _firm)
            if home is None:
                home = _new_event(report, len(events))
                events.append(home)
                by_side.setdefault((report["type"], "s", report["source"]), _Side()).add(home)
                by_side.setdefault((report["type"], "t", report["target"]), _Side()).add(home)
            else:
                home["members"].append(report)
    out = [_finish(event, places) for event in events]
    return sorted(out, key=lambda e: (e["date"] or "", e["id"]))


class _Side:
    """The events of one actor on one side of one type, sorted by the first day their
    anchor covers: a report is compared only with events it may join (within a day), so
    clustering stays linear when one actor (JNIM, the army) is in thousands of events."""

    __slots__ = ("starts", "events", "wide", "longest")

    def __init__(self):
        self.starts: list[int] = []      # first day (ordinal) of each indexed anchor, ascending
        self.events: list[dict] = []     # the events, in the same order
        self.wide: list[dict] = []       # anchors without a date, or with a year's: few, always compared
        self.longest = 0                 # days the longest indexed anchor spans

    def add(self, event: dict) -> None:
        span = event["anchor"]["span"]
        if span is None or (span[1] - span[0]).days > INDEXED_DAYS:
            self.wide.append(event)
            return
        at = bisect.bisect_right(self.starts, span[0].toordinal())
        self.starts.insert(at, span[0].toordinal())
        self.events.insert(at, event)
        self.longest = max(self.longest, (span[1] - span[0]).days)

    def near(self, span: tuple[date, date] | None) -> list[dict]:
        """The events whose anchor may lie within a day of ``span``, in the order they were made."""
        if span is None or (span[1] - span[0]).days > INDEXED_DAYS:
            found = self.events + self.wide  # no date: it may join any event of its own article
        else:
            # an anchor that starts up to `longest` days before the report's first day may still reach it
            low = bisect.bisect_left(self.starts, span[0].toordinal() - 1 - self.longest)
            high = bisect.bisect_right(self.starts, span[1].toordinal() + 1)
            found = self.events[low:high] + self.wide
        return sorted(found, key=lambda e: e["seq"])


# -- reports ------------------------------------------------------------------
def _reports(results: Iterable[Any], symmetric: set[str], geocoder: Geocoder | None):
    reports: list[dict] = []
    places: dict[tuple[str, str], Place] = {}  # (article, place actor id) -> resolved place
    for result in results:
        record = result.model_dump(mode="json") if hasattr(result, "model_dump") else result
        if record.get("error"):
            continue
        article, published = record.get("id"), record.get("published")
        labels = {e["id"]: e.get("label") for e in record.get("entities") or ()}
        kinds = {e["id"]: e.get("type") for e in record.get("entities") or ()}
        if geocoder is not None:
            for place_id, place in geocoder.resolve_article(record).items():
                places[(article, place_id)] = place
        for index, rel in enumerate(record.get("relations") or ()):
            source, target = rel["source"], rel["target"]
            if rel["type"] in symmetric and target < source:
                source, target = target, source
            stated = rel.get("date")
            day_span = _span(stated) if stated else None
            if day_span is None and published:
                end = _span(published)
                day_span = (end[1] - timedelta(days=PUBLISHED_LAG_DAYS), end[1]) if end else None
            reports.append({
                "article": article, "published": published, "index": index, "type": rel["type"],
                "source": source, "target": target, "label": labels.get(rel.get("location") or ""),
                "location": rel.get("location"), "date": stated or published, "stated": stated,
                "span": day_span, "sentence": rel.get("sentence", ""), "trigger": rel.get("trigger", ""),
                "negated": bool(rel.get("negated")), "hedged": bool(rel.get("hedged")),
                "implicit": bool(rel.get("implicit")), "confidence": float(rel.get("confidence", 1.0)),
                "unknown": source in UNKNOWN_SIDES or target in UNKNOWN_SIDES or bool(rel.get("implicit")),
                # "attacked Boulkessi" names the place for the unnamed victims (SCHEMA: a place is the
                # target when no actor is), so it may be the same attack as "attacked FAMa in Boulkessi"
                "place_target": kinds.get(target) == "LOCATION" and rel.get("location") in (None, target),
            })
    return reports, places


def _firm(r: dict) -> bool:
    return not (r["negated"] or r["hedged"] or r["unknown"])


def _soft(r: dict) -> bool:
    return r["unknown"] and not (r["negated"] or r["hedged"])


def _doubtful(r: dict) -> bool:
    return r["negated"] or r["hedged"]


def _report_order(r: dict):
    # day-precision dates first, so that vaguer reports find the events they belong to
    precision = len(r["stated"] or "") == 10
    return (not precision, r["span"] or (date.max, date.max), r["article"] or "", r["index"])


def _span(iso: str | None) -> tuple[date, date] | None:
    """The days an ISO date covers: ``"2025-09"`` -> (Sep 1, Sep 30)."""
    if not iso:
        return None
    try:
        if len(iso) >= 10:
            day = date.fromisoformat(iso[:10])
            return day, day
        if len(iso) == 7:
            first = date(int(iso[:4]), int(iso[5:7]), 1)
            return first, (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        if len(iso) == 4:
            return date(int(iso), 1, 1), date(int(iso), 12, 31)
    except ValueError:
        return None
    return None


# -- grouping -----------------------------------------------------------------
def _new_event(report: dict, seq: int) -> dict:
    return {"anchor": report, "members": [report], "seq": seq}


def _best_event(report: dict, events: list[dict], places: dict, firm: bool) -> dict | None:
    """The event a report belongs to, or None. Checked against each event's
    anchor (its first firm report), so membership never chains."""
    best, best_key = None, None
    for event in events:
        anchor = event["anchor"]
        if anchor["type"] != report["type"] or not _sides_agree(report, anchor):
            continue
        if not firm and _doubtful(anchor) and not _doubtful(report):
            continue  # a firm-but-unknown report does not join an event made only of denials
        if report["span"] is None or anchor["span"] is None:
            gap = 0 if report["article"] == anchor["article"] else None  # no date at all: its own article only
        else:
            gap = _gap(report["span"], anchor["span"])
        if gap is None or gap > 1:
            continue
        place = _place_agreement(report, anchor, places)
        if place is None:
            continue
        rank = (gap, -place, -len(event["members"]))
        if best_key is None or rank < best_key:
            best, best_key = event, rank
    return best


def _sides_agree(report: dict, anchor: dict) -> bool:
    if report["source"] == anchor["source"] and report["target"] == anchor["target"]:
        return True
    if report["source"] == anchor["source"] and (report["place_target"] or anchor["place_target"]):
        return _scene(report) is not None and _scene(report) == _scene(anchor)
    if report["unknown"] or anchor["unknown"]:
        # the known side must agree; the other side was inferred or left unnamed
        return report["target"] == anchor["target"] or (
            report["source"] == anchor["source"] and (report["target"] in UNKNOWN_SIDES
                                                      or anchor["target"] in UNKNOWN_SIDES))
    return False


def _scene(report: dict) -> str | None:
    return report["location"] or (report["target"] if report["place_target"] else None)


def _gap(a: tuple[date, date], b: tuple[date, date]) -> int:
    """Days between two spans (0 when they overlap)."""
    if a[0] <= b[1] and b[0] <= a[1]:
        return 0
    return min(abs((a[0] - b[1]).days), abs((b[0] - a[1]).days))


def _place_agreement(report: dict, anchor: dict, places: dict) -> int | None:
    """2: same place; 1: one is silent or inside the other; None: different places."""
    a, b = report["location"], anchor["location"]
    if a == b:
        return 2 if a else 1
    if not a or not b:
        return 1
    pa, pb = places.get((report["article"], a)), places.get((anchor["article"], b))
    if pa is None or pb is None:
        return None  # two names we cannot place: different until shown otherwise
    if pa.id == pb.id or km(pa.lat, pa.lon, pb.lat, pb.lon) <= SAME_PLACE_KM:
        return 2
    if pa.country == pb.country and pa.admin1 == pb.admin1 and ("region" in (pa.kind, pb.kind)):
        return 1
    if pa.admin2 and pa.admin2 == pb.admin2 and {pa.kind, pb.kind} & {"cercle", "province", "department"}:
        return 1
    return None


# -- output -------------------------------------------------------------------
def _finish(event: dict, places: dict) -> dict:
    members = event["members"]
    anchor = event["anchor"]
    firm = [m for m in members if not _doubtful(m)]
    stated = [m["stated"] for m in (firm or members) if m["stated"]]
    day = Counter(d for d in stated if len(d) == 10)
    when = (max(day, key=lambda d: (day[d], d)) if day
            else min(stated, key=lambda d: (-len(d), d)) if stated else anchor["date"])
    precision = {10: "day", 7: "month", 4: "year"}.get(len(when or ""), None)
    source = Counter(m["source"] for m in members if not m["unknown"]).most_common(1)
    # an actor named as the victim wins over the place that stood for unnamed victims
    targets = Counter(m["target"] for m in members if not m["place_target"] and m["target"] not in UNKNOWN_SIDES)
    target = max(targets, key=lambda t: (targets[t], t)) if targets else anchor["target"]
    location = _event_location(members, places)
    published = sorted(m["published"] or m["date"] for m in members if m["published"] or m["date"])
    confidence = 1.0
    for m in firm:
        confidence *= 1.0 - m["confidence"]
    confidence = round(1.0 - confidence, 4) if firm else round(0.5 * max(m["confidence"] for m in members), 4)
    event_id = _event_id(anchor["type"], source[0][0] if source else anchor["source"], target, when,
                         location["id"] if location else None)
    reports = [{"article": m["article"], "sentence": m["sentence"], "trigger": m["trigger"], "date": m["date"],
                "negated": m["negated"], "hedged": m["hedged"], "implicit": m["implicit"],
                "confidence": m["confidence"], "source": m["source"], "target": m["target"]}
               for m in sorted(members, key=lambda m: (m["article"] or "", m["index"]))]
    return {
        "id": event_id, "type": anchor["type"], "source": source[0][0] if source else anchor["source"],
        "target": target, "date": when, "date_precision": precision, "location": location,
        "reports": reports, "report_count": len(reports),
        "article_count": len({m["article"] for m in members}),
        "first_reported": published[0] if published else None, "confidence": confidence,
        "negated": all(m["negated"] for m in members), "hedged": not firm and not all(m["negated"] for m in members),
    }


def _event_location(members: list[dict], places: dict) -> dict | None:
    named = Counter(m["location"] for m in members if m["location"])
    if not named:
        return None
    place_id = max(named, key=lambda p: (named[p], p))
    out: dict[str, Any] = {"id": place_id, "label": next((m["label"] for m in members
                                                           if m["location"] == place_id and m["label"]), None)}
    resolved = next((places[(m["article"], place_id)] for m in members
                     if (m["article"], place_id) in places), None)
    if resolved is not None:
        out.update(resolved.to_dict())
        out["id"] = place_id
        out["place"] = resolved.id
    return out


def _event_id(rtype: str, source: str, target: str, when: str | None, place: str | None) -> str:
    text = "|".join([rtype, source, target, when or "", place or ""])
    return "ev_" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def event_counts(events: Iterable[dict]) -> dict[tuple[str, str, str], int]:
    """Events per graph edge (source, type, target): the ``event_count`` beside ``weight``.
    An event counts on every edge one of its non-negated reports supports, as
    ``weight`` counts that edge's non-negated evidence sentences."""
    counts: Counter = Counter()
    for event in events:
        for edge in {(r["source"], event["type"], r["target"]) for r in event["reports"] if not r["negated"]}:
            counts[edge] += 1
    return dict(counts)


def annotate_graph(graph, events: Iterable[dict]) -> None:
    """Set ``event_count`` on every edge of a corpus graph (``sahel_ner.build_graph``)."""
    counts = event_counts(events)
    for source, target, rtype, data in graph.edges(keys=True, data=True):
        data["event_count"] = counts.get((source, rtype, target), 0) or counts.get((target, rtype, source), 0)
