"""Nominal triggers: "JNIM's attack", "US sanctions on Mali", "the arrest of X
by Y", "talks between A and B".

Possessor, compound, demonym or "by" -> source; prepositions -> target. A noun
that is the object of a light verb ("imposed sanctions", "held talks") takes
the light verb's subject as its source.
"""
from __future__ import annotations

from itertools import combinations

from spacy.tokens import Span, Token

from ...relation_types import RelationType
from .arguments import SUBJ, ArgumentFinder, agents, in_brackets, pobjs, prefer_actors, preps_in
from .records import Candidate, candidate, meeting_pairs, pairs


def noun_relations(noun: Token, rtype: RelationType, args: ArgumentFinder) -> list[Candidate]:
    if classifier(noun, args):
        return []
    word = noun.lower_
    needed = rtype.noun_requires_modifier.get(word) or rtype.noun_requires_modifier.get(noun.lemma_.lower())
    mods = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod")]
    if needed and not any(m.lower_ in needed or m.lemma_.lower() in needed for m in mods) and not any(
            part in needed for part in word.split("-")[:-1]):
        return []
    # Coordinated triggers share the first one's verb: "imposed a travel ban and an asset freeze on X".
    anchor = noun
    while anchor.dep_ == "conj" and anchor.head.pos_ in ("NOUN", "PROPN"):
        anchor = anchor.head
    sources = args.actors_of(args.modifier_heads(noun)) + args.demonym_states(noun)
    if not sources:  # "X briefed the summit on his talks with Y": "his" is the clause's subject
        sources = args.possessor_subject(noun)
    # "deux attaques, l'une contre un convoi ...": a pronoun standing for one of the acts carries its phrase
    ones = [c for c in noun.children if c.dep_ in ("conj", "appos") and c.pos_ == "PRON"]
    preps = [c for n in {noun, anchor, *ones} for c in n.children if c.dep_ == "prep"]
    if rtype.symmetric and anchor.dep_ in SUBJ:
        # "talks are ongoing between A and B": the "between" phrase on the predicate (not "with":
        # "the summit ended with a reaffirmation of ...")
        predicate = anchor.head
        preps += [c for n in (predicate, *(c for c in predicate.children if c.dep_ in ("acomp", "attr")))
                  for c in n.children if c.dep_ == "prep" and c.i > anchor.i
                  and c.lower_ in args.words.between_prepositions]
    light = light_verb(anchor, rtype, args)
    if light is not None:
        preps += [c for c in light.children if c.dep_ == "prep" and c.i > noun.i]
    by_preps, target_heads, places = _prepositional_arguments(noun, rtype, args, preps)
    # "airstrikes targeting JNIM positions", "an operation involving strikes against ISSP"
    for acl in (c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in args.words.targeting_participles):
        objects = [o for o in acl.children if o.dep_ in ("dobj", "obj")]
        target_heads += [o for o in objects if o.lemma_.lower() not in rtype.nouns]
        target_heads += pobjs(preps_in([o for o in objects if o.lemma_.lower() in rtype.nouns], rtype.noun_target_preps))
    # "attacks by X on Y" (the parser hangs "on Y" on X); not "of": "help from an enemy of Kyiv" is X's own
    target_heads += pobjs(preps_in(by_preps, rtype.noun_target_preps - args.words.genitive_prepositions))
    # "attacks on military positions and the town of Djibo": the parser hangs "town" on "attacks";
    # a second target, not the scene, so it stays beside the actor targets
    co_targets = [c for c in noun.children if c.dep_ == "conj" and c.lower_ not in rtype.nouns
                  and c.lemma_.lower() not in rtype.nouns and c.pos_ in ("NOUN", "PROPN")] if target_heads else []
    sources += [s for s in args.actors_of(by_preps) if all(s.kb_id_ != x.kb_id_ for x in sources)]
    targets = args.actors_of(target_heads)
    if not targets and sources and not target_heads and noun.dep_ in ("ROOT", "appos", "dobj") and \
            noun.tag_ in ("NNS", "VBZ"):
        targets = headline_object(noun, args)  # "EU sanctions Mali junta members"
    received = _received(noun, anchor, light, args)
    if received is not None:
        return received
    kind, implicit = "noun", False
    if not targets and not sources:
        held = _in_state(noun, light, rtype, args)
        if held:  # "X remains under house arrest": the subject is held, by whoever the context says
            return [candidate(None, t, "implicit") for t in args.actors_of(held)]
    if light is not None:
        if not targets:  # "took X into custody", "placed X under house arrest", "X was taken into custody"
            targets = args.actors_of([c for c in light.children if c.dep_ in ("dobj", "obj", "nsubjpass")
                                      and c is not anchor])
        if light.lemma_.lower() in rtype.defender_verbs:
            # "Malian troops repelled an assault by JNIM", "French forces came under attack
            # from X": the subject was attacked (a place named too is only the scene)
            targets = args.actors_of(args.subjects(light)) or targets
            if not sources:  # "Soldiers repelled the attack": whoever the article said attacked
                # (not when the text names the attackers without naming a group: "attacks from militants")
                if by_preps or not rtype.implicit_agent:
                    return []
                return [candidate(None, t, "implicit") for t in targets if t.label_ != "LOCATION"]
            if light.lemma_.lower() in rtype.counter_verbs:  # ... and the defenders struck back
                found = [candidate(s, t, "light") for s in sources for t in targets]
                return found + [candidate(t, s, "light") for s in sources for t in targets]
        elif not sources:
            if any(c.dep_ == "auxpass" for c in light.children):
                sources = args.actors_of(agents(light))
            else:
                subjects = args.subjects(light)
                sources = args.actors_of(subjects)
                implicit = any(args.is_cross_sentence(t) for t in subjects)
            kind = "light"
    if "LOCATION" not in rtype.target_types:
        targets = [t for t in targets if t.label_ != "LOCATION" or rtype.capital_as_state]
    elif not targets and (sources or rtype.claimable) and not _suffered_by_actor(noun, rtype, args):
        # "killings in Diafarabé": the place is the target when no actor is (and an
        # unclaimed "ambush near Niono" is an orphan act that a claim may take)
        targets = [p for p in args.actors_of(places) if p.label_ == "LOCATION" and not in_brackets(p)] or \
            place_below(noun, args)
    targets = prefer_actors(targets)
    targets += [t for t in args.actors_of(co_targets) if all(t.kb_id_ != x.kb_id_ for x in targets)]
    if rtype.symmetric and sources and (noun.lower_ in rtype.host_triggers or noun.lemma_.lower() in rtype.host_triggers):
        # "a visit by U.S. officials, led by X": the visitors meet their host, not each other;
        # a visit to nowhere named is to the country the article is about
        if targets:
            return meeting_pairs(sources, targets, kind, implicit)
        hosts = focus_host(noun, sources, args)
        if hosts:  # inferred: implicit, and the state itself (not its leader) is the host
            return meeting_pairs(sources, hosts, kind, implicit=True)
    if rtype.symmetric:
        found = pairs(sources + targets, kind, implicit)  # talks, a summit: everyone at the table met
        if not found and noun.dep_ == "pobj":
            return gathering(noun, args)
        return found
    if not sources and (noun.lower_ in rtype.mutual or noun.lemma_.lower() in rtype.mutual):
        sides = preps + ([c for c in noun.head.children if c.dep_ == "prep"] if noun.dep_ in SUBJ else [])
        between = [c for p in sides if p.lower_ in args.words.between_prepositions for c in p.children if c.dep_ == "pobj"]
        if between:  # "clashes between the army and JNIM": both sides
            return pairs(args.actors_of(between), kind)
        verb = noun.head
        if noun.dep_ in SUBJ and verb.lemma_.lower() in args.words.opposing_verbs:
            # "clashes pitted the army against JNIM": the verb's object and its prepositional object
            objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
            sides = objects + pobjs([c for w in (verb, *objects) for c in w.children
                                     if c.dep_ == "prep" and c.lower_ not in args.words.genitive_prepositions])
            return pairs(args.actors_of(sides), kind)
    if not sources and targets:
        return [candidate(None, t, "implicit" if rtype.implicit_agent_nominal else "orphan") for t in targets]
    return [candidate(src, t, kind, implicit) for src in sources for t in targets]


