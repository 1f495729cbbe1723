"""Relation type definitions: one JSON file per type, no code per type.

A type file (``resources/<lang>/relations/<TYPE>.json``, or a user's folder
passed to ``sahel_ner.load(extra_relation_dirs=[...])``) says which words
express the relation and where its arguments sit. The keys:

==========================  =====================================================
``type``                    the relation label, upper case (file name stem)
``symmetric``               true for MET-like types (one edge per pair)
``verbs``                   verb lemmas that express it ("attack", "storm")
``direct_object``           verbs whose direct object is the target
``verb_target_preps``       prepositions introducing the target after a verb
                            ("met *with*", "supplied drones *to*")
``verb_preps``              per verb, the only prepositions that introduce its
                            target, and enough on their own ("fought
                            *alongside* the army")
``verb_requires_word``      per verb, words one of which must depend on it
                            (idioms: "came *face* to face", "threw its
                            *weight* behind")
``verb_needs_object``       verbs that count only with a matching object
                            (``object_nouns``) or prepositional target
``object_nouns``            for those verbs, object heads that make them count
                            ("provided *drones* to", "shared *intelligence*")
``object_types_for``        per verb, the actor types its object may have
``nouns``                   nominal triggers ("attack", "sanctions", "talks")
``noun_requires_modifier``  per noun, modifiers it needs ("*asset* freeze")
``noun_source_preps``       prepositions introducing the source of a noun ("by")
``noun_target_preps``       prepositions introducing its target ("on", "of")
``noun_location_preps`` /   prepositions introducing the scene ("attacked a
``verb_location_preps``     school *in* Bamako"): the place is the target only
                            when no actor is
``light_verbs``             verbs whose subject is the source of a nominal
                            trigger in their object ("*imposed* sanctions on")
``source_types`` /          actor types allowed at each end
``target_types``
``capital_as_state``        a capital at either end stands for its state
``negating_verbs``          verbs that negate the relation when they govern its
                            trigger ("*lifted* sanctions", "*denied* attacking")
``defender_verbs``          verbs whose subject is on the receiving end of the
                            nominal trigger they govern ("the army *repelled*
                            an assault by JNIM": JNIM attacked the army)
``counter_verbs``           defender verbs whose subject also strikes back at the
                            author ("the army *repelled* an assault by JNIM":
                            JNIM attacked the army, and the army attacked JNIM)
``receiver_verbs``          per verb, the prepositions introducing the source
                            when the subject is the target ("the army
                            *received* drones *from* Turkey")
``mutual``                  verbs and nouns of mutual violence whose co-subjects
                            act on each other ("X and Y *clashed*", "*clashes*
                            between X and Y"): one relation per pair
``victim_verbs`` /          verbs whose subject suffers the act when their
``victim_objects``          object is one of these ("a convoy *struck* an *IED*
                            planted by X": X attacked the convoy)
``suffering_verbs``         intransitive verbs whose subject suffered the act a
                            means phrase names ("soldiers *died* in an attack
                            by X", "ont péri dans une embuscade du JNIM"): X
                            attacked them; without such a phrase, nothing
``implicit_source_types``   actor types an implicit source may have (an
                            arrest's inferred agent is a state or its forces,
                            never a person named nearby); default: source_types
``host_triggers``           triggers whose state end stands for its leader when
                            the article names one ("Tiani visited Mali" with
                            Goïta named: MET(Tiani, Goïta)), as for official visits
``reporters``               where monitors and news outlets (actors marked
                            ``reports`` in the knowledge base: "Human Rights
                            Watch called on...", "ACLED estimates...") may stand:
                            "both" ends, "target" only, or "none" (default)
``presence_verbs`` /        words by which foreign forces come to ("arrive") or
``presence_nouns``          leave ("leave") a country, or a country hosts them
                            ("host"): {"arrive": "arrive", "withdraw": "leave",
                            "host": "host"}; coming is support, leaving ends it
                            (output negated)
``own_forces``              false: no relation between a state and its own
                            forces ("Mali ... train its armed forces" is not
                            support from anyone)
``claimable``               an act told without its agent takes the author of a
                            later claim ("JNIM claimed responsibility") or
                            attribution ("blamed X for the attack")
``counted_persons``         person nouns that, counted, name individuals and not
                            their state or forces: "sanctions on *three Malian
                            officials*" is not a sanction on Mali (the named
                            officials carry it)
``state_verbs``             verbs of being in the state a trigger noun names
                            after a light preposition: their subject is the
                            target, the agent implicit ("X remains under house
                            arrest", "X, who has been in detention since May")
``implicit_scope``          how far back an implicit source may be: "window"
                            (the cue file's lookback, for acts told one by one,
                            such as attacks) or "article" (one agent usually
                            does all of them, such as a government's arrests)
``implicit_state``          when no earlier sentence names the agent, the state
                            where the act happened (a capital's state, else the
                            article's focus state) is its source: "four agents
                            were arrested in Ouagadougou" (Burkina Faso)
``implicit_agent``          an agentless passive takes its source from the
                            preceding sentences (marked ``implicit``)
``implicit_agent_nominal``  the same for a nominal without a source ("the
                            arrest of X"); off where unknown agents are common
                            ("an attack on a base killed ten")
==========================  =====================================================
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .resources import resource_path

ALL_TYPES = ("MET", "SANCTIONED", "ATTACKED", "ARRESTED", "SUPPORTED")


@dataclass
class RelationType:
    type: str
    symmetric: bool = False
    verbs: set[str] = field(default_factory=set)
    direct_object: set[str] = field(default_factory=set)
    verb_target_preps: set[str] = field(default_factory=set)
    verb_needs_object: set[str] = field(default_factory=set)
    verb_preps: dict[str, list[str]] = field(default_factory=dict)
    verb_requires_word: dict[str, list[str]] = field(default_factory=dict)
    object_nouns: set[str] = field(default_factory=set)
    object_types_for: dict[str, list[str]] = field(default_factory=dict)
    nouns: set[str] = field(default_factory=set)
    noun_requires_modifier: dict[str, list[str]] = field(default_factory=dict)
    noun_source_preps: set[str] = field(default_factory=set)
    noun_target_preps: set[str] = field(default_factory=set)
    noun_location_preps: set[str] = field(default_factory=set)
    verb_location_preps: set[str] = field(default_factory=set)
    light_verbs: set[str] = field(default_factory=set)
    source_types: set[str] = field(default_factory=set)
    target_types: set[str] = field(default_factory=set)
    capital_as_state: bool = False
    negating_verbs: set[str] = field(default_factory=set)
    defender_verbs: set[str] = field(default_factory=set)
    counter_verbs: set[str] = field(default_factory=set)
    receiver_verbs: dict[str, list[str]] = field(default_factory=dict)
    mutual: set[str] = field(default_factory=set)
    victim_verbs: set[str] = field(default_factory=set)
    victim_objects: set[str] = field(default_factory=set)
    suffering_verbs: set[str] = field(default_factory=set)
    implicit_source_types: set[str] = field(default_factory=set)
    counted_persons: set[str] = field(default_factory=set)
    state_verbs: set[str] = field(default_factory=set)
    implicit_scope: str = "window"
    implicit_state: bool = False
    claimable: bool = False
    own_forces: bool = True
    reporters: str = "none"
    presence_verbs: dict[str, str] = field(default_factory=dict)
    presence_nouns: dict[str, str] = field(default_factory=dict)
    host_triggers: set[str] = field(default_factory=set)
    implicit_agent: bool = False
    implicit_agent_nominal: bool = False
    description: str = ""

    @classmethod
    def from_dict(cls, data: dict, origin: str = "") -> "RelationType":
        if not data.get("type"):
            raise ValueError(f"{origin}: relation type file lacks 'type'")
        known = set(cls.__dataclass_fields__)
        unknown = [k for k in data if k not in known and not k.startswith("_")]
        if unknown:
            raise ValueError(f"{origin}: unknown keys {unknown}; allowed: {sorted(known)}")
        values = {}
        for key, value in data.items():
            if key.startswith("_"):
                continue
            default = cls.__dataclass_fields__[key].default_factory if key in known else None
            values[key] = set(value) if default is set else value
        values["type"] = str(values["type"]).upper()
        return cls(**values)

    def to_dict(self) -> dict:
        return {k: sorted(v) if isinstance(v, set) else v for k, v in self.__dict__.items()}


def load_packaged_types(lang: str = "en") -> dict[str, RelationType]:
    folder = resource_path(lang, "relations")
    types = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            rtype = RelationType.from_dict(json.loads(entry.read_text(encoding="utf-8")), entry.name)
            types[rtype.type] = rtype
    return types


def load_type_dir(folder: str | Path) -> dict[str, RelationType]:
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"relation type folder not found: {folder}")
    types = {}
    for path in sorted(folder.glob("*.json")):
        rtype = RelationType.from_dict(json.loads(path.read_text(encoding="utf-8")), str(path))
        types[rtype.type] = rtype
    if not types:
        raise ValueError(f"no <TYPE>.json relation files in {folder}")
    return types
