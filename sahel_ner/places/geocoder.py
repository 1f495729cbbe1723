"""Place names to coordinates, with the article as context.

``Geocoder().resolve("Diafarabé", countries=["ML"], near=[...])`` returns a
:class:`Place` or ``None``. The rules, in order:

1. Candidates: every gazetteer entry whose name or alias matches the folded
   name (case, accents, hyphens and apostrophes ignored: "Tin-Akoff" = "Tin
   Akoff" = "tin_akoff"). "X region", "cercle de X", "X province", "X
   department", "commune de X" ask for that kind of unit. No exact match: the
   name without a trailing qualifier ("Diankabou Peulh", "Ekar Ouest", "Boni
   village"); else one spelling edit away with the same first letter
   ("Barsalogo" for "Barsalogho"), inside the article's countries, or anywhere
   for a long name (8+ letters) with a single core-state match. A village
   guessed so needs another place of the article in its region.
2. A name that is both a town and the admin unit around it (Niamey, Mopti,
   Gao, Tahoua) is the town, which keeps the unit's admin-1; "Mopti region" is
   the region. A village does not displace a unit: "Sourou" is the province.
3. Several candidates left: each scores by the article's countries (the state
   it names most counts most), by the other places the article names (same
   admin-1, then within ``NEAR_KM``) and by prominence (a regional capital, a
   city five times its namesakes, a town or unit among villages). The best wins
   only when it beats the second; namesakes tied in the region the article
   names go to the one nearest its places there; otherwise the name stays
   unresolved, never guessed.
4. A candidate outside the core Sahel states counts only when the article names
   its country or when it is a city of 100,000 or more (Dakar, Abuja); generic
   region names ("Sahel", "Nord", "Est") need their country named too. A
   village (of the 60,000 the gazetteer holds) resolves only inside the states
   the article names, if it names any, and never for a people's name ("Dogon").

:meth:`Geocoder.resolve_article` adds what conflict notes write: "Titao (Titao,
Loroum)" and "Pensa, Sanmatenga" name a place and the units it lies in, which
become its context (or its place, when the village is not in the gazetteer);
and a village far from every town and unit the article names is a namesake of
a place the gazetteer lacks, so it stays unresolved.
"""
from __future__ import annotations

import gzip
import math
import re
import unicodedata
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable, Sequence

CORE = frozenset({"ML", "BF", "NE", "MR", "TD"})
NEAR_KM = 150.0
BIG_CITY = 100_000
SAME_SPOT_KM = 30.0
ADMIN_KINDS = frozenset({"region", "cercle", "province", "department", "commune", "area"})
# Villages, camps and localities (GeoNames country dumps, OCHA's Mali settlements): small places, whatever their
# (mostly unknown) population, so a town of the same name is what a bare name means.
SMALL_KINDS = frozenset({"village", "camp", "locality"})
# Peoples' names that taggers read as places ("Dogon", "Peulh"): some village bears each, and a
# bare people's name never means it.
PEOPLES = frozenset({"dogon", "peulh", "peul", "peuhl", "fulani", "fulbe", "bambara", "bozo", "songhai", "sonrai",
                     "tuareg", "touareg", "tamasheq", "mossi", "hausa", "haoussa", "djerma", "zarma", "kanouri",
                     "toubou", "arab", "arabe", "dozo", "dozos", "koglweogo"})
# Capitals are named as seats of government, not as where a story happens.
CAPITALS = frozenset({"bamako", "ouagadougou", "niamey", "nouakchott", "n djamena"})
# "Diankabou Peulh" (its Fulani quarter), "Ekar Ouest", "Boni village": the place is the name before
# the qualifier when the whole name is not in the gazetteer.
QUALIFIERS = frozenset({"peulh", "peul", "peuhl", "fulbe", "foulbe", "rimaibe", "bozo", "dogon", "bambara",
                        "sonrai", "tamasheq", "ouest", "est", "nord", "sud", "centre", "village", "town",
                        "hamlet", "area", "locality", "market", "i", "ii", "1", "2"})
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
    (re.compile(r"^(.+?) (?:commune|rural commune)$|^(?:rural )?commune (?:of|de|du|d) ?(.+)$"), "commune"),
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


