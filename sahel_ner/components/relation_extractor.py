"""``sahel_relation_extractor``: typed, evidenced relations between actors.

Rules over the dependency parse, driven by the per-type data files of
:mod:`sahel_ner.relation_types`. For every sentence that reads as prose, each
trigger word (a verb such as "stormed", or a noun such as "sanctions") has its
arguments read off the parse:

- verbs: subject -> source, object or prepositional object -> target; passive
  subjects are targets and "by" agents are sources; subjects are inherited
  through coordination, relative clauses and participles;
- nouns: possessor, compound or "by" -> source ("JNIM's attack", "US sanctions",
  "the arrest of X by Y"), prepositions -> target ("sanctions on", "talks
  between A and B"); a noun that is the object of a light verb ("imposed
  sanctions", "held talks") takes the light verb's subject as its source;
- coordinated arguments give one relation each;
- an agentless passive or nominal takes its source from the preceding sentences
  when the type allows it (``implicit``: true, lower confidence).
Negation, hedging, modality (threats and plans are dropped), dates and places
come from cue words around the trigger (``cues.json``).
"""
from __future__ import annotations

from itertools import combinations
from pathlib import Path
from typing import Iterable

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import extensions  # noqa: F401
from ..dates import resolve_date
from ..cues import Cues, governors
from ..knowledge_base import KnowledgeBase
from ..relation_types import RelationType, load_packaged_types, load_type_dir
from ..text import fold

ACTOR_LABELS = {"PERSON", "ARMED_GROUP", "STATE", "MILITARY", "ORGANIZATION", "LOCATION"}
# Dependency labels under which an argument's actor may sit below its head word
# ("members of Mali's junta", "a school in Bamako", "Malian army generals").
_ARG_DEPS = {"compound", "amod", "poss", "nmod", "appos", "prep", "pobj", "conj", "cc", "det", "nummod", "quantmod", "case", "punct"}
_ARG_PREPS = {"of", "in", "at", "near", "from", "outside", "inside", "including", "among"}
_PRONOUNS = {"it", "they", "he", "she", "we"}
# Nouns for the members of a group: "ISSP militants", "its fighters", "fighters loyal to X".
_MEMBERS = {"fighters", "militants", "gunmen", "jihadists", "members", "insurgents", "rebels", "combatants",
            "assailants", "attackers", "elements", "men", "troops", "soldiers", "forces", "mercenaries",
            "drones", "aircraft", "jets", "warplanes", "helicopters", "artillery", "units", "planes"}
_AFFILIATION = {"belong", "link", "loyal", "affiliate", "allied", "tie", "connect"}
# Participles that tie a thing to the actor behind it: "a base held by Malian troops",
# "drones operated by the AES force", "an aircraft parked at the airport".
_HOLDING = {"hold", "occupy", "man", "run", "operate", "control", "guard", "use", "fly", "command", "lead",
            "park", "station", "base", "locate", "deploy", "own"}
# Verbs that report what their subject did ("the army said it had struck...").
_REPORTING = {"say", "announce", "claim", "report", "state", "tell", "confirm", "add", "declare", "insist", "acknowledge", "admit", "explain", "note"}
# Verbs whose subject is on the receiving end of a nominal trigger ("the army has the support of Russia").
_RECEIVING = {"have", "enjoy", "receive", "get", "win", "secure", "obtain", "gain", "accept", "welcome", "benefit"}
_SUBJ = {"nsubj", "csubj"}
_PASS_SUBJ = {"nsubjpass", "csubjpass"}

CONFIDENCE = {"verb": 0.9, "noun": 0.85, "light": 0.85, "implicit": 0.6}


@Language.factory(
    "sahel_relation_extractor",
    requires=["doc.ents", "doc.sents", "token.dep", "token.lemma"],
    assigns=["doc._.relations"],
    default_config={"lang": "en", "types": None, "min_confidence": 0.0},
)
def make_relation_extractor(nlp: Language, name: str, lang: str, types: list[str] | None,
                            min_confidence: float) -> "RelationExtractor":
    return RelationExtractor(nlp, name, lang=lang, types=types, min_confidence=min_confidence)


