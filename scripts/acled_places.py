#!/usr/bin/env python3
"""How well the places of ATTACKED/ARRESTED relations geocode on ACLED notes.

usage:
  python /work/shared/tools/acled_score.py export EVENTS_JSONL NOTES
  sahel-ner extract NOTES -o OUT
  python scripts/acled_places.py EVENTS_JSONL OUT/articles.jsonl [--verbose]
  python scripts/acled_places.py EVENTS_JSONL --locations [--verbose]

Every ATTACKED or ARRESTED relation that carries a place (its ``location``, or
its target when the target is a LOCATION) is geocoded with its note as context.
Figures: the share of those places that resolve to coordinates, and among the
resolved the share whose admin-1 equals ACLED's ``admin1`` for the event
(compared accent- and case-free, since ACLED writes "Segou" for "Ségou").
Nothing of the notes is printed except the place names.

``--locations`` measures the gazetteer alone: ACLED's own ``location`` of each
event, resolved with its ``country`` as the only context, scored the same way.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

from sahel_ner.places import COUNTRY_NAMES, default_geocoder, key

TYPES = ("ATTACKED", "ARRESTED")


def relation_places(record: dict) -> list[str]:
    """Actor ids of the places that ATTACKED/ARRESTED relations of the article carry."""
    types = {e["id"]: e.get("type") for e in record.get("entities") or ()}
    out = []
    for rel in record.get("relations") or ():
        if rel.get("type") not in TYPES:
            continue
        place = rel.get("location") or (rel["target"] if types.get(rel["target"]) == "LOCATION" else None)
        if place:
            out.append(place)
    return out


def score(events_path: str, articles_path: str, verbose: bool = False) -> dict:
    events = {}
    with open(events_path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                event = json.loads(line)
                events[event["event_id_cnty"]] = event
    geocoder = default_geocoder()
    tally: Counter = Counter()
    misses = []
    with open(articles_path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            event = events.get(record.get("id"))
            if event is None:
                continue
            places = relation_places(record)
            if not places:
                continue
            resolved = geocoder.resolve_article(record)
            for place_id in places:
                tally["with_place"] += 1
                place = resolved.get(place_id)
                if place is None:
                    misses.append((record["id"], place_id, "unresolved", event["admin1"]))
                    continue
                tally["resolved"] += 1
                if key(place.admin1) == key(event["admin1"]):
                    tally["admin1_match"] += 1
                else:
                    misses.append((record["id"], place_id, f"{place.name} ({place.admin1})", event["admin1"]))
    out = {
        "relations_with_place": tally["with_place"],
        "resolved": tally["resolved"],
        "resolved_share": round(tally["resolved"] / tally["with_place"], 3) if tally["with_place"] else None,
        "admin1_match": tally["admin1_match"],
        "admin1_match_share": round(tally["admin1_match"] / tally["resolved"], 3) if tally["resolved"] else None,
    }
    if verbose:
        for note, place_id, got, admin1 in misses:
            print(f"  {note}: {place_id} -> {got}; ACLED admin1 {admin1}", file=sys.stderr)
    return out


def score_locations(events_path: str, verbose: bool = False) -> dict:
    """ACLED's ``location`` names, each resolved with its event's country only."""
    codes = {name: code for code, name in COUNTRY_NAMES.items()}
    geocoder = default_geocoder()
    tally: Counter = Counter()
    with open(events_path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            event = json.loads(line)
            tally["locations"] += 1
            place = geocoder.resolve(event["location"], countries=[codes.get(event["country"], "")])
            if place is None:
                got = "unresolved"
            elif key(place.admin1) == key(event["admin1"]):
                tally["resolved"] += 1
                tally["admin1_match"] += 1
                continue
            else:
                tally["resolved"] += 1
                got = f"{place.name} ({place.admin1})"
            if verbose:
                print(f"  {event['location']} -> {got}; ACLED admin1 {event['admin1']}", file=sys.stderr)
    return {"locations": tally["locations"], "resolved": tally["resolved"],
            "resolved_share": round(tally["resolved"] / tally["locations"], 3) if tally["locations"] else None,
            "admin1_match": tally["admin1_match"],
            "admin1_match_share": round(tally["admin1_match"] / tally["resolved"], 3) if tally["resolved"] else None}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("events")
    parser.add_argument("articles", nargs="?")
    parser.add_argument("--locations", action="store_true", help="score ACLED's own location names instead")
    parser.add_argument("--verbose", action="store_true", help="list every unresolved or mismatched place")
    args = parser.parse_args(argv)
    if not args.locations and not args.articles:
        parser.error("give OUT/articles.jsonl, or --locations")
    result = score_locations(args.events, args.verbose) if args.locations else score(args.events, args.articles,
                                                                                      args.verbose)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
