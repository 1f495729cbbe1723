"""Relations whose source is not in the trigger's clause: the agent of an
agentless passive or nominal ("X was among those sanctioned"), and inclusion
lists that name more targets of the last act ("The group includes Gen. X")."""
from __future__ import annotations

from spacy.tokens import Span

from ...relation_types import RelationType
from .article import Article
from .records import CONFIDENCE, relation_record
from .scene import event_date

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
            return rel["source"], article.actor_type(rel["source"])
    for prev in reversed(article.sents[max(0, sent_index - 2):sent_index]):
        for tok in prev:
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT":
                found = article.args.mention_or_below(tok)
                span = found[0] if found else None
                if span is not None and span.label_ in fitting and span.kb_id_ != target.kb_id_:
                    return span.kb_id_, span.label_
    return None


def add_inclusion_relations(sent_index: int, article: Article, types: dict[str, RelationType]) -> None:
    """"The group includes Gen. X": a list that follows an arrest or sanctions
    announcement names more of the same targets (marked ``implicit``)."""
    sent = article.sents[sent_index]
    words = article.args.words
    root = sent.root
    if root.lemma_.lower() not in words.inclusion_verbs:
        return
    subject = [c for c in root.children if c.dep_ == "nsubj"]
    if not subject or subject[0].lower_ not in words.inclusion_subjects:
        return
    last = _last_act_before(article, types, sent.start_char)
    if last is None:
        return
    rtype = types[last["type"]]
    log = article.relations
    objects = [c for c in root.children if c.dep_ in ("dobj", "obj")]
    for target in article.args.actors_of(objects):
        key = (last["source"], last["type"], target.kb_id_, sent.start)
        if target.label_ != "PERSON" or target.kb_id_ == last["source"] or not log.take(key):
            continue
        date = event_date(article.dates[sent_index], None, article.doc._.published, words)
        log.append(relation_record(
            source=last["source"], target=target.kb_id_, rtype=rtype, sent=sent, trigger=[root],
            confidence=CONFIDENCE["implicit"], negated=False, hedged=False,
            date=date or last["date"], location=None, implicit=True))


def _last_act_before(article: Article, types: dict[str, RelationType], start_char: int) -> dict | None:
    """The last relation of a type with implicit nominal agents that ends
    within reach before ``start_char``."""
    for end, rel in reversed(article.relations.tellings):  # in document order: ends only grow
        if start_char - end >= INCLUSION_REACH:
            break
        if end <= start_char and types[rel["type"]].implicit_agent_nominal:
            return rel
    return None