class RelationExtractor:
    def __init__(self, nlp: Language, name: str = "sahel_relation_extractor", *, lang: str = "en",
                 types: Iterable[str] | None = None, min_confidence: float = 0.0,
                 ruler: str = "sahel_actor_ruler"):
        self.nlp = nlp
        self.name = name
        self.ruler = ruler
        self.min_confidence = min_confidence
        self.selected = {t.upper() for t in types} if types else None
        self.types: dict[str, RelationType] = load_packaged_types(lang)
        self.cues = Cues(lang)
        self._index()

    # -- configuration --------------------------------------------------------
    def add_type(self, rtype: RelationType) -> None:
        self.types[rtype.type] = rtype
        if self.selected is not None:
            self.selected.add(rtype.type)
        self._index()

    def add_type_dir(self, folder: str | Path) -> None:
        for rtype in load_type_dir(folder).values():
            self.add_type(rtype)

    @property
    def active_types(self) -> list[RelationType]:
        return [t for name, t in self.types.items() if self.selected is None or name in self.selected]

    def _index(self) -> None:
        self.by_verb: dict[str, list[RelationType]] = {}
        self.by_noun: dict[str, list[RelationType]] = {}
        for rtype in self.active_types:
            for lemma in rtype.verbs:
                self.by_verb.setdefault(lemma, []).append(rtype)
            for noun in rtype.nouns:
                self.by_noun.setdefault(noun, []).append(rtype)

    # -- pipeline -------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        seats = self.kb.seat_of
        mentions = {}
        for ent in doc.ents:
            if ent.label_ in ACTOR_LABELS and ent.kb_id_:
                for i in range(ent.start, ent.end):
                    mentions[i] = ent
        relations: list[dict] = []
        seen: set[tuple] = set()
        skipped = self._link_list_lines(doc.text)
        for sent in doc.sents:
            if not self._is_prose(sent) or any(start <= sent.start_char < end for start, end in skipped):
                continue
            self._add_inclusion(sent, doc, mentions, relations, seen)
            for token in sent:
                for rtype, found in self._trigger_relations(token, mentions):
                    for rel in found:
                        self._finish(rel, rtype, token, sent, doc, mentions, seats, relations, seen)
        doc._.relations = relations
        return doc

    def _add_inclusion(self, sent: Span, doc: Doc, mentions: dict, out: list, seen: set) -> None:
        """"The group includes Gen. X": a list that follows an arrest or sanctions
        announcement names more of the same targets (marked ``implicit``)."""
        root = sent.root
        if root.lemma_.lower() not in ("include", "comprise"):
            return
        subject = [c for c in root.children if c.dep_ == "nsubj"]
        if not subject or subject[0].lower_ not in ("group", "detainees", "those", "suspects", "list", "people", "individuals", "officials"):
            return
        previous = [r for r in out if self.types[r["type"]].implicit_agent_nominal and r["end"] <= sent.start_char
                    and sent.start_char - r["end"] < 600]
        if not previous:
            return
        last = previous[-1]
        objects = [c for c in root.children if c.dep_ in ("dobj", "obj")]
        for target in self._actors_of(objects, mentions):
            key = (last["source"], last["type"], target.kb_id_, sent.start)
            if target.label_ != "PERSON" or key in seen or target.kb_id_ == last["source"]:
                continue
            seen.add(key)
            out.append({**last, "target": target.kb_id_, "sentence": sent.text, "start": sent.start_char,
                        "end": sent.end_char, "trigger": root.text, "trigger_start": root.idx,
                        "confidence": CONFIDENCE["implicit"], "implicit": True, "negated": False,
                        "hedged": False, "location": None, "date": self._date(sent, doc) or last["date"]})

    @property
    def kb(self) -> KnowledgeBase:
        # The gazetteer belongs to the ruler (saved with it): capitals and demonyms. Share, never copy.
        return self.nlp.get_pipe(self.ruler).kb

    # -- triggers -------------------------------------------------------------
    def _trigger_relations(self, token: Token, mentions: dict):
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX") or (token.tag_.startswith("VB")):
            for rtype in self.by_verb.get(lemma, ()):
                yield rtype, self._verb_relations(token, rtype, mentions)
        # nouns, plus words the tagger got wrong in a noun's slot ("a counter-offensive", "with backing from")
        misread = (token.pos_ == "ADJ" or token.tag_ == "VBG") and token.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass")
        if token.pos_ in ("NOUN", "PROPN") or token.tag_.startswith("NN") or misread:
            word = token.lower_
            for rtype in self.by_noun.get(word, ()) or self.by_noun.get(lemma, ()):
                yield rtype, self._noun_relations(token, rtype, mentions)

    # -- verbal triggers ------------------------------------------------------
    def _verb_relations(self, verb: Token, rtype: RelationType, mentions: dict) -> list[dict]:
        lemma = verb.lemma_.lower()
        children = list(verb.children)
        passive = any(c.dep_ in _PASS_SUBJ or c.dep_ == "auxpass" for c in children) or (
            verb.tag_ == "VBN" and verb.dep_ == "acl")
        # An "object" after a colon is a parse slip on headlines ("backs Mali's junta: WashPo").
        objects = [c for c in children if c.dep_ in ("dobj", "obj")
                   and not any(t.text in (":", "|") for t in verb.doc[min(verb.i, c.i):max(verb.i, c.i)])]
        prep_words = rtype.verb_preps.get(lemma, rtype.verb_target_preps)
        preps = [c for c in children if c.dep_ in ("prep", "dative") and c.lower_ in prep_words]
        for obj in objects:  # "shared intelligence with X", "froze the assets of X"
            preps += [c for c in obj.children if c.dep_ == "prep" and c.lower_ in prep_words]
        if lemma in rtype.verb_preps and not preps and lemma not in rtype.verb_requires_word:
            return []
        needed_words = rtype.verb_requires_word.get(lemma)
        if needed_words and not any(c.lemma_.lower() in needed_words for c in children):
            return []  # "came face to face", "threw its weight behind"
        prep_objects = [c for p in preps for c in p.children if c.dep_ == "pobj"]
        prep_objects += [c for c in children if c.dep_ == "dative" and c.lower_ not in rtype.verb_target_preps]
        if lemma in rtype.verb_needs_object and lemma not in rtype.verb_preps and \
                not self._object_qualifies(verb, rtype, preps, passive):
            return []
        agent = [t for c in children if c.dep_ == "agent" for t in c.children if t.dep_ == "pobj"]
        if lemma in rtype.receiver_verbs and not passive:
            # "The Malian army received attack helicopters from Nigeria": the subject receives
            givers = [c for p in children if p.dep_ == "prep" and p.lower_ in rtype.receiver_verbs[lemma]
                      for c in p.children if c.dep_ == "pobj"]
            givers += [c for o in objects for p in o.children if p.dep_ == "prep"
                       and p.lower_ in rtype.receiver_verbs[lemma] for c in p.children if c.dep_ == "pobj"]
            return [self._rel(g, r, "verb") for g in self._actors_of(givers, mentions)
                    for r in self._actors_of(self._subjects(verb), mentions)]
        implicit_source = False
        if passive:
            sources = self._actors_of(agent, mentions)
            if prep_objects and (lemma in rtype.verb_needs_object or lemma not in rtype.direct_object):
                targets = self._actors_of(prep_objects, mentions)  # "drones were delivered to X"
            else:
                targets = self._actors_of([c for c in children if c.dep_ in _PASS_SUBJ], mentions)
                if not targets and verb.dep_ in ("acl", "amod"):
                    targets = self._actors_of(self._among_those(verb) or [verb.head], mentions)
                if not targets:  # "Also detained was Gen. Sagara": inverted passive
                    targets = self._actors_of([c for c in children if c.dep_ in ("nsubj", "attr")], mentions)
        else:
            subjects = self._subjects(verb)
            sources = self._actors_of(subjects, mentions)
            implicit_source = any(self._is_cross_sentence(t, mentions) for t in subjects)
            direct = objects if lemma in rtype.direct_object else []
            if not objects and lemma in rtype.direct_object and verb.dep_ == "ccomp":
                direct = self._object_after(verb)  # "The EU has never sanctioned X, an official said."
            direct = [self._relative_antecedent(verb, o) or o for o in direct]
            if prep_objects and lemma in rtype.verb_needs_object:
                direct = []  # "supplied drones to X": the object is what was given
            targets = self._actors_of(prep_objects, mentions) + self._actors_of(direct, mentions)
            allowed = rtype.object_types_for.get(lemma)
            if allowed:
                targets = [t for t in targets if t.label_ in allowed]
        if not targets and objects and rtype.verb_location_preps and not self._actors_of(objects, mentions):
            # "attacked a police school in the capital Bamako": no actor, so the place
            places = [c for p in children if p.dep_ == "prep" and p.lower_ in rtype.verb_location_preps
                      for c in p.children if c.dep_ == "pobj"]
            places += [c for o in objects for p in o.children if p.dep_ == "prep" and p.lower_ in rtype.verb_location_preps
                       for c in p.children if c.dep_ == "pobj"]
            targets = [t for t in self._actors_of(places, mentions) if t.label_ == "LOCATION"]
        targets = self._prefer_actors(targets)
        if rtype.symmetric:
            return self._pairs(sources + targets, "verb", implicit_source)
        if passive and not sources:
            return [self._rel(None, t, "implicit") for t in targets] if rtype.implicit_agent else []
        kind = "implicit" if implicit_source else "verb"
        return [self._rel(src, t, kind, implicit_source) for src in sources for t in targets]

    def _pairs(self, ends: list[Span], kind: str, implicit: bool = False) -> list[dict]:
        unique = list({e.kb_id_: e for e in ends}.values())
        return [self._rel(a, b, kind, implicit) for a, b in combinations(unique, 2)]

    @staticmethod
    def _prefer_actors(targets: list[Span]) -> list[Span]:
        """A place next to an actor target is the scene, not a second target
        ("attacked a Malian army camp at Boulkessi")."""
        actors = [t for t in targets if t.label_ != "LOCATION"]
        return actors or targets

    @staticmethod
    def _object_after(verb: Token) -> list[Token]:
        """The noun phrase right after a verb whose object the parser gave to the
        reporting verb that follows ("sanctioned Capt. Traoré, an official said")."""
        after = [t for t in verb.doc[verb.i + 1:verb.sent.end] if not t.is_punct]
        if not after:
            return []
        first = after[0]
        head = first
        while head.head.i > head.i and head.head.i < verb.head.i:
            head = head.head
        return [head] if head.dep_ in ("nsubj", "nsubjpass") and head.head.i == verb.head.i else []

    @staticmethod
    def _among_those(verb: Token) -> list[Token]:
        """"X was among those detained": the subject of the copula."""
        head = verb.head
        if head.lower_ in ("those", "people", "individuals", "figures", "officials") and head.dep_ == "pobj" \
                and head.head.lower_ == "among":
            return [c for c in head.head.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        return []

    @staticmethod
    def _relative_antecedent(verb: Token, word: Token) -> Token | None:
        """"Moussa Mara, whom the junta detained": the relative pronoun's antecedent."""
        if word.lower_ in ("whom", "which", "that", "who") and verb.dep_ == "relcl":
            return verb.head
        return None

    def _is_cross_sentence(self, subject: Token, mentions: dict) -> bool:
        return subject.lower_ in _PRONOUNS and subject.i not in mentions and not self._reporting_clause(subject)

    def _object_qualifies(self, verb: Token, rtype: RelationType, preps: list[Token], passive: bool) -> bool:
        objs = [c for c in verb.children if c.dep_ in ("dobj", "obj") or (passive and c.dep_ in _PASS_SUBJ)]
        if rtype.object_nouns:
            return any(o.lemma_.lower() in rtype.object_nouns or o.lower_ in rtype.object_nouns
                       or any(c.lower_ in rtype.object_nouns for c in o.children if c.dep_ in ("compound", "amod"))
                       for o in objs)
        return bool(objs or preps)

    def _subjects(self, verb: Token) -> list[Token]:
        """Subject heads of a verb, inherited through coordination and clauses."""
        seen = set()
        while verb.i not in seen:
            seen.add(verb.i)
            subj = [c for c in verb.children if c.dep_ in _SUBJ]
            # parser slip: "Russia has armed...", with the subject hung on the auxiliary
            subj += [g for c in verb.children if c.dep_ == "aux" for g in c.children if g.dep_ in _SUBJ]
            if subj:
                if verb.dep_ == "relcl" and (subj[0].lower_ in ("who", "which", "that")
                                             or any(c.lower_ == "whose" for c in subj[0].children)):
                    return [verb.head]  # "ECOWAS, which sanctioned...", "JNIM, whose fighters stormed..."
                return subj
            if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ in ("VBG", "VBD")):
                return [verb.head]  # "the militants who stormed the base"
            if verb.dep_ == "xcomp":  # "China is said to have supplied": the raised subject
                raised = [c for c in verb.head.children if c.dep_ in _PASS_SUBJ]
                if raised:
                    return raised
            if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
                verb = verb.head
                continue
            if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
                governor = verb.head.head
                objects = [c for c in governor.children if c.dep_ in ("dobj", "obj")]
                if verb.head.lower_ in ("of", "for") and objects:
                    return objects  # "accused Algeria of arming the FLA"
                verb = governor  # "humiliated X by attacking Y", "ended his tour without meeting Y"
                continue
            break
        return []

    # -- nominal triggers -----------------------------------------------------
    def _noun_relations(self, noun: Token, rtype: RelationType, mentions: dict) -> list[dict]:
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
        sources = self._actors_of(self._modifier_sources(noun, mentions), mentions) + self._demonym_sources(noun)
        preps = [c for n in {noun, anchor} for c in n.children if c.dep_ == "prep"]
        light = self._light_verb(anchor, rtype)
        if light is not None:
            preps += [c for c in light.children if c.dep_ == "prep" and c.i > noun.i]
        by_preps, target_heads, places = [], [], []
        for prep in preps:
            objs = [c for c in prep.children if c.dep_ == "pobj"]
            if prep.lower_ in rtype.noun_source_preps and (prep.lower_ != "of" or rtype.symmetric):
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
                    target_heads += [c for o in objs for p in o.children if p.dep_ == "prep"
                                     and p.lower_ in rtype.noun_target_preps for c in p.children if c.dep_ == "pobj"]
                elif prep.dep_ == "prep" and prep.lower_ in rtype.noun_target_preps:
                    target_heads += objs
        if not by_preps and noun.dep_ == "pobj" and noun.head.head.pos_ == "NOUN":
            # "an investigation into killings by the army": the "by" phrase hangs on the outer noun
            outer = noun.head.head
            by_preps = [c for p in outer.children if p.dep_ == "prep" and p.lower_ == "by" and p.i > noun.i
                        for c in p.children if c.dep_ == "pobj"]
            if by_preps:
                places += [c for b in by_preps for p in b.children if p.dep_ == "prep"
                           and p.lower_ in rtype.noun_location_preps for c in p.children if c.dep_ == "pobj"]
        target_heads += [c for b in by_preps for p in b.children if p.dep_ == "prep"
                         and p.lower_ in rtype.noun_target_preps for c in p.children if c.dep_ == "pobj"]
        sources += [s for s in self._actors_of(by_preps, mentions) if all(s.kb_id_ != x.kb_id_ for x in sources)]
        targets = self._actors_of(target_heads, mentions)
        if not targets and sources and not target_heads and noun.dep_ in ("ROOT", "appos", "dobj") and \
                noun.tag_ in ("NNS", "VBZ"):
            targets = self._headline_object(noun, mentions)  # "EU sanctions Mali junta members"
        receiving = anchor.dep_ in ("dobj", "obj") and anchor.head.lemma_.lower() in _RECEIVING
        with_phrase = anchor.dep_ == "pobj" and anchor.head.lower_ == "with" and anchor.head.head.pos_ in ("VERB", "AUX")
        if light is None and (receiving or with_phrase):
            # "the army has the support of Russia", "with backing from JNIM, the force expanded":
            # the "of"/"from" actor gives, the clause's subject receives
            givers = self._actors_of([c for p in noun.children if p.dep_ == "prep" and p.lower_ in ("of", "from")
                                      for c in p.children if c.dep_ == "pobj"], mentions)
            if givers:
                receivers = self._actors_of(self._subjects(anchor.head if receiving else anchor.head.head), mentions)
                return [self._rel(g, r, "noun") for g in givers for r in receivers]
        kind, implicit = "noun", False
        if light is not None:
            if not targets:  # "took X into custody", "placed X under house arrest", "X was taken into custody"
                targets = self._actors_of([c for c in light.children if c.dep_ in ("dobj", "obj", "nsubjpass")
                                           and c is not anchor], mentions)
            if light.lemma_.lower() in rtype.defender_verbs:
                # "Malian troops repelled an assault by JNIM", "French forces came under attack
                # from X": the subject was attacked (a place named too is only the scene)
                defenders = self._actors_of(self._subjects(light), mentions)
                targets = defenders or targets
            elif not sources:
                if any(c.dep_ == "auxpass" for c in light.children):
                    sources = self._actors_of([t for c in light.children if c.dep_ == "agent" for t in c.children], mentions)
                else:
                    subjects = self._subjects(light)
                    sources = self._actors_of(subjects, mentions)
                    implicit = any(self._is_cross_sentence(t, mentions) for t in subjects)
                kind = "light"
        if "LOCATION" not in rtype.target_types:
            targets = [t for t in targets if t.label_ != "LOCATION" or rtype.capital_as_state]
        elif sources and not targets:  # "killings in Diafarabé": the place is the target when no actor is
            targets = [p for p in self._actors_of(places, mentions) if p.label_ == "LOCATION"] or self._place_below(noun, mentions)
        targets = self._prefer_actors(targets)
        if rtype.symmetric:
            pairs = self._pairs(sources + targets, kind, implicit)
            if not pairs and noun.dep_ == "pobj":
                return self._gathering(noun, mentions)
            return pairs
        if not sources and targets and rtype.implicit_agent_nominal:
            return [self._rel(None, t, "implicit") for t in targets]
        return [self._rel(src, t, kind, implicit) for src in sources for t in targets]

    def _light_verb(self, noun: Token, rtype: RelationType) -> Token | None:
        """The verb a nominal trigger is the object of, when it carries the
        relation ("imposed sanctions", "held talks", "took into custody",
        "lifted sanctions": negating verbs count too)."""
        if noun.dep_ not in ("dobj", "obj", "nsubjpass", "attr", "pobj"):
            return None
        verb = noun.head
        if verb.pos_ == "ADP":  # "put under arrest", "took into custody", "kept in detention"
            if verb.lower_ not in ("under", "into", "in"):
                return None
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        lemma = verb.lemma_.lower()
        carries = rtype.light_verbs | rtype.negating_verbs | rtype.defender_verbs
        return verb if lemma in carries else None

    def _modifier_sources(self, noun: Token, mentions: dict) -> list[Token]:
        """Possessor or compound actor of a nominal trigger: "JNIM's attack",
        "a US drone strike" (compounds of compounds too)."""
        found = []
        for child in noun.children:
            if child.dep_ in ("poss", "compound", "nmod", "amod"):
                if child.i in mentions:
                    found.append(child)
                elif child.dep_ == "compound":
                    found += [g for g in child.children if g.dep_ in ("compound", "amod", "poss") and g.i in mentions]
        return found

    def _demonym_sources(self, noun: Token) -> list[Span]:
        """"Turkish arms supplies", "French strikes": a demonym adjective names the source state."""
        found = []
        for child in [c for c in noun.children if c.dep_ in ("amod", "compound")]:
            for tok in [child, *[g for g in child.children if g.dep_ in ("amod", "compound")]]:
                state = self.kb.demonyms.get(fold(tok.text)) if tok.ent_type_ in ("", "NORP") else None
                if state:
                    found.append(Span(tok.doc, tok.i, tok.i + 1, label="STATE", kb_id=state))
        return found

    def _headline_object(self, noun: Token, mentions: dict) -> list[Span]:
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
        if head.head.i != noun.i and head.i not in mentions:
            return []
        return self._actors_of([head], mentions)

    def _gathering(self, noun: Token, mentions: dict) -> list[dict]:
        """"X, Y and Z posed for photographs during the summit": everyone in the
        clause's subject met everyone else."""
        verb = noun.head.head
        subjects = [c for c in verb.children if c.dep_ in _SUBJ]
        if not subjects:
            return []
        inside = [mentions[t.i] for s in subjects for t in s.subtree if t.i in mentions]
        people = list({s.kb_id_: s for s in inside if s.label_ == "PERSON"}.values())
        if len(people) < 2:
            return []
        return [self._rel(a, b, "noun") for a, b in combinations(people, 2)]

    def _place_below(self, noun: Token, mentions: dict) -> list[Span]:
        """The scene of an attack when no actor is its target ("killings in Diafarabé")."""
        for tok in noun.subtree:
            span = mentions.get(tok.i)
            if span is not None and span.label_ == "LOCATION" and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at", "near", "into"):
                return [span]
        return []

    # -- arguments ------------------------------------------------------------
    def _actors_of(self, heads: list[Token], mentions: dict) -> list[Span]:
        """Actor mentions an argument stands for, one per list member."""
        found: list[Span] = []

        def add(span: Span | None) -> None:
            if span is not None and all(span.kb_id_ != f.kb_id_ for f in found):
                found.append(span)

        for head in heads:
            for word in self._list_members(head, mentions):
                if word.lower_ in _PRONOUNS and word.i not in mentions:
                    for span in self._antecedents(word, mentions):
                        add(span)
                    continue
                spans = [mentions[word.i]] if word.i in mentions else self._actors_below(word, mentions)
                if not spans and word.lower_ in _MEMBERS:
                    spans = self._group_of_members(word, mentions)
                for span in spans:
                    add(span)
                    for extra in self._coordinated_demonyms(span):
                        add(extra)
        return found

    def _group_of_members(self, word: Token, mentions: dict) -> list[Span]:
        """"its fighters", "fighters loyal to ISSP", "ISSP militants" (a compound the parser missed)."""
        for child in word.children:
            if child.dep_ == "poss" and child.lower_ in ("its", "their"):
                clause = word.head
                if clause.dep_ in ("ccomp", "advcl") and clause.head.lemma_.lower() in _REPORTING:
                    return self._actors_of(self._subjects(clause.head), mentions)  # "the army said its drones struck"
                while clause.dep_ == "conj" and clause.head is not clause:
                    clause = clause.head  # "JNIM attacked X, and its fighters ambushed Y"
                    subjects = [c for c in clause.children if c.dep_ in _SUBJ and c.i in mentions]
                    if subjects:
                        return [mentions[subjects[0].i]]
                return self._antecedents(child, mentions)
            if child.dep_ in ("acl", "amod") and child.lemma_.lower() in _AFFILIATION | _HOLDING | {"suspect"}:
                inside = [mentions[t.i] for t in child.subtree if t.i in mentions]
                if inside:
                    return inside[:1]
        left = word.doc[word.i - 1] if word.i > word.sent.start else None
        if left is not None and left.i in mentions and mentions[left.i].end == word.i:
            return [mentions[left.i]]
        return []

    def _coordinated_demonyms(self, span: Span) -> list[Span]:
        """"Malian and Burkinabe soldiers": every demonym shares the head noun."""
        if span.label_ not in ("MILITARY", "STATE"):
            return []
        kb = self.kb
        anchor = span[0]
        while anchor.dep_ == "conj" and anchor.head.i < anchor.i:
            anchor = anchor.head
        extra = []
        for token in [anchor, *anchor.conjuncts]:
            state = None if span.start <= token.i < span.end else kb.demonyms.get(fold(token.text))
            actor_id = kb.military_of(state) if span.label_ == "MILITARY" else state
            if actor_id:
                extra.append(Span(span.doc, token.i, token.i + 1, label=span.label_, kb_id=actor_id))
        return extra

    @staticmethod
    def _list_members(head: Token, mentions: dict) -> list[Token]:
        """The members of a coordinated or appositive list: "Mali, Burkina Faso and
        Niger", "Generals Abass Dembélé and Néma Sagara" (the names, not the class word)."""
        members = []
        for word in [head, *head.conjuncts]:
            named = [c for c in word.children if c.dep_ == "appos" and c.i in mentions]
            if named and word.i in mentions and mentions[word.i].label_ != "PERSON" and \
                    all(mentions[c.i].label_ == "PERSON" for c in named):
                word_list = []  # the class word ("Generals") gives way to the people it introduces
            else:
                word_list = [word]
            for child in named:
                word_list += [child, *child.conjuncts]
            members += [w for w in word_list if w not in members]
        return members

    @staticmethod
    def _reporting_clause(pronoun: Token) -> Token | None:
        """The reporting verb whose clause a pronoun opens ("the army said it...")."""
        clause = pronoun.head
        while clause.dep_ in ("conj", "aux", "auxpass") and clause.head is not clause:
            clause = clause.head
        if clause.dep_ in ("ccomp", "advcl") and clause.head.lemma_.lower() in _REPORTING:
            return clause.head
        return None

    def _antecedents(self, pronoun: Token, mentions: dict) -> list[Span]:
        """What a subject pronoun stands for: the subject of the reporting verb
        whose clause it opens ("the army said it had struck..."), else the
        subject actor of the previous sentence."""
        reporting = self._reporting_clause(pronoun)
        if reporting is not None:
            return self._actors_of(self._subjects(reporting), mentions)
        sent = pronoun.sent
        if pronoun.i - sent.start > 2 or sent.start == 0:
            return []
        previous = pronoun.doc[sent.start - 1].sent
        want_person = pronoun.lower_ in ("he", "she")
        for tok in previous:
            if tok.dep_ not in ("nsubj", "nsubjpass"):
                continue
            spans = [mentions[tok.i]] if tok.i in mentions else self._actors_below(tok, mentions)
            if not spans and tok.lower_ in _MEMBERS:
                spans = self._group_of_members(tok, mentions)
            if spans and (spans[0].label_ == "PERSON") == want_person:
                return spans[:1]
        return []

    def _actors_below(self, word: Token, mentions: dict) -> list[Span]:
        """Closest actor in an argument's noun phrase ("members of Mali's junta"),
        with its conjuncts ("posts in Kayes and Niono")."""
        frontier = [word]
        depth = 0
        while frontier and depth < 4:
            nxt = []
            for tok in frontier:
                for child in sorted(tok.children, key=lambda c: c.dep_ != "appos"):
                    if child.dep_ == "acl" and child.lemma_.lower() in _HOLDING:
                        nxt.append(child)  # "a base held by Malian troops"
                        continue
                    if child.dep_ == "agent":
                        nxt.append(child)
                        continue
                    if child.dep_ not in _ARG_DEPS or child.dep_ == "conj":
                        continue
                    if child.dep_ == "prep" and child.lower_ not in _ARG_PREPS:
                        continue
                    if child.i in mentions:
                        spans = [mentions[child.i]]
                        spans += [mentions[c.i] for c in child.conjuncts if c.i in mentions]
                        return spans
                    nxt.append(child)
            frontier = nxt
            depth += 1
        return []

    @staticmethod
    def _rel(source: Span | None, target: Span, kind: str, implicit: bool = False) -> dict:
        return {"source": source, "target": target, "kind": "implicit" if implicit else kind}

    # -- flags, dates, places, output ------------------------------------------
    def _finish(self, rel: dict, rtype: RelationType, trigger: Token, sent: Span, doc: Doc, mentions: dict,
                seats: dict, out: list, seen: set) -> None:
        if self.cues.is_modal(trigger, rtype):
            return
        source, target = rel["source"], rel["target"]
        implicit = source is None or rel["kind"] == "implicit"
        if source is None:
            source = self._implicit_source(rtype, sent, doc, out, target, mentions)
            if source is None:
                return
            source_id, source_type = source
        else:
            source_id, source_type = self._end(source, rtype, seats)
        target_id, target_type = self._end(target, rtype, seats)
        if source_id == target_id or source_type not in rtype.source_types or target_type not in rtype.target_types:
            return
        if rtype.symmetric and source_id > target_id:
            source_id, target_id = target_id, source_id
        key = (source_id, rtype.type, target_id, sent.start)
        if key in seen:
            return
        seen.add(key)
        words = self._trigger_words(trigger)
        negated = self.cues.is_negated(trigger, rtype)
        hedged = self.cues.is_hedged(trigger)
        confidence = CONFIDENCE[rel["kind"]] - (0.1 if hedged else 0.0)
        if confidence < self.min_confidence:
            return
        out.append({
            "source": source_id, "target": target_id, "type": rtype.type,
            "sentence": sent.text, "start": sent.start_char, "end": sent.end_char,
            "trigger": " ".join(t.text for t in words), "trigger_start": words[0].idx,
            "confidence": round(confidence, 3), "negated": negated, "hedged": hedged,
            "date": self._date(sent, doc, trigger),
            "location": target_id if target_type == "LOCATION" else self._location(trigger, sent, mentions, {source_id, target_id}),
            "implicit": implicit,
        })

    @staticmethod
    def _end(span: Span, rtype: RelationType, seats: dict) -> tuple[str, str]:
        if span.label_ == "LOCATION" and rtype.capital_as_state and span.kb_id_ in seats:
            return seats[span.kb_id_], "STATE"
        return span.kb_id_, span.label_

    def _implicit_source(self, rtype: RelationType, sent: Span, doc: Doc, out: list, target: Span, mentions: dict):
        """Agent of an agentless passive or nominal: the source of the last
        relation of the same type in the article (the preceding sentences
        first), else the subject actor of the nearest preceding sentence that
        has one of a fitting type ("Washington announced new designations. X
        was among those sanctioned.")."""
        sents = list(doc.sents)
        index = next((i for i, s in enumerate(sents) if s.start == sent.start), 0)
        window = sents[max(0, index - self.cues.lookback):index]
        window_start = window[0].start_char if window else sent.start_char
        same_type = [r for r in out if r["type"] == rtype.type and r["source"] != target.kb_id_]
        for rel in reversed(same_type):
            if rel["start"] >= window_start:
                return rel["source"], self._type_of(doc, rel["source"])
        if same_type:  # the article's earlier agent of the same kind of act
            return same_type[-1]["source"], self._type_of(doc, same_type[-1]["source"])
        for prev in reversed(window[-2:]):
            for tok in prev:
                if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT":
                    found = [mentions[tok.i]] if tok.i in mentions else self._actors_below(tok, mentions)
                    span = found[0] if found else None
                    if span is not None and span.label_ in rtype.source_types and span.kb_id_ != target.kb_id_:
                        return span.kb_id_, span.label_
        return None

    @staticmethod
    def _type_of(doc: Doc, actor_id: str) -> str:
        for actor in doc._.actors or ():
            if actor["id"] == actor_id:
                return actor["type"]
        return "STATE"

    @staticmethod
    def _trigger_words(trigger: Token) -> list[Token]:
        """The trigger as a reader would quote it: "held talks", "carried out", "stormed"."""
        words = [trigger, *(c for c in trigger.children if c.dep_ == "prt")]
        if trigger.dep_ == "dobj" and trigger.head.pos_ == "VERB":
            words.append(trigger.head)
        return sorted(words, key=lambda t: t.i)

    def _date(self, sent: Span, doc: Doc, trigger: Token | None = None) -> str | None:
        """The stated date of the event: a date phrase hanging on the trigger's
        clause wins over others in the sentence ("met on Wednesday ... since the
        2021 coup"); a weekday alone gives no date."""
        dates = [e for e in sent.ents if e.label_ == "DATE"]
        if trigger is not None:
            clause = {trigger.i, *(t.i for t in governors(trigger, 2))}
            attached = [e for e in dates if e.root.head.i in clause or e.root.head.head.i in clause]
            if attached:
                dates = attached
        for ent in dates:
            if ent.root.head.lower_ in ("since", "until", "before", "after"):
                continue
            return resolve_date(ent.text, doc._.published)
        return None

    @staticmethod
    def _location(trigger: Token, sent: Span, mentions: dict, ends: set) -> str | None:
        for tok in sent:
            span = mentions.get(tok.i)
            if span is None or span.label_ != "LOCATION" or span.kb_id_ in ends:
                continue
            root = span.root
            if root.dep_ == "compound" and root.head.dep_ == "pobj":
                root = root.head  # "in Tillabéri ambush"
            if root.dep_ == "pobj" and root.head.lower_ in ("in", "at", "near", "outside", "around", "inside"):
                return span.kb_id_
        return None

    @staticmethod
    def _link_list_lines(text: str, min_block: int = 3) -> list[tuple[int, int]]:
        """Character ranges of link lists and menus: runs of at least three
        consecutive short lines without final punctuation ("Most read" blocks,
        teaser lists, tag clouds). A lone headline or "Read more:" line is kept."""
        lines, offset = [], 0
        for line in text.split("\n"):
            stripped = line.strip()
            if stripped:
                words = stripped.split()
                listy = len(words) <= 16 and stripped[-1] not in ".!?\"”'»)"
                lines.append((offset, offset + len(line), listy))
            offset += len(line) + 1
        ranges, run = [], []
        for start, end, listy in lines + [(0, 0, False)]:
            if listy:
                run.append((start, end))
                continue
            if len(run) >= min_block:
                ranges += run
            run = []
        return ranges

    def _is_prose(self, sent: Span) -> bool:
        """A real sentence, not a menu line, link list or ticker fragment."""
        text = sent.text
        if len(sent) < 4 or sum(text.count(c) for c in "|•»›") >= 2:
            return False
        words = [t for t in sent if t.is_alpha]
        if len(words) < 3:
            return False
        # headlines often have their verb tagged as a plural noun ("US sanctions Mali's defence chief")
        has_verb = any(t.pos_ in ("VERB", "AUX") for t in sent) or sent.root.tag_ in ("NNS", "VBZ")
        title_case = sum(1 for t in words if t.is_title or t.is_upper) / len(words)
        return has_verb and not (title_case > 0.8 and len(words) > 6)

    # -- serialization: user-added types travel with the saved pipeline --------
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "types.json", {"types": [t.to_dict() for t in self.types.values()],
                                               "selected": sorted(self.selected) if self.selected else None})

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "RelationExtractor":
        data = srsly.read_json(Path(path) / "types.json")
        self.types = {d["type"]: RelationType.from_dict(d, "saved pipeline") for d in data["types"]}
        self.selected = set(data["selected"]) if data["selected"] else None
        self._index()
        return self