def _suffered_by_actor(noun: Token, rtype: RelationType, args: ArgumentFinder) -> bool:
    """"Ten soldiers were killed (or died) in a JNIM ambush near Boni": the act the
    verb's subject suffered, whose target that subject is (not the place)."""
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in args.words.means_prepositions else None
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return False
    return any(s.label_ != "LOCATION" for s in args.actors_of(args.sufferers(verb, rtype.suffering_verbs)))


def _prepositional_arguments(noun: Token, rtype: RelationType, args: ArgumentFinder,
                             preps: list[Token]) -> tuple[list[Token], list[Token], list[Token]]:
    """Heads of the "by" (source), target and place phrases of a trigger noun."""
    by_preps, target_heads, places = [], [], []
    genitive = args.words.genitive_prepositions
    # "l'attaque du JNIM contre le camp": beside another target, the genitive names the author
    targeted = any(p.lower_ in rtype.noun_target_preps and p.lower_ not in genitive for p in preps)
    # "with" names the other side of a mutual act ("clashes with the army"), not of a one-sided
    # one: "an attack on their base near the borders with Mali", "an attack with drones"
    one_sided = bool(rtype.mutual) and noun.lower_ not in rtype.mutual and noun.lemma_.lower() not in rtype.mutual
    for prep in preps:
        if one_sided and prep.lower_ in args.words.accompaniment_prepositions:
            continue
        objs = [c for c in prep.children if c.dep_ == "pobj"]
        if prep.lower_ in rtype.noun_source_preps and (
                prep.lower_ not in genitive or rtype.symmetric or targeted or _authors(objs, args)):
            by_preps += objs
            continue
        if prep.lower_ in rtype.noun_location_preps:
            places += objs  # "strikes in northern Mali": the scene, not a target
        elif prep.lower_ in rtype.noun_target_preps:
            target_heads += objs
    for participle in [c for c in noun.children if c.dep_ == "acl"]:  # "sanctions imposed by ECOWAS on Mali"
        for prep in participle.children:
            objs = [c for c in prep.children if c.dep_ == "pobj"]
            if prep.dep_ == "agent":
                by_preps += objs
                target_heads += pobjs(preps_in(objs, rtype.noun_target_preps))
            elif prep.dep_ == "prep" and prep.lower_ in rtype.noun_target_preps:
                target_heads += objs
    if not by_preps and noun.dep_ == "pobj" and noun.head.head.pos_ == "NOUN":
        # "an investigation into killings by the army": the "by" phrase hangs on the outer noun
        outer = noun.head.head
        by_preps = pobjs([p for p in outer.children if p.dep_ == "prep"
                          and p.lower_ in args.words.agent_prepositions and p.i > noun.i])
        if by_preps:
            places += pobjs(preps_in(by_preps, rtype.noun_location_preps))
    return by_preps, target_heads, places


