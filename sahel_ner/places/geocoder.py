"""Place names to coordinates, with the article as context.

``Geocoder().resolve("Diafarabé", countries=["ML"], near=[...])`` returns a
:class:`Place` or ``None``. The rules, in order:

1. Candidates: every gazetteer entry whose name or alias matches the folded
   name (case, accents, hyphens and apostrophes ignored: "Tin-Akoff" = "Tin
   Akoff" = "tin_akoff"). "X region", "cercle de X", "X province", "X
   department" ask for that kind of unit. No exact match: one spelling edit
   away ("Barsalogo" for "Barsalogho"), inside the article's countries, or
   anywhere for a long name (8+ letters) with a single core-state match.
2. A name that is both a town and the admin unit around it (Niamey, Mopti,
   Gao, Tahoua) is the town, which keeps the unit's admin-1; "Mopti region" is
   the region.
3. Several candidates left: each scores by the article's countries (the state
   it names most counts most) and by the other places the article names (same
   admin-1, then within ``NEAR_KM``). The best wins only when it beats the
   second; otherwise the name stays unresolved, never guessed.
4. A candidate outside the core Sahel states counts only when the article names
   its country or when it is a city of 100,000 or more (Dakar, Abuja); generic
   region names ("Sahel", "Nord", "Est") need their country named too.
"""
from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable, Sequence

from ..text import fold

CORE = frozenset({"ML", "BF", "NE", "MR", "TD"})
NEAR_KM = 150.0
BIG_CITY = 100_000
SAME_SPOT_KM = 30.0
ADMIN_KINDS = frozenset({"region", "cercle", "province", "department", "area"})
# Region names that are ordinary words elsewhere ("the Sahel", "the north"): only with their country named.
GENERIC_NAMES = frozenset({"sahel", "nord", "est", "centre", "centre nord", "centre est", "centre ouest",
                           "centre sud", "sud ouest", "cascades", "plateau central", "hauts bassins"})
COUNTRY_NAMES = {"ML": "Mali", "BF": "Burkina Faso", "NE": "Niger", "MR": "Mauritania", "TD": "Chad",
                 "SN": "Senegal", "GN": "Guinea", "CI": "Côte d'Ivoire", "GH": "Ghana", "TG": "Togo",
                 "BJ": "Benin", "NG": "Nigeria", "DZ": "Algeria", "LY": "Libya", "CM": "Cameroon",
                 "CF": "Central African Republic", "SD": "Sudan", "EH": "Western Sahara"}
