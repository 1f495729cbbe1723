"""The Sahel gazetteer and the geocoder: variants, ambiguity, context."""
from __future__ import annotations

import csv
import gzip
from collections import Counter
from pathlib import Path

import pytest

import sahel_ner
from sahel_ner.places import Geocoder, Place, article_countries, default_geocoder, geocode_record, key, load_places

ADMIN_TABLE = Path(__file__).parent.parent / "sahel_ner" / "places" / "data" / "admin_sahel.csv"
MALI_REGIONS = {"Kayes", "Koulikoro", "Sikasso", "Ségou", "Mopti", "Tombouctou", "Gao", "Kidal", "Ménaka",
                "Taoudénit", "Bamako"}
BURKINA_REGIONS = {"Boucle du Mouhoun", "Cascades", "Centre", "Centre-Est", "Centre-Nord", "Centre-Ouest",
                   "Centre-Sud", "Est", "Hauts-Bassins", "Nord", "Plateau-Central", "Sahel", "Sud-Ouest"}
NIGER_REGIONS = {"Agadez", "Diffa", "Dosso", "Maradi", "Tahoua", "Tillabéri", "Zinder", "Niamey"}


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return default_geocoder()


def _place(pid, name, country, admin1, admin2, lat, lon, kind="town", population=0):
    return Place(id=pid, name=name, kind=kind, country=country, admin1=admin1, admin2=admin2, lat=lat, lon=lon,
                 population=population)


# -- the packaged gazetteer ---------------------------------------------------
def test_gazetteer_covers_the_official_regions(geo):
    regions = {(p.country, p.admin1) for p in geo.places if p.kind == "region"}
    assert {a for c, a in regions if c == "ML"} == MALI_REGIONS
    assert {a for c, a in regions if c == "BF"} == BURKINA_REGIONS
    assert {a for c, a in regions if c == "NE"} == NIGER_REGIONS
    admin1 = {(p.country, p.admin1) for p in geo.places if p.country in ("ML", "BF", "NE")}
    official = {("ML", a) for a in MALI_REGIONS} | {("BF", a) for a in BURKINA_REGIONS} | {("NE", a) for a in NIGER_REGIONS}
    assert admin1 <= official | {("ML", "")}, admin1 - official  # every place sits in an official region


def test_gazetteer_has_admin2_units_and_facilities(geo):
    kinds = {}
    for p in geo.places:
        kinds.setdefault((p.country, p.kind), 0)
        kinds[(p.country, p.kind)] += 1
    assert kinds[("ML", "cercle")] >= 49 and kinds[("BF", "province")] == 45 and kinds[("NE", "department")] >= 40
    assert {"airport", "base", "mine", "dam"} <= {p.kind for p in geo.places}
    assert all(kinds.get((c, "town"), 0) >= 50 for c in ("ML", "BF", "NE", "MR", "TD"))


def test_every_row_of_our_table_has_a_source_and_sane_coordinates():
    with open(ADMIN_TABLE, encoding="utf-8") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    assert len(rows) > 250
    for row in rows:
        assert row["source"].strip(), row["name"]
        lat, lon = float(row["lat"]), float(row["lon"])
        assert 9 < lat < 25 and -13 < lon < 16, row["name"]  # inside the Sahel box


def test_loaded_places_have_unique_ids():
    ids = [place.id for place, _ in load_places()]
    assert len(ids) == len(set(ids))


# -- spelling --------------------------------------------------------------------
@pytest.mark.parametrize("a, b", [("Tillaberi", "Tillabéri"), ("Tin-Akoff", "Tin Akoff"), ("tin_akoff", "Tin-Akoff"),
                                  ("TOMBOUCTOU", "Timbuktu"), ("Ségou", "Segou"), ("Ménaka", "Menaka"),
                                  ("Barsalogo", "Barsalogho")])
def test_variants_resolve_alike(geo, a, b):
    pa, pb = geo.resolve(a, countries=["BF", "ML", "NE"]), geo.resolve(b, countries=["BF", "ML", "NE"])
    assert pa is not None and pa == pb


def test_key_folds_accents_hyphens_and_articles():
    assert key("Tin-Akoff") == key("tin akoff") == key("TIN_AKOFF")
    assert key("the Liptako-Gourma") == "liptako gourma"


# -- city or region ------------------------------------------------------------
@pytest.mark.parametrize("name, admin1", [("Niamey", "Niamey"), ("Mopti", "Mopti"), ("Gao", "Gao"),
                                          ("Tahoua", "Tahoua")])
def test_a_name_that_is_city_and_region_is_the_city(geo, name, admin1):
    place = geo.resolve(name)
    assert place.kind == "town" and place.admin1 == admin1


def test_region_wording_asks_for_the_region(geo):
    assert geo.resolve("Niamey region").kind == "region"
    assert geo.resolve("the Mopti region").kind == "region"
    assert geo.resolve("region of Tillabéri").admin1 == "Tillabéri"
    assert geo.resolve("cercle de Bankass").kind == "cercle"
    assert geo.resolve("Soum province").admin1 == "Sahel"
    assert geo.resolve("the Liptako-Gourma region").kind == "area"