def classifier(noun: Token, args: ArgumentFinder) -> bool:
    """A bare act noun after a genitive that classifies a thing, not an act:
    "des hélicoptères *de combat*", "un drone *d'attaque*"."""
    head = noun.head
    return noun.dep_ == "pobj" and head.lower_ in args.words.classifier_prepositions and noun.i == head.i + 1 \
        and head.head.pos_ == "NOUN" and head.head.lower_ not in args.words.quantity_nouns \
        and not any(c.dep_ in ("det", "poss", "nummod") for c in noun.children)


def _authors(objs: list[Token], args: ArgumentFinder) -> bool:
    """Whether a genitive names actors of a type that authors acts ("les frappes du JNIM")."""
    types = args.words.genitive_source_types
    return bool(types) and any(a.label_ in types for a in args.actors_of(objs))


def _received(noun: Token, anchor: Token, light: Token | None, args: ArgumentFinder) -> list[Candidate] | None:
    """"the army has the support of Russia", "with backing from JNIM, the force
    expanded": the "of"/"from" actor gives, the clause's subject receives."""
    words = args.words
    receiving = anchor.dep_ in ("dobj", "obj") and anchor.head.lemma_.lower() in words.receiving_verbs
    with_phrase = anchor.dep_ == "pobj" and anchor.head.lower_ in words.accompaniment_prepositions \
        and anchor.head.head.pos_ in ("VERB", "AUX")
    if light is not None or not (receiving or with_phrase):
        return None
    # "the support of Russia", "took delivery of drones from Turkey" (on the noun, its object, or the verb)
    things = pobjs(preps_in([noun], words.genitive_prepositions))
    holders = [noun, *things, anchor.head]
    givers = [g for g in args.actors_of(pobjs(preps_in(holders, words.giver_prepositions))) if g.label_ != "LOCATION"]
    givers = givers or [s for t in things for s in args.maker_states(t)]  # "took delivery of Turkish-made drones"
    if not givers:
        return None
    receivers = args.actors_of(args.subjects(anchor.head if receiving else anchor.head.head))
    return [candidate(g, r, "noun") for g in givers for r in receivers]


