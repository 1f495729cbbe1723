"""Relations whose source is not in the trigger's clause: the agent of an
agentless passive or nominal ("X was among those sanctioned"), inclusion lists
that name more targets of the last act ("The group includes Gen. X"), and the
persons named right after an act on a counted few ("three officers ... The
department accused A, B and C")."""
from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Span, Token

from ...relation_types import RelationType
from .article import Article
from .records import CONFIDENCE, relation_record
from .scene import event_date, event_place

# Tokens that end a sentence ("Col.", "Gen." keep their full stop inside the token)
FULL_STOPS = frozenset({".", "!", "?", "…"})

# How far back (in characters) an inclusion list may refer to the act it extends.
INCLUSION_REACH = 600


def implicit_source(rtype: RelationType, sent_index: int, target: Span, article: Article,
                    lookback: int) -> tuple[str, str] | None:
    """Agent of an agentless passive or nominal: the source of the last
    relation of the same type within the last ``lookback`` sentences, else the
    subject actor of the nearest of the two preceding sentences that has one
    of a type able to do it ("Washington announced new designations. X was
    among those sanctioned."). An agent named further back is not carried over:
    another act is most likely being told by then."""
    fitting = rtype.implicit_source_types or rtype.source_types
    window_start = 0 if rtype.implicit_scope == "article" else article.sents[max(0, sent_index - lookback)].start_char
    # The log is in document order, so its last relation of the type is also the nearest.
    for rel in reversed(article.relations.by_type.get(rtype.type, ())):
        if rel["start"] < window_start:
            break
        if rel["source"] != target.kb_id_ and article.actor_type(rel["source"]) in fitting:
            return rel["source"], article.actor_type(rel["source"])  # (a junta arresting its own generals, told again)
    for prev in reversed(article.sents[max(0, sent_index - 2):sent_index]):
        for tok in prev:
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT":
                found = article.args.mention_or_below(tok)
                span = found[0] if found else None
                if span is not None and span.label_ in fitting and span.kb_id_ != target.kb_id_ \
                        and not _same_side(span.kb_id_, target.kb_id_, article):
                    return span.kb_id_, span.label_
    if rtype.implicit_state and "STATE" in fitting:
        return _state_where(sent_index, target, article)
    return None


def _same_side(source: str, target: str, article: Article) -> bool:
    """A state and its own forces ("Abidjan demanded their release. ... the soldiers arrested
    in Bamako"): an agent guessed from a subject or the scene is not the target's own state."""
    actors = article.args.kb.actors  # (its own citizens, officials included, it may well arrest)
    return bool(actors.get(source) and actors[source].military == target
                or actors.get(target) and actors[target].type == "MILITARY" and actors[target].affiliation == source)


def _state_where(sent_index: int, target: Span, article: Article) -> tuple[str, str] | None:
    """The state an agentless act happened in: a capital the sentence names as
    its scene, else the state the article is about."""
    place = event_place(article.sents[sent_index], article.args.mentions, {target.kb_id_}, article.args.words)
    state = article.seats.get(place) if place else None
    state = state or article.doc._.focus_state
    actor = article.args.kb.actors.get(state) if state else None
    if actor is None or actor.type != "STATE" or state == target.kb_id_ or _same_side(state, target.kb_id_, article):
        return None
    return state, "STATE"


def add_inclusion_relations(sent_index: int, article: Article, types: dict[str, RelationType]) -> None:
    """More named targets of the last arrest or sanctions act (marked ``implicit``):
    "The group includes Gen. X", "Among the targets are X and Y", "Also
    targeted in Monday's action was X", or the sentence after "sanctions on three
    officers" when it names exactly three people."""
    sent = article.sents[sent_index]
    words = article.args.words
    trigger = sent.root
    named = _listed_people(trigger, words)
    if not named and trigger.lemma_.lower() in words.reporting_verbs:  # "..., the department said"
        for clause in (c for c in trigger.children if c.dep_ in ("ccomp", "advcl")):  # (advcl: a fronted clause)
            named, trigger = _listed_people(clause, words), clause
            if named:
                break
    told = _last_act_before(article, types, sent.start_char)
    if told is None:
        return
    last = told[1]
    if named:
        targets = [*article.args.actors_of(named), *_people_below(named, article)]
    else:
        targets = _counted_names(sent_index, told, article)
    rtype = types[last["type"]]
    log = article.relations
    for target in targets:
        key = (last["source"], last["type"], target.kb_id_, sent.start)
        if target.label_ != "PERSON" or target.kb_id_ == last["source"] or log.has_triple(key[:3]) \
                or not log.take(key):
            continue  # (implicit: a person already logged is the same act told again)
        date = event_date(article.dates[sent_index], None, article.doc._.published, words)
        log.append(relation_record(
            source=last["source"], target=target.kb_id_, rtype=rtype, sent=sent, trigger=[trigger],
            confidence=CONFIDENCE["implicit"], negated=False, hedged=False,
            date=date or last["date"], location=None, implicit=True))


