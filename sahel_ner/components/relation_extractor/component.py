"""The ``sahel_relation_extractor`` pipeline component: configuration, the
loop over sentences and triggers, and serialization. The reading itself is in
the sibling modules (see the package docstring)."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ... import extensions  # noqa: F401
from ...cues import Cues
from ...knowledge_base import KnowledgeBase
from ...relation_types import RelationType, load_packaged_types, load_type_dir
from .arguments import ArgumentFinder
from .article import Article
from .claims import Claim, claimed_acts
from .implicit import add_inclusion_relations, implicit_source
from .lexicon import ArgumentWords
from .nominal import noun_relations
from .presence import presence_relations
from .prose import LinkLists, is_prose
from .records import CONFIDENCE, Candidate, Orphan, relation_record, trigger_words
from .scene import event_date, event_place
from .verbal import verb_relations


@Language.factory(
    "sahel_relation_extractor",
    requires=["doc.ents", "doc.sents", "token.dep", "token.lemma"],
    assigns=["doc._.relations"],
    default_config={"lang": "en", "types": None, "min_confidence": 0.0},
)
def make_relation_extractor(nlp: Language, name: str, lang: str, types: list[str] | None,
                            min_confidence: float) -> "RelationExtractor":
    return RelationExtractor(nlp, name, lang=lang, types=types, min_confidence=min_confidence)


class RelationExtractor:
    """Typed, evidenced relations between the linked actors of a doc, written
    to ``Doc._.relations`` as plain dicts (see :func:`.records.relation_record`)."""

    def __init__(self, nlp: Language, name: str = "sahel_relation_extractor", *, lang: str = "en",
                 types: Iterable[str] | None = None, min_confidence: float = 0.0,
                 ruler: str = "sahel_actor_ruler"):
        self.nlp = nlp
        self.name = name
        self.ruler = ruler
        self.min_confidence = min_confidence
        self.selected = {t.upper() for t in types} if types else None
        self.types: dict[str, RelationType] = load_packaged_types(lang)
        self.cues = Cues(lang)
        self.words = ArgumentWords.load(lang)
        self._index()

    # -- configuration --------------------------------------------------------
    def add_type(self, rtype: RelationType) -> None:
        self.types[rtype.type] = rtype
        if self.selected is not None:
            self.selected.add(rtype.type)
        self._index()

    def add_type_dir(self, folder: str | Path) -> None:
        for rtype in load_type_dir(folder).values():
            self.add_type(rtype)

    @property
    def active_types(self) -> list[RelationType]:
        return [t for name, t in self.types.items() if self.selected is None or name in self.selected]

    def _index(self) -> None:
        """Trigger word -> the active types it can express; the types a claim can give an author to."""
        self.claimable = {t.type for t in self.active_types if t.claimable}
        self.by_verb: dict[str, list[RelationType]] = {}
        self.by_noun: dict[str, list[RelationType]] = {}
        self.by_presence: dict[str, list[RelationType]] = {}
        for rtype in self.active_types:
            for lemma in rtype.verbs | rtype.victim_verbs | rtype.suffering_verbs:
                self.by_verb.setdefault(lemma, []).append(rtype)
            for lemma in rtype.presence_verbs:
                self.by_presence.setdefault(lemma, []).append(rtype)
            for noun in rtype.presence_nouns:
                self.by_presence.setdefault(noun, []).append(rtype)
            for noun in rtype.nouns:
                self.by_noun.setdefault(noun, []).append(rtype)
        # every word that can trigger something: the rest of a sentence is skipped at once
        self.trigger_words = frozenset(self.by_verb) | frozenset(self.by_noun) | frozenset(self.by_presence)

    @property
    def kb(self) -> KnowledgeBase:
        # The gazetteer belongs to the ruler (saved with it): capitals and demonyms. Share, never copy.
        return self.nlp.get_pipe(self.ruler).kb

    # -- pipeline -------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        article = Article(doc, self.kb, self.words)
        link_lists = LinkLists(doc.text)
        for index, sent in enumerate(article.sents):
            if not is_prose(sent) or sent.start_char in link_lists:
                continue
            add_inclusion_relations(index, article, self.types)
            for token in sent:
                if token.lower_ not in self.trigger_words and token.lemma_.lower() not in self.trigger_words:
                    continue
                for rtype, found in self._trigger_relations(token, article.args):
                    for candidate in found:
                        self._record(candidate, rtype, token, index, article)
            for claim in claimed_acts(index, article, self.claimable):
                self._record_claim(claim, index, article)
        doc._.relations = article.relations.records
        return doc

    def _trigger_relations(self, token: Token, args: ArgumentFinder) -> Iterator[tuple[RelationType, list[Candidate]]]:
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"):
            for rtype in self.by_verb.get(lemma, ()):
                yield rtype, verb_relations(token, rtype, args)
        for rtype in self.by_presence.get(lemma, ()) or self.by_presence.get(token.lower_, ()):
            yield rtype, presence_relations(token, rtype, args)
        # nouns, plus words the tagger got wrong in a noun's slot ("a counter-offensive", "with backing from")
        misread = (token.pos_ == "ADJ" or token.tag_ == "VBG") and token.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass")
        if token.pos_ in ("NOUN", "PROPN") or token.tag_.startswith("NN") or misread:
            for rtype in self.by_noun.get(token.lower_, ()) or self.by_noun.get(lemma, ()):
                yield rtype, noun_relations(token, rtype, args)

    def _record(self, found: Candidate, rtype: RelationType, trigger: Token, sent_index: int,
                article: Article) -> None:
        """Check a candidate against the type and the cues, and log it once."""
        if self.cues.is_modal(trigger, rtype):
            return  # planned, threatened or conditional: not asserted
        if found.source is not None and found.source.label_ == "LOCATION" and not (
                rtype.capital_as_state and found.source.kb_id_ in article.seats):
            found = found._replace(source=None, kind="implicit")  # "wounded by an explosion in Menaka": where, not who
        if found.kind == "orphan" or found.source is None:
            source = None if found.kind == "orphan" else implicit_source(
                rtype, sent_index, found.target, article, self.cues.lookback)
            if source is None:
                target_id, target_type = self._end(found.target, rtype, article.seats)
                article.relations.orphans.append(Orphan(rtype.type, target_id, target_type, sent_index,
                                                        trigger_words(trigger)))
                return
            source_id, source_type = source
        else:
            source_id, source_type = self._end(found.source, rtype, article.seats)
        target_id, target_type = self._end(found.target, rtype, article.seats)
        if (trigger.lemma_.lower() in rtype.host_triggers or trigger.lower_ in rtype.host_triggers) \
                and found.kind != "implicit":
            # a visit to a country meets its leader, when the article names one (the visitor stays who it is)
            target_id, target_type = article.leader_or_state(target_id, target_type)
            if target_type == "PERSON" and found.target.kb_id_ != target_id and \
                    self._denied_in_sentence(target_id, trigger, rtype, article):
                return  # "visited Niamey but did not meet Tiani": the leader's own verb speaks
        if not self._ends_allowed(rtype, source_id, source_type, target_id, target_type):
            return
        count = counted_individuals(found.target, rtype.counted_persons, self.words.number_words) \
            if target_type in ("STATE", "MILITARY") else 0
        if count:
            # "three Malian officials": persons, not Mali; a list of them may follow
            sent = article.sents[sent_index]
            article.relations.told_without_target(sent.end_char, source_id, rtype.type, event_date(
                article.dates[sent_index], trigger, article.doc._.published, self.words), count)
            return
        if rtype.symmetric and source_id > target_id:
            source_id, target_id = target_id, source_id
        sent = article.sents[sent_index]
        implicit = found.source is None or found.kind == "implicit"
        if implicit and article.relations.has_triple((source_id, rtype.type, target_id)):
            # "JNIM ambushed the convoy. Two soldiers were killed.": the same act, told again
            article.relations.retold((source_id, rtype.type, target_id), sent.end_char)
            return
        # The key is taken even if the confidence floor drops this reading: the first reading speaks.
        if not article.relations.take((source_id, rtype.type, target_id, sent.start)):
            return
        hedged = self.cues.is_hedged(trigger, found.source) or any(
            span is not None and self.cues.is_uncertain_identity(span) for span in (found.source, found.target))
        confidence = CONFIDENCE[found.kind] - (0.1 if hedged else 0.0)
        if confidence < self.min_confidence:
            return
        if target_type == "LOCATION":
            location = target_id
        else:
            location = event_place(sent, article.args.mentions, {source_id, target_id}, self.words)
        article.relations.append(relation_record(
            source=source_id, target=target_id, rtype=rtype, sent=sent, trigger=trigger_words(trigger),
            confidence=confidence, negated=found.negated or self.cues.is_negated(trigger, rtype), hedged=hedged,
            date=event_date(article.dates[sent_index], trigger, article.doc._.published, self.words),
            location=location, implicit=implicit))

    def _denied_in_sentence(self, actor_id: str, trigger: Token, rtype: RelationType, article: Article) -> bool:
        """Whether the trigger's sentence names the actor as an argument of a negated verb."""
        mentions = article.args.mentions
        for i in range(trigger.sent.start, trigger.sent.end):
            if mentions.get(i) is None or mentions[i].kb_id_ != actor_id or mentions[i].root.i != i:
                continue
            verb = mentions[i].root.head
            if verb.pos_ in ("VERB", "AUX") and self.cues.is_negated(verb, rtype):
                return True
        return False

    def _record_claim(self, claim: Claim, sent_index: int, article: Article) -> None:
        """An orphan act given its author by a claim or an attribution."""
        rtype = self.types[claim.act.type]
        source_id, source_type = self._end(claim.author, rtype, article.seats)
        act = claim.act
        if not self._ends_allowed(rtype, source_id, source_type, act.target, act.target_type):
            return
        sent = article.sents[sent_index]
        if article.relations.has_triple((source_id, rtype.type, act.target)) or \
                not article.relations.take((source_id, rtype.type, act.target, sent.start)):
            return
        implicit = act.sent_index != sent_index
        hedged = claim.attributed or self.cues.is_uncertain_identity(claim.author)
        confidence = CONFIDENCE["implicit" if implicit else "claim"] - (0.1 if hedged else 0.0)
        if confidence < self.min_confidence:
            return
        told = article.sents[act.sent_index]
        article.relations.append(relation_record(
            source=source_id, target=act.target, rtype=rtype, sent=sent,
            trigger=act.trigger if not implicit else trigger_words(claim.verb), confidence=confidence,
            negated=self.cues.is_negated(claim.verb, rtype), hedged=hedged,
            date=event_date(article.dates[act.sent_index], act.trigger[0], article.doc._.published, self.words),
            location=act.target if act.target_type == "LOCATION" else event_place(
                told, article.args.mentions, {source_id, act.target}, self.words),
            implicit=implicit))

    def _ends_allowed(self, rtype: RelationType, source_id: str, source_type: str, target_id: str,
                      target_type: str) -> bool:
        """Two distinct actors of the types the relation takes; a monitor or news
        outlet only where the type lets reporters stand ("HRW called on...")."""
        if source_id == target_id or source_type not in rtype.source_types or target_type not in rtype.target_types:
            return False
        actors = self.kb.actors
        if target_type == "STATE" and actors.get(source_id) and actors[source_id].affiliation == target_id:
            return False  # a state's own junta or army acting on that state ("borders closed by the CNSP")
        if not rtype.own_forces and (actors.get(source_id) and actors[source_id].military == target_id
                                     or actors.get(target_id) and actors[target_id].military == source_id):
            return False
        reports = [end in actors and actors[end].reports for end in (source_id, target_id)]
        if rtype.reporters == "both":
            return True
        if rtype.reporters == "target":
            return not reports[0]
        return not any(reports)

    @staticmethod
    def _end(span: Span, rtype: RelationType, seats: dict[str, str]) -> tuple[str, str]:
        """An argument's actor id and type; a capital stands for its state where the type says so."""
        if span.label_ == "LOCATION" and rtype.capital_as_state and span.kb_id_ in seats:
            return seats[span.kb_id_], "STATE"
        return span.kb_id_, span.label_

    # -- serialization: user-added types travel with the saved pipeline --------
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "types.json", {"types": [t.to_dict() for t in self.types.values()],
                                               "selected": sorted(self.selected) if self.selected else None})

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "RelationExtractor":
        data = srsly.read_json(Path(path) / "types.json")
        self.types = {d["type"]: RelationType.from_dict(d, "saved pipeline") for d in data["types"]}
        self.selected = set(data["selected"]) if data["selected"] else None
        self._index()
        return self


def counted_individuals(span: Span, person_nouns: set[str], numbers: dict[str, int]) -> int:
    """How many persons "three Malian officials", "four Malian military officers",
    "trois responsables maliens" count (a number on a person noun that the span is
    or qualifies; -1 for a number not written as a known word), else 0."""
    if not person_nouns:
        return 0
    noun = span.root
    if noun.lower_ not in person_nouns and noun.dep_ in ("amod", "compound", "nmod", "npadvmod"):
        noun = noun.head
    if noun.lower_ not in person_nouns and not any(c.lower_ in person_nouns for c in noun.conjuncts):
        return 0  # (but "three Malian government and military officials": the number on the first conjunct)
    counts = [numbers.get(c.lower_, int(c.text) if c.text.isdigit() else -1)
              for c in noun.children if c.dep_ == "nummod"]
    return counts[0] if counts else 0
