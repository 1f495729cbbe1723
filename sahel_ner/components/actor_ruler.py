"""``sahel_actor_ruler``: finds every knowledge-base alias in the text.

Runs after the statistical NER. Matching is case-, accent- and quote-insensitive:
the component writes a folded form into ``Token.norm_`` (after ``ner`` has used
the original norms) and matches a :class:`~spacy.matcher.PhraseMatcher` on NORM.
Where a gazetteer match overlaps a statistical entity the gazetteer wins (stock
en_core_web_sm tags "Mali" as PERSON); the statistical NER's other entities are
kept for the linker to type as new actors.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

import srsly
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import extensions  # noqa: F401  (registers Doc._ attributes)
from ..knowledge_base import GENERIC_MILITARY, GENERIC_STATE, Actor, KnowledgeBase
from ..resources import iter_jsonl_text
from ..text import fold

# Entity label a generic institution phrase gets before the linker resolves it.
_GENERIC_LABELS = {GENERIC_STATE: "STATE", GENERIC_MILITARY: "MILITARY"}


@Language.factory(
    "sahel_actor_ruler",
    requires=["doc.ents"],
    assigns=["doc.ents", "token.norm"],
    default_config={"lang": "en"},
)
def make_actor_ruler(nlp: Language, name: str, lang: str) -> "ActorRuler":
    return ActorRuler(nlp, name, lang=lang)


class ActorRuler:
    """Gazetteer matcher over the actor knowledge base."""

    def __init__(self, nlp: Language, name: str = "sahel_actor_ruler", *, lang: str = "en"):
        self.nlp = nlp
        self.name = name
        self.lang = lang
        self.kb = KnowledgeBase.load(lang)
        self._build_matchers()

    # -- public API ---------------------------------------------------------
    def add_actors(self, records: Iterable[dict]) -> None:
        """Add or override actors (same record format as ``actors.jsonl``)."""
        actors = list(self.kb.actors.values()) + [Actor.from_record(r, "add_actors") for r in records]
        self.kb = KnowledgeBase(actors, self.kb.institutions, self.lang)
        self._build_matchers()

    def add_actor_files(self, paths: Iterable[str | Path]) -> None:
        for path in paths:
            path = Path(path)
            if not path.is_file():
                raise FileNotFoundError(f"actor file not found: {path}")
            self.add_actors(iter_jsonl_text(path.read_text(encoding="utf-8"), str(path)))

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            token.norm_ = fold(token.text)
        found = [self._span(doc, key, start, end) for key, start, end in self.matcher(doc)]
        found += [self._span(doc, key, start, end) for key, start, end in self.exact_matcher(doc)
                  if not self._in_capitals(doc, start, end)]
        # A generic phrase gives way to a named actor it overlaps: "un convoi de l'armée | malienne"
        # is the Malian army, not the army of whatever state the article is about.
        named = [s for s in found if s.kb_id_ not in _GENERIC_LABELS]
        found = [s for s in found if s.kb_id_ not in _GENERIC_LABELS or not any(
            n.start < s.end and s.start < n.end and n.end > s.end for n in named)]
        found = filter_spans(found)  # longest match wins: "Mali's military rulers" over "Mali"
        # A place inside a longer statistical organisation name belongs to that name
        # ("Sahel Herders Association", "Bamako Court of Appeal").
        heads = set(self.kb.institutions.get("organisation_heads", ()))
        labels = set(self.kb.institutions.get("organisation_labels", ("ORG", "FAC")))
        organisations = [e for e in doc.ents if e.label_ in labels and self._organisation_head(e).lower_ in heads]
        absorbed = set(self.kb.institutions.get("organisation_absorbs", ("LOCATION",)))
        found = [s for s in found if not (s.label_ in absorbed and any(
            e.start <= s.start and s.end <= e.end and (e.start, e.end) != (s.start, s.end) for e in organisations))]
        taken = {i for span in found for i in range(span.start, span.end)}
        kept = [ent for ent in doc.ents if not any(i in taken for i in range(ent.start, ent.end))]
        doc.set_ents(filter_spans(found + kept))
        return doc

    # -- internals ----------------------------------------------------------
    def _organisation_head(self, ent: Span):
        """The word that says what kind of body a name is: the last in English
        ("Bamako Court of Appeal"), the first after any article in French ("Cour
        d'appel de Bamako", "l'Agence nationale de renseignement")."""
        if not self.kb.institutions.get("organisation_head_first"):
            return ent[-1]
        skip = {fold(a) for a in self.kb.institutions.get("articles", ())}
        for token in ent:
            if fold(token.text) not in skip:
                return token
        return ent[-1]

    @staticmethod
    def _in_capitals(doc: Doc, start: int, end: int) -> bool:
        """An all-caps headline, where "US" may be the pronoun ("HELP US, SAY ...")."""
        window = [t for t in doc[max(start - 3, 0):min(end + 3, len(doc))] if t.is_alpha and not (start <= t.i < end)]
        return len(window) >= 3 and all(t.is_upper for t in window)

    def _span(self, doc: Doc, key: int, start: int, end: int) -> Span:
        actor_id = self.nlp.vocab.strings[key]
        label = _GENERIC_LABELS.get(actor_id) or self.kb.actors[actor_id].type
        return Span(doc, start, end, label=label, kb_id=actor_id)

    def _build_matchers(self) -> None:
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="NORM")
        self.exact_matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        by_id: dict[str, list[str]] = {}
        for phrase, actor_id in self.kb.phrases.items():
            by_id.setdefault(actor_id, []).append(phrase)
        for actor_id, phrases in by_id.items():
            self.matcher.add(actor_id, [self._pattern(self.kb.phrase_forms[p]) for p in phrases])
        exact: dict[str, list[str]] = {}
        for phrase, actor_id in self.kb.exact_phrases.items():
            exact.setdefault(actor_id, []).append(phrase)
        for actor_id, phrases in exact.items():
            self.exact_matcher.add(actor_id, [self.nlp.make_doc(p) for p in phrases])

    def _pattern(self, phrase: str) -> Doc:
        pattern = self.nlp.make_doc(phrase)
        for token in pattern:
            token.norm_ = fold(token.text)
        return pattern

    # -- serialization: the saved pipeline carries its own gazetteer --------
    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.msgpack_dumps({"actors": self.kb.to_records(), "institutions": self.kb.institutions})

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> "ActorRuler":
        msg = srsly.msgpack_loads(data)
        self.kb = KnowledgeBase.from_records(msg["actors"], msg["institutions"], self.lang)
        self._build_matchers()
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / "actors.jsonl", self.kb.to_records())
        srsly.write_json(path / "institutions.json", self.kb.institutions)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "ActorRuler":
        path = Path(path)
        records = list(srsly.read_jsonl(path / "actors.jsonl"))
        self.kb = KnowledgeBase.from_records(records, srsly.read_json(path / "institutions.json"), self.lang)
        self._build_matchers()
        return self
