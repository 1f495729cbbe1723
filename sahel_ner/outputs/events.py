"""``events.jsonl`` and ``events.csv``: the events of :func:`sahel_ner.events.cluster`,
written atomically, cells cleaned like every other output."""
from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from typing import Iterable

from .files import atomic_write, clean_cell

CSV_COLUMNS = ("id", "type", "source", "target", "date", "date_precision", "location", "lat", "lon", "country",
               "admin1", "admin2", "report_count", "article_count", "articles", "first_reported", "confidence",
               "negated", "hedged")


def write_events_jsonl(events: Iterable[dict], path: str | os.PathLike) -> Path:
    """One event a line, keys in the order :func:`~sahel_ner.events.cluster` gives them."""
    with atomic_write(path) as handle:
        for event in events:
            handle.write(json.dumps(event, ensure_ascii=False) + "\n")
    return Path(path)


def write_events_csv(events: Iterable[dict], path: str | os.PathLike) -> Path:
    """One row per event; the place flattened into lat/lon/country/admin1/admin2."""
    with atomic_write(path) as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for e in events:
            loc = e.get("location") or {}
            writer.writerow([clean_cell(cell) for cell in (
                e["id"], e["type"], e["source"], e["target"], e.get("date") or "", e.get("date_precision") or "",
                loc.get("id") or "", loc.get("lat", ""), loc.get("lon", ""), loc.get("country") or "",
                loc.get("admin1") or "", loc.get("admin2") or "", e["report_count"], e["article_count"],
                "|".join(dict.fromkeys(r["article"] or "" for r in e["reports"])), e.get("first_reported") or "",
                e["confidence"], e["negated"], e["hedged"])])
    return Path(path)
