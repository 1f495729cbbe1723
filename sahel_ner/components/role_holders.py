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

Languages whose word order the English reading above does not fit (French: "le
ministre malien des Affaires étrangères", "le chef de la junte") list their
titles as phrases instead (``title_phrases`` in ``linking.json``), each with the
English role-title words it stands for, tried in order ("chef de la junte" ->
"president transition", else "president"). A demonym after the title's first
word or after the whole title ("le Premier ministre malien"), or "de/du + state"
after it ("le Premier ministre du Niger") gives the country.
"""
from __future__ import annotations

from spacy.language import Language
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

    def holders(self, country: str, title: frozenset[str]) -> set[str]:
        """Everyone who held the title in the country, at any date."""
        return {person for words, person, _, _ in self.roles.get(country, ()) if title <= words}

    def holder(self, country: str, title: frozenset[str], year: int | None, exact: bool = False) -> str | None:
        """The one person holding the title (its words a subset of the role's, or
        ``exact``ly the role's) in the country in that year, else None."""
        found = {person for words, person, start, end in self.roles.get(country, ())
                 if (title == words if exact else title <= words) and _held(start, end, year)}
        return found.pop() if len(found) == 1 else None


def _held(start: str | None, end: str | None, year: int | None) -> bool:
    if year is None:
        return end is None  # no date: the title's current holder
    return (start is None or int(str(start)[:4]) <= year) and (end is None or year <= int(str(end)[:4]))


def _year(doc: Doc) -> int | None:
    published = doc._.published
    return int(published[:4]) if published and published[:4].isdigit() else None


def role_holder_spans(doc: Doc, kb: KnowledgeBase, index: RoleIndex, focus: str | None,
                      taken: set[int], of_words: frozenset[str] | set[str] = frozenset({"of"})) -> list[Span]:
    """PERSON spans for office titles whose holder the knowledge base knows."""
    if not index.title_heads:
        return []
    year = _year(doc)
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
        of_nouns = [t for p in head.children if p.dep_ == "prep" and p.lower_ in of_words for t in p.children
                    if t.dep_ == "pobj"]
        for noun in of_nouns:
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
    return nxt is not None and nxt.ent_type_ in ("PERSON", "PER")


# -- titles as phrases (French) -------------------------------------------------
# first word -> the phrases starting with it, longest first: only those are tried at a word
TitlePhrases = dict[str, list[tuple[tuple[str, ...], list[frozenset[str]], bool]]]


def title_phrases(nlp: Language, phrases: dict[str, list[str]],
                  of_state: dict[str, list[str]] | None = None) -> TitlePhrases:
    """Folded token sequences of the title phrases, by first word and longest first,
    each with the role-title word sets it stands for (in the order to try them) and
    whether the title counts only with its country named (``of_state``: "le président
    nigérien", "le président du CNSP", never "le président de l'association")."""
    out = [(tuple(fold(t.text) for t in nlp.make_doc(phrase)), [_words(a) for a in alternatives], needs_country)
           for table, needs_country in ((phrases, False), (of_state or {}, True))
           for phrase, alternatives in table.items() if not phrase.startswith("_")]
    by_first: TitlePhrases = {}
    for phrase in sorted(out, key=lambda item: -len(item[0])):
        by_first.setdefault(phrase[0][0], []).append(phrase)
    return by_first


def title_phrase_spans(doc: Doc, kb: KnowledgeBase, index: RoleIndex, focus: str | None,
                       phrases: TitlePhrases, joiners: set[str] = frozenset(),
                       name_openers: set[str] = frozenset()) -> list[Span]:
    """PERSON spans for title phrases ("le Premier ministre", "le ministre malien
    de la Défense") whose holder the knowledge base knows. A title may cover a
    generic phrase ("la junte" in "le chef de la junte") but never a named person."""
    if not phrases:
        return []
    year = _year(doc)
    named = {token.ent_kb_id_ for token in doc if token.ent_kb_id_}
    folded = [fold(t.text) for t in doc]
    spans: list[Span] = []
    i = 0
    while i < len(doc):
        found = None
        for tokens, alternatives, needs_country in phrases.get(folded[i], ()):
            match = _match_title(doc, folded, i, tokens, kb)
            if match is None:
                continue
            end, country = match
            if any(doc[k].ent_type_ in ("PERSON", "PER") for k in range(i, end)) \
                    or _named_after(doc, end, name_openers) or _named_before(doc, i, name_openers):
                break  # "le Premier ministre Choguel Maïga", "le général Salifou Mody, ministre de la Défense"
            country = country or _country_after(doc, end, kb, index, joiners)
            if country is None and needs_country:
                break
            country = country or _recent_state(doc, i, kb) or focus
            person = next((p for words in alternatives if country
                           for p in [_holder(index, country, words, year, named)] if p), None)
            if person:
                found = Span(doc, i, end, label="PERSON", kb_id=person)
            break
        if found is not None:
            spans.append(found)
            i = found.end
        else:
            i += 1
    return spans


def _named_after(doc: Doc, end: int, openers: set[str]) -> bool:
    """A person's name follows the title, after a comma and articles or titles
    (``openers``: "le chef de l'État, le général Abdourahamane Tiani")."""
    i = end + 1 if end < len(doc) and doc[end].text == "," else end
    while i < len(doc) and i < end + 5 and fold(doc[i].text) in openers:
        i += 1
    return i < len(doc) and doc[i].ent_type_ in ("PERSON", "PER")


def _named_before(doc: Doc, start: int, openers: set[str]) -> bool:
    """A title in apposition after a name: "Salifou Mody, ministre de la Défense"."""
    i = start - 1
    while i >= 0 and fold(doc[i].text) in openers:
        i -= 1
    return i > 0 and doc[i].text == "," and doc[i - 1].ent_type_ in ("PERSON", "PER")


def _recent_state(doc: Doc, start: int, kb: KnowledgeBase) -> str | None:
    """The state named last before a title, in its sentence or the one before: "Au
    Niger, ... Le ministre de la Défense s'est rendu à Téra" (a capital may be a mere
    place: "de retour de Moscou")."""
    sent = doc[start].sent
    floor = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for k in range(start - 1, floor - 1, -1):
        kb_id = doc[k].ent_kb_id_
        if kb_id in kb.actors and kb.actors[kb_id].type == "STATE":
            return kb_id
    return None


def _holder(index: RoleIndex, country: str, words: frozenset[str], year: int | None, named: set[str]) -> str | None:
    """The title's holder named in the article (its one holder at any date, "le patron
    de la diplomatie française" after "Jean-Yves Le Drian"), else its holder at the
    date, the role with exactly the title's words first."""
    in_article = index.holders(country, words) & named
    if len(in_article) == 1:
        return in_article.pop()
    # "le président français": the President, not the president of a parliamentary group
    return index.holder(country, words, year, exact=True) or index.holder(country, words, year)


def _match_title(doc: Doc, folded: list[str], start: int, tokens: tuple[str, ...],
                 kb: KnowledgeBase) -> tuple[int, str | None] | None:
    """End of the title ``tokens`` at ``start`` (a demonym may follow its first word
    or the whole title) and the country a demonym names."""
    j, country = start, None
    for k, token in enumerate(tokens):
        if k == 1 and j < len(doc) and folded[j] in kb.demonyms and folded[j] != token:
            country = kb.demonyms[folded[j]]  # "ministre malien des Affaires étrangères"
            j += 1
        if j >= len(doc) or folded[j] != token:
            return None
        j += 1
    if country is None and j < len(doc) and folded[j] in kb.demonyms:
        country = kb.demonyms[folded[j]]  # "le Premier ministre malien"
        j += 1
    return j, country


def _country_after(doc: Doc, end: int, kb: KnowledgeBase, index: RoleIndex, joiners: set[str]) -> str | None:
    """"le Premier ministre du Niger", "secrétaire général de l'ONU": the state or
    body named right after the title (past ``joiners``: "de", "du", "la", "l'"),
    if roles are kept for it."""
    for k in range(end, min(end + 3, len(doc))):
        kb_id = doc[k].ent_kb_id_
        if kb_id:
            state = kb.seat_of.get(kb_id, kb_id)
            return state if state in index.roles else None
        if fold(doc[k].text) not in joiners:
            return None
    return None