_SEPARATORS = str.maketrans({c: " " for c in "-'_.,/()\u2019\u2018\u02bc\u00b4`\u2013\u2014\u2010\u2011\u00a0"})
_MARKS = re.compile("[\u0300-\u036f]+")


def key(name: str) -> str:
    """Matching key: lower case without accents, hyphens, apostrophes and underscores
    as spaces, no leading article. (``sahel_ner.text.fold`` folds alike; this one runs
    in C, since the gazetteer's 100,000 names are keyed at every start.)"""
    text = _MARKS.sub("", unicodedata.normalize("NFKD", name)).lower().translate(_SEPARATORS)
    text = " ".join(text.split())
    return text[4:] if text.startswith("the ") else text


def _compact(k: str) -> str:
    return k.replace(" ", "")


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _gazetteer_lines() -> list[str]:
    packed = resources.files("sahel_ner.resources").joinpath("places", "gazetteer.tsv.gz").read_bytes()
    return gzip.decompress(packed).decode("utf-8").splitlines()


def _parse(header: list[str], line: str) -> tuple[Place, list[str]]:
    row = dict(zip(header, line.split("\t")))
    place = Place(id=row["id"], name=row["name"], kind=row["kind"], country=row["country"],
                  admin1=row["admin1"], admin2=row["admin2"], lat=float(row["lat"]), lon=float(row["lon"]),
                  population=int(row["population"] or 0), geonames_id=row["geonames_id"])
    return place, [a for a in row["aliases"].split("|") if a]


def load_places() -> list[tuple[Place, list[str]]]:
    """The packaged gazetteer (``resources/places/gazetteer.tsv.gz``)."""
    lines = _gazetteer_lines()
    header = lines[0].split("\t")
    return [_parse(header, line) for line in lines[1:]]


