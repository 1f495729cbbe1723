"""Verbal triggers: "JNIM stormed the base", "X was arrested by Y",
"Russia supplied drones to Mali", "Mali received helicopters from Nigeria".

Subject -> source, object or prepositional object -> target; passive subjects
are targets and "by" agents are sources.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ...relation_types import RelationType
from .arguments import PASS_SUBJ, ArgumentFinder, agents, in_brackets, pobjs, prefer_actors, preps_in
from .records import Candidate, candidate, meeting_pairs, pairs


def verb_relations(verb: Token, rtype: RelationType, args: ArgumentFinder) -> list[Candidate]:
    lemma = verb.lemma_.lower()
    if lemma in rtype.suffering_verbs:
        return _suffered(verb, rtype, args)
    children = list(verb.children)
    # (an "auxiliary" inside a name is none: "IS Sahel militants fired ...")
    passive = any(c.dep_ in PASS_SUBJ or c.dep_ == "auxpass" and c.i not in args.mentions for c in children) or (
        verb.tag_ == "VBN" and verb.dep_ == "acl") or (
        verb.tag_ == "VBN" and verb.dep_ == "amod" and bool(among_those(verb, args)))  # "Among the detained ... is X"
    # An "object" after a colon is a parse slip on headlines ("backs Mali's junta: WashPo").
    objects = [c for c in children if c.dep_ in ("dobj", "obj")
               and not any(t.text in (":", "|") for t in verb.doc[min(verb.i, c.i):max(verb.i, c.i)])]
    if not objects and lemma in rtype.direct_object and args.words.partitive_articles:
        # "a tué des dizaines de soldats": the partitive article read as a preposition
        objects = [o for p in children if p.dep_ == "prep" and p.i > verb.i and p.lower_ in args.words.partitive_articles
                   for o in p.children if o.dep_ == "pobj"]
    if not objects and lemma in rtype.direct_object and not rtype.symmetric \
            and not any(c.dep_ in PASS_SUBJ for c in children):
        # "killed or captured several militants": the object of the last conjunct is shared
        # (not for meetings: "welcomed and backed the decision" welcomes no one)
        objects = [o for c in children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > verb.i
                   for o in c.children if o.dep_ in ("dobj", "obj")]
    if not objects and lemma in rtype.direct_object:
        # "a neutralisé plusieurs dizaines de combattants": the quantity read as an adverbial
        objects = [c for c in children if c.dep_ == "npadvmod" and c.i > verb.i
                   and c.lower_ in args.words.quantity_nouns]
    if not objects and lemma in rtype.direct_object:
        # "to help armed forces combat X": the parser makes the object the next verb's subject
        objects = [n for c in children if c.dep_ in ("ccomp", "xcomp") and c.i > verb.i
                   for n in c.children if n.dep_ == "nsubj" and n.i < c.i]
    prep_words = rtype.verb_preps.get(lemma, rtype.verb_target_preps)
    preps = [c for c in children if c.dep_ in ("prep", "dative") and c.lower_ in prep_words]
    preps += preps_in(objects, prep_words)  # "shared intelligence with X", "froze the assets of X"
    if rtype.object_nouns and lemma in rtype.verb_needs_object and not preps:
        # "livré des hélicoptères de combat à l'armée": the target phrase hung deeper in the object
        preps = [p for o in objects for p in o.subtree if p.dep_ == "prep" and p.lower_ in prep_words
                 and p.head.pos_ in ("NOUN", "PROPN") and p.i > o.i]
    if lemma in rtype.verb_preps and not preps and lemma not in rtype.verb_requires_word:
        return []
    needed_words = rtype.verb_requires_word.get(lemma)
    if needed_words and not any(c.lemma_.lower() in needed_words for c in _phrase_words(verb)):
        return []  # "came face to face", "threw its weight behind"
    prep_objects = pobjs(preps)
    prep_objects += [c for c in children if c.dep_ == "dative" and c.lower_ not in rtype.verb_target_preps]
    if lemma in rtype.mutual and not prep_objects and not args.actors_of(objects):
        return mutual_pairs(verb, args)  # "JNIM and the VDP clashed near Bognori", "... exchanged fire"
    if lemma in rtype.victim_verbs and any(o.lower_ in rtype.victim_objects or o.lemma_.lower() in rtype.victim_objects for o in objects):
        return _victim_subject(verb, rtype, args, objects)  # "a convoy struck an IED planted by X"
    if lemma not in rtype.verbs:
        return []  # a victim verb without its object ("the convoy ran into the night")
    if lemma in rtype.verb_needs_object and lemma not in rtype.verb_preps and \
            not object_qualifies(verb, rtype, preps, passive, objects):
        return []
    if lemma in rtype.receiver_verbs and not passive:
        # "The Malian army received attack helicopters from Nigeria": the subject receives
        from_words = rtype.receiver_verbs[lemma]
        givers = pobjs([p for p in children if p.dep_ == "prep" and p.lower_ in from_words])
        givers += pobjs(preps_in(objects, from_words))
        # "received two Turkish-made drones": the maker's state gives
        made_by = [] if givers else [s for o in objects for s in args.maker_states(o)]
        return [candidate(g, r, "verb") for g in args.actors_of(givers) + made_by
                for r in args.actors_of(args.subjects(verb))]
    implicit_source = False
    if passive:
        sources = args.actors_of(agents(verb) or pobjs(
            # "visées simultanément par des assauts": the parser hangs the agent on the adverb
            [p for a in children if a.dep_ == "advmod" for p in a.children
             if p.dep_ == "prep" and p.lower_ in args.words.agent_prepositions]))
        if not sources:  # "soldiers were killed in an Islamic State attack": the attack's author
            sources = _act_authors(verb, rtype, args)
        targets = _passive_targets(verb, rtype, args, children, prep_objects)
    else:
        subjects = args.subjects(verb)
        sources = args.actors_of(subjects)
        implicit_source = any(args.is_cross_sentence(t) for t in subjects)
        acts = [s for s in subjects if s.lemma_.lower() in rtype.nouns or s.lower_ in rtype.nouns]
        if acts:  # "the ambush by ISSP fighters targeted a convoy", "a JNIM attack struck the base"
            sources = args.actors_of([h for a in acts for h in args.modifier_heads(a)]
                                     + pobjs(preps_in(acts, args.words.agent_nouns_prepositions))) or sources
        targets = _active_targets(verb, rtype, args, objects, prep_objects)
    # (or "fired on protesters in Niamey": the prepositional object of a verb that needs one)
    sufferers = objects or [c for c in children if passive and c.dep_ in PASS_SUBJ] or (
        prep_objects if lemma in rtype.verb_preps else [])
    if not targets and sufferers and rtype.verb_location_preps and not args.actors_of(sufferers):
        # "attacked a police school in the capital Bamako", "three villagers were killed
        # near Solenzo": no actor suffered it, so the place did
        targets = scene_of(verb, sufferers, rtype, args)
    targets = prefer_actors(targets)
    if rtype.symmetric:
        if not targets and (objects or prep_objects):
            return []  # "A and B received him": the unresolved guest is the one they met
        return meeting_pairs(sources, targets, "verb", implicit_source)
    if passive and not sources:
        return [candidate(None, t, "implicit") for t in targets] if rtype.implicit_agent else []
    if not sources:
        return [candidate(None, t, "orphan") for t in targets]  # "Gunmen stormed X": who, a claim may say
    kind = "implicit" if implicit_source else "verb"
    return [candidate(src, t, kind, implicit_source) for src in sources for t in targets]


def _act_authors(verb: Token, rtype: RelationType, args: ArgumentFinder) -> list[Span]:
    """Who did the act a victim suffered in: "killed (died) in an Islamic State attack",
    "in an ambush by JNIM", "dans une embuscade du JNIM"."""
    acts = [n for n in pobjs(preps_in([verb], args.words.means_prepositions))
            if n.lemma_.lower() in rtype.nouns or n.lower_ in rtype.nouns]
    if not acts:
        return []
    by = pobjs(preps_in([verb, *acts], args.words.agent_prepositions))
    genitives = [o for o in pobjs(preps_in(acts, args.words.genitive_prepositions))
                 if any(a.label_ in args.words.genitive_source_types for a in args.actors_of([o]))]
    return args.actors_of([h for a in acts for h in args.modifier_heads(a)] + by + genitives)


def _suffered(verb: Token, rtype: RelationType, args: ArgumentFinder) -> list[Candidate]:
    """"Soldiers died in an attack by ISSP": the act's author attacked the subject
    (or the subject's place, for victims who are no actor). The act noun's own
    reading gives the rest."""
    sources = _act_authors(verb, rtype, args)
    if not sources:
        return []
    subjects = args.sufferers(verb, rtype.suffering_verbs)
    targets = args.actors_of(subjects) or (scene_of(verb, subjects, rtype, args) if rtype.verb_location_preps else [])
    return [candidate(s, t, "verb") for s in sources for t in prefer_actors(targets)]


def _phrase_words(verb: Token) -> list[Token]:
    """The verb's children and the words of its object and prepositional phrases
    ("turned to Russia's Wagner Group of mercenaries *for* assistance": the
    parser hangs "for" on the last noun), not those of its clauses."""
    found, stack = [], list(verb.children)
    while stack:
        word = stack.pop()
        found.append(word)
        if word.dep_ in ("prep", "pobj", "dobj", "obj"):
            stack.extend(word.children)
    return found


def scene_of(verb: Token, sufferers: list[Token], rtype: RelationType, args: ArgumentFinder) -> list[Span]:
    """The place where an act hit no named actor: a place preposition on the verb
    or on its object ("killed a herder in the village of X"), on a conjunct
    ("killed a merchant and pillaged a shop in the village of X"), else deeper in
    the clause. A conjunct with a place of its own adds it ("shot two herders in
    A and five traders in B")."""
    conjuncts = [(c, [o for o in c.children if o.dep_ in ("dobj", "obj")])
                 for c in [*verb.conjuncts, *(c for s in sufferers for c in s.conjuncts)]]
    own = _places_on(verb, sufferers, rtype, args)[:1]
    found = list(own)
    for word, objects in conjuncts:
        found += [p for p in _places_on(word, objects, rtype, args)[:1] if all(p.kb_id_ != f.kb_id_ for f in found)]
    if not found:  # "killed a merchant accused of helping the VDP in the village of X": deeper in the clause
        return _deeper_place(verb, rtype, args)
    if not own:
        # the verb's own place is deeper than its conjuncts' ("shot two herders, one a boy, in
        # the hamlet of A, and five traders in B"): it comes first
        first = _deeper_place(verb, rtype, args, outside={t.i for word, _ in conjuncts for t in word.subtree})
        found = first + [f for f in found if all(f.kb_id_ != o.kb_id_ for o in first)]
    return found


def _places_on(word: Token, sufferers: list[Token], rtype: RelationType, args: ArgumentFinder) -> list[Span]:
    """Places in a locative phrase on a verb or on its objects, or after a compass word."""
    places = pobjs([p for p in word.children if p.dep_ == "prep" and p.lower_ in rtype.verb_location_preps])
    places += pobjs(preps_in(sufferers, rtype.verb_location_preps))
    # "killed six people east of Banibangou"
    compass = [c for c in word.children if c.lower_ in args.words.compass_words]
    places += pobjs(preps_in(compass, args.words.compass_prepositions))  # "east of X", "4km from X"
    # "about 6km from X" as the parser also reads it: the distance hangs on the preposition
    places += pobjs([p for p in word.children if p.dep_ == "prep" and p.lower_ in args.words.compass_prepositions
                     and any(c.lower_ in args.words.compass_words for c in p.children)])
    return [t for t in args.actors_of(places) if t.label_ == "LOCATION" and not in_brackets(t)]


def _deeper_place(verb: Token, rtype: RelationType, args: ArgumentFinder, outside: frozenset[int] | set[int] = frozenset()) -> list[Span]:
    """The first place in a locative phrase anywhere in the verb's clause, except under ``outside``."""
    deeper = [t for t in verb.subtree if t.dep_ == "pobj" and t.head.lower_ in rtype.verb_location_preps
              and t.i not in outside]
    return [t for t in args.actors_of(deeper) if t.label_ == "LOCATION" and not in_brackets(t)][:1]


def mutual_pairs(verb: Token, args: ArgumentFinder) -> list[Candidate]:
    """Co-subjects of a verb of mutual violence act on each other."""
    return pairs(args.actors_of(args.subjects(verb)), "verb")


def _victim_subject(verb: Token, rtype: RelationType, args: ArgumentFinder, objects: list[Token]) -> list[Candidate]:
    """The subject suffered; whoever laid the object did it, else the context says."""
    sources = args.actors_of(objects)
    subjects = args.subjects(verb)
    targets = args.actors_of(subjects) or scene_of(verb, subjects + objects, rtype, args)
    if not sources:
        return [candidate(None, t, "implicit") for t in targets] if rtype.implicit_agent else []
    return [candidate(s, t, "verb") for s in sources for t in targets]


def _passive_targets(verb: Token, rtype: RelationType, args: ArgumentFinder, children: list[Token],
                     prep_objects: list[Token]) -> list[Span]:
    lemma = verb.lemma_.lower()
    if prep_objects and (lemma in rtype.verb_needs_object or lemma not in rtype.direct_object):
        return args.actors_of(prep_objects)  # "drones were delivered to X"
    targets = args.actors_of([c for c in children if c.dep_ in PASS_SUBJ])
    if not targets and verb.dep_ in ("acl", "amod"):
        among = among_those(verb, args)
        # "the FLA and Malian forces backed by Africa Corps": only the noun the participle hangs on
        targets = args.actors_of(among) if among else args.mention_or_below(verb.head)
    if not targets:  # "Also detained was Gen. Sagara": inverted passive
        targets = args.actors_of([c for c in children if c.dep_ in ("nsubj", "attr")])
    if not targets and verb.dep_ in ("acl", "amod") and verb.head.dep_ == "nsubj":
        # "the most senior official sanctioned is X": the copula's complement (English
        # "is" heads an attr; Universal Dependencies make the complement the head)
        clause = verb.head.head
        complements = [clause] if any(c.dep_ == "cop" for c in clause.children) else \
            [c for c in clause.children if c.dep_ == "attr"]
        targets = args.actors_of(complements)
    return targets


def _active_targets(verb: Token, rtype: RelationType, args: ArgumentFinder, objects: list[Token],
                    prep_objects: list[Token]) -> list[Span]:
    lemma = verb.lemma_.lower()
    direct = objects if lemma in rtype.direct_object else []
    if not objects and lemma in rtype.direct_object and verb.dep_ == "ccomp":
        direct = object_after(verb)  # "The EU has never sanctioned X, an official said."
    direct = [args.relative_antecedent(verb, o) or o for o in direct]
    if prep_objects and lemma in rtype.verb_needs_object:
        direct = []  # "supplied drones to X": the object is what was given
    targets = args.actors_of(prep_objects) + args.actors_of(direct)
    allowed = rtype.object_types_for.get(lemma)
    if allowed:
        targets = [t for t in targets if t.label_ in allowed]
    return targets


def object_qualifies(verb: Token, rtype: RelationType, preps: list[Token], passive: bool,
                     objects: list[Token] = ()) -> bool:
    """Verbs that carry the relation only with the right object ("delivered weapons");
    ``objects``: those the parser did not label as such ("a tué *des* soldats")."""
    objs = [c for c in verb.children if c.dep_ in ("dobj", "obj")] or list(objects)
    if passive and not objs:  # "drones were delivered to X"; but in "X was given an ultimatum" X receives
        objs = [c for c in verb.children if c.dep_ in PASS_SUBJ]
    if passive and verb.dep_ in ("acl", "amod"):
        objs.append(verb.head)  # "Bazoum, still held by the guard"
    if rtype.object_nouns:
        return any(o.lemma_.lower() in rtype.object_nouns or o.lower_ in rtype.object_nouns
                   or any(c.lower_ in rtype.object_nouns for c in o.children if c.dep_ in ("compound", "amod"))
                   for o in objs)
    return bool(objs or preps)


def object_after(verb: Token) -> list[Token]:
    """The noun phrase right after a verb whose object the parser gave to the
    reporting verb that follows ("sanctioned Capt. Traoré, an official said")."""
    after = [t for t in verb.doc[verb.i + 1:verb.sent.end] if not t.is_punct]
    if not after:
        return []
    head = after[0]
    while head.head.i > head.i and head.head.i < verb.head.i:
        head = head.head
    return [head] if head.dep_ in ("nsubj", "nsubjpass") and head.head.i == verb.head.i else []


def among_those(verb: Token, args: ArgumentFinder) -> list[Token]:
    """"X was among those detained", "Among the detained magistrates is X": the subject of the copula."""
    head = verb.head
    words = args.words
    if head.dep_ == "pobj" and head.head.lower_ in words.among_prepositions and (
            head.lower_ in words.among_nouns or verb.dep_ == "amod"):
        return [c for c in head.head.head.children if c.dep_ in ("nsubj", "nsubjpass", "attr")]
    return []