def light_verb(noun: Token, rtype: RelationType, args: ArgumentFinder) -> Token | None:
    """The verb a nominal trigger is the object of, when it carries the
    relation ("imposed sanctions", "held talks", "took into custody",
    "lifted sanctions": negating verbs count too)."""
    if noun.dep_ not in ("dobj", "obj", "nsubjpass", "attr", "pobj"):
        return None
    verb = noun.head
    if verb.pos_ == "ADP" and verb.lower_ in args.words.circumstance_prepositions and \
            (noun.lower_ in rtype.host_triggers or noun.lemma_.lower() in rtype.host_triggers) and verb.head.pos_ in ("VERB", "AUX"):
        return verb.head  # "X affirmed, during a visit to Bamako, ...": the clause's subject visited
    if verb.pos_ == "ADP" and verb.lower_ in args.words.genitive_prepositions and verb.head.lower_ in args.words.quantity_nouns \
            and verb.head.dep_ in ("dobj", "obj", "nsubjpass"):
        verb = verb.head.head  # "carried out a series of airstrikes"
    elif verb.pos_ == "ADP":  # "put under arrest", "took into custody", "kept in detention"
        if verb.lower_ not in args.words.light_prepositions:
            return None
        verb = verb.head
        if verb.dep_ in ("dobj", "obj") and verb.pos_ in ("NOUN", "PROPN"):
            verb = verb.head  # "assured [the new authorities] [of its support]": the phrase hangs on the object
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    carries = rtype.light_verbs | rtype.negating_verbs | rtype.defender_verbs
    if noun.dep_ == "pobj" and noun.head.lower_ in args.words.light_prepositions:
        carries = carries | rtype.state_verbs  # "remains under house arrest"
    return verb if verb.lemma_.lower() in carries else None


def _in_state(noun: Token, light: Token | None, rtype: RelationType, args: ArgumentFinder) -> list[Token]:
    """Subjects of being in the state a trigger noun names: "X remains under house
    arrest" (a state verb before a light preposition), "X est toujours en détention"
    (the copula on the noun, as UD writes it), "X reste en résidence surveillée"."""
    if light is not None and light.lemma_.lower() in rtype.state_verbs:
        return args.subjects(light)
    children = list(noun.children)
    if not any(c.dep_ == "case" and c.lower_ in args.words.light_prepositions for c in children):
        return []
    if any(c.dep_ == "cop" and c.lemma_.lower() in rtype.state_verbs for c in children):
        return [c for c in children if c.dep_ in SUBJ]
    if noun.dep_ in ("xcomp", "obl") and noun.head.lemma_.lower() in rtype.state_verbs:
        return args.subjects(noun.head)  # "X reste en résidence surveillée"
    return []


def headline_object(noun: Token, args: ArgumentFinder) -> list[Span]:
    """Headline verbs the tagger reads as nouns: the noun phrase right after
    the trigger is its object ("EU sanctions Mali junta members", "US
    sanctions Mali's defence chief Sadio Camara over Wagner deal")."""
    doc = noun.doc
    nxt = noun.i + 1
    while nxt < noun.sent.end and doc[nxt].dep_ == "det":
        nxt += 1
    if nxt >= noun.sent.end or doc[nxt].is_punct:
        return []
    head = doc[nxt]
    while head.head.i > noun.i and head.head is not head and head.head.i < noun.sent.end:
        head = head.head
    if head.head.i != noun.i and head.i not in args.mentions:
        return []
    return args.actors_of([head])


def focus_host(noun: Token, visitors: list[Span], args: ArgumentFinder) -> list[Span]:
    """The article's state as the host of a visit that names no destination, unless a
    visitor belongs to it (its own leader's "visit" is a tour at home)."""
    focus = noun.doc._.focus_state
    own = {v.kb_id_ for v in visitors} | {args.state_of_person(v).kb_id_ for v in visitors}
    if not focus or focus in own:
        return []
    mention = next((m for m in args.mentions.values() if m.kb_id_ == focus), None)
    return [mention] if mention is not None else []


def gathering(noun: Token, args: ArgumentFinder) -> list[Candidate]:
    """"X, Y and Z posed for photographs during the summit": everyone in the
    clause's subject met everyone else."""
    subjects = [c for c in noun.head.head.children if c.dep_ in SUBJ]
    inside = [args.mentions[t.i] for s in subjects for t in s.subtree if t.i in args.mentions]
    people = list({s.kb_id_: s for s in inside if s.label_ == "PERSON"}.values())
    if len(people) < 2:
        return []
    return [candidate(a, b, "noun") for a, b in combinations(people, 2)]


def place_below(noun: Token, args: ArgumentFinder) -> list[Span]:
    """The scene of an attack when no actor is its target ("killings in Diafarabé")."""
    for tok in noun.subtree:
        span = args.mentions.get(tok.i)
        if span is not None and span.label_ == "LOCATION" and tok.dep_ == "pobj" \
                and tok.head.lower_ in args.words.place_below_prepositions:
            return [span]
    return []