class Geocoder:
    """Resolves place names against the gazetteer; see the module docstring for the rules.

    The packaged gazetteer (60,000 places) is indexed by name at start-up but each
    row becomes a :class:`Place` only when a look-up returns it: a batch touches a
    few hundred places, and start-up stays a fraction of a second.
    """

    def __init__(self, places: Iterable[tuple[Place, list[str]]] | None = None):
        self._rows: list[Place | str] = []   # a Place, or its gazetteer line until first asked for
        self._exact: dict[str, int | tuple[int, ...]] = {}
        self._by_initial: dict[tuple[str, int], list[str]] | None = None  # built on the first fuzzy lookup
        self._cache: dict[tuple, list[Place]] = {}
        if places is None:
            lines = _gazetteer_lines()
            self._header = lines[0].split("\t")
            name_at, aliases_at = self._header.index("name"), self._header.index("aliases")
            for line in lines[1:]:
                fields = line.split("\t")
                self._add(line, [fields[name_at], *fields[aliases_at].split("|")])
        else:
            for place, aliases in places:
                self._add(place, [place.name, *aliases])

    def _add(self, row: Place | str, names: list[str]) -> None:
        index = len(self._rows)
        self._rows.append(row)
        for k in {key(n) for n in names if n}:
            for variant in {k, _compact(k)}:
                known = self._exact.get(variant)
                if known is None:
                    self._exact[variant] = index
                elif known != index and (isinstance(known, int) or index not in known):
                    self._exact[variant] = (known, index) if isinstance(known, int) else (*known, index)

    def _place(self, index: int) -> Place:
        row = self._rows[index]
        if isinstance(row, str):
            row = self._rows[index] = _parse(self._header, row)[0]
        return row

    def _lookup(self, k: str) -> list[Place]:
        found = self._exact.get(k)
        if found is None:
            return []
        return [self._place(i) for i in ((found,) if isinstance(found, int) else found)]

    @property
    def places(self) -> list[Place]:
        """Every place of the gazetteer (parses the rows not yet used)."""
        return [self._place(i) for i in range(len(self._rows))]

    def _fuzzy(self, compact: str) -> list[Place]:
        """Entries one edit away (substitution, insertion, deletion or two letters
        swapped), with the same first letter: the spelling variants of a name keep it."""
        if self._by_initial is None:
            self._by_initial = {}
            for k in self._exact:
                if " " not in k and len(k) >= 6:
                    self._by_initial.setdefault((k[0], len(k)), []).append(k)
        found: dict[int, Place] = {}
        for length in (len(compact) - 1, len(compact), len(compact) + 1):
            for k in self._by_initial.get((compact[0], length), ()):
                if k != compact and _one_edit(compact, k):
                    found.update((p.id, p) for p in self._lookup(k))
        return list(found.values())

    # -- lookup ---------------------------------------------------------------
    def candidates(self, name: str, countries: Sequence[str] = ()) -> list[Place]:
        """Every entry the name may mean (kind hints applied), before context."""
        return self._cached(name, countries)[0]

    def _cached(self, name: str, countries: Sequence[str]) -> tuple[list[Place], bool]:
        cache_key = (name, tuple(countries))
        found = self._cache.get(cache_key)
        if found is None:
            if len(self._cache) > 50_000:  # a batch of millions of names must not grow memory
                self._cache.clear()
            found = self._cache[cache_key] = self._candidates(name, countries)
        return found

    def _candidates(self, name: str, countries: Sequence[str]) -> tuple[list[Place], bool]:
        """The candidates, and whether they only match one edit away."""
        k, kind = self._kind_hint(key(name))
        found = self._lookup(k) or self._lookup(_compact(k))
        if not found and " " in k and k.split()[-1] in QUALIFIERS:
            return self._candidates(k.rsplit(" ", 1)[0], countries) if kind is None else ([], False)
        fuzzy = []
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
        return found, bool(fuzzy)

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
        found, fuzzy = self._cached(name, countries)
        if not found:
            return None
        k = self._kind_hint(key(name))[0]
        place = found[0] if len(found) == 1 else self._best(found, countries, near)
        if place is None or (k in GENERIC_NAMES and place.country not in countries) \
                or (k in PEOPLES and place.kind in SMALL_KINDS):
            return None
        if place.kind in SMALL_KINDS and countries and place.country not in countries:
            return None  # the only village of that name lies in a state the article does not name: not this one
        if fuzzy and not (any(_same_region(place, n) for n in near) if place.kind in SMALL_KINDS
                          else not near or any(_near(place, n) for n in near)):
            # a spelling guess far from what the article names is another place; with 60,000
            # villages one letter away, a village guess needs a place of the article in its region
            return None
        return place

    def _best(self, found: list[Place], countries: Sequence[str], near: Sequence[Place]) -> Place | None:
        scored = sorted(((self._score(p, countries, near) + _prominence(p, found), p.population, p.id, p)
                         for p in found), reverse=True)
        best, second = scored[0], scored[1]
        if best[0] > second[0]:
            return best[3]
        tied = [s[3] for s in scored if s[0] == best[0]]
        if all(km(p.lat, p.lon, tied[0].lat, tied[0].lon) <= SAME_SPOT_KM and p.admin1 == tied[0].admin1
               for p in tied):
            return max(tied, key=lambda p: (p.population, p.geonames_id != "", p.id))  # one spot, two entries
        # namesakes in the region the article names: the one nearest its other places there
        around = [n for n in near if n.admin1 == tied[0].admin1 and n.country == tied[0].country]
        if around and all(p.admin1 == tied[0].admin1 and p.country == tied[0].country for p in tied):
            by_distance = sorted((min(km(p.lat, p.lon, n.lat, n.lon) for n in around), p.id, p) for p in tied)
            if by_distance[0][0] < by_distance[1][0] - 1.0:
                return by_distance[0][2]
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
        units: list[Place] = []  # "(Solle, Loroum)": the units the article's places are said to lie in
        for _ in range(2):  # first pass: alone; second: with the first pass's places as neighbours
            near = [*resolved.values(), *units]
            for actor_id, spellings in wanted.items():
                if actor_id in resolved:
                    continue
                for spelling in dict.fromkeys([*spellings, actor_id]):
                    place = self._resolve_with_units(spelling, countries, near, units)
                    if place is not None:
                        resolved[actor_id] = place
                        break
        # A village far from every town and unit the article places its story in is a namesake
        # of a place the gazetteer lacks ("Zanré" of the Est in a note about the Loroum).
        anchors = [p for p in [*resolved.values(), *units] if p.kind not in SMALL_KINDS and p.kind != "area"
                   and key(p.name) not in CAPITALS]
        for actor_id, place in list(resolved.items()):
            if place.kind in SMALL_KINDS and anchors and not any(_near(place, a) for a in anchors):
                del resolved[actor_id]
        return resolved

    def _resolve_with_units(self, spelling: str, countries: Sequence[str], near: list[Place],
                            units: list[Place]) -> Place | None:
        """``"Titao (Titao, Loroum)"``, ``"Pensa, Sanmatenga"``: a place followed by
        the units it lies in (commune, province), as conflict-event notes write it.
        The units are the place's context (and are added to ``units``); when the
        place itself is not in the gazetteer, the first unit that resolves is where
        it happened."""
        name, *parts = re.split(r"[(,;)]", spelling)
        parts = [part for part in parts if part.strip()]
        if not parts:
            return self.resolve(spelling, countries=countries, near=near)
        inside = [u for u in (self.resolve(part, countries=countries, near=near) for part in parts) if u is not None]
        units += [u for u in inside if u not in units]
        place = self.resolve(name, countries=countries, near=[*near, *inside])
        return place if place is not None or not inside else inside[0]


