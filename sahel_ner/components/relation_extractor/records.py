"""What the extractor produces: candidates (two actor spans read off the parse)
and the relation records they become in ``Doc._.relations`` (plain dicts)."""
from __future__ import annotations

from itertools import combinations
from typing import NamedTuple

from spacy.tokens import Span, Token

from ...relation_types import RelationType

# How sure a reading is, by the construction that gave it.
CONFIDENCE = {"verb": 0.9, "noun": 0.85, "light": 0.85, "implicit": 0.6, "claim": 0.8}


class Candidate(NamedTuple):
    """A source and target read off one trigger. ``source`` is None for an
    agentless passive or nominal, whose agent comes from the context."""

    source: Span | None
    target: Span
    kind: str  # a key of CONFIDENCE, or "orphan": an act whose agent is unnamed (no relation unless claimed)
    negated: bool = False  # the construction itself ends the relation ("Wagner left Mali")


def candidate(source: Span | None, target: Span, kind: str, implicit: bool = False, negated: bool = False) -> Candidate:
    return Candidate(source, target, "implicit" if implicit else kind, negated)


def pairs(ends: list[Span], kind: str, implicit: bool = False) -> list[Candidate]:
    """Every pair of distinct actors ("talks between A, B and C", "A and B clashed")."""
    unique = list({e.kb_id_: e for e in ends}.values())
    return [candidate(a, b, kind, implicit) for a, b in combinations(unique, 2)]


def meeting_pairs(sources: list[Span], targets: list[Span], kind: str, implicit: bool = False) -> list[Candidate]:
    """Symmetric types: each source with each target ("X met A and B" gives X-A
    and X-B, never A-B: co-objects do not meet each other); co-subjects meet
    each other only when nobody else is named ("A and B held talks")."""
    if not targets:
        return pairs(sources, kind, implicit)
    return [candidate(s, t, kind, implicit) for s in sources for t in targets if s.kb_id_ != t.kb_id_]


def trigger_words(trigger: Token) -> list[Token]:
    """The trigger as a reader would quote it: "held talks", "carried out", "stormed"."""
    words = [trigger, *(c for c in trigger.children if c.dep_ == "prt")]
    if trigger.dep_ == "dobj" and trigger.head.pos_ == "VERB":
        words.append(trigger.head)
    return sorted(words, key=lambda t: t.i)


def relation_record(*, source: str, target: str, rtype: RelationType, sent: Span, trigger: list[Token],
                    confidence: float, negated: bool, hedged: bool, date: str | None, location: str | None,
                    implicit: bool) -> dict:
    """The one shape of a relation in ``Doc._.relations``, for every producer."""
    return {
        "source": source, "target": target, "type": rtype.type,
        "sentence": sent.text, "start": sent.start_char, "end": sent.end_char,
        "trigger": " ".join(t.text for t in trigger), "trigger_start": trigger[0].idx,
        "confidence": round(confidence, 3), "negated": negated, "hedged": hedged,
        "date": date, "location": location, "implicit": implicit,
    }


class Orphan(NamedTuple):
    """An act told without its agent ("Gunmen stormed a post in Diapaga"): a
    later claim of responsibility can name who did it."""

    type: str
    target: str
    target_type: str
    sent_index: int
    trigger: list[Token]


class RelationLog:
    """The relations of one document, in document order, with the keys already
    taken (one relation per source, type, target and sentence)."""

    def __init__(self) -> None:
        self.records: list[dict] = []
        # (end of the sentence that tells it, record): every telling of an act, retellings included
        self.tellings: list[tuple[int, dict]] = []
        self.by_type: dict[str, list[dict]] = {}
        self.orphans: list[Orphan] = []
        self._taken: set[tuple] = set()
        self._first: dict[tuple, dict] = {}  # (source, type, target) -> its first record

    def has_triple(self, triple: tuple) -> bool:
        """Whether (source, type, target) was already logged, in any sentence."""
        return triple in self._first

    def retold(self, triple: tuple, sent_end: int) -> None:
        """An act already logged is told again ("the detention of the officers")."""
        self.tellings.append((sent_end, self._first[triple]))

    def told_without_target(self, sent_end: int, source: str, rtype: str, date: str | None, count: int) -> None:
        """An act whose target is left to a list that may follow ("sanctions on three
        officials. Also targeted was X"): a telling for that list, not a relation;
        ``count`` is how many persons it announced (-1: unknown)."""
        self.tellings.append((sent_end, {"source": source, "type": rtype, "date": date, "count": count}))

    def take(self, key: tuple) -> bool:
        """Reserve ``key``; False when an earlier reading already holds it."""
        if key in self._taken:
            return False
        self._taken.add(key)
        return True

    def append(self, record: dict) -> None:
        self.records.append(record)
        self._first.setdefault((record["source"], record["type"], record["target"]), record)
        self.tellings.append((record["end"], record))
        self.by_type.setdefault(record["type"], []).append(record)
