"""Sentence templates and role-typed slot fillers for the generated training data.

A template is ``Template(name, text, relations, roles)``. ``{A}`` in the text is
slot A in its plain form; a slot also has the forms a sentence needs, so that
fillers are grammatical wherever they land:

==================  ================================  ==========================
form                example (the Malian army)          example (Nigerien troops)
==================  ================================  ==========================
``{A}``             the Malian army                    Nigerien troops
``{A.mod}``         Malian army  ("a {A.mod} convoy")  (none: filler not used)
``{A.poss}``        the Malian army's                  Nigerien troops'
``{A.adj}``         (demonym of a state: Malian)
``{A.it}``          it                                 they
``{A.its}``         its                                their
``{A.them}``        it                                 them
``{A|is|are}``      is                                 are   (verb agreement)
==================  ================================  ==========================

``{Y}`` is a date phrase. Relations name slots: ``"A>B ATTACKED; C>B ATTACKED hedged"``;
every pair of slots no relation names becomes a NONE instance, so co-mentions,
threats and plans teach the classifier what is *not* a relation.

Roles keep the events plausible: each slot draws from a role pool (attackers are
armed groups or state forces, supporters are outside powers, allies, PMCs and
donors, sanctioners are the EU, the US, the UN, ECOWAS, ...), and ``where`` ties
the local actors of one sentence to one country: a Malian militia, the Malian
army and a Malian town, never the Nigerien army in Ségou. A template may add a
``check`` on the chosen fillers. All sentences are written for this project; the
actors are real, the events invented combinations.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Optional

MALI, BURKINA, NIGER, NIGERIA, CHAD = "mali", "burkina_faso", "niger", "nigeria", "chad"
AES_STATES = frozenset({MALI, BURKINA, NIGER})
LAKE_CHAD_STATES = frozenset({NIGERIA, NIGER, CHAD})
# Theatres finer than countries, so that a group only appears where it fights.
ML_N, ML_C, ML_W = "mali_north", "mali_centre", "mali_west"
BF_N, BF_O = "burkina_north", "burkina_other"
NE_W, NE_E = "niger_west", "niger_diffa"
NG_NE, NG_NW = "nigeria_northeast", "nigeria_northwest"
TD = "chad_lake"
REGIONS = {MALI: {ML_N, ML_C, ML_W}, BURKINA: {BF_N, BF_O}, NIGER: {NE_W, NE_E}, NIGERIA: {NG_NE, NG_NW}, CHAD: {TD}}
COUNTRY_OF_REGION = {region: country for country, regions in REGIONS.items() for region in regions}
LAKE_CHAD = frozenset({NG_NE, NE_E, TD})
# Pairs of armed-group families that fight each other.
RIVALRIES = {frozenset(pair) for pair in [("qaeda", "is"), ("azawad", "is"), ("militia", "qaeda"),
                                          ("militia", "is"), ("jas", "is")]}
# Country pairs whose leaders do not meet in the period the sentences describe.
HOSTILE = {frozenset(pair) for pair in [("france", MALI), ("france", NIGER), ("france", BURKINA),
                                        ("russia", "france"), ("russia", "ukraine"), ("russia", "eu"),
                                        ("ukraine", MALI)]}


@dataclass(frozen=True)
class Actor:
    """One way of mentioning one actor, with the forms templates need.

    ``text``/``mod``/``adj`` hold the mention in brackets, e.g. ``"the [Malian army]"``;
    the id is attached when the sentence is built."""

    id: str
    text: str
    mod: Optional[str] = None       # determiner-less form used as a modifier or in headlines
    adj: Optional[str] = None       # demonym for states ("[Malian]" officials)
    plural: bool = False
    pron: str = "it"                # it | they | he | she
    where: Optional[frozenset] = None  # countries it acts in (None: no local tie)
    country: Optional[str] = None   # home country (nobody supports or visits itself)
    label: Optional[str] = None     # type, for actors not in the knowledge base
    family: Optional[str] = None    # armed groups: alliance (qaeda, is, jas, azawad, ...)
    parent: Optional[str] = None    # armed groups: the group it is an affiliate of; people: their group
    kind: Optional[str] = None      # state | person | group | place
    partners: Optional[frozenset] = None  # who may support it (None: any backer whose `where` fits)
    foes: Optional[frozenset] = None  # armed groups: the only forces they attack (None: any)
    era: Optional[str] = None       # "barkhane" (until 2022) or "aes" (after): never mixed in one sentence

    def marked(self, form: str) -> str:
        surface = getattr(self, form)
        tag = f"{self.id}:{self.label}" if self.label else self.id
        return re.sub(r"\[([^\]]+)\]", rf"[\1]({tag})", surface)

    @property
    def poss(self) -> str:
        return self.text + ("'" if self.text.endswith("s]") else "'s")

    @property
    def pronouns(self) -> dict[str, str]:
        return {"it": {"it": "it", "its": "its", "them": "it"},
                "they": {"it": "they", "its": "their", "them": "them"},
                "he": {"it": "he", "its": "his", "them": "him"},
                "she": {"it": "she", "its": "her", "them": "her"}}[self.pron]


def _s(places) -> frozenset:
    """Theatres from country and region names (a country stands for all its regions)."""
    out = set()
    for name in [places] if isinstance(places, str) else places:
        out |= REGIONS.get(name, {name})
    return frozenset(out)


def org(id, text, mod=None, where=None, **kw) -> Actor:
    return Actor(id, text, mod=mod, where=_s(where) if where else None, **kw)


def state(id, text, country, mod=None, adj=None, plural=False, where=None, **kw) -> Actor:
    return Actor(id, text, mod=mod, adj=adj, plural=plural, pron="they" if plural else "it",
                 where=_s(where or country), country=country, kind="state", **kw)


def force(id, text, where, mod=None, plural=False, country=None, **kw) -> Actor:
    return Actor(id, text, mod=mod, plural=plural, pron="they" if plural else "it", where=_s(where),
                 country=country, kind="force", **kw)


def group(id, text, where, mod=None, family=None, parent=None, **kw) -> Actor:
    return Actor(id, text, mod=mod, where=_s(where), family=family or id, parent=parent, kind="group", **kw)


def person(id, title, name, country, she=False, where=None, label=None, parent=None) -> Actor:
    mention = f"[{name}]"
    return Actor(id, f"{title} {mention}" if title else mention, mod=mention, pron="she" if she else "he",
                 where=_s(where) if where else None, country=country, label=label, parent=parent, kind="person")


def place(id, name, region, label=None) -> Actor:
    return Actor(id, f"[{name}]", mod=f"[{name}]", where=_s(region), country=COUNTRY_OF_REGION.get(region, region),
                 label=label, kind="place")


# ---- places -------------------------------------------------------------------------
TOWNS = [
    place("gao", "Gao", ML_N), place("kidal", "Kidal", ML_N), place("timbuktu", "Timbuktu", ML_N),
    place("menaka", "Ménaka", ML_N), place("tessalit", "Tessalit", ML_N), place("aguelhok", "Aguelhok", ML_N),
    place("tinzaouaten", "Tinzaouaten", ML_N), place("bourem", "Bourem", ML_N), place("ansongo", "Ansongo", ML_N),
    place("lere", "Léré", ML_N),
    place("mopti", "Mopti", ML_C), place("segou", "Ségou", ML_C), place("boulkessi", "Boulkessi", ML_C),
    place("diafarabe", "Diafarabé", ML_C), place("niono", "Niono", ML_C), place("douentza", "Douentza", ML_C),
    place("hombori", "Hombori", ML_C), place("bandiagara", "Bandiagara", ML_C),
    place("kati", "Kati", ML_W), place("kayes", "Kayes", ML_W), place("nioro_du_sahel", "Nioro du Sahel", ML_W),
    place("djibo", "Djibo", BF_N), place("arbinda", "Arbinda", BF_N), place("dori", "Dori", BF_N),
    place("seytenga", "Seytenga", BF_N), place("solhan", "Solhan", BF_N),
    place("kaya", "Kaya", BF_O), place("barsalogho", "Barsalogho", BF_O), place("fada_n_gourma", "Fada N'Gourma", BF_O),
    place("ouahigouya", "Ouahigouya", BF_O), place("solenzo", "Solenzo", BF_O),
    place("tillaberi", "Tillabéri", NE_W), place("banibangou", "Banibangou", NE_W), place("ouallam", "Ouallam", NE_W),
    place("torodi", "Torodi", NE_W), place("tera", "Téra", NE_W), place("tahoua", "Tahoua", NE_W),
    place("diffa", "Diffa", NE_E),
    place("maiduguri", "Maiduguri", NG_NE), place("monguno", "Monguno", NG_NE, label="LOCATION"),
    place("damboa", "Damboa", NG_NE, label="LOCATION"), place("bama", "Bama", NG_NE, label="LOCATION"),
    place("sokoto", "Sokoto", NG_NW, label="LOCATION"), place("argungu", "Argungu", NG_NW, label="LOCATION"),
    place("bol", "Bol", TD, label="LOCATION"), place("ngouboua", "Ngouboua", TD, label="LOCATION"),
]

# Capitals; `where` is whose seat it is (Abuja also hosts ECOWAS).
CAPITALS = [
    place("bamako", "Bamako", MALI), place("niamey", "Niamey", NIGER), place("ouagadougou", "Ouagadougou", BURKINA),
    place("moscow", "Moscow", "russia"), place("paris", "Paris", "france"), place("algiers", "Algiers", "algeria"),
    Actor("abuja", "[Abuja]", mod="[Abuja]", where=_s({NIGERIA, "ecowas"}), country=NIGERIA, kind="place"),
    place("dakar", "Dakar", "senegal"), place("rabat", "Rabat", "morocco"), place("ankara", "Ankara", "turkey"),
    place("lome", "Lomé", "togo"), place("nouakchott", "Nouakchott", "mauritania"),
    place("n_djamena", "N'Djamena", CHAD), place("washington", "Washington", "united_states"),
    place("brussels", "Brussels", "eu", label="LOCATION"), place("addis_ababa", "Addis Ababa", "au", label="LOCATION"),
]
SAHEL_CAPITALS = [c for c in CAPITALS if c.country in AES_STATES]

# ---- armed groups -------------------------------------------------------------------
JNIM_LAND = {MALI, BURKINA, NE_W}
ISSP_LAND = {ML_N, BF_N, NE_W}
AZAWAD_FOES = frozenset({"malian_armed_forces", "aes_unified_force", "wagner", "africa_corps"})
INSURGENTS = [
    group("jnim", "[JNIM]", JNIM_LAND, mod="[JNIM]", family="qaeda", parent="aqim"),
    group("jnim", "[Jama'at Nusrat al-Islam wal-Muslimin]", JNIM_LAND,
          mod="[Jama'at Nusrat al-Islam wal-Muslimin]", family="qaeda", parent="aqim"),
    group("issp", "the [Islamic State Sahel Province]", ISSP_LAND, mod="[Islamic State Sahel Province]",
          family="is", parent="islamic_state"),
    group("issp", "[ISSP]", ISSP_LAND, mod="[ISSP]", family="is", parent="islamic_state"),
    group("aqim", "[AQIM]", ML_N, mod="[AQIM]", family="qaeda", parent="al_qaeda"),
    group("fla", "the [FLA]", ML_N, mod="[FLA]", family="azawad", foes=AZAWAD_FOES),
    group("fla", "the [Azawad Liberation Front]", ML_N, mod="[Azawad Liberation Front]", family="azawad",
          foes=AZAWAD_FOES),
    group("ansarul_islam", "[Ansarul Islam]", BF_N, mod="[Ansarul Islam]", family="qaeda", parent="jnim"),
    group("katiba_macina", "[Katiba Macina]", ML_C, mod="[Katiba Macina]", family="qaeda", parent="jnim"),
    group("iswap", "[ISWAP]", LAKE_CHAD, mod="[ISWAP]", family="is", parent="islamic_state"),
    group("boko_haram", "[Boko Haram]", LAKE_CHAD, mod="[Boko Haram]", family="jas"),
    group("lakurawa", "[Lakurawa]", {NG_NW, NE_W}, mod="[Lakurawa]", family="is", parent="issp"),
    group("csp_dpa", "the [CSP-DPA]", ML_N, mod="[CSP-DPA]", family="azawad", foes=AZAWAD_FOES),
]
JIHADISTS = [g for g in INSURGENTS if g.family in ("qaeda", "is", "jas")]
# Community militias: they attack villages and fight beside the army, not against it.
MILITIAS = [
    group("dan_na_ambassagou", "[Dan Na Ambassagou]", ML_C, mod="[Dan Na Ambassagou]", family="militia"),
    group("vdp", "the [VDP]", BURKINA, mod="[VDP]", family="militia"),
    group("koglweogo", "the [Koglweogo]", BF_O, mod="[Koglweogo]", family="militia"),
]
PMCS = [
    group("wagner", "the [Wagner Group]", MALI, mod="[Wagner]", family="pmc", era="aes"),
    group("wagner", "[Wagner]", MALI, mod="[Wagner]", family="pmc", era="aes"),
    group("africa_corps", "[Africa Corps]", {MALI, BURKINA, NE_W}, mod="[Africa Corps]", family="pmc", era="aes"),
    group("africa_corps", "Russia's [Africa Corps]", {MALI, BURKINA, NE_W}, mod="[Africa Corps]", family="pmc",
          era="aes"),
]
PARENT_GROUPS = [
    org("aqim", "[AQIM]"), org("al_qaeda", "[al-Qaeda]"), org("islamic_state", "the [Islamic State]"),
    org("jnim", "[JNIM]"), org("issp", "the [Islamic State Sahel Province]"),
]

# ---- state forces -------------------------------------------------------------------
SAHEL_FORCES = [
    force("malian_armed_forces", "the [Malian army]", MALI, mod="[Malian army]", country=MALI),
    force("malian_armed_forces", "[FAMa]", MALI, mod="[FAMa]", country=MALI),
    force("malian_armed_forces", "[Malian troops]", MALI, plural=True, country=MALI),
    force("malian_armed_forces", "the [Malian Armed Forces]", MALI, plural=True, country=MALI),
    force("burkinabe_armed_forces", "the [Burkinabe army]", BURKINA, mod="[Burkinabe army]", country=BURKINA),
    force("burkinabe_armed_forces", "[Burkinabe soldiers]", BURKINA, plural=True, country=BURKINA),
    force("nigerien_armed_forces", "the [Nigerien army]", NIGER, mod="[Nigerien army]", country=NIGER),
    force("nigerien_armed_forces", "[Nigerien troops]", NIGER, plural=True, country=NIGER),
    force("nigerian_armed_forces", "the [Nigerian army]", NIGERIA, mod="[Nigerian army]", country=NIGERIA),
    force("nigerian_armed_forces", "[Nigerian troops]", NIGERIA, plural=True, country=NIGERIA),
    force("chadian_armed_forces", "the [Chadian army]", LAKE_CHAD, mod="[Chadian army]", country=CHAD),
    force("chadian_armed_forces", "[Chadian troops]", LAKE_CHAD, plural=True, country=CHAD),
    force("aes_unified_force", "the [AES unified force]", {MALI, BURKINA, NE_W}, mod="[AES unified force]", era="aes",
          partners=frozenset({"russia", "turkey", "china", "iran", "africa_corps", "wagner"})),
]
FOREIGN_FORCES = [
    force("french_armed_forces", "[French forces]", {ML_N, ML_C, BF_N, NE_W, TD}, plural=True, country="france",
          era="barkhane"),
    force("french_armed_forces", "the [French army]", {ML_N, ML_C, BF_N, NE_W, TD}, mod="[French army]",
          country="france", era="barkhane"),
    force("barkhane", "[Operation Barkhane]", {ML_N, ML_C, BF_N, NE_W}, mod="[Barkhane]", country="france",
          era="barkhane"),
    force("africom", "[U.S. Africa Command]", NE_W, mod="[AFRICOM]", country="united_states", era="barkhane"),
    force("mnjtf", "the [Multinational Joint Task Force]", LAKE_CHAD, mod="[MNJTF]"),
]
FORCES = SAHEL_FORCES + FOREIGN_FORCES
# Targets of insurgent attacks: Sahel forces, and the foreign forces only in a few templates.
TARGETS = SAHEL_FORCES + [f for f in FOREIGN_FORCES if f.id == "mnjtf"]

# ---- states ---------------------------------------------------------------------------
SAHEL_GOVS = [
    state("mali", "[Mali]", MALI, mod="[Mali]", adj="[Malian]"),
    state("mali", "the [Malian junta]", MALI, mod="[Malian junta]", adj="[Malian]"),
    state("mali", "[Mali's military rulers]", MALI, plural=True, adj="[Malian]"),
    state("mali", "[Malian authorities]", MALI, mod="[Malian authorities]", plural=True, adj="[Malian]"),
    state("burkina_faso", "[Burkina Faso]", BURKINA, mod="[Burkina Faso]", adj="[Burkinabe]"),
    state("burkina_faso", "the [Burkinabe junta]", BURKINA, mod="[Burkinabe junta]", adj="[Burkinabe]"),
    state("burkina_faso", "the [Burkinabe authorities]", BURKINA, plural=True, adj="[Burkinabe]"),
    state("niger", "[Niger]", NIGER, mod="[Niger]", adj="[Nigerien]"),
    state("niger", "[Niger's military government]", NIGER, adj="[Nigerien]"),
    state("niger", "the [Nigerien junta]", NIGER, mod="[Nigerien junta]", adj="[Nigerien]"),
]
JUNTAS = [g for g in SAHEL_GOVS if "junta" in g.text or "government" in g.text]
# Governments that receive support: the AES juntas and their Lake Chad neighbours.
SUPPORTED_GOVS = SAHEL_GOVS + [
    state("nigeria", "[Nigeria]", NIGERIA, mod="[Nigeria]", adj="[Nigerian]"),
    state("chad", "[Chad]", CHAD, mod="[Chad]", adj="[Chadian]"),
]
SUPPORTED_FORCES = SAHEL_FORCES
# Outside powers; `where` is whom they plausibly back.
BACKERS = [
    state("russia", "[Russia]", "russia", mod="[Russia]", where=AES_STATES),
    state("russia", "the [Kremlin]", "russia", mod="[Kremlin]", where=AES_STATES),
    state("russia", "[Moscow]", "russia", mod="[Moscow]", where=AES_STATES),
    state("turkey", "[Turkey]", "turkey", mod="[Turkey]", where=AES_STATES | LAKE_CHAD_STATES),
    state("china", "[China]", "china", mod="[China]", where=AES_STATES | LAKE_CHAD_STATES),
    state("united_states", "the [United States]", "united_states", mod="[US]", where={MALI, NIGERIA, CHAD, NIGER}),
    state("united_states", "[Washington]", "united_states", mod="[Washington]", where={MALI, NIGERIA, CHAD, NIGER}),
    state("united_states", "the [Trump administration]", "united_states", mod="[Trump administration]",
          where={MALI, NIGERIA, CHAD}),
    state("france", "[France]", "france", mod="[France]", where={CHAD, NIGERIA}),
    state("uae", "the [United Arab Emirates]", "uae", mod="[UAE]", where={CHAD, MALI}),
    state("iran", "[Iran]", "iran", mod="[Iran]", where={BURKINA, NIGER}),
]
# Who a Sahel junta accuses of arming its enemies.
ACCUSED_SPONSORS = [
    state("ukraine", "[Ukraine]", "ukraine", mod="[Ukraine]", where=MALI),
    state("algeria", "[Algeria]", "algeria", mod="[Algeria]", where=MALI),
    state("france", "[France]", "france", mod="[France]", where=AES_STATES),
    state("cote_d_ivoire", "[Côte d'Ivoire]", "cote_d_ivoire", mod="[Côte d'Ivoire]", where=BURKINA),
    state("benin", "[Benin]", "benin", mod="[Benin]", where=NE_W),
]
DONORS = [
    org("world_bank", "the [World Bank]", mod="[World Bank]"), org("eu", "the [European Union]", mod="[EU]"),
    org("imf", "the [IMF]", mod="[IMF]"), org("usaid", "[USAID]", mod="[USAID]"),
]
AID_SUSPENDERS = [b for b in BACKERS if b.id in ("united_states", "france")] + [
    org("eu", "the [European Union]", mod="[EU]"), org("world_bank", "the [World Bank]", mod="[World Bank]"),
    state("germany", "[Germany]", "germany", mod="[Germany]", where=AES_STATES),
]
HOME_STATES = [  # states an official may visit
    state("mali", "[Mali]", MALI, where=None), state("burkina_faso", "[Burkina Faso]", BURKINA, where=None),
    state("niger", "[Niger]", NIGER, where=None), state("russia", "[Russia]", "russia", where=None),
    state("chad", "[Chad]", CHAD, where=None), state("algeria", "[Algeria]", "algeria", where=None),
    state("nigeria", "[Nigeria]", NIGERIA, where=None), state("turkey", "[Turkey]", "turkey", where=None),
    state("senegal", "[Senegal]", "senegal", where=None), state("togo", "[Togo]", "togo", where=None),
]
HOME_STATES = [Actor(**{**s.__dict__, "where": None}) for s in HOME_STATES]

# ---- sanctions ---------------------------------------------------------------------------
SANCTIONERS = [
    org("eu", "the [European Union]", mod="[EU]"), org("eu", "the [EU]", mod="[EU]"),
    org("ecowas", "[ECOWAS]", mod="[ECOWAS]"), org("us_treasury", "the [U.S. Treasury]", mod="[Treasury]"),
    org("ofac", "[OFAC]", mod="[OFAC]"), org("unsc", "the [UN Security Council]", mod="[UN Security Council]"),
    org("state_department", "the [State Department]", mod="[State Department]"),
    state("united_states", "the [United States]", "united_states", mod="[US]", where=None),
    state("united_states", "[Washington]", "united_states", mod="[Washington]", where=None),
    state("united_kingdom", "the [United Kingdom]", "united_kingdom", mod="[UK]", where=None),
    state("united_kingdom", "[Britain]", "united_kingdom", mod="[Britain]", where=None),
    Actor("canada", "[Canada]", mod="[Canada]", label="STATE", country="canada"),
]
SANCTIONERS = [Actor(**{**s.__dict__, "where": None, "kind": None}) for s in SANCTIONERS]
# ECOWAS sanctions its (former) member states and their rulers, not jihadist groups or PMCs.
REGIONAL = {"ecowas"}
SANCTIONED_OFFICIALS = [
    person("sadio_camara", "Defence Minister", "Sadio Camara", MALI, where=MALI),
    person("malick_diaw", "", "Malick Diaw", MALI, where=MALI),
    person("ismael_wague", "", "Ismaël Wagué", MALI, where=MALI),
    person("modibo_kone", "intelligence chief", "Modibo Koné", MALI, where=MALI),
    person("abdoulaye_maiga", "Prime Minister", "Abdoulaye Maïga", MALI, where=MALI),
    person("assimi_goita", "Colonel", "Assimi Goïta", MALI, where=MALI),
    person("abdourahamane_tiani", "General", "Abdourahamane Tiani", NIGER, where=NIGER),
    person("salifou_mody", "Defence Minister", "Salifou Mody", NIGER, where=NIGER),
    person("ibrahim_traore", "Captain", "Ibrahim Traoré", BURKINA, where=BURKINA),
]
SANCTIONED_STATES = [s for s in SAHEL_GOVS if not s.plural]
SAHEL_COUNTRIES = [s for s in SAHEL_GOVS if s.text in ("[Mali]", "[Burkina Faso]", "[Niger]")]
SANCTIONED_GROUPS = [g for g in JIHADISTS + PMCS if g.text[0] != "R"] + [
    person("iyad_ag_ghaly", "", "Iyad Ag Ghaly", None, where=MALI, parent="jnim"),
    person("amadou_koufa", "", "Amadou Koufa", None, where=MALI, parent="katiba_macina"),
]
SANCTIONED_GROUPS = [Actor(**{**g.__dict__, "kind": "group"}) for g in SANCTIONED_GROUPS]


POLITICAL_SANCTIONERS = [s for s in SANCTIONERS if s.id in (
    "eu", "ecowas", "united_states", "united_kingdom", "canada", "state_department")]
EMBARGOERS = [s for s in SANCTIONERS if s.id in ("eu", "unsc", "ecowas", "united_kingdom")]


def sanction_fits(source: Actor, target: Actor) -> bool:
    return source.id not in REGIONAL or target.kind in ("state", "person")


# ---- people -----------------------------------------------------------------------------
OFFICIALS = [
    person("assimi_goita", "Colonel", "Assimi Goïta", MALI), person("assimi_goita", "", "Assimi Goita", MALI),
    person("abdoulaye_diop", "Foreign Minister", "Abdoulaye Diop", MALI),
    person("abdoulaye_diop", "", "Abdoulaye Diop", MALI),
    person("sadio_camara", "Defence Minister", "Sadio Camara", MALI),
    person("abdoulaye_maiga", "Prime Minister", "Abdoulaye Maïga", MALI),
    person("rudolph_atallah", "", "Rudolph Atallah", "united_states"),
    person("rudolph_atallah", "", "Rudy Atallah", "united_states"),
    person("sebastian_gorka", "", "Sebastian Gorka", "united_states"),
    person("massad_boulos", "", "Massad Boulos", "united_states"),
    person("marco_rubio", "Secretary of State", "Marco Rubio", "united_states"),
    person("michael_langley", "General", "Michael Langley", "united_states"),
    person("abdourahamane_tiani", "General", "Abdourahamane Tiani", NIGER),
    person("ali_lamine_zeine", "Prime Minister", "Ali Lamine Zeine", NIGER),
    person("ibrahim_traore", "Captain", "Ibrahim Traoré", BURKINA),
    person("sergei_lavrov", "Foreign Minister", "Sergei Lavrov", "russia"),
    person("andrei_belousov", "", "Andrei Belousov", "russia"),
    person("emmanuel_macron", "President", "Emmanuel Macron", "france"),
    person("bola_tinubu", "", "Bola Tinubu", NIGERIA),
    person("omar_alieu_touray", "", "Omar Alieu Touray", "ecowas"),
    person("antonio_guterres", "", "António Guterres", "un"),
    person("kaja_kallas", "", "Kaja Kallas", "eu", she=True),
    person("mahamat_idriss_deby", "", "Mahamat Idriss Déby", CHAD),
    person("abdelmadjid_tebboune", "", "Abdelmadjid Tebboune", "algeria"),
    person("ahmed_attaf", "", "Ahmed Attaf", "algeria"),
    person("bassirou_diomaye_faye", "President", "Bassirou Diomaye Faye", "senegal"),
    person("faure_gnassingbe", "", "Faure Gnassingbé", "togo"),
    person("recep_tayyip_erdogan", "", "Recep Tayyip Erdoğan", "turkey"),
    person("mahmoud_ali_youssouf", "", "Mahmoud Ali Youssouf", "au"),
]
HEADS_OF_STATE = [p for p in OFFICIALS if p.id in {
    "assimi_goita", "abdourahamane_tiani", "ibrahim_traore", "vladimir_putin", "emmanuel_macron", "bola_tinubu",
    "mahamat_idriss_deby", "abdelmadjid_tebboune", "bassirou_diomaye_faye", "faure_gnassingbe",
    "recep_tayyip_erdogan"}]
# Putin only appears receiving visitors at home.
HEADS_OF_STATE.append(person("vladimir_putin", "", "Vladimir Putin", "russia"))
SAHEL_LEADERS = [Actor(**{**p.__dict__, "where": _s(p.country)}) for p in OFFICIALS if p.country in AES_STATES]

# People a Sahel government detains (`where`: the country that holds them).
DETAINEES = [
    person("abass_dembele", "", "Abass Dembélé", MALI, where=MALI),
    person("abass_dembele", "Gen.", "Abass Dembélé", MALI, where=MALI),
    person("nema_sagara", "", "Néma Sagara", MALI, she=True, where=MALI),
    person("nema_sagara", "Gen.", "Néma Sagara", MALI, she=True, where=MALI),
    person("yann_vezilier", "", "Yann Vézilier", "france", where=MALI, label="PERSON"),
    person("moussa_mara", "former Prime Minister", "Moussa Mara", MALI, where=MALI, label="PERSON"),
    person("choguel_kokalla_maiga", "", "Choguel Kokalla Maïga", MALI, where=MALI),
    person("clement_dembele", "the activist", "Clément Dembélé", MALI, where=MALI, label="PERSON"),
    person("mohamed_bazoum", "", "Mohamed Bazoum", NIGER, where=NIGER),
    person("mohamed_bazoum", "former President", "Mohamed Bazoum", NIGER, where=NIGER),
    person("moussa_tchangari", "the activist", "Moussa Tchangari", NIGER, where=NIGER, label="PERSON"),
    person("atiana_serge_oulon", "the journalist", "Atiana Serge Oulon", BURKINA, where=BURKINA, label="PERSON"),
    person("guezouma_sanogo", "the journalist", "Guézouma Sanogo", BURKINA, where=BURKINA, label="PERSON"),
]
OFFICERS = [p for p in DETAINEES if p.id in ("abass_dembele", "nema_sagara")]
# Militant leaders a state force might capture; `parent` is their group.
MILITANT_LEADERS = [
    person("iyad_ag_ghaly", "", "Iyad Ag Ghaly", None, where=MALI, parent="jnim"),
    person("amadou_koufa", "", "Amadou Koufa", None, where=MALI, parent="katiba_macina"),
    person("abou_houzeifa", "", "Abou Houzeifa", None, where={MALI, NIGER}, parent="issp"),
    person("bilal_ag_acherif", "", "Bilal Ag Acherif", None, where=MALI, parent="fla"),
    person("alghabass_ag_intalla", "", "Alghabass Ag Intalla", None, where=MALI, parent="fla"),
    person("abu_musab_al_barnawi", "", "Abu Musab al-Barnawi", None, where={NIGERIA, NIGER}, parent="iswap"),
]

# ---- organisations ------------------------------------------------------------------------
ORGS = [
    org("un", "the [United Nations]", mod="[UN]"), org("un", "the [UN]", mod="[UN]"),
    org("ecowas", "[ECOWAS]", mod="[ECOWAS]"), org("au", "the [African Union]", mod="[AU]"),
    org("aes", "the [Alliance of Sahel States]", mod="[AES]"), org("aes", "the [AES]", mod="[AES]"),
    org("world_bank", "the [World Bank]", mod="[World Bank]"), org("icrc", "the [ICRC]", mod="[ICRC]"),
]
WATCHDOGS = [
    org("human_rights_watch", "[Human Rights Watch]"), org("amnesty_international", "[Amnesty International]"),
    org("acled", "[ACLED]"), org("un", "the [United Nations]"), org("ohchr", "the [UN human rights office]"),
    org("international_crisis_group", "the [International Crisis Group]"),
    org("reporters_without_borders", "[Reporters Without Borders]"),
]
RIGHTS_GROUPS = [w for w in WATCHDOGS if w.id not in ("acled", "international_crisis_group")]
MEMBER_STATES = [  # members of ECOWAS / the AU / the UN
    state("senegal", "[Senegal]", "senegal"), state("togo", "[Togo]", "togo"), state("nigeria", "[Nigeria]", NIGERIA),
    state("ghana", "[Ghana]", "ghana"), state("cote_d_ivoire", "[Côte d'Ivoire]", "cote_d_ivoire"),
    state("benin", "[Benin]", "benin"), state("guinea", "[Guinea]", "guinea"),
]
MEMBER_STATES = [Actor(**{**s.__dict__, "where": None}) for s in MEMBER_STATES]

OLD_DATES = ["", "", " in 2019", " in early 2021", " in November 2017", " in 2020", " in the summer of 2021"]
DATES = ["", "", " on Tuesday", " on July 9", " last month", " in August", " earlier this week", " on 17 September",
         " over the weekend", " in early 2024", " on Friday", " last year"]


@dataclass
class Template:
    name: str
    text: str
    relations: str
    roles: dict[str, list[Actor]]
    check: Optional[Callable[[dict[str, Actor]], bool]] = field(default=None)


def T(name: str, text: str, relations: str, check=None, **roles: list[Actor]) -> Template:
    return Template(name, text, relations, roles, check)


def rivals(a, b):
    return frozenset((a.family, b.family)) in RIVALRIES


def seat_of(capital: Actor, *people: Actor) -> bool:
    """The meeting place is the capital of one of the people meeting (or of their organisation)."""
    return any(p.country == capital.country or p.country in capital.where for p in people)


def hosts(s):
    return seat_of(s["C"], s["A"], s["B"])


ATTACKERS = FORCES  # state forces that strike armed groups

TEMPLATES: list[Template] = [
    # ---- ATTACKED -------------------------------------------------------------------
    T("att_active", "{A.mod} fighters attacked {B.poss} positions near {L}{Y}.", "A>B ATTACKED",
      A=INSURGENTS, B=TARGETS, L=TOWNS),
    T("att_stormed", "{A} stormed a base held by {B} in {L}{Y}, according to local officials.", "A>B ATTACKED",
      A=INSURGENTS, B=FORCES, L=TOWNS),
    T("att_place_only", "{A.mod} gunmen raided {L}{Y} and set fire to the market.", "A>L ATTACKED",
      A=INSURGENTS, L=TOWNS),
    T("att_militia", "{A.mod} militiamen killed dozens of villagers near {L}{Y}.", "A>L ATTACKED",
      A=MILITIAS, L=TOWNS),
    T("att_passive_place", "The town of {L} was overrun by {A}{Y}.", "A>L ATTACKED", A=INSURGENTS, L=TOWNS),
    T("att_under_attack", "{B} came under attack from {A} outside {L}{Y}.", "A>B ATTACKED",
      A=INSURGENTS, B=TARGETS, L=TOWNS),
    T("att_claimed", "{A} claimed responsibility for the ambush of a {B.mod} convoy near {L}.", "A>B ATTACKED",
      A=INSURGENTS, B=TARGETS, L=TOWNS),
    T("att_drones", "{A} carried out drone strikes against {B.mod} hideouts around {L}{Y}.", "A>B ATTACKED",
      A=ATTACKERS, B=INSURGENTS, L=TOWNS),
    T("att_possessive", "{A.poss} assault on {L}{Y} left dozens of civilians dead.", "A>L ATTACKED",
      A=INSURGENTS, L=TOWNS),
    T("att_coord_sources", "{A} and {C} launched joint air strikes on {B.mod} camps in {L}.",
      "A>B ATTACKED; C>B ATTACKED", A=SAHEL_FORCES, C=FORCES, B=JIHADISTS, L=TOWNS),
    T("att_coord_targets", "{A} attacked {B} and {C.mod} fighters in separate raids near {L}.",
      "A>B ATTACKED; A>C ATTACKED", lambda s: rivals(s["A"], s["C"]),
      A=INSURGENTS, B=TARGETS, C=INSURGENTS + MILITIAS, L=TOWNS),
    T("att_passive_agent", "A {B.mod} patrol was ambushed by {A} on the road to {L}{Y}.", "A>B ATTACKED",
      A=INSURGENTS, B=FORCES, L=TOWNS),
    T("att_relcl", "{A}, which stormed {L}{Y}, has since pulled back into the bush.", "A>L ATTACKED",
      A=INSURGENTS, L=TOWNS),
    T("att_appos", "{A}, an affiliate of {C}, shelled {B.poss} positions around {L}.", "A>B ATTACKED",
      lambda s: s["A"].parent == s["C"].id, A=INSURGENTS, C=PARENT_GROUPS, B=TARGETS, L=TOWNS),
    T("att_headline", "{A.mod} attacks {B.mod} base near {L}", "A>B ATTACKED", A=INSURGENTS, B=TARGETS, L=TOWNS),
    T("att_headline_place", "{A.mod} fighters storm military camp in {L}", "A>L ATTACKED", A=INSURGENTS, L=TOWNS),
    T("att_nominal_by", "The attack by {A} on {B} in {L} was the deadliest this year.", "A>B ATTACKED",
      A=INSURGENTS, B=TARGETS, L=TOWNS),
    T("att_light_verb", "{A} conducted airstrikes on {B.mod} positions near {L}{Y}.", "A>B ATTACKED",
      A=ATTACKERS, B=INSURGENTS, L=TOWNS),
    T("att_hedged_adv", "{A} allegedly attacked a {B.mod} checkpoint near {L}{Y}.", "A>B ATTACKED hedged",
      A=INSURGENTS, B=TARGETS, L=TOWNS),
    T("att_hedged_accused", "{C} accused {A} of attacking army outposts near {L}.", "A>L ATTACKED hedged",
      C=SAHEL_GOVS, A=INSURGENTS, L=TOWNS),
    T("att_negated_denied", "{A} denied attacking the {B.mod} camp at {L}.", "A>B ATTACKED neg",
      A=INSURGENTS, B=TARGETS, L=TOWNS),
    T("att_threat", "{A} threatened to attack {B.mod} bases around {L}.", "", A=INSURGENTS, B=TARGETS, L=TOWNS),
    T("att_plan", "{A} {A|is|are} preparing an offensive against {B.mod} strongholds in {L}, officials said.", "",
      A=SAHEL_FORCES, B=INSURGENTS, L=TOWNS),
    T("att_comention", "{A} and {B} both keep a presence around {L}.", "", A=INSURGENTS, B=TARGETS, L=TOWNS),
    T("att_rivals", "Analysts say {A} is competing with {B} for recruits around {L}.", "",
      lambda s: rivals(s["A"], s["B"]), A=JIHADISTS, B=JIHADISTS, L=TOWNS),
    T("att_repelled", "{A} said {A.it} had repelled an attack by {B} on {A.its} base in {L}{Y}.", "B>A ATTACKED",
      A=FORCES, B=INSURGENTS, L=TOWNS),
    T("att_bombed_civ", "Drones operated by {A} bombed a wedding in {L}{Y}, killing at least twenty people.",
      "A>L ATTACKED", A=SAHEL_FORCES, L=TOWNS),
    T("att_passive_shelled", "{L} was shelled by {A} for the third time this month.", "A>L ATTACKED",
      A=INSURGENTS, L=TOWNS),
    T("att_killed_soldiers", "Fighters loyal to {A} killed twelve soldiers of {B} in an ambush near {L}.",
      "A>B ATTACKED", A=INSURGENTS, B=[f for f in FORCES if not f.plural and f.id != "africom"], L=TOWNS),
    T("att_retaliate", "{A} struck back at {B} after the group attacked {L}.", "A>B ATTACKED; B>L ATTACKED",
      A=FORCES, B=INSURGENTS, L=TOWNS),
    T("att_reportedly", "{A} reportedly ambushed {B.mod} soldiers escorting fuel trucks to {L}.",
      "A>B ATTACKED hedged", A=INSURGENTS, B=SAHEL_FORCES, L=TOWNS),
    T("att_may_have", "{A} may have struck a {B.mod} meeting near {L}, a local source said.",
      "A>B ATTACKED hedged", A=ATTACKERS, B=INSURGENTS, L=TOWNS),
    T("att_warned", "{B} warned that {A} could attack {L} before the rainy season.", "",
      B=WATCHDOGS, A=INSURGENTS, L=TOWNS),
    T("att_suspected", "Suspected {A.mod} militants torched a {B.mod} outpost in {L}{Y}.", "A>B ATTACKED hedged",
      A=JIHADISTS, B=TARGETS, L=TOWNS),
    T("att_mercenaries", "{A.mod} mercenaries and {B} raided {L}{Y}, residents said.", "A>L ATTACKED; B>L ATTACKED",
      A=PMCS, B=SAHEL_FORCES, L=TOWNS),
    T("att_gerund_subj", "After seizing {L}, {A} launched an assault on {B.poss} positions further south.",
      "A>L ATTACKED; A>B ATTACKED", A=INSURGENTS, B=TARGETS, L=TOWNS),

    # ---- ARRESTED -------------------------------------------------------------------
    T("arr_active", "{A} arrested {B}{Y}.", "A>B ARRESTED", A=SAHEL_GOVS, B=DETAINEES),
    T("arr_passive_agent", "{B} was arrested by {A} in {C}{Y}.", "A>B ARRESTED",
      A=SAHEL_GOVS, B=DETAINEES, C=SAHEL_CAPITALS),
    T("arr_announced", "{A} announced the arrest of {B} over an alleged plot.", "A>B ARRESTED",
      A=SAHEL_GOVS, B=DETAINEES),
    T("arr_coord", "{A} detained {B} and {C} on charges of plotting against the state.",
      "A>B ARRESTED; A>C ARRESTED", A=SAHEL_GOVS, B=DETAINEES, C=DETAINEES),
    T("arr_captured", "{A} captured a senior commander of {C} near {L}{Y}.", "", A=FORCES, C=INSURGENTS, L=TOWNS),
    T("arr_captured_named", "{A} captured {B}, a senior {C.mod} commander, near {L}.", "A>B ARRESTED",
      lambda s: s["B"].parent == s["C"].id, A=FORCES, B=MILITANT_LEADERS, C=INSURGENTS, L=TOWNS),
    T("arr_custody", "{B} has been held in the custody of {A} for months.", "A>B ARRESTED",
      A=SAHEL_GOVS, B=DETAINEES),
    T("arr_headline", "{A.mod} {A|arrests|arrest} {B.mod} in crackdown on critics", "A>B ARRESTED",
      A=SAHEL_GOVS, B=DETAINEES),
    T("arr_denied", "{A} denied detaining {B}, saying {B.it} was free to travel.", "A>B ARRESTED neg",
      A=SAHEL_GOVS, B=DETAINEES),
    T("arr_reportedly", "{B} was reportedly detained by {A} near {L}.", "A>B ARRESTED hedged",
      A=SAHEL_FORCES, B=MILITANT_LEADERS, L=TOWNS),
    T("arr_threat", "{A} threatened to arrest {B} if {B.it} returned to {C}.", "",
      A=SAHEL_GOVS, B=DETAINEES, C=SAHEL_CAPITALS),
    T("arr_released", "{A} released {B} after two weeks of questioning.", "", A=SAHEL_GOVS, B=DETAINEES),
    T("arr_relcl", "{B}, who was jailed by {A} last year, remains in poor health.", "A>B ARRESTED",
      A=SAHEL_GOVS, B=DETAINEES),
    T("arr_warrant", "{A} issued an international arrest warrant for {B}.", "", A=SAHEL_GOVS,
      B=DETAINEES + MILITANT_LEADERS),
    T("arr_nominal_by", "The detention of {B} by {A} drew protests in {C}.", "A>B ARRESTED",
      A=SAHEL_GOVS, B=DETAINEES, C=SAHEL_CAPITALS),
    T("arr_appos", "{A}, which seized power in a coup, arrested {B} and several officers{Y}.", "A>B ARRESTED",
      A=JUNTAS, B=DETAINEES),
    T("arr_rounded_up", "{A} rounded up {B} and {B.its} aides at a checkpoint outside {L}.", "A>B ARRESTED",
      A=SAHEL_FORCES, B=MILITANT_LEADERS, L=TOWNS),
    T("arr_accused", "{C} accused {A} of detaining {B} without charge.", "A>B ARRESTED hedged",
      C=RIGHTS_GROUPS, A=SAHEL_GOVS, B=DETAINEES),
    T("arr_demand", "{C} called on {A} to free {B}.", "A>B ARRESTED", C=RIGHTS_GROUPS, A=SAHEL_GOVS, B=DETAINEES),
    T("arr_comention", "{B} once served under {A}.", "", A=[p for p in OFFICIALS if p.id == "assimi_goita"],
      B=[p for p in DETAINEES if p.id in ("abass_dembele", "nema_sagara", "moussa_mara", "choguel_kokalla_maiga")]),
    T("arr_light_verb", "{A} placed {B} under house arrest{Y}.", "A>B ARRESTED", A=SAHEL_GOVS, B=DETAINEES),
    T("arr_implicit", "{A} moved against critics {A.it} accused of plotting. {B} was arrested at {B.its} home.",
      "A>B ARRESTED implicit", A=SAHEL_GOVS, B=DETAINEES),
    T("arr_also_detained", "{A} detained {B} in a sweep against officers. Also detained was {C}.",
      "A>B ARRESTED; A>C ARRESTED implicit", A=SAHEL_GOVS, B=OFFICERS, C=OFFICERS),

    # ---- SANCTIONED -----------------------------------------------------------------
    T("san_light_verb", "{A} imposed sanctions on {B}{Y}.", "A>B SANCTIONED",
      lambda s: sanction_fits(s["A"], s["B"]), A=SANCTIONERS, B=SANCTIONED_OFFICIALS + SANCTIONED_GROUPS),
    T("san_coord", "{A} sanctioned {B} and {C} for obstructing the political transition.",
      "A>B SANCTIONED; A>C SANCTIONED", A=SANCTIONERS, B=SANCTIONED_OFFICIALS, C=SANCTIONED_OFFICIALS),
    T("san_assets", "{A} froze the assets of {B} and barred {B.them} from travel.", "A>B SANCTIONED",
      lambda s: sanction_fits(s["A"], s["B"]), A=SANCTIONERS,
      B=SANCTIONED_OFFICIALS + [p for p in SANCTIONED_GROUPS if p.kind == "group" and p.pron == "he"]),
    T("san_headline", "{A.mod} {A|sanctions|sanction} {B.adj} officials over ties to {C}", "A>B SANCTIONED",
      A=[s for s in SANCTIONERS if s.id not in REGIONAL], B=SANCTIONED_STATES, C=PMCS),
    T("san_passive", "{B} {B|was|were} placed under sanctions by {A}{Y}.", "A>B SANCTIONED",
      lambda s: sanction_fits(s["A"], s["B"]), A=SANCTIONERS, B=SANCTIONED_OFFICIALS + SANCTIONED_GROUPS),
    T("san_possessive", "{A.poss} sanctions on {B} have squeezed the economy.", "A>B SANCTIONED",
      A=SANCTIONERS, B=SANCTIONED_STATES),
    T("san_travel_ban", "{A} slapped a travel ban on {B}.", "A>B SANCTIONED", A=SANCTIONERS, B=SANCTIONED_OFFICIALS),
    T("san_lifted", "{A} lifted the sanctions {A.it} had imposed on {B}.", "A>B SANCTIONED neg",
      A=SANCTIONERS, B=SANCTIONED_STATES),
    T("san_threat", "{A} threatened sanctions against {B} if the elections are delayed again.", "",
      A=POLITICAL_SANCTIONERS, B=SANCTIONED_STATES),
    T("san_considering", "{A} {A|is|are} considering sanctions on {B}, diplomats said.", "",
      lambda s: sanction_fits(s["A"], s["B"]), A=SANCTIONERS, B=SANCTIONED_OFFICIALS + SANCTIONED_GROUPS),
    T("san_embargo", "{A} imposed an arms embargo on {B}{Y}.", "A>B SANCTIONED", A=EMBARGOERS, B=SANCTIONED_STATES),
    T("san_relcl", "The sanctions that {A} imposed on {B} remain in force.", "A>B SANCTIONED",
      A=SANCTIONERS, B=SANCTIONED_STATES),
    T("san_designated", "{A} designated {B} a terrorist group and froze {B.its} assets.", "A>B SANCTIONED",
      A=[s for s in SANCTIONERS if s.id not in REGIONAL],
      B=[g for g in SANCTIONED_GROUPS if g.pron == "it"]),
    T("san_coord_sources", "{A} and {C} sanctioned {B} over the massacre in {L}.", "A>B SANCTIONED; C>B SANCTIONED",
      A=SANCTIONERS, C=SANCTIONERS, B=SANCTIONED_OFFICIALS, L=TOWNS),
    T("san_nominal_against", "New sanctions by {A} against {B.mod} financiers took effect{Y}.", "A>B SANCTIONED",
      A=[s for s in SANCTIONERS if s.id not in REGIONAL], B=[g for g in SANCTIONED_GROUPS if g.mod and g.pron == "it"]),
    T("san_comention", "{A} said {A.it} was monitoring the situation in {B} closely.", "",
      A=SANCTIONERS, B=SAHEL_COUNTRIES),
    T("san_eased", "{A} eased {A.its} sanctions on {B} after the junta published an election timetable.",
      "A>B SANCTIONED neg", A=POLITICAL_SANCTIONERS, B=SANCTIONED_STATES),

    # ---- MET ------------------------------------------------------------------------
    T("met_active", "{A} met {B} in {C}{Y}.", "A>B MET", hosts, A=OFFICIALS, B=OFFICIALS, C=CAPITALS),
    T("met_held_talks", "{A} held talks with {B} on security cooperation{Y}.", "A>B MET", A=OFFICIALS, B=OFFICIALS),
    T("met_between", "Talks between {A} and {B} focused on the fight against {C}.", "A>B MET",
      A=SAHEL_LEADERS, B=OFFICIALS, C=JIHADISTS),
    T("met_received", "{A} received {B} at the presidential palace in {C}.", "A>B MET",
      lambda s: seat_of(s["C"], s["A"]), A=HEADS_OF_STATE, B=OFFICIALS, C=CAPITALS),
    T("met_coord_subj", "{A} and {B} met on the sidelines of the summit in {C}.", "A>B MET",
      hosts, A=OFFICIALS, B=OFFICIALS, C=CAPITALS),
    T("met_phone", "{A} spoke by phone with {B}{Y}.", "A>B MET", A=OFFICIALS, B=OFFICIALS),
    T("met_visit", "{A} paid an official visit to {B}{Y}.", "A>B MET", A=OFFICIALS, B=HOME_STATES),
    T("met_negated", "{A} did not meet {B} during {A.its} trip to {C}.", "A>B MET neg",
      lambda s: seat_of(s["C"], s["B"]) and not seat_of(s["C"], s["A"]), A=OFFICIALS, B=OFFICIALS, C=CAPITALS),
    T("met_expected", "{A} is expected to meet {B} in {C} next week.", "", hosts, A=OFFICIALS, B=OFFICIALS, C=CAPITALS),
    T("met_delegation", "{A} hosted a delegation led by {B}{Y}.", "A>B MET", A=HEADS_OF_STATE, B=OFFICIALS),
    T("met_relcl", "{A}, who met {B} in {C} last month, praised the talks.", "A>B MET",
      hosts, A=OFFICIALS, B=OFFICIALS, C=CAPITALS),
    T("met_headline", "{A.mod} meets {B.mod} in {C}", "A>B MET", hosts, A=OFFICIALS, B=OFFICIALS, C=CAPITALS),
    T("met_org_state", "A delegation from {A} met {B.adj} officials in {C}{Y}.", "A>B MET",
      lambda s: s["C"].country == s["B"].country, A=ORGS, B=SAHEL_GOVS, C=SAHEL_CAPITALS),
    T("met_criticised", "{A} criticised {B} in a televised speech.", "", A=OFFICIALS, B=OFFICIALS),
    T("met_secret", "{A} reportedly held secret talks with {B.mod} leaders.", "A>B MET hedged",
      A=SAHEL_LEADERS, B=INSURGENTS),
    T("met_sat_down", "{A} sat down with {B} to discuss the withdrawal of {C}.", "A>B MET",
      lambda s: s["C"].id != "mnjtf", A=SAHEL_LEADERS, B=OFFICIALS, C=FOREIGN_FORCES + PMCS),
    T("met_visit_capital", "{A} travelled to {C} to meet {B}{Y}.", "A>B MET",
      lambda s: seat_of(s["C"], s["B"]) and not seat_of(s["C"], s["A"]), A=OFFICIALS, B=OFFICIALS, C=CAPITALS),
    T("met_refused", "{A} refused to meet {B}, citing a busy schedule.", "A>B MET neg", A=OFFICIALS, B=OFFICIALS),
    T("met_letter", "{A} sent a letter to {B} urging calm.", "", A=OFFICIALS, B=OFFICIALS),
    T("met_discussed", "{A} discussed the crisis with {B} by telephone.", "A>B MET", A=OFFICIALS, B=OFFICIALS),

    # ---- SUPPORTED ------------------------------------------------------------------
    T("sup_intel", "{A} {A|has|have} stepped up intelligence-sharing with {B}.", "A>B SUPPORTED",
      A=BACKERS, B=SUPPORTED_GOVS),
    T("sup_drones", "{A} supplied drones to {B}{Y}.", "A>B SUPPORTED", A=BACKERS, B=SUPPORTED_FORCES),
    T("sup_alongside", "{A.mod} fighters fought alongside {B} in the battle for {L}{Y}.", "A>B SUPPORTED",
      A=PMCS + MILITIAS, B=SAHEL_FORCES, L=TOWNS),
    T("sup_delivered", "{A} delivered armoured vehicles and helicopters to {B}{Y}.", "A>B SUPPORTED",
      A=BACKERS, B=SUPPORTED_GOVS),
    T("sup_trained", "{A} trained {B.mod} special forces at a camp near {C}.", "A>B SUPPORTED",
      A=BACKERS, B=SUPPORTED_FORCES, C=[c for c in CAPITALS if c.country in AES_STATES | LAKE_CHAD_STATES]),
    T("sup_received", "{B} received attack helicopters from {A}{Y}.", "A>B SUPPORTED",
      A=BACKERS, B=SUPPORTED_FORCES),
    T("sup_backs", "{A} {A|backs|back} {B} in {B.its} fight against {C}.", "A>B SUPPORTED",
      A=BACKERS, B=SUPPORTED_GOVS, C=JIHADISTS),
    T("sup_backing", "With backing from {A}, {B} {B|has|have} expanded {B.its} operations around {L}.",
      "A>B SUPPORTED", A=BACKERS + PMCS, B=SUPPORTED_FORCES, L=TOWNS),
    T("sup_accused_arming", "{C} accused {A} of arming {B}.", "A>B SUPPORTED hedged",
      C=SAHEL_GOVS, A=ACCUSED_SPONSORS, B=INSURGENTS),
    T("sup_denied", "{A} denied supplying weapons to {B}.", "A>B SUPPORTED neg", A=ACCUSED_SPONSORS, B=INSURGENTS),
    T("sup_offered", "{A} offered to send troops to {B} if asked.", "", A=BACKERS, B=SUPPORTED_GOVS),
    T("sup_instructors", "{A} deployed military instructors to help {B}.", "A>B SUPPORTED",
      A=BACKERS, B=SUPPORTED_FORCES),
    T("sup_suspended", "{A} suspended {A.its} aid to {B} after the coup.", "A>B SUPPORTED neg",
      A=AID_SUSPENDERS, B=SAHEL_GOVS),
    T("sup_funding", "{A} provided budget support to {B}{Y}.", "A>B SUPPORTED",
      A=DONORS, B=SUPPORTED_GOVS),
    T("sup_nominal", "{A.poss} support for {B} includes surveillance flights over {L}.", "A>B SUPPORTED",
      A=BACKERS, B=SUPPORTED_FORCES, L=TOWNS),
    T("sup_relcl", "{A}, which protects {B.adj} leaders, also guards mines near {L}.", "A>B SUPPORTED",
      A=PMCS, B=SAHEL_GOVS, L=TOWNS),
    T("sup_expel", "{B} expelled {A} and turned to {C} for help.", "C>B SUPPORTED",
      lambda s: s["A"].id in ("french_armed_forces", "barkhane") and s["C"].id in ("russia", "africa_corps", "wagner"),
      B=SAHEL_GOVS, A=FOREIGN_FORCES, C=BACKERS + PMCS),
    T("sup_reportedly", "{A} {A|is|are} reportedly sharing satellite imagery with {B}.", "A>B SUPPORTED hedged",
      A=BACKERS, B=SUPPORTED_FORCES),
    T("sup_plan", "{A} {A|plans|plan} to sell fighter jets to {B}.", "", A=BACKERS, B=SUPPORTED_GOVS),
    T("sup_passive", "{B} {B|is|are} backed by {A} in the battle for {L}.", "A>B SUPPORTED",
      A=BACKERS + PMCS, B=SUPPORTED_FORCES, L=TOWNS),
    T("sup_air_support", "{A} provided air support to {B} during the fighting in {L}{Y}.", "A>B SUPPORTED",
      A=[f for f in FOREIGN_FORCES if f.id != "mnjtf"], B=SAHEL_FORCES, L=TOWNS),

    # ---- mixed and no-relation ------------------------------------------------------
    T("mix_attack_sanction", "{A} attacked {B} days after {C} sanctioned {D}.", "A>B ATTACKED; C>D SANCTIONED",
      A=INSURGENTS, B=TARGETS, C=[s for s in SANCTIONERS if s.id not in REGIONAL], D=SANCTIONED_OFFICIALS),
    T("mix_met_support", "{A} met {B} and promised that {C} would keep supporting {D}.", "A>B MET",
      lambda s: s["C"].country == s["A"].country and s["D"].country == s["B"].country,
      A=OFFICIALS, B=SAHEL_LEADERS, C=BACKERS, D=SUPPORTED_GOVS),
    T("mix_arrest_attack", "{A} arrested {B} a week after {C} attacked {L}.", "A>B ARRESTED; C>L ATTACKED",
      A=SAHEL_GOVS, B=DETAINEES, C=INSURGENTS, L=TOWNS),
    T("none_members", "{A} and {B} are both members of {C}.", "", A=MEMBER_STATES, B=MEMBER_STATES,
      C=[o for o in ORGS if o.id in ("un", "ecowas", "au")]),
    T("none_leader_appos", "{A}, the leader of {B}, spoke at length about {C}.", "",
      lambda s: s["A"].country == s["B"].country,
      A=[p for p in SAHEL_LEADERS if p.id in {h.id for h in HEADS_OF_STATE}],
      B=SAHEL_GOVS, C=INSURGENTS),
    T("none_ceremony", "Officials from {A} and {B} attended the ceremony in {C}.", "",
      A=HOME_STATES, B=HOME_STATES, C=CAPITALS),
    T("none_told", "{A} told {B} that {C} remained the main threat.", "", A=SAHEL_LEADERS, B=ORGS, C=INSURGENTS),
    T("none_report", "A report by {A} documented abuses in areas controlled by {B}.", "",
      A=WATCHDOGS, B=SAHEL_FORCES + INSURGENTS),
    T("none_withdrew", "{A} withdrew from {B} in January.", "", A=SAHEL_GOVS,
      B=[o for o in ORGS if o.id == "ecowas"] + [org("g5_sahel", "the [G5 Sahel]")]),
    T("none_condemned", "{A} condemned the violence in {L} and urged {B} to protect civilians.", "",
      A=WATCHDOGS, L=TOWNS, B=SAHEL_GOVS),
    T("none_quoted", "{A} told reporters in {C} that {B} had no plans to leave {D}.", "",
      lambda s: s["A"].country == s["B"].country == s["C"].country, A=SAHEL_LEADERS, C=SAHEL_CAPITALS,
      B=[s for s in SAHEL_GOVS if not s.plural], D=[o for o in ORGS if o.id in ("aes", "un", "au")]),
    T("none_recruit", "{A} recruits heavily in villages around {L}, according to {B}.", "",
      A=INSURGENTS, L=TOWNS, B=WATCHDOGS),
    T("none_ties", "{A} has cut diplomatic ties with {B}.", "", A=[s for s in SAHEL_GOVS if not s.plural],
      B=[s for s in ACCUSED_SPONSORS if s.id != "france"] + [state("france", "[France]", "france", where=None)]),
]
