"""Foreign forces arriving in or leaving a country: "Russian instructors
arrived in Niamey", "Wagner had been deployed in the country", "Wagner left
Mali", "the withdrawal of French troops from Niger".

The forces' side supports the country they come to; leaving ends the support
(the relation is output ``negated``). Only forces tied to another state count
(a state's military, or a group whose knowledge-base affiliation is a state,
such as Wagner or Africa Corps): "JNIM fighters arrived in the town" is not
support. The type file lists the words under ``presence_verbs`` and
``presence_nouns`` (word -> "arrive" or "leave").
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ...relation_types import RelationType
from .arguments import PASS_SUBJ, ArgumentFinder, pobjs, preps_in
from .records import Candidate, candidate



def presence_relations(word: Token, rtype: RelationType, args: ArgumentFinder) -> list[Candidate]:
    lemma = word.lemma_.lower()
    is_verb = word.pos_ in ("VERB", "AUX")
    movement = (rtype.presence_verbs if is_verb else rtype.presence_nouns).get(lemma) or \
        (rtype.presence_nouns.get(word.lower_) if not is_verb else None)
    if movement is None:
        return []
    leaving = movement == "leave"
    places = pobjs(preps_in([word], args.words.out_of_prepositions if leaving else args.words.into_prepositions))
    if movement == "host":  # "Niger hosted French and American troops"
        forces = [c for c in word.children if c.dep_ in ("dobj", "obj")]
        places = args.subjects(word)
    elif is_verb:
        passive = any(c.dep_ in PASS_SUBJ or c.dep_ == "auxpass" for c in word.children)
        forces = [c for c in word.children if c.dep_ in PASS_SUBJ] if passive else args.subjects(word)
        objects = [c for c in word.children if c.dep_ in ("dobj", "obj")]
        if leaving and places:
            forces = forces + objects  # "France withdrew its troops from Mali"
        elif leaving:
            places += objects  # "Wagner left Mali"
        elif not passive and objects:
            # "Russia deployed its Africa Corps to Mali": the sender and the forces it sends
            forces = forces + objects
            places += pobjs(preps_in(objects, args.words.into_prepositions))
    else:
        forces = pobjs(preps_in([word], args.words.genitive_prepositions | args.words.agent_prepositions))  # "the withdrawal of French troops from Niger"
        places += pobjs(preps_in(forces, args.words.out_of_prepositions if leaving else args.words.into_prepositions))
    # "a French delegation arrived in Bamako", "the Russian team": a visit, not forces
    visitors = args.words.representative_nouns | args.words.leader_nouns
    forces = [f for f in forces if f.lower_ not in visitors]
    sides = [s for s in (_foreign_side(f, args) for f in args.actors_of(forces)) if s is not None]
    # "France withdrew its troops": the state speaks for its own forces
    sides = [s for s in sides if s.label_ == "STATE" or all(_state_of(s, args) != o.kb_id_ for o in sides)]
    found = []
    for country in args.actors_of(places):
        state = country.kb_id_ if country.label_ == "STATE" else args.kb.seat_of.get(country.kb_id_)
        if state is None:
            continue  # a town or region, not a country
        target = Span(country.doc, country.start, country.end, label="STATE", kb_id=state)
        found += [candidate(side, target, "verb", negated=leaving) for side in sides if _state_of(side, args) != state]
    return found


def _foreign_side(force: Span, args: ArgumentFinder) -> Span | None:
    """The forces as a supporter: a state's military or a group tied to a state."""
    if force.label_ == "MILITARY":
        # "Russian instructors arrived": the state that sends its forces supports
        state = args.kb.actors.get(force.kb_id_)
        if state is not None and state.affiliation in args.kb.actors:
            return Span(force.doc, force.start, force.end, label="STATE", kb_id=state.affiliation)
        return force
    if force.label_ == "STATE" and force.root.dep_ not in ("dobj", "obj"):
        return force
    actor = args.kb.actors.get(force.kb_id_)
    if force.label_ == "ARMED_GROUP" and actor is not None and actor.affiliation in args.kb.actors \
            and args.kb.actors[actor.affiliation].type == "STATE":
        return force  # Wagner, Africa Corps: a person arriving is a visit, not forces
    return None


def _state_of(side: Span, args: ArgumentFinder) -> str:
    actor = args.kb.actors.get(side.kb_id_)
    if side.label_ == "STATE" or actor is None:
        return side.kb_id_
    return actor.affiliation or side.kb_id_