def _counted_names(sent_index: int, told: tuple[int, dict], article: Article) -> list[Span]:
    """The persons of the sentence right after "sanctions on three officials" when
    it names exactly that many ("... The administration accused A, B and C of ..."),
    else []. That sentence runs on to its full stop where the parser cut it after a
    title ("accused Col. | A Col. | B and Lt. Col. C": a preset "no sentence start"
    does not stop the parser there, spaCy issue #7716)."""
    end, last = told
    count = last.get("count", 0)
    first = bisect_left(article.sent_starts, end)  # the first sentence after the announcement
    if count < 2 or first > sent_index or any(_full_stop(article.sents[k]) for k in range(first, sent_index)):
        return []
    doc, mentions = article.doc, article.args.mentions
    people: dict[str, Span] = {}
    i = article.sents[first].start
    while i < len(doc):
        span = mentions.get(i)
        if span is not None and span.label_ == "PERSON" and span.kb_id_ != last["source"]:
            people.setdefault(span.kb_id_, span)
        if doc[i].text in FULL_STOPS or "\n" in doc[i].text_with_ws:
            break
        i += 1
    return list(people.values()) if len(people) == count else []


def _full_stop(sent: Span) -> bool:
    """Whether a sentence ends with a full stop (not with a title the parser cut it at)."""
    last = next((t for t in reversed(sent) if not t.is_space), None)
    return last is not None and last.text in FULL_STOPS


# Clauses inside a listed name's phrase tell something else ("X, who presided over the trial of Y").
CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp"})


def _people_below(heads: list[Token], article: Article) -> list[Span]:
    """Persons named inside the listed phrases, where the small model hangs
    the next names on the last title ("Chief of Staff of the Air Force,
    A, and Deputy Chief of Staff, B": A and B under "Force")."""
    mentions = article.args.mentions
    found = []
    for head in heads:
        stack = list(head.children)
        while stack:
            word = stack.pop()
            if word.dep_ in CLAUSES or word.dep_ == "poss":  # (a possessor is not listed: "Burkina's junta")
                continue
            span = mentions.get(word.i)
            if span is not None and span.label_ == "PERSON" and span.root == word:
                found.append(span)
            stack.extend(word.children)
    return found


def _listed_people(root: Token, words) -> list[Token]:
    """The heads a sentence lists as more of an act's targets, else []."""
    children = list(root.children)
    lemma = root.lemma_.lower()
    if lemma in words.inclusion_verbs:  # "The group includes Gen. X"
        subject = [c for c in children if c.dep_ == "nsubj"]
        if subject and subject[0].lower_ in words.inclusion_subjects:
            return [c for c in children if c.dep_ in ("dobj", "obj")]
        return []
    lists = [o for p in children if p.dep_ == "prep" and p.lower_ in words.among_prepositions | words.list_prepositions
             for o in p.children if o.dep_ == "pobj" and o.lower_ in words.inclusion_subjects | words.target_nouns]
    if lemma in words.copulas and lists:  # "Among the targets are X and Y", "Also on the list are X and Y"
        return [c for c in children if c.dep_ in ("nsubj", "attr")] or [
            a for o in lists for a in o.children if a.dep_ == "appos"]
    if any(c.dep_ == "cop" for c in children) and root.lower_ in words.inclusion_subjects | words.target_nouns:
        return [c for c in children if c.dep_ == "nsubj"]  # "Sont aussi sur la liste X et Y" (copula as UD writes it)
    if lemma in words.listing_verbs:  # "Il s'agit de X et de Y"
        return [o for p in children if p.dep_ == "prep" and p.lower_ in words.listing_verbs[lemma]
                for o in p.children if o.dep_ == "pobj"]
    if lemma in words.continuation_verbs and any(c.lower_ in words.also_words for c in children) and \
            any(c.dep_ in ("auxpass", "aux") for c in children) and \
            not any(c.dep_ == "dobj" for c in children):  # "Also targeted in the action was X" (not "has also detained Y")
        auxiliaries = [c for c in children if c.dep_ in ("auxpass", "aux")]
        return [c for c in [*children, *(g for a in auxiliaries for g in a.children)]
                if c.dep_ in ("nsubj", "nsubjpass", "attr")]
    return []


def _last_act_before(article: Article, types: dict[str, RelationType],
                     start_char: int) -> tuple[int, dict] | None:
    """The last relation of a type with implicit nominal agents that ends
    within reach before ``start_char``, with the end of the sentence that tells it."""
    for end, rel in reversed(article.relations.tellings):  # in document order: ends only grow
        if start_char - end >= INCLUSION_REACH:
            break
        if end <= start_char and types[rel["type"]].implicit_agent_nominal:
            return end, rel
    return None
