"""The actor knowledge base: canonical actors and every name they go by.

Records live in ``resources/actors.jsonl`` (one JSON object a line, shared by
every language: French and English names of an actor are aliases of one id) and
users add their own file in the same format (``sahel_ner.load(extra_actors=...)``,
or ``SAHEL_NER_ACTORS=path1:path2``). A record::

    {"id": "mali", "label": "Mali", "type": "STATE",
     "aliases": ["Mali", "Republic of Mali"],
     "case_sensitive_aliases": ["US"],  # short forms that are also English words ("us")
     "demonyms": ["Malian"],            # STATE: builds "the Malian junta", "Malian troops" (English)
     "demonyms_fr": ["malien", "malienne", "maliens", "maliennes"],  # STATE: the same for French
     "names_fr": ["le Mali"],           # STATE: its names, with their article, in French templates ("la junte du Mali")
     "capital": "bamako",               # STATE (or an organisation: the EU's "brussels"): its seat, a LOCATION record
     "military": "malian_armed_forces", # STATE: its forces (a MILITARY record)
     "roles": [{"title": "...", "country": "mali", "from": "2021", "to": null}],  # PERSON
     "affiliation": "mali",             # PERSON / MILITARY / group: country or group id
     "reports": true}                   # a monitor or news outlet: it tells of acts, it does not do them

Phrases built from demonyms and institution words ("Mali's military rulers",
"Malian authorities", "FAMa soldiers"; in French "la junte malienne", "les autorités
de Bamako") come from ``institutions.json`` so the gazetteer does not need every
combination spelled out. Templates fill ``{demonym}``, ``{name}`` and ``{capital}``
(the names of the state's ``capital`` record).

Aliases are shared by every language (a French name of an actor is one more alias
of its id). Demonyms and the state names that templates fill in are per language:
``demonyms`` and the state's label and short aliases serve English; another
language ``xx`` reads ``demonyms_xx`` (every gender and number: "malien",
"maliennes") and ``names_xx`` instead, so French words never enter English
templates and English ones never French templates.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .resources import iter_jsonl_text, read_json, read_jsonl
from .schema import ACTOR_TYPES  # noqa: F401  (defined once, in the schema module)
from .text import fold

# Marker ids for generic institution phrases ("the junta", "the army") that the
# linker resolves to the article's focus state or that state's military.
GENERIC_STATE = "@state"
GENERIC_MILITARY = "@military"

# Per-language record keys: "demonyms_fr", "names_fr".
_LOCAL_KEY = re.compile(r"^(demonyms|names)_([a-z]{2,3})$")


@dataclass
class Actor:
    id: str
    label: str
    type: str
    aliases: list[str] = field(default_factory=list)
    case_sensitive_aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    capital: str | None = None
    military: str | None = None
    affiliation: str | None = None
    roles: list[dict] = field(default_factory=list)
    reports: bool = False
    # language -> {"demonyms": [...], "names": [...]} for languages other than English
    local: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    @classmethod
    def from_record(cls, rec: dict, origin: str) -> "Actor":
        missing = [k for k in ("id", "label", "type") if not rec.get(k)]
        if missing:
            raise ValueError(f"{origin}: actor record lacks {', '.join(missing)}: {rec!r:.120}")
        if rec["type"] not in ACTOR_TYPES:
            raise ValueError(f"{origin}: actor {rec['id']!r} has unknown type {rec['type']!r}; "
                             f"use one of {', '.join(ACTOR_TYPES)}")
        return cls(id=rec["id"], label=rec["label"], type=rec["type"],
                   aliases=list(rec.get("aliases") or []),
                   case_sensitive_aliases=list(rec.get("case_sensitive_aliases") or []),
                   demonyms=list(rec.get("demonyms") or []),
                   capital=rec.get("capital"), military=rec.get("military"),
                   affiliation=rec.get("affiliation"), roles=list(rec.get("roles") or []),
                   reports=bool(rec.get("reports")), local=_local_words(rec))

    def to_record(self) -> dict:
        rec = {"id": self.id, "label": self.label, "type": self.type, "aliases": self.aliases}
        for key in ("case_sensitive_aliases", "demonyms", "capital", "military", "affiliation", "roles", "reports"):
            if getattr(self, key):
                rec[key] = getattr(self, key)
        for lang, words in self.local.items():
            for kind, values in words.items():
                rec[f"{kind}_{lang}"] = values
        return rec

    def demonyms_in(self, lang: str) -> list[str]:
        """Demonyms the templates of ``lang`` use ("Malian"; "malien", "malienne" ...)."""
        return self.demonyms if lang == "en" else self.local.get(lang, {}).get("demonyms", [])

    def names_in(self, lang: str) -> list[str]:
        """The state's names that ``{name}`` templates use: its label and up to three
        short aliases in English, ``names_<lang>`` in another language."""
        if lang == "en":
            return [self.label] + [a for a in self.aliases if len(a) > 3 and " " not in a.strip(".")][:3]
        return self.local.get(lang, {}).get("names", [])


def _local_words(rec: dict) -> dict[str, dict[str, list[str]]]:
    local: dict[str, dict[str, list[str]]] = {}
    for key, values in rec.items():
        match = _LOCAL_KEY.match(key)
        if match and values:
            local.setdefault(match.group(2), {})[match.group(1)] = list(values)
    return local


class KnowledgeBase:
    """Canonical actors plus the folded-alias index the ruler and linker use."""

    def __init__(self, actors: Iterable[Actor], institutions: dict, lang: str = "en"):
        self.lang = lang
        self.actors: dict[str, Actor] = {}
        for actor in actors:  # later records (user files) override packaged ones
            self.actors[actor.id] = actor
        self.institutions = institutions
        self._build_index()

    # -- construction -------------------------------------------------------
    @classmethod
    def load(cls, lang: str = "en", extra: Iterable[str | os.PathLike] = ()) -> "KnowledgeBase":
        actors = [Actor.from_record(r, "actors.jsonl") for r in read_jsonl(None, "actors.jsonl")]
        paths = list(extra)
        env = os.environ.get("SAHEL_NER_ACTORS")
        if env:
            paths += [p for p in env.split(os.pathsep) if p]
        for path in paths:
            path = Path(path)
            if not path.is_file():
                raise FileNotFoundError(f"actor file not found: {path}")
            actors += [Actor.from_record(r, str(path))
                       for r in iter_jsonl_text(path.read_text(encoding="utf-8"), str(path))]
        return cls(actors, read_json(lang, "institutions.json"), lang)

    def to_records(self) -> list[dict]:
        return [a.to_record() for a in self.actors.values()]

    @classmethod
    def from_records(cls, records: list[dict], institutions: dict, lang: str = "en") -> "KnowledgeBase":
        return cls([Actor.from_record(r, "serialized") for r in records], institutions, lang)

    def _build_index(self) -> None:
        # folded phrase -> actor id; the first claim wins, so explicit aliases beat
        # generated institution phrases and a user's file can override by id.
        self.phrases: dict[str, str] = {}
        # folded phrase -> its spelling as written, so patterns tokenize like text ("U.S." not "u.s.")
        self.phrase_forms: dict[str, str] = {}
        self.seat_of: dict[str, str] = {}      # capital location id -> state id
        self.body_seat_of: dict[str, str] = {}  # seat location id -> organisation id (not a state)
        self.surnames: dict[str, set[str]] = {}  # folded surname -> person ids
        self.exact_phrases: dict[str, str] = {}  # case-sensitive short forms ("US") -> id
        self.demonyms: dict[str, str] = {}  # folded demonym ("burkinabe") -> state id
        # Names that are also common words of this language ("EU" / French "eu") match only as written.
        as_written = set(self.institutions.get("case_sensitive_aliases", ()))
        for actor in self.actors.values():
            for alias in [actor.label, *actor.aliases]:
                if alias in as_written:
                    self.exact_phrases.setdefault(alias, actor.id)
                else:
                    self._claim(alias, actor.id)
            for alias in actor.case_sensitive_aliases:
                self.exact_phrases.setdefault(alias, actor.id)
            for dem in actor.demonyms_in(self.lang) if actor.type == "STATE" else ():
                self.demonyms.setdefault(fold(dem), actor.id)
            if actor.type == "STATE" and actor.capital:
                self.seat_of[actor.capital] = actor.id
            elif actor.capital:  # "Brussels imposed sanctions": an organisation's seat names it
                self.body_seat_of[actor.capital] = actor.id
            if actor.type == "PERSON":
                for name in {actor.label, *actor.aliases}:
                    parts = name.split()
                    if len(parts) > 1:
                        self.surnames.setdefault(fold(parts[-1]), set()).add(actor.id)
        for actor in self.actors.values():
            if actor.type == "STATE":
                self._add_state_phrases(actor)
        for head in self.institutions.get("generic_state", []):
            self._claim(head, GENERIC_STATE)
        for head in self.institutions.get("generic_military", []):
            self._claim(head, GENERIC_MILITARY)

    def _claim(self, phrase: str, actor_id: str) -> None:
        key = fold(phrase)
        if key not in self.phrases:
            self.phrases[key] = actor_id
            self.phrase_forms[key] = phrase

    def _add_state_phrases(self, state: Actor) -> None:
        names = state.names_in(self.lang)
        demonyms = state.demonyms_in(self.lang)
        for kind, target in (("government", state.id), ("military", state.military)):
            if not target:
                continue
            spec = self.institutions.get(kind, {})
            for head in spec.get("heads", []):
                for template in spec.get("templates", []):
                    fills = {"head": head}
                    if "{demonym}" in template:
                        for dem in demonyms:
                            phrase = template.format(demonym=dem, **fills)
                            if dem in state.case_sensitive_aliases or (dem.isupper() and len(dem) <= 3):
                                # "US officials" but never "give us intelligence"
                                self.exact_phrases.setdefault(phrase, target)
                            else:
                                self._claim(phrase, target)
                    elif "{name}" in template:
                        for name in names:
                            self._claim(self._contract(template.format(name=name, **fills)), target)
                    elif "{capital}" in template and state.capital in self.actors:
                        seat = self.actors[state.capital]  # "les autorités de Bamako"
                        for name in dict.fromkeys([seat.label, *seat.aliases]):
                            self._claim(template.format(capital=name, **fills), target)

    def _contract(self, phrase: str) -> str:
        """French articles after a preposition: "la junte de le Mali" -> "la junte du Mali"."""
        for long, short in self.institutions.get("contractions", {}).items():
            phrase = phrase.replace(long, short)
        return phrase

    # -- lookups ------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.actors)

    def __contains__(self, actor_id: str) -> bool:
        return actor_id in self.actors

    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def lookup(self, text: str) -> str | None:
        """Actor id (or a generic marker) for a name as written, else None."""
        return self.phrases.get(fold(text))

    def led_state(self, person_id: str, leader_titles: frozenset[str]) -> str | None:
        """The state a person leads or led last (a role whose title starts with
        a head-of-state or head-of-government title), else None."""
        person = self.actors.get(person_id)
        if person is None or person.type != "PERSON":
            return None
        led = None
        for role in sorted(person.roles, key=lambda r: r.get("to") is None):  # the current role last
            title = fold(str(role.get("title", "")))
            if role.get("country") in self.actors and any(title.startswith(t) for t in leader_titles):
                led = role["country"]
        return led

    def military_of(self, state_id: str | None) -> str | None:
        actor = self.actors.get(state_id or "")
        return actor.military if actor else None

    def stats(self) -> dict:
        by_type: dict[str, int] = {}
        for a in self.actors.values():
            by_type[a.type] = by_type.get(a.type, 0) + 1
        return {"actors": len(self.actors), "phrases": len(self.phrases), "by_type": by_type}
