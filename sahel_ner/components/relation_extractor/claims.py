"""Claims and attributions of acts told without their agent.

News often tells an attack first and its author later: "Gunmen stormed an
army post in Diapaga, killing 12 soldiers. JNIM claimed responsibility." The
first sentence leaves an *orphan* act (a target, no source; see
``RelationLog.orphans``). A claim ("X claimed the assault", "X took credit for
the strike", "X said it was behind the ambush") or an attribution ("the army
blamed X for the attack") names the source: the act is then X's, marked
``implicit`` when it was told in an earlier sentence, and hedged when the
author is only blamed by someone else. Only types whose file sets
``claimable`` take part.
"""
from __future__ import annotations

from typing import Iterator, NamedTuple

from spacy.tokens import Span, Token

from .arguments import agents
from .article import Article
from .records import Orphan

# How many sentences back a claim may reach for the act it claims.
CLAIM_REACH = 2


class Claim(NamedTuple):
    author: Span
    verb: Token
    act: Orphan
    attributed: bool  # named by someone else ("blamed X for"), not claimed by X itself


def claimed_acts(sent_index: int, article: Article, claimable: set[str]) -> Iterator[Claim]:
    """The acts that the claims in sentence ``sent_index`` give an author to."""
    for verb in article.sents[sent_index]:
        found = _authors(verb, article)
        if found is None:
            continue
        authors, attributed = found
        for act in _acts_claimed(sent_index, article, claimable) if authors else ():
            for author in authors:
                yield Claim(author, verb, act, attributed)


def _authors(verb: Token, article: Article) -> tuple[list[Span], bool] | None:
    """Who a claim, attribution or planting verb names as an act's author, and
    whether someone else names them; None for any other word."""
    words, args = article.args.words, article.args
    lemma = verb.lemma_.lower()
    if lemma not in words.claim_verbs and lemma not in words.attribution_verbs \
            and lemma not in words.authorship_verbs and lemma not in words.planting_verbs:
        return None  # most words: nothing to read
    by = agents(verb)
    if lemma in words.claim_verbs and by and verb.dep_ in ("acl", "advcl") and not words.claim_verbs[lemma]:
        # "civilians were killed in the attack, claimed by JNIM": the participle's agent
        return args.actors_of(by), False
    if lemma in words.claim_verbs and _claims_an_act(verb, words):
        return args.actors_of(args.subjects(verb)), False
    if lemma in words.attribution_verbs and _claims_an_act(verb, words):
        return args.actors_of([c for c in verb.children if c.dep_ in ("dobj", "obj")]), True
    if lemma in words.authorship_verbs and any(c.dep_ == "auxpass" for c in verb.children) and any(
            c.dep_ == "nsubjpass" and c.lemma_.lower() in words.act_nouns for c in verb.children):
        # "The attack was presumably carried out by Ansar Dine": an act told before, now its author
        return args.actors_of(by), False
    if lemma in words.planting_verbs and _lays_a_device(verb, words):
        # "The device was likely planted by JNIM militants": whoever laid it did the act
        return args.actors_of(by or args.subjects(verb)), False
    return None


def _lays_a_device(verb: Token, words) -> bool:
    """"the IED was planted by X", "X had laid mines on the road"."""
    devices = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj", "obj")]
    if verb.dep_ == "acl":
        devices.append(verb.head)
    return any(d.lower_ in words.device_nouns or d.lemma_.lower() in words.device_nouns for d in devices)


def _claims_an_act(verb: Token, words) -> bool:
    """"claimed responsibility / the attack / it", "took credit for", "was behind",
    "blamed X for the ambush": the verb's complement is an act, not a statement."""
    needed = words.claim_verbs.get(verb.lemma_.lower()) or words.attribution_verbs.get(verb.lemma_.lower())
    complements = [c for c in verb.children if c.dep_ in ("dobj", "obj", "prep", "attr")]
    if verb.lemma_.lower() == "be":
        return any(c.dep_ == "prep" and c.lower_ in needed for c in complements)
    if not needed:
        return any(c.dep_ in ("dobj", "obj") for c in complements)
    return any(c.lower_ in needed or c.lemma_.lower() in needed for c in complements)


def _acts_claimed(sent_index: int, article: Article, claimable: set[str]) -> list[Orphan]:
    """The orphan acts of the nearest sentence (this one or up to CLAIM_REACH
    before) that told any: a claim takes the whole act, all its targets."""
    orphans = [o for o in article.relations.orphans if o.type in claimable
               and sent_index - CLAIM_REACH <= o.sent_index <= sent_index]
    if not orphans:
        return []
    nearest = max(o.sent_index for o in orphans)
    return [o for o in orphans if o.sent_index == nearest]
