"""Office titles to the people who hold them: "Mali's defence minister",
"the Malian prime minister", "Niger's foreign minister" -> the person whose
knowledge-base role has that title in that country at the article's date.

A title is a noun such as "minister" with its modifiers ("defence", "prime",
"foreign") and an "of" phrase ("minister of defense"); its country is a
possessor ("Mali's"), a demonym ("Malian") or an "of" phrase ("of Mali"),
else the article's focus state. The title's words must all occur in the role
title (spelling variants folded: defence = defense); words such as
"transitional" or "interim" are ignored. Only a single holder counts: when two
people held the title (at an unknown date), nobody is guessed.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..knowledge_base import KnowledgeBase
from ..text import fold

# Words a title may carry that role titles in the knowledge base spell differently or leave out.
_IGNORED = {"transitional", "interim", "acting", "former", "then", "current", "the", "of", "and", "'s", "’s", "s",
            "new", "senior", "top", "country", "country's"}
_VARIANTS = {"defense": "defence", "armies": "armed", "army": "armed"}


def _words(text: str) -> frozenset[str]:
    out = set()
    for word in fold(text).replace("-", " ").split():
        word = _VARIANTS.get(word, word)
        if word not in _IGNORED:
            out.add(word)
    return frozenset(out)


class RoleIndex:
    """(country, title words) of every knowledge-base role, with its holder and years."""

    def __init__(self, kb: KnowledgeBase, title_heads: frozenset[str]):
        self.title_heads = title_heads
        self.roles: dict[str, list[tuple[frozenset[str], str, str | None, str | None]]] = {}
        for actor in kb.actors.values():
            for role in actor.roles:
                country = role.get("country")
                if country:
                    self.roles.setdefault(country, []).append(
                        (_words(str(role.get("title", ""))), actor.id, role.get("from"), role.get("to")))

    def holder(self, country: str, title: frozenset[str], year: int | None) -> str | None:
        found = {person for words, person, start, end in self.roles.get(country, ())
                 if title <= words and _held(start, end, year)}
        return found.pop() if len(found) == 1 else None


def _held(start: str | None, end: str | None, year: int | None) -> bool:
    if year is None:
        return end is None  # no date: the title's current holder
    return (start is None or int(str(start)[:4]) <= year) and (end is None or year <= int(str(end)[:4]))


def role_holder_spans(doc: Doc, kb: KnowledgeBase, index: RoleIndex, focus: str | None,
                      taken: set[int]) -> list[Span]:
    """PERSON spans for office titles whose holder the knowledge base knows."""
    published = doc._.published
    year = int(published[:4]) if published and published[:4].isdigit() else None
    spans = []
    for head in doc:
        if head.lower_ not in index.title_heads or head.i in taken or _named_next(head):
            continue
        parts = [t for t in head.children if t.dep_ in ("compound", "amod") and t.i < head.i]
        country = None
        for tok in [*head.children, *(g for t in parts for g in t.children)]:
            if tok.dep_ in ("poss", "compound", "amod") and tok.ent_kb_id_ in kb.actors and \
                    kb.actors[tok.ent_kb_id_].type == "STATE":
                country = tok.ent_kb_id_
            elif tok.dep_ in ("amod", "compound") and fold(tok.text) in kb.demonyms:
                country = kb.demonyms[fold(tok.text)]
        of_words = [t for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for t in p.children
                    if t.dep_ == "pobj"]
        for noun in of_words:
            if noun.ent_kb_id_ in kb.actors and kb.actors[noun.ent_kb_id_].type == "STATE":
                country = noun.ent_kb_id_
            else:
                parts.append(noun)  # "minister of defense"
        country = country or focus
        words = _words(" ".join(t.text for t in parts if not t.ent_kb_id_) + " " + head.text)
        person = index.holder(country, words, year) if country and len(words) > 1 else None
        if person:
            start = min([head.i, *(t.i for t in parts if t.i < head.i)])
            end = max([head.i, *(t.i for t in parts)]) + 1
            if not any(i in taken for i in range(start, end)):
                spans.append(Span(doc, start, end, label="PERSON", kb_id=person))
    return spans


def _named_next(head: Token) -> bool:
    """"Defence Minister Sadio Camara", "the minister, Sadio Camara": the name follows."""
    doc = head.doc
    nxt = doc[head.i + 1] if head.i + 1 < len(doc) else None
    if nxt is not None and nxt.text == ",":
        nxt = doc[head.i + 2] if head.i + 2 < len(doc) else None
    return nxt is not None and nxt.ent_type_ == "PERSON"
