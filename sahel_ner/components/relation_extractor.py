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
from ..relation_types import ALL_TYPES, RelationType, load_packaged_types, load_type_dir
from ..resources import read_json

ACTOR_LABELS = {"PERSON", "ARMED_GROUP", "STATE", "MILITARY", "ORGANIZATION", "LOCATION"}
# Dependency labels under which an argument's actor may sit below its head word
# ("members of Mali's junta", "a school in Bamako", "Malian army generals").
_ARG_DEPS = {"compound", "amod", "poss", "nmod", "appos", "prep", "pobj", "conj", "cc", "det", "nummod", "quantmod", "case", "punct"}
_ARG_PREPS = {"of", "in", "at", "near", "from", "outside", "inside", "including", "among"}
_PRONOUNS = {"it", "they", "he", "she", "we"}
# Verbs that report what their subject did ("the army said it had struck...").
_REPORTING = {"say", "announce", "claim", "report", "state", "tell", "confirm", "add", "declare", "insist", "acknowledge", "admit", "explain", "note"}
# Verbs whose subject is on the receiving end of a nominal trigger ("the army has the support of Russia").
_RECEIVING = {"have", "enjoy", "receive", "get", "win", "secure", "obtain", "gain", "accept", "welcome", "benefit"}
_SUBJ = {"nsubj", "csubj"}
_PASS_SUBJ = {"nsubjpass", "csubjpass"}
_CLAUSE_LINKS = {"conj", "xcomp", "advcl", "ccomp", "relcl", "acl", "pcomp", "dep"}

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
        self.cues = read_json(lang, "cues.json")
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
        c = self.cues
        self.neg_words = set(c["negation_words"])
        self.hedge_adverbs = set(c["hedge_adverbs"])
        self.hedge_verbs = set(c["hedge_verbs"])
        self.hedge_nouns = set(c["hedge_nouns"])
        self.hedge_modals = set(c["hedge_modals"])
        self.modal_verbs = set(c["modal_verbs"])
        self.modal_nouns = set(c["modal_nouns"])
        self.future_aux = set(c["future_auxiliaries"])
        self.conditional = set(c["conditional_marks"])
        self.lookback = int(c["implicit_lookback_sentences"])

    # -- pipeline -------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        seats = self._seats()
        mentions = {}
        for ent in doc.ents:
            if ent.label_ in ACTOR_LABELS and ent.kb_id_:
                for i in range(ent.start, ent.end):
                    mentions[i] = ent
        relations: list[dict] = []
        seen: set[tuple] = set()
        for sent in doc.sents:
            if not self._is_prose(sent):
                continue
            for token in sent:
                for rtype, found in self._trigger_relations(token, mentions):
                    for rel in found:
                        self._finish(rel, rtype, token, sent, doc, mentions, seats, relations, seen)
        doc._.relations = relations
        return doc

    def _seats(self) -> dict[str, str]:
        try:
            return self.nlp.get_pipe(self.ruler).kb.seat_of
        except KeyError:
            return {}

    # -- triggers -------------------------------------------------------------
    def _trigger_relations(self, token: Token, mentions: dict):
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX") or (token.tag_.startswith("VB")):
            for rtype in self.by_verb.get(lemma, ()):
                yield rtype, self._verb_relations(token, rtype, mentions)
        if token.pos_ in ("NOUN", "PROPN") or token.tag_.startswith("NN"):
            word = token.lower_
            for rtype in self.by_noun.get(word, ()) or self.by_noun.get(lemma, ()):
                yield rtype, self._noun_relations(token, rtype, mentions)

    # -- verbal triggers ------------------------------------------------------
    def _verb_relations(self, verb: Token, rtype: RelationType, mentions: dict) -> list[dict]:
        lemma = verb.lemma_.lower()
        passive = any(c.dep_ in _PASS_SUBJ or c.dep_ == "auxpass" for c in verb.children) or (
            verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod") )
        sources, targets = [], []
        agent = [t for c in verb.children if c.dep_ == "agent" for t in c.children if t.dep_ == "pobj"]
        if passive:
            targets = self._actors_of([c for c in verb.children if c.dep_ in _PASS_SUBJ], mentions)
            if verb.dep_ in ("acl", "amod") and not targets:
                targets = self._actors_of([verb.head], mentions)
            sources = self._actors_of(agent, mentions)
            if not targets:  # "Also detained was Gen. Sagara": inverted passive
                targets = self._actors_of([c for c in verb.children if c.dep_ in ("nsubj", "attr")]
                                          + [c for c in verb.head.children if c.dep_ in ("nsubj", "attr") and verb.dep_ == "acomp"], mentions)
        else:
            sources = self._actors_of(self._subjects(verb), mentions)
            objects = []
            if lemma in rtype.direct_object:
                objects += [c for c in verb.children if c.dep_ in ("dobj", "obj")]
            preps = [c for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ in rtype.verb_target_preps]
            # "shared intelligence with X", "supplied drones to X": the prep may hang on the object
            for obj in [c for c in verb.children if c.dep_ in ("dobj", "obj")]:
                preps += [c for c in obj.children if c.dep_ == "prep" and c.lower_ in rtype.verb_target_preps]
            for prep in preps:
                objects += [c for c in prep.children if c.dep_ == "pobj"]
            objects += [c for c in verb.children if c.dep_ == "dative" and c.lower_ not in rtype.verb_target_preps]
            if lemma in rtype.verb_needs_object and not self._object_qualifies(verb, rtype, preps):
                return []
            targets = self._actors_of(objects, mentions)
            allowed = rtype.object_types_for.get(lemma)
            if allowed:
                targets = [t for t in targets if t.label_ in allowed]
            if rtype.symmetric and not targets:  # "Diop and Atallah met"
                return [self._rel(a, b, "verb") for a, b in combinations(sources, 2)]
        kind = "verb"
        if passive and not sources:
            return [self._rel(None, t, "implicit") for t in targets] if rtype.implicit_agent else []
        return [self._rel(s, t, kind) for s in sources for t in targets]

    def _object_qualifies(self, verb: Token, rtype: RelationType, preps: list[Token]) -> bool:
        objs = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
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
            if subj:
                return subj
            if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ in ("VBG", "VBD")):
                return [verb.head]  # "the militants who stormed the base"
            if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
                verb = verb.head
                continue
            if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":  # "humiliated X by attacking Y"
                verb = verb.head.head
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
        sources = self._actors_of([c for c in noun.children if c.dep_ in ("poss", "compound", "nmod", "amod")
                                   and c.i in mentions], mentions)
        targets, by_preps = [], []
        preps = [c for c in noun.children if c.dep_ == "prep"]
        light = noun.head if noun.dep_ in ("dobj", "obj", "nsubjpass", "attr", "pobj") and noun.head.pos_ in ("VERB", "AUX", "ADP") else None
        if light is not None and light.pos_ == "ADP":  # "carried out strikes against", "step up support for"
            light = light.head if light.head.pos_ == "VERB" else None
        if light is not None and light.lemma_.lower() in rtype.light_verbs:
            preps += [c for c in light.children if c.dep_ == "prep" and c.i > noun.i]
        else:
            light = None
        for prep in preps:
            objs = [c for c in prep.children if c.dep_ == "pobj"]
            if prep.lower_ in rtype.noun_source_preps and not (prep.lower_ == "of" and rtype.type != "MET"):
                if prep.lower_ == "by" or not any(m.i in mentions for m in objs):
                    by_preps += objs
                    if prep.lower_ == "by":
                        continue
            if prep.lower_ in rtype.noun_target_preps:
                targets += objs
        sources += self._actors_of(by_preps, mentions)
        targets = self._actors_of(targets, mentions)
        if not targets and sources and not preps:
            targets = self._headline_object(noun, mentions)  # "EU sanctions Mali junta members"
        if light is None and noun.dep_ in ("dobj", "obj") and noun.head.lemma_.lower() in _RECEIVING:
            # "the army has the support of Russia": the "of"/"from" actor gives, the subject receives
            givers = self._actors_of([c for p in noun.children if p.dep_ == "prep" and p.lower_ in ("of", "from")
                                      for c in p.children if c.dep_ == "pobj"], mentions)
            if givers:
                receivers = self._actors_of(self._subjects(noun.head), mentions)
                return [self._rel(g, r, "noun") for g in givers for r in receivers]
        if rtype.symmetric and not sources and not targets and noun.dep_ == "pobj":
            return self._gathering(noun, mentions)
        if rtype.type == "ATTACKED" and sources and not targets:
            targets = self._place_below(noun, mentions)
        if rtype.type != "ATTACKED":
            targets = [t for t in targets if t.label_ != "LOCATION" or rtype.capital_as_state]
        kind = "noun"
        if not sources and light is not None:
            if any(c.dep_ == "auxpass" for c in light.children):
                sources = self._actors_of([t for c in light.children if c.dep_ == "agent" for t in c.children], mentions)
            else:
                sources = self._actors_of(self._subjects(light), mentions)
            kind = "light"
        if not sources and noun.dep_ in ("nsubj", "nsubjpass") and rtype.type == "SUPPORTED":
            pass
        if rtype.symmetric:
            ends = sources + targets
            if not sources and len(targets) >= 2:  # "talks between Diop and Atallah"
                return [self._rel(a, b, kind) for a, b in combinations(targets, 2)]
            return [self._rel(s, t, kind) for s in sources for t in targets] if ends else []
        if not sources and targets and rtype.implicit_agent:
            return [self._rel(None, t, "implicit") for t in targets]
        return [self._rel(s, t, kind) for s in sources for t in targets]

    def _headline_object(self, noun: Token, mentions: dict) -> list[Span]:
        """Headline verbs the tagger reads as nouns: the actor right after the
        trigger is its object ("EU sanctions Mali junta members")."""
        nxt = noun.i + 1
        doc = noun.doc
        while nxt < len(doc) and doc[nxt].dep_ == "det":
            nxt += 1
        if nxt >= len(doc) or nxt >= noun.sent.end or nxt not in mentions:
            return []
        span = mentions[nxt]
        return [span] if span.root.head.i == noun.i or span.root.i == noun.i or span.root.dep_ in ("appos", "compound", "dobj") else []

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
        """Actor mentions an argument stands for, one per conjunct."""
        found: list[Span] = []
        for head in heads:
            for word in [head, *head.conjuncts]:
                if word.lower_ in _PRONOUNS and word.i not in mentions:
                    found += [s for s in self._antecedents(word, mentions) if all(s.kb_id_ != f.kb_id_ for f in found)]
                    continue
                span = mentions.get(word.i) or self._actor_below(word, mentions)
                if span is not None and all(span.kb_id_ != f.kb_id_ for f in found):
                    found.append(span)
        return found

    def _antecedents(self, pronoun: Token, mentions: dict) -> list[Span]:
        """What a subject pronoun stands for: the subject of the reporting verb
        whose clause it opens ("the army said it had struck..."), else the
        subject actor of the previous sentence."""
        clause = pronoun.head
        while clause.dep_ in ("conj", "aux", "auxpass") and clause.head is not clause:
            clause = clause.head
        if clause.dep_ in ("ccomp", "advcl") and clause.head.lemma_.lower() in _REPORTING:
            return self._actors_of(self._subjects(clause.head), mentions)
        sent = pronoun.sent
        if pronoun.i - sent.start > 2 or sent.start == 0:
            return []
        previous = pronoun.doc[sent.start - 1].sent
        want_person = pronoun.lower_ in ("he", "she")
        for tok in previous:
            span = mentions.get(tok.i)
            if span is not None and tok.dep_ in ("nsubj", "nsubjpass") and (span.label_ == "PERSON") == want_person:
                return [span]
        return []

    def _actor_below(self, word: Token, mentions: dict) -> Span | None:
        """Closest actor in an argument's noun phrase ("members of Mali's junta")."""
        frontier = [word]
        depth = 0
        while frontier and depth < 4:
            nxt = []
            for tok in frontier:
                for child in tok.children:
                    if child.dep_ not in _ARG_DEPS or child.dep_ == "conj":
                        continue
                    if child.dep_ == "prep" and child.lower_ not in _ARG_PREPS:
                        continue
                    if child.i in mentions:
                        return mentions[child.i]
                    nxt.append(child)
            frontier = nxt
            depth += 1
        return None

    @staticmethod
    def _rel(source: Span | None, target: Span, kind: str) -> dict:
        return {"source": source, "target": target, "kind": kind}

    # -- flags, dates, places, output ------------------------------------------
    def _finish(self, rel: dict, rtype: RelationType, trigger: Token, sent: Span, doc: Doc, mentions: dict,
                seats: dict, out: list, seen: set) -> None:
        if self._is_modal(trigger, rtype):
            return
        source, target = rel["source"], rel["target"]
        implicit = source is None
        if implicit:
            source = self._implicit_source(rtype, sent, doc, out, target)
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
        negated = self._is_negated(trigger, rtype)
        hedged = self._is_hedged(trigger, sent)
        confidence = CONFIDENCE[rel["kind"]] - (0.1 if hedged else 0.0)
        if confidence < self.min_confidence:
            return
        out.append({
            "source": source_id, "target": target_id, "type": rtype.type,
            "sentence": sent.text, "start": sent.start_char, "end": sent.end_char,
            "trigger": self._trigger_text(trigger), "trigger_start": trigger.idx,
            "confidence": round(confidence, 3), "negated": negated, "hedged": hedged,
            "date": self._date(sent, doc), "location": self._location(trigger, sent, mentions, {source_id, target_id}),
            "implicit": implicit,
        })

    @staticmethod
    def _end(span: Span, rtype: RelationType, seats: dict) -> tuple[str, str]:
        if span.label_ == "LOCATION" and rtype.capital_as_state and span.kb_id_ in seats:
            return seats[span.kb_id_], "STATE"
        return span.kb_id_, span.label_

    def _implicit_source(self, rtype: RelationType, sent: Span, doc: Doc, out: list, target: Span):
        """Agent of an agentless passive: the last source of the same type in the
        preceding sentences, else the article's focus state (ARRESTED/SANCTIONED)."""
        window_start = sent.start_char
        sents = list(doc.sents)
        index = next((i for i, s in enumerate(sents) if s.start == sent.start), 0)
        if index:
            window_start = sents[max(0, index - self.lookback)].start_char
        for rel in reversed(out):
            if rel["type"] == rtype.type and rel["start"] >= window_start and rel["source"] != target.kb_id_:
                return rel["source"], self._type_of(doc, rel["source"])
        if rtype.type in ("ARRESTED", "SANCTIONED") and doc._.focus_state:
            for prev in sents[max(0, index - self.lookback):index + 1]:
                if any(e.kb_id_ == doc._.focus_state for e in prev.ents):
                    return doc._.focus_state, "STATE"
        return None

    @staticmethod
    def _type_of(doc: Doc, actor_id: str) -> str:
        for actor in doc._.actors or ():
            if actor["id"] == actor_id:
                return actor["type"]
        return "STATE"

    def _governors(self, trigger: Token, limit: int = 4) -> list[Token]:
        chain, tok = [], trigger
        while tok.head is not tok and len(chain) < limit:
            tok = tok.head
            chain.append(tok)
        return chain

    def _is_negated(self, trigger: Token, rtype: RelationType) -> bool:
        heads = [trigger]
        if trigger.dep_ in ("dobj", "pobj", "nsubjpass", "xcomp", "pcomp", "ccomp", "conj") or trigger.pos_ == "NOUN":
            heads += self._governors(trigger, 2)
        for tok in heads:
            if any(c.dep_ == "neg" or (c.lower_ in self.neg_words and c.dep_ in ("det", "advmod", "neg")) for c in tok.children):
                return True
            if tok is not trigger and tok.lemma_.lower() in rtype.negating_verbs:
                return True
        return False

    def _is_hedged(self, trigger: Token, sent: Span) -> bool:
        scope = [trigger, *self._governors(trigger, 4)]
        for tok in scope:
            if tok is not trigger and (tok.lemma_.lower() in self.hedge_verbs or tok.lower_ in self.hedge_nouns):
                return True
            for child in tok.children:
                if child.lower_ in self.hedge_adverbs or (child.dep_ == "aux" and child.lower_ in self.hedge_modals):
                    return True
                if child.dep_ in ("amod", "advmod") and child.lower_ in ("alleged", "suspected", "reported", "apparent", "purported"):
                    return True
        return any(t.lower_ in ("reportedly", "allegedly", "purportedly") for t in sent)

    def _is_modal(self, trigger: Token, rtype: RelationType) -> bool:
        """Threatened, planned or conditional: not asserted as having happened.
        Looks at the trigger's own clause and the one predicate governing it
        ("vowed to attack", "threatened an assault", "plans for sanctions")."""
        if trigger.sent.text.rstrip().endswith("?"):
            return True
        tok = trigger
        if tok.dep_ in ("dobj", "obj", "nsubjpass") and tok.head.lemma_.lower() in rtype.light_verbs:
            tok = tok.head  # "launched an attack": the light verb's clause counts
        elif tok.dep_ == "pobj" and tok.head.dep_ == "prep":
            tok = tok.head  # "plans for an attack"
        for _ in range(2):
            for child in tok.children:
                if child.dep_ == "aux" and child.lower_ in self.future_aux:
                    return True
                if child.dep_ == "mark" and child.lower_ in self.conditional:
                    return True
            head = tok.head
            if head is tok:
                return False
            lemma = head.lemma_.lower()
            if tok.dep_ in ("xcomp", "ccomp", "dobj", "obj", "prep", "acl", "compound", "nsubj", "pcomp") and (
                    lemma in self.modal_verbs or head.lower_ in self.modal_nouns) and lemma not in rtype.light_verbs:
                return True
            if tok.dep_ not in ("xcomp", "conj", "prep", "pcomp"):
                return False
            tok = head
        return False

    @staticmethod
    def _trigger_text(trigger: Token) -> str:
        parts = [trigger]
        parts += [c for c in trigger.children if c.dep_ == "prt"]
        if trigger.dep_ in ("dobj",) and trigger.head.pos_ == "VERB":
            parts.append(trigger.head)
        parts.sort(key=lambda t: t.i)
        return " ".join(t.text for t in parts)

    def _date(self, sent: Span, doc: Doc) -> str | None:
        for ent in sent.ents:
            if ent.label_ == "DATE":
                value = resolve_date(ent.text, doc._.published)
                if value:
                    return value
        return None

    @staticmethod
    def _location(trigger: Token, sent: Span, mentions: dict, ends: set) -> str | None:
        for tok in sent:
            span = mentions.get(tok.i)
            if span is None or span.label_ != "LOCATION" or span.kb_id_ in ends:
                continue
            root = span.root
            if root.dep_ == "pobj" and root.head.lower_ in ("in", "at", "near", "outside", "around", "inside"):
                return span.kb_id_
        return None

    def _is_prose(self, sent: Span) -> bool:
        """A real sentence, not a menu line, link list or ticker fragment."""
        text = sent.text
        if len(sent) < 4 or sum(text.count(c) for c in "|•»›") >= 2:
            return False
        words = [t for t in sent if t.is_alpha]
        if len(words) < 3:
            return False
        has_verb = any(t.pos_ in ("VERB", "AUX") for t in sent)
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
