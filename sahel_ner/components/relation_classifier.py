"""``sahel_relation_classifier``: a trained scorer for candidate actor pairs.

Every ordered pair of actor mentions in a sentence is a candidate. Its features
are mean-pooled token vectors of the head mention, the child mention, the words
between them and a few words either side, plus the two entity labels and their
order; a small feed-forward network gives one probability per relation type
(sigmoid, so "no relation" is all types low). The design follows spaCy's
``rel_component`` tutorial project, with our own candidate and pooling code.

Standalone (``spacy train``), it writes the pair scores to
``Doc._.relation_pair_scores``. After ``sahel_relation_extractor`` it also
combines with the rules:

- a rule relation whose mentions the classifier scores below ``drop_threshold``
  for that type is dropped; the others keep the rules' ``confidence`` and get the
  classifier's probability as ``classifier_confidence`` (negated and implicit
  relations are left as the rules made them);
- a pair the rules missed is added when its probability reaches
  ``add_threshold`` (``null`` turns additions off), with ``trigger`` the word
  that governs both mentions.

Negated relations are NONE for the classifier: it learns asserted relations,
and negation stays with the rules' cue words.
"""
from __future__ import annotations

from typing import Callable, Iterable, Iterator

import numpy
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc, Span
from spacy.training import Example, validate_examples
from spacy.util import registry
from thinc.api import Model, Optimizer
from thinc.types import Floats2d

from .. import extensions  # noqa: F401
from ..schema import packaged_relation_types, relation_record, symmetric_types
# The model lives in relation_model; its names are re-exported here, where the
# entry points and older imports look for them.
from .relation_model import (ACTOR_LABELS, CONTEXT_WINDOW, MAX_PAIR_DISTANCE, N_EXTRA, N_REGIONS,  # noqa: F401
                             actor_mentions, build_relation_model, candidate_pairs, doc_tensor)

# Relation types and symmetry come from the packaged type files (a trained model
# keeps its own label list in its cfg).
RELATION_TYPES = packaged_relation_types()
SYMMETRIC = symmetric_types()
# Where the gold relations of a training doc live (char offsets, so they survive re-tokenisation).
GOLD_KEY = "sahel_gold_relations"

if not Doc.has_extension("relation_pair_scores"):
    Doc.set_extension("relation_pair_scores", default=None)

DEFAULT_MODEL_CONFIG = """
[model]
@architectures = "sahel_ner.RelationModel.v1"
hidden_width = 64
dropout = 0.1

[model.tok2vec]
@architectures = "spacy.Tok2Vec.v2"

[model.tok2vec.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = 96
attrs = ["LOWER", "PREFIX", "SUFFIX", "SHAPE"]
rows = [5000, 1000, 2500, 2500]
include_static_vectors = false

[model.tok2vec.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = 96
depth = 4
window_size = 1
maxout_pieces = 3
"""


# -- scorer ------------------------------------------------------------------------
def _pair_key(head: tuple[int, int], child: tuple[int, int], rtype: str) -> tuple:
    if rtype in SYMMETRIC:
        head, child = sorted((tuple(head), tuple(child)))
    return tuple(head), tuple(child), rtype


def gold_pairs(doc: Doc) -> set[tuple]:
    """Asserted gold relations of a training doc as (head offsets, child offsets, type)."""
    return {_pair_key(r["head"], r["child"], r["type"]) for r in doc.user_data.get(GOLD_KEY, [])
            if r["type"] in RELATION_TYPES and not r.get("negated")}


def predicted_pairs(doc: Doc, threshold: float) -> set[tuple]:
    found = set()
    for row in doc._.relation_pair_scores or ():
        for rtype, prob in row["scores"].items():
            if prob >= threshold:
                found.add(_pair_key(row["head"], row["child"], rtype))
    return found


def score_relations(examples: Iterable[Example], threshold: float = 0.5, **_) -> dict:
    counts = {t: [0, 0, 0] for t in RELATION_TYPES}  # tp, fp, fn
    for eg in examples:
        gold, pred = gold_pairs(eg.reference), predicted_pairs(eg.predicted, threshold)
        for key in pred | gold:
            c = counts[key[2]]
            c[0 if key in pred and key in gold else 1 if key in pred else 2] += 1

    def prf(tp: int, fp: int, fn: int) -> dict:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return {"p": p, "r": r, "f": 2 * p * r / (p + r) if p + r else 0.0}

    totals = [sum(c[i] for c in counts.values()) for i in range(3)]
    micro = prf(*totals)
    return {"rel_micro_p": micro["p"], "rel_micro_r": micro["r"], "rel_micro_f": micro["f"],
            "rel_f_per_type": {t: prf(*c) for t, c in counts.items()}}


@registry.scorers("sahel_ner.relation_scorer.v1")
def make_relation_scorer() -> Callable:
    return score_relations


