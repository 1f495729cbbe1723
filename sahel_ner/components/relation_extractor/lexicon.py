"""The English (or other) words the extractor reads arguments with, from
``resources/<lang>/arguments.json``: one frozen set per list."""
from __future__ import annotations

from dataclasses import dataclass, fields

from ...resources import read_json


@dataclass(frozen=True)
class ArgumentWords:
    """Word lists for one language; see the ``_about`` key of the data file."""

    argument_prepositions: frozenset[str]
    pronouns: frozenset[str]
    person_pronouns: frozenset[str]
    group_possessives: frozenset[str]
    member_nouns: frozenset[str]
    affiliation_words: frozenset[str]
    holding_participles: frozenset[str]
    reporting_verbs: frozenset[str]
    receiving_verbs: frozenset[str]
    giver_prepositions: frozenset[str]
    accompaniment_prepositions: frozenset[str]
    agent_prepositions: frozenset[str]
    genitive_prepositions: frozenset[str]
    object_raising_prepositions: frozenset[str]
    light_prepositions: frozenset[str]
    relative_subjects: frozenset[str]
    relative_possessives: frozenset[str]
    relative_objects: frozenset[str]
    among_prepositions: frozenset[str]
    among_nouns: frozenset[str]
    inclusion_verbs: frozenset[str]
    inclusion_subjects: frozenset[str]
    scene_prepositions: frozenset[str]
    place_below_prepositions: frozenset[str]
    date_bound_prepositions: frozenset[str]
    place_heads: frozenset[str]
    regime_nouns: frozenset[str]
    agent_nouns_prepositions: frozenset[str]
    modifier_participles: frozenset[str]
    capital_nouns: frozenset[str]
    list_marks: frozenset[str]
    affiliation_nouns: frozenset[str]
    representative_nouns: frozenset[str]
    identity_hedges: frozenset[str]
    descriptor_participles: frozenset[str]
    partitive_articles: frozenset[str]
    quantity_nouns: frozenset[str]
    authorship_verbs: frozenset[str]
    act_nouns: frozenset[str]
    circumstance_prepositions: frozenset[str]
    targeting_participles: frozenset[str]
    continuation_verbs: frozenset[str]
    possessive_pronouns: frozenset[str]
    planting_verbs: frozenset[str]
    device_nouns: frozenset[str]
    compass_words: frozenset[str]
    leader_titles: frozenset[str]
    leader_nouns: frozenset[str]
    means_prepositions: frozenset[str]
    between_prepositions: frozenset[str]
    coordinators: frozenset[str]
    genitive_source_types: frozenset[str]
    into_prepositions: frozenset[str]
    opposing_verbs: frozenset[str]
    out_of_prepositions: frozenset[str]
    target_nouns: frozenset[str]
    copulas: frozenset[str]
    compass_prepositions: frozenset[str]
    object_control_verbs: frozenset[str]
    classifier_prepositions: frozenset[str]
    list_prepositions: frozenset[str]
    also_words: frozenset[str]
    member_prepositions: frozenset[str]
    including_prepositions: frozenset[str]
    claim_verbs: dict[str, frozenset[str]]
    description_anaphors: dict[str, frozenset[str]]
    listing_verbs: dict[str, frozenset[str]]
    attribution_verbs: dict[str, frozenset[str]]
    number_words: dict[str, int]

    @classmethod
    def load(cls, lang: str = "en") -> "ArgumentWords":
        data = read_json(lang, "arguments.json")
        missing = [f.name for f in fields(cls) if f.name not in data]
        if missing:
            raise ValueError(f"resources/{lang}/arguments.json lacks {', '.join(missing)}")
        return cls(**{f.name: _frozen(data[f.name]) for f in fields(cls)})


def _frozen(value: list | dict) -> frozenset[str] | dict[str, frozenset[str]] | dict[str, int]:
    """A list becomes a set; a mapping (word -> the words it needs) a mapping of
    sets; a mapping to numbers stays as it is."""
    if isinstance(value, dict):
        return {key: words if isinstance(words, int) else frozenset(words) for key, words in value.items()}
    return frozenset(value)