# Knowledge-base actors that stand for a country in an article: the state and its forces.
COUNTRY_ACTORS = {
    "mali": "ML", "malian_armed_forces": "ML", "burkina_faso": "BF", "burkinabe_armed_forces": "BF",
    "niger": "NE", "nigerien_armed_forces": "NE", "mauritania": "MR", "mauritanian_armed_forces": "MR",
    "chad": "TD", "chadian_armed_forces": "TD", "senegal": "SN", "senegalese_armed_forces": "SN",
    "guinea": "GN", "guinean_armed_forces": "GN", "cote_d_ivoire": "CI", "ivorian_armed_forces": "CI",
    "ghana": "GH", "ghanaian_armed_forces": "GH", "togo": "TG", "togolese_armed_forces": "TG",
    "benin": "BJ", "beninese_armed_forces": "BJ", "nigeria": "NG", "nigerian_armed_forces": "NG",
    "algeria": "DZ", "algerian_armed_forces": "DZ", "libya": "LY", "libyan_armed_forces": "LY",
    "cameroon": "CM",
}
_KIND_HINTS = (
    (re.compile(r"^(?:the )?(.+?) (?:region|regions)$|^(?:the )?region (?:of|de|du|d) ?(.+)$"), "region"),
    (re.compile(r"^(.+?) cercle$|^cercle (?:of|de|du|d) ?(.+)$"), "cercle"),
    (re.compile(r"^(.+?) province$|^province (?:of|de|du|d) ?(.+)$"), "province"),
    (re.compile(r"^(.+?) (?:department|departement)$|^(?:department|departement) (?:of|de|du|d) ?(.+)$"),
     "department"),
)


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    kind: str
    country: str          # ISO 3166 alpha-2; "" for a cross-border area
    admin1: str
    admin2: str
    lat: float
    lon: float
    population: int = 0
    geonames_id: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The fields that outputs carry (``lat``, ``lon``, ``country``, ``admin1``, ...)."""
        out = asdict(self)
        out["country_code"] = out.pop("country")
        out["country"] = COUNTRY_NAMES.get(self.country, self.country) or None
        out["admin2"] = self.admin2 or None
        out["geonames_id"] = self.geonames_id or None
        return {k: out[k] for k in ("lat", "lon", "country", "country_code", "admin1", "admin2", "kind",
                                    "name", "id", "geonames_id")}


def key(name: str) -> str:
    """Matching key: folded, hyphens, apostrophes and underscores as spaces, no leading article."""
    text = re.sub(r"[-'_.,/()]+", " ", fold(name))
    text = re.sub(r"\s+", " ", text).strip()
    return text[4:] if text.startswith("the ") else text


def _compact(k: str) -> str:
    return k.replace(" ", "")


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def load_places() -> list[tuple[Place, list[str]]]:
    """The packaged gazetteer (``resources/places/gazetteer.tsv``)."""
    text = resources.files("sahel_ner.resources").joinpath("places", "gazetteer.tsv").read_text(encoding="utf-8")
    lines = text.splitlines()
    header = lines[0].split("\t")
    places = []
    for line in lines[1:]:
        row = dict(zip(header, line.split("\t")))
        place = Place(id=row["id"], name=row["name"], kind=row["kind"], country=row["country"],
                      admin1=row["admin1"], admin2=row["admin2"], lat=float(row["lat"]), lon=float(row["lon"]),
                      population=int(row["population"] or 0), geonames_id=row["geonames_id"])
        places.append((place, [a for a in row["aliases"].split("|") if a]))
    return places


class Geocoder:
    """Resolves place names against the gazetteer; see the module docstring for the rules."""

    def __init__(self, places: Iterable[tuple[Place, list[str]]] | None = None):
        self.places: list[Place] = []
        self._exact: dict[str, dict[str, Place]] = {}
        self._deletes: dict[str, dict[str, Place]] | None = None  # built on the first fuzzy lookup
        self._cache: dict[tuple, list[Place]] = {}
        for place, aliases in (places if places is not None else load_places()):
            self.places.append(place)
            for name in {key(n) for n in (place.name, *aliases)}:
                self._exact.setdefault(name, {})[place.id] = place
                self._exact.setdefault(_compact(name), {})[place.id] = place

    def _fuzzy(self, compact: str) -> list[Place]:
        if self._deletes is None:
            self._deletes = {}
            for k, places in self._exact.items():
                if " " not in k and len(k) >= 6:
                    for variant in _deletions(k) | {k}:
                        self._deletes.setdefault(variant, {}).update(places)
        found: dict[str, Place] = {}
        for variant in _deletions(compact) | {compact}:
            found.update(self._deletes.get(variant, {}))
        return list(found.values())

    # -- lookup ---------------------------------------------------------------
    def candidates(self, name: str, countries: Sequence[str] = ()) -> list[Place]:
        """Every entry the name may mean (kind hints applied), before context."""
        cache_key = (name, tuple(countries))
        found = self._cache.get(cache_key)
        if found is None:
            if len(self._cache) > 50_000:  # a batch of millions of names must not grow memory
                self._cache.clear()
            found = self._cache[cache_key] = self._candidates(name, countries)
        return found

    def _candidates(self, name: str, countries: Sequence[str]) -> list[Place]:
        k, kind = self._kind_hint(key(name))
        found = list((self._exact.get(k) or self._exact.get(_compact(k)) or {}).values())
        if not found and len(_compact(k)) >= 6:
            fuzzy = self._fuzzy(_compact(k))
            # one edit away: inside the article's countries, or a long name with a single core-state match
            found = [p for p in fuzzy if p.country in countries] or (
                fuzzy if len(_compact(k)) >= 8 and len(fuzzy) == 1 and fuzzy[0].country in CORE else [])
        # a place outside the core states only when the article names its country, or a big city
        found = [p for p in found if p.country in CORE or p.country in countries or not p.country
                 or p.population >= BIG_CITY]
        if kind:
            # "the Liptako-Gourma region" is a cross-border area; "Kidal cercle" without a cercle is the town
            found = [p for p in found if p.kind == kind or (kind == "region" and p.kind == "area")] or (
                [] if kind == "region" else found)
        elif found:
            found = _prefer_settlements(found)
        return found

    @staticmethod
    def _kind_hint(k: str) -> tuple[str, str | None]:
        for pattern, kind in _KIND_HINTS:
            match = pattern.match(k)
            if match:
                return next(g for g in match.groups() if g), kind
        return k, None

    def resolve(self, name: str, *, countries: Sequence[str] = (), near: Sequence[Place] = ()) -> Place | None:
        """The place ``name`` means in an article about ``countries`` (most-named
        first) that also names the places ``near``; ``None`` when unsure."""
        countries = [c for c in countries if c]
        found = self.candidates(name, countries)
        if not found:
            return None
        k = self._kind_hint(key(name))[0]
        if len(found) == 1:
            place = found[0]
            return place if k not in GENERIC_NAMES or place.country in countries else None
        scored = sorted(((self._score(p, countries, near) + _prominence(p, found), p.population, p.id, p)
                         for p in found), reverse=True)
        best, second = scored[0], scored[1]
        if best[0] > second[0]:
            return best[3] if (k not in GENERIC_NAMES or best[3].country in countries) else None
        tied = [s[3] for s in scored if s[0] == best[0]]
        if all(km(p.lat, p.lon, tied[0].lat, tied[0].lon) <= SAME_SPOT_KM and p.admin1 == tied[0].admin1
               for p in tied):
            return max(tied, key=lambda p: (p.population, p.geonames_id != "", p.id))  # one spot, two entries
        return None

    @staticmethod
    def _score(place: Place, countries: Sequence[str], near: Sequence[Place]) -> float:
        score = 0.0
        if place.country in countries:
            score += 2.0 if place.country == countries[0] else 1.0
        if any(n.admin1 and n.admin1 == place.admin1 and n.country == place.country for n in near):
            score += 2.0
        elif any(km(n.lat, n.lon, place.lat, place.lon) <= NEAR_KM for n in near):
            score += 1.0
        return score

    # -- articles -------------------------------------------------------------
    def resolve_article(self, record: Any, names: Iterable[str] = ()) -> dict[str, Place]:
        """Places of one article (an ``articles.jsonl`` dict or a result model):
        every LOCATION entity and relation ``location``, keyed by actor id.
        Unambiguous places resolve first and then serve as context for the rest."""
        record = record.model_dump() if hasattr(record, "model_dump") else record
        countries = article_countries(record)
        wanted: dict[str, list[str]] = {}
        for entity in record.get("entities") or ():
            if entity.get("type") == "LOCATION":
                wanted[entity["id"]] = [entity.get("label") or entity["id"], *(entity.get("mentions") or ())]
        for rel in record.get("relations") or ():
            if rel.get("location") and rel["location"] not in wanted:
                wanted[rel["location"]] = [rel["location"]]
        for name in names:
            wanted.setdefault(name, [name])
        resolved: dict[str, Place] = {}
        for _ in range(2):  # first pass: alone; second: with the first pass's places as neighbours
            near = list(resolved.values())
            for actor_id, spellings in wanted.items():
                if actor_id in resolved:
                    continue
                for spelling in dict.fromkeys(key(s) for s in [*spellings, actor_id]):
                    place = self.resolve(spelling, countries=countries, near=near)
                    if place is not None:
                        resolved[actor_id] = place
                        break
        return resolved


def article_countries(record: dict) -> list[str]:
    """Country codes of the states an article names, most-mentioned first."""
    counts: dict[str, int] = {}
    for entity in record.get("entities") or ():
        cc = COUNTRY_ACTORS.get(entity.get("id", ""))
        if cc:
            counts[cc] = counts.get(cc, 0) + max(1, entity.get("mention_count") or len(entity.get("mentions") or ()))
    return sorted(counts, key=lambda c: (-counts[c], c))


def _prefer_settlements(found: list[Place]) -> list[Place]:
    """Niamey the city over Niamey the region: an admin unit drops out when a
    settlement or facility of the same name lies in it."""
    towns = [p for p in found if p.kind not in ADMIN_KINDS]
    if not towns:
        return found
    return [p for p in found if p.kind not in ADMIN_KINDS
            or not any(t.country == p.country and t.admin1 == p.admin1 for t in towns)]


def _prominence(place: Place, found: list[Place]) -> float:
    """What a reader takes a bare name for: a regional capital ("Gao" the city in
    Gao region, not the Burkinabè village) or a city five times the size of its
    namesakes. Worth less than one named country, so context still decides."""
    if place.kind in ADMIN_KINDS:
        return 0.0
    if key(place.admin1) == key(place.name):
        return 0.5
    others = [p.population for p in found if p is not place and p.kind not in ADMIN_KINDS]
    # an unknown population (0: one of our rows) may be anything, so it never loses on size
    return 0.5 if place.population >= 20_000 and all(0 < 5 * n <= place.population for n in others) else 0.0


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def geocode_record(record: dict, geocoder: "Geocoder | None" = None) -> dict:
    """Give the resolved LOCATION entities of an ``articles.jsonl`` record their
    ``lat``, ``lon``, ``country``, ``admin1`` and ``admin2`` (in place; returned)."""
    places = (geocoder or default_geocoder()).resolve_article(record)
    for entity in record.get("entities") or ():
        place = places.get(entity["id"]) if entity.get("type") == "LOCATION" else None
        if place is not None:
            fields = place.to_dict()
            entity.update({k: fields[k] for k in ("lat", "lon", "country", "admin1", "admin2")})
    return record


@lru_cache(maxsize=1)
def default_geocoder() -> Geocoder:
    """One shared geocoder over the packaged gazetteer (built on first use)."""
    return Geocoder()
