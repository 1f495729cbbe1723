"""One document's shared state, built once in ``__call__`` so that the work
done per trigger or per relation never rescans the document (extraction stays
linear in article length)."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ...knowledge_base import KnowledgeBase
from ...schema import ACTOR_TYPES
from .arguments import ArgumentFinder
from .lexicon import ArgumentWords
from .records import RelationLog

ACTOR_LABELS = frozenset(ACTOR_TYPES)  # the entity labels that are actors (owned by sahel_ner.schema)


class Article:
    """doc: the document; sents: its sentences, in order (sent_starts: their
    first characters); dates: the DATE entities of each sentence; args: the
    argument finder over its actor mentions; seats: capital -> state;
    relations: what has been found so far."""

    def __init__(self, doc: Doc, kb: KnowledgeBase, words: ArgumentWords):
        self.doc = doc
        self.sents: list[Span] = list(doc.sents)
        self.sent_starts: list[int] = [sent.start_char for sent in self.sents]  # for bisect
        mentions: dict[int, Span] = {}
        for ent in doc.ents:
            if ent.label_ in ACTOR_LABELS and ent.kb_id_ and not self._describes(ent, words):
                for i in range(ent.start, ent.end):
                    mentions[i] = ent
        self.args = ArgumentFinder(mentions, kb, words, self._leaders_named(doc, kb, words))
        self.seats: dict[str, str] = kb.seat_of
        self.dates = self._dates_by_sentence()
        self._actor_types: dict[str, str] = {}
        for actor in doc._.actors or ():
            self._actor_types.setdefault(actor["id"], actor["type"])  # the first record wins
        self.relations = RelationLog()

    @staticmethod
    def _describes(ent: Span, words: ArgumentWords) -> bool:
        """A name inside a description of another actor: "the al-Qaeda-linked
        group JNIM", "an Islamic State-affiliated faction" (not an argument)."""
        doc = ent.doc
        hyphen = ent.end < len(doc) and doc[ent.end].text == "-"
        after = ent.end + hyphen
        if after < len(doc) and doc[after].lower_ in words.modifier_participles:
            # but "Goïta led the delegation", "Russia backed the junta": the name is the verb's
            # subject, with no article before it as a description has ("the al-Qaeda linked group")
            return hyphen or not (ent.root.head.i == after and ent.root.dep_ in ("nsubj", "nsubjpass")
                                  and not any(c.dep_ == "det" for c in ent.root.children))
        # "al-Qaeda's affiliate in the Sahel", "a Trump envoy", "Putin's adviser"
        head = ent.root.head
        return ent.root.dep_ in ("poss", "compound") and head.i >= ent.end and (
            head.lower_ in words.affiliation_nouns
            or (ent.label_ == "PERSON" and head.lower_ in words.representative_nouns))

    @staticmethod
    def _leaders_named(doc: Doc, kb: KnowledgeBase, words: ArgumentWords) -> dict[str, str]:
        """State -> the person the article names who leads it ("Goïta" for Mali),
        for "his counterparts in Mali" and "a visit to Bamako"."""
        leaders: dict[str, str] = {}
        for actor in doc._.actors or ():
            state = kb.led_state(actor["id"], words.leader_titles) if actor["type"] == "PERSON" else None
            if state:
                leaders.setdefault(state, actor["id"])
        return leaders

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

    def leader_or_state(self, actor_id: str, actor_type: str) -> tuple[str, str]:
        """A state's leader named in the article, else the state (any other actor as it is)."""
        leader = self.args.leaders.get(actor_id) if actor_type == "STATE" else None
        return (leader, "PERSON") if leader else (actor_id, actor_type)

    def actor_type(self, actor_id: str) -> str:
        return self._actor_types.get(actor_id, "STATE")