def test_city_keeps_admin_fields(geo):
    niamey = geo.resolve("Niamey").to_dict()
    assert niamey["country"] == "Niger" and niamey["country_code"] == "NE" and niamey["admin1"] == "Niamey"
    assert 13.4 < niamey["lat"] < 13.6 and 2.0 < niamey["lon"] < 2.2 and niamey["geonames_id"]


# -- ambiguity -------------------------------------------------------------------
@pytest.fixture()
def two_diafarabes() -> Geocoder:
    places = [
        _place("d1", "Diafarabé", "ML", "Mopti", "Ténenkou", 14.16, -4.98),
        _place("d2", "Diafarabé", "ML", "Ségou", "Macina", 13.90, -5.60),
        _place("t", "Ténenkou", "ML", "Mopti", "Ténenkou", 14.46, -4.92, population=7000),
        _place("m", "Macina", "ML", "Ségou", "Macina", 13.96, -5.36, population=20000),
        _place("n", "Niamey", "NE", "Niamey", "Niamey", 13.51, 2.11, population=1_000_000),
        _place("nr", "Niamey", "NE", "Niamey", "", 13.51, 2.11, kind="region"),
    ]
    return Geocoder([(p, []) for p in places])


def test_a_name_that_exists_twice_stays_unresolved_without_context(two_diafarabes):
    assert two_diafarabes.resolve("Diafarabé") is None
    assert two_diafarabes.resolve("Diafarabe", countries=["ML"]) is None  # both in Mali: still unsure


def test_a_name_that_exists_twice_resolves_by_the_places_around_it(two_diafarabes):
    tenenkou, macina = two_diafarabes.resolve("Ténenkou"), two_diafarabes.resolve("Macina")
    assert two_diafarabes.resolve("Diafarabé", near=[tenenkou]).id == "d1"
    assert two_diafarabes.resolve("Diafarabé", near=[macina]).id == "d2"
    assert two_diafarabes.resolve("Niamey").id == "n" and two_diafarabes.resolve("Niamey region").id == "nr"


def test_real_homonyms_resolve_by_country_and_neighbours(geo):
    assert geo.resolve("Léré") is None                      # Mali's and Chad's
    assert geo.resolve("Léré", countries=["ML"]).country == "ML"
    assert geo.resolve("Léré", countries=["TD", "ML"]).country == "TD"
    assert geo.resolve("Tibiri") is None                    # two in Niger
    assert geo.resolve("Tibiri", near=[geo.resolve("Maradi")]).admin1 == "Maradi"
    assert geo.resolve("Tibiri", near=[geo.resolve("Dogondoutchi")]).admin1 == "Dosso"
    assert geo.resolve("Gao", countries=["BF"]).country == "BF"


def test_generic_region_names_need_their_country(geo):
    assert geo.resolve("Sahel") is None
    assert geo.resolve("Sahel", countries=["BF"]).admin1 == "Sahel"
    assert geo.resolve("Nord", countries=["ML"]) is None


def test_places_outside_the_core_states_need_their_country(geo):
    assert geo.resolve("San").country == "ML"               # Côte d'Ivoire has a San too
    assert geo.resolve("San", countries=["CI"]).country == "CI"
    assert geo.resolve("Dogon") is None and geo.resolve("Paris") is None


# -- articles --------------------------------------------------------------------
def test_resolve_article_uses_the_states_and_places_it_names(geo):
    record = {"id": "x", "entities": [
        {"id": "burkina_faso", "label": "Burkina Faso", "type": "STATE", "mentions": ["Burkina Faso"]},
        {"id": "gao", "label": "Gao", "type": "LOCATION", "mentions": ["Gao"]},
        {"id": "koudougou", "label": "Koudougou", "type": "LOCATION", "mentions": ["Koudougou"]},
        {"id": "barsalogo", "label": "Barsalogo", "type": "LOCATION", "mentions": ["Barsalogo"]}],
        "relations": [{"source": "jnim", "type": "ATTACKED", "target": "barsalogo", "location": "tin_akoff"}]}
    assert article_countries(record) == ["BF"]
    places = geo.resolve_article(record)
    assert places["gao"].country == "BF" and places["gao"].admin1 == "Centre-Ouest"
    assert places["barsalogo"].admin1 == "Centre-Nord" and places["barsalogo"].kind == "town"
    assert places["tin_akoff"].admin1 == "Sahel" and places["tin_akoff"].admin2 == "Oudalan"


# -- villages (GeoNames country dumps, OCHA's Mali settlements) and communes -------------------------
def test_the_gazetteer_holds_villages_and_communes(geo):
    kinds = Counter((p.country, p.kind) for p in geo.places)
    assert kinds[("ML", "village")] > 25_000 and kinds[("BF", "village")] > 8_000 and kinds[("NE", "village")] > 12_000
    assert kinds[("ML", "commune")] >= 690  # Mali's 703 communes, less the few OCHA's table does not name
    sources = Counter(p.id.split(":")[0] for p in geo.places)
    assert sources["geonames"] > 40_000 and sources["ocha"] > 10_000


