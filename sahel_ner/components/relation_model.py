"""The relation classifier's model: candidate pairs of actor mentions, their
features, and the thinc network that scores them (registered architectures
``sahel_ner.RelationModel.v1`` and ``sahel_ner.DocTensor.v1``)."""
from __future__ import annotations

from itertools import permutations

import numpy
from spacy.tokens import Doc, Span
from spacy.util import registry
from thinc.api import Linear, Logistic, Model, Relu, chain
from thinc.types import Floats2d

from .. import extensions  # noqa: F401
from ..schema import ACTOR_TYPES

ACTOR_LABELS = ACTOR_TYPES
CONTEXT_WINDOW = 3  # words either side of the pair
MAX_PAIR_DISTANCE = 40  # tokens between the two mentions


# -- candidates ------------------------------------------------------------------
def actor_mentions(doc: Doc) -> list[Span]:
    return [ent for ent in doc.ents if ent.label_ in ACTOR_LABELS]


def candidate_pairs(doc: Doc) -> list[tuple[Span, Span]]:
    """Ordered pairs of actor mentions of different actors in the same sentence."""
    has_sents = doc.has_annotation("SENT_START")
    pairs = []
    for head, child in permutations(actor_mentions(doc), 2):
        if head.kb_id_ and head.kb_id_ == child.kb_id_:
            continue
        if has_sents and head.sent.start != child.sent.start:
            continue
        if max(head.start, child.start) - min(head.end, child.end) > MAX_PAIR_DISTANCE:
            continue
        pairs.append((head, child))
    return pairs


def _regions(head: Span, child: Span) -> list[tuple[int, int]]:
    """Token ranges pooled for a pair: head, child, between, left and right context."""
    first, last = (head, child) if head.start <= child.start else (child, head)
    doc = head.doc
    if doc.has_annotation("SENT_START"):
        lower, upper = head.sent.start, head.sent.end
    else:
        lower, upper = 0, len(doc)
    return [(head.start, head.end), (child.start, child.end), (first.end, max(first.end, last.start)),
            (max(lower, first.start - CONTEXT_WINDOW), first.start), (last.end, min(upper, last.end + CONTEXT_WINDOW))]


N_REGIONS = 5
N_EXTRA = 2 * len(ACTOR_LABELS) + 2


def _extra_features(head: Span, child: Span) -> list[float]:
    feats = [0.0] * N_EXTRA
    if head.label_ in ACTOR_LABELS:
        feats[ACTOR_LABELS.index(head.label_)] = 1.0
    if child.label_ in ACTOR_LABELS:
        feats[len(ACTOR_LABELS) + ACTOR_LABELS.index(child.label_)] = 1.0
    feats[-2] = 1.0 if head.start < child.start else 0.0
    feats[-1] = min(abs(head.start - child.start), MAX_PAIR_DISTANCE) / MAX_PAIR_DISTANCE
    return feats


# -- model -------------------------------------------------------------------------
@registry.architectures("sahel_ner.DocTensor.v1")
def doc_tensor(width: int = 96) -> Model[list[Doc], list[Floats2d]]:
    """Token vectors an upstream ``tok2vec`` left in ``doc.tensor`` (not updated).

    The sm variant reads en_core_web_sm's own contextual vectors this way: in the
    sahel_ner pipeline they are already computed, so the classifier costs almost
    nothing, and they carry what the tagger, parser and NER learned from far more
    text than our training set."""

    def forward(model: Model, docs: list[Doc], is_train: bool):
        width = model.get_dim("nO")
        vectors = []
        for doc in docs:
            if doc.tensor is None or doc.tensor.size == 0:
                raise ValueError("sahel_ner.DocTensor.v1 needs doc.tensor: put a tok2vec before the classifier")
            vectors.append(model.ops.asarray2f(doc.tensor[:, :width]))
        return vectors, lambda d_vectors: []

    return Model("doc_tensor", forward, dims={"nO": width})


@registry.architectures("sahel_ner.RelationModel.v1")
def build_relation_model(tok2vec: Model, hidden_width: int = 64, dropout: float = 0.1,
                         nO: int | None = None) -> Model[list[Doc], Floats2d]:
    pooling = Model("sahel_pair_pooling", _pool_forward, init=_pool_init, layers=[tok2vec],
                    dims={"nO": None})
    output = chain(Linear(nO=nO), Logistic())
    output.name = "relation_output"
    model = chain(pooling, Relu(nO=hidden_width, dropout=dropout), output)
    model.set_ref("output", output.layers[0])
    model.set_ref("tok2vec", tok2vec)
    return model


def _pool_init(model: Model, X: list[Doc] | None = None, Y=None) -> Model:
    tok2vec = model.layers[0]
    tok2vec.initialize(X=X)
    model.set_dim("nO", N_REGIONS * tok2vec.get_dim("nO") + N_EXTRA)
    return model


def _pool_forward(model: Model, docs: list[Doc], is_train: bool):
    tok2vec = model.layers[0]
    tokvecs, backprop_tok2vec = tok2vec(docs, is_train)
    ops = model.ops
    width = tok2vec.get_dim("nO")
    rows, matrices = [], []
    for doc, vectors in zip(docs, tokvecs):
        pairs = candidate_pairs(doc)
        # One pooling matrix per doc: row (pair, region) averages that region's tokens.
        pool = numpy.zeros((len(pairs) * N_REGIONS, len(doc)), dtype="f")
        extra = numpy.zeros((len(pairs), N_EXTRA), dtype="f")
        for p, (head, child) in enumerate(pairs):
            for r, (start, end) in enumerate(_regions(head, child)):
                if end > start:
                    pool[p * N_REGIONS + r, start:end] = 1.0 / (end - start)
            extra[p] = _extra_features(head, child)
        pool = ops.asarray2f(pool)
        pooled = ops.gemm(pool, vectors).reshape((len(pairs), N_REGIONS * width)) if len(pairs) else \
            ops.alloc2f(0, N_REGIONS * width)
        rows.append(ops.xp.hstack([pooled, ops.asarray2f(extra)]))
        matrices.append(pool)
    output = ops.xp.vstack(rows) if rows else ops.alloc2f(0, N_REGIONS * width + N_EXTRA)

    def backprop(d_output: Floats2d) -> list[Doc]:
        d_tokvecs, offset = [], 0
        for pool, vectors in zip(matrices, tokvecs):
            n_pairs = pool.shape[0] // N_REGIONS
            d_pooled = d_output[offset:offset + n_pairs, : N_REGIONS * width].reshape((n_pairs * N_REGIONS, width))
            d_tokvecs.append(ops.gemm(pool, ops.asarray2f(d_pooled), trans1=True) if n_pairs
                             else ops.alloc2f(*vectors.shape))
            offset += n_pairs
        return backprop_tok2vec(d_tokvecs)

    return output, backprop