# -- component -----------------------------------------------------------------
@Language.factory(
    "sahel_relation_classifier",
    requires=["doc.ents"],
    assigns=["doc._.relation_pair_scores", "doc._.relations"],
    default_config={
        "model": DEFAULT_MODEL_CONFIG,
        "threshold": 0.5,
        "drop_threshold": 0.0,
        "add_threshold": 0.98,
        "extractor": "sahel_relation_extractor",
        "scorer": {"@scorers": "sahel_ner.relation_scorer.v1"},
    },
    default_score_weights={"rel_micro_f": 1.0, "rel_micro_p": 0.0, "rel_micro_r": 0.0},
)
def make_relation_classifier(nlp: Language, name: str, model: Model, threshold: float, drop_threshold: float,
                             add_threshold: float | None, extractor: str, scorer: Callable) -> "RelationClassifier":
    return RelationClassifier(nlp.vocab, model, name, nlp=nlp, threshold=threshold, drop_threshold=drop_threshold,
                              add_threshold=add_threshold, extractor=extractor, scorer=scorer)


class RelationClassifier(TrainablePipe):
    def __init__(self, vocab, model: Model, name: str = "sahel_relation_classifier", *, nlp: Language | None = None,
                 threshold: float = 0.5, drop_threshold: float = 0.1, add_threshold: float | None = None,
                 extractor: str = "sahel_relation_extractor", scorer: Callable | None = score_relations):
        self.vocab = vocab
        self.model = model
        self.name = name
        self.nlp = nlp
        self.extractor = extractor
        self.threshold = threshold
        self.drop_threshold = drop_threshold
        self.add_threshold = add_threshold
        self.scorer = scorer
        self.cfg = {"labels": list(RELATION_TYPES)}

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(self.cfg["labels"])

    def add_label(self, label: str) -> int:
        if label in self.labels:
            return 0
        self.cfg["labels"].append(label)
        return 1

    # -- training --------------------------------------------------------------------
    def initialize(self, get_examples: Callable[[], Iterable[Example]], *, nlp: Language | None = None,
                   labels: list[str] | None = None) -> None:
        validate_examples(get_examples(), "RelationClassifier.initialize")
        if labels:
            self.cfg["labels"] = list(labels)
        else:
            for eg in get_examples():
                for rel in eg.reference.user_data.get(GOLD_KEY, []):
                    if rel["type"] != "NONE":
                        self.add_label(rel["type"])
        docs = [eg.predicted for eg in get_examples()][:20]
        for name, proc in (nlp.components if nlp is not None else []):  # frozen ones are disabled here
            if name == self.name:
                break
            docs = [proc(doc) for doc in docs]  # upstream annotations (doc.tensor) for shape inference
        self.model.get_ref("output").set_dim("nO", len(self.labels))
        self.model.initialize(X=docs, Y=self.model.ops.alloc2f(1, len(self.labels)))

    def _truths(self, examples: Iterable[Example]) -> Floats2d:
        rows = []
        for eg in examples:
            gold = gold_pairs(eg.reference)
            for head, child in candidate_pairs(eg.predicted):
                h, c = (head.start_char, head.end_char), (child.start_char, child.end_char)
                rows.append([1.0 if _pair_key(h, c, t) in gold else 0.0 for t in self.labels])
        return self.model.ops.asarray2f(numpy.asarray(rows, dtype="f").reshape((-1, len(self.labels))))

    def get_loss(self, examples: Iterable[Example], scores: Floats2d) -> tuple[float, Floats2d]:
        truths = self._truths(examples)
        gradient = scores - truths
        return float((gradient ** 2).sum()), gradient

    def update(self, examples: Iterable[Example], *, drop: float = 0.0, sgd: Optimizer | None = None,
               losses: dict | None = None) -> dict:
        losses = {} if losses is None else losses
        losses.setdefault(self.name, 0.0)
        examples = list(examples)
        validate_examples(examples, "RelationClassifier.update")
        docs = [eg.predicted for eg in examples]
        if not any(candidate_pairs(doc) for doc in docs):
            return losses
        scores, backprop = self.model.begin_update(docs)
        loss, gradient = self.get_loss(examples, scores)
        backprop(gradient)
        if sgd is not None:
            self.finish_update(sgd)
        losses[self.name] += loss
        return losses

    # -- prediction ------------------------------------------------------------------
    def predict(self, docs: Iterable[Doc]) -> Floats2d:
        docs = list(docs)
        if not any(candidate_pairs(doc) for doc in docs):
            return self.model.ops.alloc2f(0, len(self.labels))
        return self.model.predict(docs)

    def set_annotations(self, docs: Iterable[Doc], scores: Floats2d) -> None:
        scores = self.model.ops.to_numpy(scores)
        offset = 0
        for doc in docs:
            pairs = candidate_pairs(doc)
            rows = []
            for head, child in pairs:
                rows.append({"head": [head.start_char, head.end_char], "child": [child.start_char, child.end_char],
                             "head_id": head.kb_id_, "child_id": child.kb_id_,
                             "scores": {t: round(float(p), 4) for t, p in zip(self.labels, scores[offset])}})
                offset += 1
            doc._.relation_pair_scores = rows
            if doc._.relations is not None:
                self._combine(doc, pairs, rows)

    # -- combination with the rule-based extractor ------------------------------------------
    def _rules(self):
        if self.nlp is None or self.extractor not in self.nlp.pipe_names:
            return None
        return self.nlp.get_pipe(self.extractor)

    def _seats(self) -> dict[str, str]:
        rules = self._rules()  # the gazetteer, reached the one way every component reaches it
        return rules.kb.seat_of if rules is not None else {}

    def _combine(self, doc: Doc, pairs: list[tuple[Span, Span]], rows: list[dict]) -> None:
        seats = self._seats()
        ends = []  # (head ids, child ids, sentence start char) per pair; a capital may stand for its state
        for head, child in pairs:
            ends.append(({head.kb_id_, seats.get(head.kb_id_, head.kb_id_)},
                         {child.kb_id_, seats.get(child.kb_id_, child.kb_id_)}, head.start_char, child.start_char))
        kept = []
        for rel in doc._.relations:
            if rel.get("negated") or rel.get("implicit") or rel["type"] not in self.labels:
                kept.append(rel)
                continue
            prob = self._best(rel, ends, rows)
            if prob is None:
                kept.append(rel)  # the classifier did not see these mentions: trust the rules
            elif prob >= self.drop_threshold:
                kept.append({**rel, "classifier_confidence": round(prob, 3)})
        if self.add_threshold is not None:
            kept += self._additions(doc, pairs, rows, kept)
        doc._.relations = kept

    def _best(self, rel: dict, ends: list, rows: list[dict]) -> float | None:
        best = None
        for (heads, children, h_start, c_start), row in zip(ends, rows):
            if not (rel["start"] <= h_start < rel["end"] and rel["start"] <= c_start < rel["end"]):
                continue
            if rel["source"] in heads and rel["target"] in children:
                prob = row["scores"][rel["type"]]
                best = prob if best is None else max(best, prob)
        return best

    def _additions(self, doc: Doc, pairs: list, rows: list[dict], existing: list[dict]) -> list[dict]:
        rules = self._rules()
        types = getattr(rules, "types", {})
        have = {(r["source"], r["type"], r["target"], r["start"]) for r in existing}
        added = []
        for (head, child), row in zip(pairs, rows):
            for rtype, prob in row["scores"].items():
                if prob < self.add_threshold or not head.kb_id_ or not child.kb_id_:
                    continue
                definition = types.get(rtype)
                if definition is not None and (head.label_ not in definition.source_types
                                               or child.label_ not in definition.target_types):
                    continue
                source, target = head.kb_id_, child.kb_id_
                if rtype in SYMMETRIC and source > target:
                    source, target = target, source
                sent = head.sent if doc.has_annotation("SENT_START") else doc[:]
                key = (source, rtype, target, sent.start_char)
                if source == target or key in have or (target, rtype, source, sent.start_char) in have and rtype in SYMMETRIC:
                    continue
                have.add(key)
                trigger = _governor(head, child)
                added.append(relation_record({
                    "source": source, "target": target, "type": rtype, "sentence": sent.text,
                    "start": sent.start_char, "end": sent.end_char, "trigger": trigger.text,
                    "trigger_start": trigger.idx, "confidence": round(prob, 3),
                    "hedged": self._hedged(rules, trigger, sent),
                }))
        return added

    @staticmethod
    def _hedged(rules, trigger, sent) -> bool:
        cues = getattr(rules, "cues", None)
        return bool(cues.is_hedged(trigger)) if cues is not None else False


def _governor(head: Span, child: Span):
    """Lowest word that governs both mentions (the trigger of an added relation)."""
    above = {t.i for t in [head.root, *head.root.ancestors]}
    for tok in [child.root, *child.root.ancestors]:
        if tok.i in above:
            return tok
    return head.root


@registry.readers("sahel_ner.RelationCorpus.v1")
def create_relation_corpus(path: str, limit: int = 0) -> Callable[[Language], Iterator[Example]]:
    """Read a DocBin of gold docs; the predicted docs get the gold entities and
    sentence boundaries (the classifier scores pairs of given mentions)."""
    from pathlib import Path

    from spacy.tokens import DocBin

    def read(nlp: Language) -> Iterator[Example]:
        docbin = DocBin().from_disk(Path(path))
        for n, gold in enumerate(docbin.get_docs(nlp.vocab)):
            if limit and n >= limit:
                break
            predicted = nlp.make_doc(gold.text)
            predicted.ents = [predicted.char_span(e.start_char, e.end_char, label=e.label_, kb_id=e.kb_id_)
                              for e in gold.ents]
            for token in gold:
                predicted[token.i].is_sent_start = token.is_sent_start
            yield Example(predicted, gold)

    return read