def test_extracts_are_sane(geo):
    from sahel_ner.places import build
    from sahel_ner.places.extract import OCHA_MALI, VILLAGES, read_extract

    for path in (VILLAGES, OCHA_MALI):
        assert gzip.open(path, "rt", encoding="utf-8").readline().startswith("# ")  # the source, first line
        rows = read_extract(path)
        assert all(-18 < float(r["lon"]) < 17 and 9 < float(r["lat"]) < 28 for r in rows)
    assert all(p.admin1 for p in geo.places if p.country in ("ML", "BF", "NE") and p.kind != "area")
    assert build.admin_name("Province de l’Oudalan") == "Oudalan" and build.admin_name("Province des Balé") == "Balé"


@pytest.mark.parametrize("name, admin1, kind", [
    ("Zogofina", "Ségou", "village"),           # a GeoNames alternate spelling of Zokofina
    ("Tidermène", "Ménaka", "commune"),         # Ménaka was Gao's until 2016; its places are Ménaka's
    ("commune de Colimbine", "Kayes", "commune"),
    ("Colimbine commune", "Kayes", "commune"),  # a commune named otherwise than its seat (Kabaté)
])
def test_villages_and_communes_resolve(geo, name, admin1, kind):
    place = geo.resolve(name, countries=["ML"])
    assert place is not None and (place.admin1, place.kind) == (admin1, kind)


def test_a_village_of_two_regions_resolves_by_the_places_around_it(geo):
    djibo, kaya = geo.resolve("Djibo"), geo.resolve("Kaya")
    assert geo.resolve("Abra", countries=["BF"]) is None                  # Soum's and Sanmatenga's
    assert geo.resolve("Abra", countries=["BF"], near=[djibo]).admin2 == "Soum"
    assert geo.resolve("Abra", countries=["BF"], near=[kaya]).admin2 == "Sanmatenga"
    assert geo.resolve("Abra Peulh", countries=["BF"], near=[djibo]).admin2 == "Soum"  # its Fulani quarter


def test_a_spelling_guess_at_a_village_needs_its_region_named(geo):
    assert geo.resolve("Zinzanna", countries=["ML"]) is None  # 60,000 villages: one letter off is a guess
    assert geo.resolve("Zinzanna", countries=["ML"], near=[geo.resolve("Ségou")]).name == "Zinzana"


def test_peoples_and_other_states_villages_stay_unresolved(geo):
    assert geo.resolve("Peulh") is None and geo.resolve("Bambara", countries=["ML"]) is None
    assert geo.resolve("Alkousiri", countries=["BF"]).admin2 == "Gnagna"
    assert geo.resolve("Alkousiri", countries=["NE"]) is None  # Burkina's only: the article is about Niger


def test_a_village_far_from_the_units_the_article_names_stays_unresolved(geo):
    def record(*names):
        return {"id": "n", "entities": [{"id": key(n).replace(" ", "_"), "label": n, "type": "LOCATION",
                                         "mentions": [n]} for n in names], "relations": []}

    assert geo.resolve_article(record("Alkousiri", "Gnagna"))["alkousiri"].admin1 == "Est"
    assert "alkousiri" not in geo.resolve_article(record("Alkousiri", "Loroum"))  # a namesake in the Nord
    assert "alkousiri" in geo.resolve_article(record("Alkousiri", "Bamako"))  # the capital names no area


@pytest.mark.parametrize("text, place, admin1, admin2", [
    ("On 3 March 2021, suspected JNIM militants attacked the village of Abra (Djibo, Soum) and killed two "
     "civilians.", "abra", "Sahel", "Soum"),
    ("On 12 May 2020, unidentified gunmen killed three herders near Abra (Pissila, Sanmatenga).",
     "abra", "Centre-Nord", "Sanmatenga"),
    ("Burkinabe soldiers clashed with JNIM militants in Batibogou, Seno province, killing four.",
     "batibogou", "Sahel", "Séno"),
])
def test_notes_name_villages_with_their_units(nlp, text, place, admin1, admin2):
    record = geocode_record(sahel_ner.extract(text, nlp=nlp).to_record())
    entity = next(e for e in record["entities"] if e["id"] == place)
    assert (entity["admin1"], entity["admin2"]) == (admin1, admin2)


def test_a_village_missing_from_the_gazetteer_takes_the_commune_it_is_said_to_lie_in(geo):
    record = {"id": "n", "entities": [{"id": "x", "label": "Xoulbougou (Pissila, Sanmatenga", "type": "LOCATION",
                                       "mentions": ["Xoulbougou (Pissila, Sanmatenga"]}], "relations": []}
    assert geo.resolve_article(record)["x"].name == "Pissila"


def test_the_committed_gazetteer_is_what_the_build_script_writes(tmp_path):
    # the build sources (extra "places") are part of the dev install, so this always runs
    from sahel_ner.places import build

    out = tmp_path / "gazetteer.tsv.gz"
    build.build(out)
    assert gzip.decompress(out.read_bytes()).decode("utf-8") == gzip.decompress(build.OUT.read_bytes()).decode("utf-8")
