"""Cue words around a trigger: is the relation negated, hedged, or not asserted at all?

The words live in ``resources/<lang>/cues.json``; this module reads the parse
around a trigger with them. Kept apart from the extractor so that the trained
classifier (and users) can ask the same questions of any trigger.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .relation_types import RelationType
from .resources import read_json


def governors(token: Token, limit: int = 4) -> list[Token]:
    """The chain of heads above ``token``, nearest first."""
    chain, tok = [], token
    while tok.head is not tok and len(chain) < limit:
        tok = tok.head
        chain.append(tok)
    return chain


def _is_subject_of(actor: Span, verb: Token) -> bool:
    """Whether an actor is (inside) the subject of a verb, or its "by" agent."""
    return any(c.dep_ in ("nsubj", "agent") and c.left_edge.i <= actor.root.i <= c.right_edge.i
               for c in verb.children)


class Cues:
    """Negation, hedging and modality cues for one language."""

    def __init__(self, lang: str = "en"):
        c = read_json(lang, "cues.json")
        self.neg_words = set(c["negation_words"])
        self.negating_governors = set(c["negating_governors"])
        self.negating_determiners = set(c["negating_determiners"])
        self.hedge_adverbs = set(c["hedge_adverbs"])
        self.hedge_verbs = set(c["hedge_verbs"])
        self.hedge_nouns = set(c["hedge_nouns"])
        self.hedge_modals = set(c["hedge_modals"])
        self.hedge_report_verbs = set(c["hedge_report_verbs"])
        self.hedge_sources = set(c["hedge_sources"])
        self.hedge_identity = set(c["hedge_identity"])
        self.own_claims = set(c["own_claims"])
        self.modal_verbs = set(c["modal_verbs"])
        self.modal_nouns = set(c["modal_nouns"])
        self.future_aux = set(c["future_auxiliaries"])
        self.conditional = set(c["conditional_marks"])
        self.lookback = int(c["implicit_lookback_sentences"])

    def is_negated(self, trigger: Token, rtype: RelationType) -> bool:
        """"did not meet", "never arrested", "without meeting", "failed to
        capture", "denied attacking", "lifted sanctions", "no evidence that..."."""
        chain = [trigger, *governors(trigger, 3)]
        for depth, tok in enumerate(chain):
            if depth and chain[depth - 1].dep_ not in ("dobj", "obj", "pobj", "prep", "xcomp", "pcomp", "ccomp", "acl",
                                                       "nsubjpass", "conj", "aux", "relcl"):
                break
            if depth > 1 and chain[depth - 1].dep_ == "prep" and tok.pos_ in ("NOUN", "PROPN") \
                    and tok.lemma_.lower() not in rtype.light_verbs:
                break  # "no comment regarding the arrest": the "no" denies the comment, not the arrest
            for c in tok.children:
                if c.dep_ == "neg" or (c.dep_ in ("det", "advmod") and c.lower_ in self.neg_words - {"no"}):
                    return True
                if depth and c.dep_ == "det" and c.lower_ in self.negating_determiners:
                    return True  # "there is no evidence that Ukraine armed JNIM"
            if depth and (tok.lemma_.lower() in rtype.negating_verbs or tok.lemma_.lower() in self.negating_governors):
                return True
            if tok.lower_ == "without" and tok.pos_ == "ADP":
                return True
        return False

    def is_hedged(self, trigger: Token, source: Span | None = None) -> bool:
        """"allegedly", "accused of", "suspected", "is said to have",
        "according to unconfirmed reports". An author's own claim of its act
        ("JNIM claimed the killing of ...") is not a hedge."""
        scope = [trigger, *governors(trigger, 4)]
        for subject in [c for c in trigger.children if c.dep_ in ("nsubj", "csubj")]:
            # "Fighters suspected of belonging to ISSP attacked..."
            for c in subject.children:
                if c.dep_ == "acl" and c.lemma_.lower() in self.hedge_verbs and not (
                        c.lemma_.lower() in self.own_claims and source is not None
                        and c.left_edge.i <= source.root.i <= c.right_edge.i):  # "the attack, claimed by JNIM, ..."
                    return True
        for tok in scope:
            lemma = tok.lemma_.lower()
            if tok is not trigger and (lemma in self.hedge_verbs or tok.lower_ in self.hedge_nouns):
                if lemma in self.own_claims and source is not None and _is_subject_of(source, tok):
                    continue
                return True
            if tok is not trigger and lemma in self.hedge_report_verbs and any(c.dep_ == "auxpass" for c in tok.children):
                return True  # "is said to have met", "is believed to have supplied"
            for child in tok.children:
                if child.lower_ in self.hedge_adverbs or (child.dep_ == "aux" and child.lower_ in self.hedge_modals):
                    return True
                if child.dep_ in ("amod", "advmod") and child.lower_ in ("alleged", "suspected", "reported", "apparent", "purported"):
                    return True
                if child.dep_ == "prep" and child.lower_ == "according" and any(
                        t.lower_ in self.hedge_sources for t in child.subtree):
                    return True
        return False

    def is_uncertain_identity(self, actor: Span) -> bool:
        """"presumed JNIM militants", "an IED likely planted by ISSP fighters":
        who did it (or suffered it) is a guess, though the act happened."""
        root = actor.root
        if any(c.dep_ == "cc" and c.lower_ in ("or", "either") for c in [*root.children, *root.head.children]) \
                and (root.dep_ == "conj" or any(c.dep_ == "conj" for c in root.children)):
            return True  # "Either JNIM or ISSP was behind the attack": one of them, nobody knows which
        sent_start = actor.sent.start
        for tok in reversed(actor.doc[max(sent_start, actor.start - 4):actor.start]):
            if tok.lower_ in self.hedge_identity:
                return True
            if tok.is_punct or tok.pos_ == "VERB" and tok.dep_ not in ("acl", "amod"):
                return False
        return False

    def is_modal(self, trigger: Token, rtype: RelationType) -> bool:
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
        elif tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ in ("NOUN", "PROPN"):
            # "talks between Bamako and the FLA could resume"
            if tok.head.lemma_ != "be" and any(c.dep_ == "aux" and c.lower_ in self.future_aux | self.hedge_modals
                                               for c in tok.head.children):
                return True
        for _ in range(4):  # "would keep helping Mali (to) train its forces": up through xcomp and conj
            for child in tok.children:
                if child.dep_ == "aux" and child.lower_ in self.future_aux:
                    return True
                if child.dep_ == "aux" and child.lower_ in self.hedge_modals and not any(
                        c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children):
                    return True  # "could be passed to Russia": a possibility (but "may have met" is a hedge)
                if child.dep_ == "mark" and child.lower_ in self.conditional:
                    return True
            head = tok.head
            if head is tok:
                return False
            lemma = head.lemma_.lower()
            if tok.dep_ == "conj" and tok.tag_ in ("VBD", "VBZ") and head.tag_ == "VB":
                return False  # "urged X to reform and sanctioned Y": a finite verb is not inside "to ..."
            if tok.dep_ in ("xcomp", "ccomp", "dobj", "obj", "prep", "acl", "compound", "nsubj", "pcomp") and (
                    lemma in self.modal_verbs or head.lower_ in self.modal_nouns) and lemma not in rtype.light_verbs:
                return True
            if tok.dep_ not in ("xcomp", "conj"):
                return False  # "demanded an investigation into killings": the killings are not demanded
            tok = head
        return False