def article_countries(record: dict) -> list[str]:
    """Country codes of the states an article names, most-mentioned first."""
    counts: dict[str, int] = {}
    for entity in record.get("entities") or ():
        cc = COUNTRY_ACTORS.get(entity.get("id", ""))
        if cc:
            counts[cc] = counts.get(cc, 0) + max(1, entity.get("mention_count") or len(entity.get("mentions") or ()))
    return sorted(counts, key=lambda c: (-counts[c], c))


def _same_region(place: Place, other: Place) -> bool:
    return bool(place.admin1) and place.admin1 == other.admin1 and place.country == other.country


def _near(place: Place, other: Place) -> bool:
    """In the same region, or within ``NEAR_KM``."""
    return _same_region(place, other) or km(place.lat, place.lon, other.lat, other.lon) <= NEAR_KM


def _prefer_settlements(found: list[Place]) -> list[Place]:
    """Niamey the city over Niamey the region: an admin unit drops out when a
    town or facility of the same name lies in it (a village does not: "Sourou"
    is the province, not the hamlet)."""
    towns = [p for p in found if p.kind not in ADMIN_KINDS and p.kind not in SMALL_KINDS]
    if not towns:
        return found
    return [p for p in found if p.kind not in ADMIN_KINDS
            or not any(t.country == p.country and t.admin1 == p.admin1 for t in towns)]


def _prominence(place: Place, found: list[Place]) -> float:
    """What a reader takes a bare name for: a regional capital ("Gao" the city in
    Gao region, not the Burkinabè village), a city five times the size of its
    namesakes, or a town whose namesakes in its country are all villages. Worth
    less than one named country, so context still decides."""
    if place.kind in SMALL_KINDS:
        return 0.0
    others = [p for p in found if p is not place]
    if place.kind not in ADMIN_KINDS:
        if key(place.admin1) == key(place.name):
            return 0.5
        # an unknown population (0: one of our rows) may be anything, so it never loses on size
        if place.population >= 20_000 and all(p.kind in SMALL_KINDS or 0 < 5 * p.population <= place.population
                                              for p in others if p.kind not in ADMIN_KINDS):
            return 0.5
    # a town or an admin unit (province "Sourou") over the villages of its country that share its name
    return 0.25 if all(p.kind in SMALL_KINDS for p in others if p.country == place.country) else 0.0


def _one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one substituted, inserted or deleted letter, or two adjacent letters swapped."""
    if abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < len(a) and i < len(b) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:] or (
            i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:])
    return a[i + 1:] == b[i:] if len(a) > len(b) else a[i:] == b[i + 1:]


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
