"""Result models: typed, validated views of what the pipeline stores on a Doc.

The pipeline keeps plain msgpack-safe values in ``Doc._`` (see
:mod:`sahel_ner.extensions`); these pydantic models are built from them on
demand (:meth:`ArticleResult.from_doc`) and serialise to the output contract of
SCHEMA.md (``articles.jsonl``, one :class:`ArticleResult` a line) and to the
node-link JSON of the corpus graph (:class:`CorpusGraph`).

JSON Schemas for programs that consume the outputs: :func:`json_schema`.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Iterable, Optional

from pydantic import BaseModel, ConfigDict, Field

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx
    from spacy.tokens import Doc

    from .knowledge_base import KnowledgeBase

from .schema import ACTOR_TYPES, article_record, doc_mentions, dump_record, failed_record

_WORD = re.compile(r"\w[\w'’-]*")


class Actor(BaseModel):
    """A canonical actor of one article (an ``entities`` item of the contract)."""

    model_config = ConfigDict(extra="allow")

    id: str = Field(description="stable lowercase slug, e.g. 'jnim', 'assimi_goita'")
    label: str = Field(description="display name of the canonical actor")
    type: str = Field(description=" or ".join(ACTOR_TYPES) + " (UNKNOWN for an end no source names)")
    mentions: list[str] = Field(default_factory=list, description="surface forms seen in the article")
    mention_count: int = Field(0, ge=0, description="number of entity spans linked to the actor")


class Mention(BaseModel):
    """One entity span in the article text, linked to its canonical actor."""

    text: str
    start: int = Field(ge=0, description="character offset of the span in the article text")
    end: int = Field(ge=0)
    type: str
    actor_id: str


class Relation(BaseModel):
    """A typed relation with its evidence (a ``relations`` item of the contract)."""

    model_config = ConfigDict(extra="allow")

    source: str
    target: str
    type: str
    sentence: str
    start: int = Field(ge=0, description="character offset of the evidence sentence")
    end: int = Field(ge=0)
    trigger: str
    confidence: float = Field(ge=0.0, le=1.0)
    negated: bool = False
    hedged: bool = False
    date: Optional[str] = Field(None, description="ISO date (day, month or year precision)")
    location: Optional[str] = Field(None, description="actor id of the place, when stated")
    implicit: bool = Field(False, description="source inferred from the preceding sentences")
    trigger_start: Optional[int] = Field(None, description="character offset of the trigger word")


class ArticleResult(BaseModel):
    """Everything extracted from one article: one line of ``articles.jsonl``.

    The contract keys come first (id, path, published, entities, relations,
    error), then ``lang``, the language the article was processed in. ``text`` and ``mentions`` are kept in memory for display (displaCy)
    but are not written to ``articles.jsonl``.
    """

    id: Optional[str] = None
    path: Optional[str] = None
    published: Optional[str] = None
    entities: list[Actor] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    error: Optional[str] = None
    lang: Optional[str] = Field(None, description="language the article was processed in (en, fr)")
    text: Optional[str] = Field(None, exclude=True)
    mentions: list[Mention] = Field(default_factory=list, exclude=True)

    # -- construction ---------------------------------------------------------
    @classmethod
    def from_doc(cls, doc: "Doc", *, id: str | None = None, path: str | None = None,
                 keep_text: bool = True, kb: "KnowledgeBase | None" = None) -> "ArticleResult":
        """View of a processed Doc. ``kb`` fills in actors that appear only as a
        relation end (a capital standing for its state), so that every relation
        end is among the entities."""
        result = cls.model_validate(article_record(doc, id=id, path=path, kb=kb))
        if keep_text:
            result.text = doc.text
            result.mentions = [Mention(text=ent.text, start=ent.start_char, end=ent.end_char, type=ent.label_,
                                       actor_id=ent.kb_id_) for ent in doc_mentions(doc)]
        return result

    @classmethod
    def failed(cls, error: str, *, id: str | None = None, path: str | None = None,
               published: str | None = None, lang: str | None = None) -> "ArticleResult":
        """The line of an article that could not be read or processed."""
        return cls.model_validate(failed_record(error, id=id, path=path, published=published, lang=lang))

    # -- serialisation --------------------------------------------------------
    def to_record(self) -> dict[str, Any]:
        """The ``articles.jsonl`` object (contract keys first)."""
        return self.model_dump(mode="json")

    def to_json_line(self) -> str:
        """One line of ``articles.jsonl``, byte-stable for the same result."""
        return dump_record(self.to_record())

    @classmethod
    def from_json_line(cls, line: str) -> "ArticleResult":
        return cls.model_validate_json(line)

    # -- display helpers ------------------------------------------------------
    @property
    def ok(self) -> bool:
        return self.error is None

    def actor(self, actor_id: str) -> Actor | None:
        return next((a for a in self.entities if a.id == actor_id), None)

    def show(self, relations: bool = True):
        """displaCy entities and relation arcs, shown inline in a notebook (:func:`sahel_ner.viz.article`)."""
        from .viz import article

        return article(self, relations=relations)

    def displacy_entities(self) -> dict:
        """Manual-mode data for ``displacy.render(..., style="ent", manual=True)``."""
        if self.text is None:
            raise ValueError("this result has no text (it was read back from a file); re-run extract()")
        ents = [{"start": m.start, "end": m.end, "label": m.type} for m in self.mentions]
        return {"text": self.text, "ents": ents, "title": self.id}

    def displacy_relations(self) -> list[dict]:
        """Manual-mode data for ``displacy.render(..., style="dep", manual=True)``:
        one parse per evidence sentence, with actor mentions and triggers as
        words and one arc per relation (source -> target, labelled by type)."""
        if self.text is None:
            raise ValueError("this result has no text (it was read back from a file); re-run extract()")
        by_sentence: dict[tuple[int, int], list[Relation]] = {}
        for rel in self.relations:
            by_sentence.setdefault((rel.start, rel.end), []).append(rel)
        return [self._sentence_arcs(start, end, rels) for (start, end), rels in by_sentence.items()]

    def _sentence_arcs(self, start: int, end: int, rels: list[Relation]) -> dict:
        spans = [(m.start, m.end, m.type, m.actor_id) for m in self.mentions if start <= m.start and m.end <= end]
        for rel in rels:  # triggers as their own words, so arcs can be read next to them
            if rel.trigger_start is not None and not any(s <= rel.trigger_start < e for s, e, _, _ in spans):
                word = _WORD.match(self.text, rel.trigger_start)
                word_end = word.end() if word else rel.trigger_start + 1
                spans.append((rel.trigger_start, word_end, rel.type.lower(), ""))
        spans.sort()
        words: list[dict] = []
        index_of: dict[tuple[int, int], int] = {}
        cursor = start
        for s, e, tag, _ in spans:
            words += [{"text": w, "tag": ""} for w in self.text[cursor:s].split()]
            index_of[(s, e)] = len(words)
            words.append({"text": self.text[s:e], "tag": tag})
            cursor = e
        words += [{"text": w, "tag": ""} for w in self.text[cursor:end].split()]
        arcs = []
        for rel in rels:
            anchor = rel.trigger_start if rel.trigger_start is not None else start
            src = _nearest(spans, rel.source, anchor)
            tgt = _nearest(spans, rel.target, anchor)
            if src is None or tgt is None:
                continue  # implicit source or capital standing for its state: no span to draw from
            i, j = index_of[src], index_of[tgt]
            label = rel.type + (" (neg)" if rel.negated else "") + (" (hedged)" if rel.hedged else "")
            arcs.append({"start": min(i, j), "end": max(i, j), "label": label,
                         "dir": "right" if i < j else "left"})
        return {"words": words, "arcs": arcs}


def _nearest(spans: list[tuple], actor_id: str, anchor: int) -> tuple[int, int] | None:
    found = [(abs(s - anchor), s, e) for s, e, _, a in spans if a == actor_id]
    if not found:
        return None
    _, s, e = min(found)
    return (s, e)


# -- corpus graph -------------------------------------------------------------
class Evidence(BaseModel):
    """One relation occurrence behind a graph edge."""

    article: Optional[str]
    sentence: str
    trigger: str
    date: Optional[str] = None
    confidence: float
    negated: bool = False
    hedged: bool = False
    implicit: bool = False


class GraphNode(BaseModel):
    id: str
    label: str
    type: str
    mention_count: int = 0
    article_count: int = 0
    aliases: list[str] = Field(default_factory=list)


class GraphEdge(BaseModel):
    source: str
    target: str
    key: str = Field(description="the relation type: parallel edges of different types stay apart")
    type: str
    symmetric: bool = False
    weight: int = Field(description="number of evidence sentences")
    first_date: Optional[str] = None
    last_date: Optional[str] = None
    negated_count: int = 0
    hedged_count: int = 0
    implicit_count: int = 0
    confidence_mean: float
    confidence_max: float
    articles: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)


class CorpusGraph(BaseModel):
    """The corpus graph in networkx node-link form (``graph.json``)::

        nx.node_link_graph(json.load(f), edges="edges")
    """

    directed: bool = True
    multigraph: bool = True
    graph: dict[str, Any] = Field(default_factory=dict)
    nodes: list[GraphNode] = Field(default_factory=list)
    edges: list[GraphEdge] = Field(default_factory=list)

    @classmethod
    def from_networkx(cls, graph: "nx.MultiDiGraph") -> "CorpusGraph":
        nodes = [GraphNode(id=node, **data) for node, data in graph.nodes(data=True)]
        edges = [GraphEdge(source=u, target=v, key=key, **data) for u, v, key, data in graph.edges(keys=True, data=True)]
        return cls(graph=dict(graph.graph), nodes=nodes, edges=edges)

    def to_networkx(self) -> "nx.MultiDiGraph":
        import networkx as nx

        graph = nx.MultiDiGraph(**self.graph)
        for node in self.nodes:
            graph.add_node(node.id, **node.model_dump(exclude={"id"}))
        for edge in self.edges:
            data = edge.model_dump(exclude={"source", "target", "key"})
            graph.add_edge(edge.source, edge.target, key=edge.key, **data)
        return graph


def json_schema(model: str = "article") -> dict:
    """JSON Schema of an output: ``"article"`` (one line of articles.jsonl) or
    ``"graph"`` (graph.json)."""
    models = {"article": ArticleResult, "graph": CorpusGraph}
    if model not in models:
        raise ValueError(f"unknown model {model!r}; choose one of {sorted(models)}")
    return models[model].model_json_schema(mode="serialization")


def json_schemas() -> dict[str, dict]:
    """Both JSON Schemas, by output file name."""
    return {"articles.jsonl": json_schema("article"), "graph.json": json_schema("graph")}


def results_from_jsonl(lines: Iterable[str]) -> list[ArticleResult]:
    """Read ``articles.jsonl`` lines back into models (blank lines skipped)."""
    return [ArticleResult.from_json_line(line) for line in lines if line.strip()]
