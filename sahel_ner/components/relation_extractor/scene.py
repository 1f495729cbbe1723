"""The scene of a relation: when (a DATE entity near the trigger) and where
(a place in a locative phrase of the sentence)."""
from __future__ import annotations

from spacy.tokens import Span, Token

from ...cues import governors
from ...dates import resolve_date
from .lexicon import ArgumentWords


def event_date(dates: list[Span], trigger: Token | None, published, words: ArgumentWords) -> str | None:
    """The stated date of the event, from the sentence's DATE entities
    (``dates``, in order): a date phrase hanging on the trigger's clause wins
    over others in the sentence ("met on Wednesday ... since the 2021 coup");
    a date that bounds a state ("since", "until") gives none; a weekday alone
    gives no date (see :func:`resolve_date`)."""
    if trigger is not None:
        clause = {trigger.i, *(t.i for t in governors(trigger, 2))}
        attached = [e for e in dates if e.root.head.i in clause or e.root.head.head.i in clause]
        # Otherwise only a date outside any other clause may stand for the act's:
        # "detained Gen. X, known for fighting militants in 2012" does not date the arrest.
        dates = attached or [e for e in dates if not _in_other_clause(e.root, trigger)]
    for ent in dates:
        if ent.root.head.lower_ in words.date_bound_prepositions:
            continue
        return resolve_date(ent.text, published)
    return None


def _in_other_clause(token: Token, trigger: Token) -> bool:
    """Whether a word sits in a subordinate clause (relative, participial,
    adverbial) that does not contain the trigger."""
    for tok in [token, *governors(token, 6)]:
        if tok.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp", "appos", "parataxis") and \
                not (tok.left_edge.i <= trigger.i <= tok.right_edge.i):
            return True
    return False


def event_place(sent: Span, mentions: dict[int, Span], ends: set[str], words: ArgumentWords) -> str | None:
    """The first place of the sentence in a locative phrase ("in Tillabéri"),
    other than the relation's own ends."""
    for tok in sent:
        span = mentions.get(tok.i)
        if span is None or span.label_ != "LOCATION" or span.kb_id_ in ends:
            continue
        root = span.root
        if root.dep_ == "compound" and root.head.dep_ == "pobj":
            root = root.head  # "in Tillabéri ambush"
        if root.dep_ == "pobj" and root.head.lower_ in words.genitive_prepositions and root.head.head.dep_ == "pobj":
            root = root.head.head  # "near the village of Zanre"
        if root.dep_ == "pobj" and root.head.lower_ in words.scene_prepositions:
            return span.kb_id_
        if root.dep_ == "pobj" and root.head.lower_ in words.genitive_prepositions and root.head.i > sent.start \
                and root.doc[root.head.i - 1].lower_ in words.scene_prepositions:
            return span.kb_id_  # "près de Ségou" wherever the parser hung "près"
    return None
