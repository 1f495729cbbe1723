"""One document's shared state, built once in ``__call__`` so that the work
done per trigger or per relation never rescans the document (extraction stays
linear in article length)."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ...knowledge_base import KnowledgeBase
from .arguments import ArgumentFinder
from .lexicon import ArgumentWords
from .records import RelationLog

ACTOR_LABELS = {"PERSON", "ARMED_GROUP", "STATE", "MILITARY", "ORGANIZATION", "LOCATION"}


class Article:
    """doc: the document; sents: its sentences, in order; dates: the DATE
    entities of each sentence; args: the argument finder over its actor
    mentions; seats: capital -> state; relations: what has been found so far."""

    def __init__(self, doc: Doc, kb: KnowledgeBase, words: ArgumentWords):
        self.doc = doc
        self.sents: list[Span] = list(doc.sents)
        mentions: dict[int, Span] = {}
        for ent in doc.ents:
            if ent.label_ in ACTOR_LABELS and ent.kb_id_:
                for i in range(ent.start, ent.end):
                    mentions[i] = ent
        self.args = ArgumentFinder(mentions, kb, words)
        self.seats: dict[str, str] = kb.seat_of
        self.dates = self._dates_by_sentence()
        self._actor_types: dict[str, str] = {}
        for actor in doc._.actors or ():
            self._actor_types.setdefault(actor["id"], actor["type"])  # the first record wins
        self.relations = RelationLog()

    def _dates_by_sentence(self) -> list[list[Span]]:
        """What ``sent.ents`` would give, restricted to DATE, for every sentence
        in one pass (``Span.ents`` walks all the document's entities)."""
        sentence_of = [0] * len(self.doc)
        for index, sent in enumerate(self.sents):
            sentence_of[sent.start:sent.end] = [index] * len(sent)
        dates: list[list[Span]] = [[] for _ in self.sents]
        for ent in self.doc.ents:
            if ent.label_ == "DATE":
                index = sentence_of[ent.start]
                if ent.end <= self.sents[index].end:  # an entity across a sentence break is in neither
                    dates[index].append(ent)
        return dates

    def actor_type(self, actor_id: str) -> str:
        return self._actor_types.get(actor_id, "STATE")
