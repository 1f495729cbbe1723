"""Named facilities as places: "l’école de gendarmerie de Bamako", "the Faladié
gendarmerie school", "la base militaire de l’aéroport".

The schema makes a named facility a LOCATION target ("JNIM struck the gendarmerie
school in Bamako" -> ATTACKED(JNIM, the school)). Without this reading the small
models see a force ("gendarmerie", "base militaire") and a town, and the target
becomes the army. A facility is a noun from ``facility_nouns`` (school, airport,
prison, mosque ...) that is *named*: it has a definite article and a
proper-noun modifier ("the Faladié gendarmerie school"), a place complement ("de
Bamako", "in the Faladié district") or a conjunct that has one ("l’aéroport et
l’école de gendarmerie de Bamako": the town serves both). Without the article it
is not: "a police training school in Bamako" is an attack on Bamako, as the
schema's example has it, and so is a headline's "Bamako gendarmerie school" (no
article), which keeps headline and body on one node. A ``facility_holders`` noun whose complement is a facility ("la
*base militaire* de l’aéroport", "a military *zone* at the airport") is part of it.
Bases, camps and posts alone stay their force's, as the schema says; the words
are data in ``resources/<lang>/linking.json``.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..text import fold, slugify

_PLACE_LABELS = frozenset({"LOCATION", "GPE", "LOC", "FAC"})
# what a facility's phrase is made of (not its conjuncts, clauses or a time word hung on it)
_PHRASE_DEPS = frozenset({"prep", "pobj", "compound", "amod", "nmod", "nn", "flat", "fixed", "case", "det", "punct"})


class FacilityFinder:
    def __init__(self, words: dict, articles: set[str]):
        self.nouns = {fold(w) for w in words.get("facility_nouns", ())}
        self.holders = {fold(w) for w in words.get("facility_holders", ())}
        # venue words that count only inside a name ("Conference Centre"; "le centre de Bamako" is downtown)
        self.name_heads = self.nouns | {fold(w) for w in words.get("facility_name_heads", ())}
        self.place_preps = {fold(w) for w in words.get("facility_place_preps", ())}
        self.definite = {fold(w) for w in words.get("facility_definite", ())}
        self.articles = articles

    def spans(self, doc: Doc) -> list[Span]:
        """LOCATION spans (slug ids) over every named facility of ``doc``."""
        if not self.nouns:
            return []
        found = []
        for token in doc:
            if token.pos_ != "NOUN" or fold(token.lemma_) not in self.nouns and fold(token.text) not in self.nouns:
                continue
            root = self._holder(token) or token
            place = self._place_complement(token) or self._place_complement(root)
            named = self._definite(root) and (place is not None or self._proper_modifier(token) or any(
                self._place_complement(conj) is not None for conj in self._conjuncts(root)))
            if not named:
                continue
            start = self._phrase_start(root)
            end = max(self._last(place) if place is not None else 0, self._last(token)) + 1
            # a facility the knowledge base knows ("l’aéroport de Bamako-Sénou") keeps its id
            known = token.ent_kb_id_ if token.ent_type_ == "LOCATION" else ""
            found.append(Span(doc, start, end, label="LOCATION", kb_id=known or slugify(doc[start:end].text)))
        return found

    def names_one(self, name: Span) -> bool:
        """A name the statistical NER calls an organisation that ends (English) or starts
        (French) with a facility noun: "the State House Conference Centre", "Hôtel Azalaï"."""
        return fold(name[-1].text) in self.name_heads or fold(name[0].text) in self.name_heads

    def _holder(self, facility: Token) -> Token | None:
        """"la base militaire *de* l’aéroport": the holder noun the facility completes."""
        prep = facility.head if facility.dep_ == "pobj" else None
        if prep is not None and fold(prep.text) in self.place_preps and prep.head.pos_ == "NOUN" \
                and fold(prep.head.lemma_) in self.holders:
            return prep.head
        return None

    def _place_complement(self, noun: Token) -> Token | None:
        """The preposition of "de Bamako" / "in the Faladié district" under ``noun``."""
        for prep in noun.children:
            if prep.dep_ != "prep" or prep.i < noun.i or fold(prep.text) not in self.place_preps:
                continue
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and any(t.ent_type_ in _PLACE_LABELS for t in obj.subtree
                                       if t.dep_ in ("pobj", "compound", "nmod", "appos") or t is obj):
                return prep
        return None

    @classmethod
    def _last(cls, token: Token) -> int:
        """Last token of ``token``'s phrase, without the conjuncts it coordinates."""
        last = token.i
        for child in token.children:
            if child.i > token.i and child.dep_ in _PHRASE_DEPS and child.ent_type_ != "DATE":
                last = max(last, cls._last(child))
        return last

    def _definite(self, noun: Token) -> bool:
        return any(c.dep_ == "det" and fold(c.text) in self.definite for c in noun.children)

    @staticmethod
    def _proper_modifier(noun: Token) -> bool:
        return any(c.dep_ in ("compound", "nmod", "amod") and c.i < noun.i and c.pos_ == "PROPN"
                   for c in noun.children)

    @staticmethod
    def _conjuncts(noun: Token) -> list[Token]:
        head = noun.head if noun.dep_ == "conj" else noun
        return [head, *(c for c in head.children if c.dep_ == "conj")]

    def _phrase_start(self, root: Token) -> int:
        start = root.i
        for child in root.children:
            if child.i < root.i and child.dep_ in ("compound", "amod", "nmod", "nn") and child.i < start:
                start = child.left_edge.i
        doc = root.doc
        while start < root.i and (fold(doc[start].text) in self.articles or doc[start].is_punct):
            start += 1
        return start
