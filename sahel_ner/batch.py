"""Batch processing: inputs -> article results -> output files, resumable.

Three pieces with clean boundaries (the CLI and the Dask runner share them):

- :func:`process_inputs`: the pipeline over :class:`~sahel_ner.readers.ArticleInput`
  items, streaming, in input order, one :class:`~sahel_ner.models.ArticleResult`
  per input; an input that cannot be read, or that the pipeline fails on,
  becomes a result with ``error`` set and the rest goes on;
- :class:`Journal`: finished results appended to ``OUT/.partial/articles.jsonl``
  (flushed and fsynced per batch) so that ``--resume`` skips them after a crash;
- :func:`write_outputs`: the corpus graph and every chosen format, written
  atomically at the end.

:func:`run_batch` ties them together for a folder.
"""
from __future__ import annotations

import json
import os
import shutil
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

import networkx as nx
from spacy.language import Language

from .exports import FORMATS, parse_formats, write_all
from .graph import build_graph, symmetric_types
from .models import ArticleResult
from .readers import DEFAULT_MAX_BYTES, ArticleInput, iter_inputs

JOURNAL_DIR = ".partial"


# -- the pipeline over inputs ---------------------------------------------------------
def _knowledge_base(nlp: Language):
    if "sahel_actor_ruler" in nlp.pipe_names:
        return nlp.get_pipe("sahel_actor_ruler").kb
    return None


def _error_text(err: BaseException) -> str:
    return f"pipeline error: {type(err).__name__}: {err}".strip()


def process_inputs(nlp: Language, inputs: Iterable[ArticleInput], n_process: int = 1, batch_size: int = 16,
                   *, keep_text: bool = False) -> Iterator[ArticleResult]:
    """Run ``nlp`` over ``inputs``; yields one result per input, in input order.

    Docs are created with ``nlp.make_doc`` and get ``doc._.article_id`` and
    ``doc._.published`` before the pipeline runs (so relation dates resolve
    against the publication date), then go through ``nlp.pipe`` (with
    ``n_process`` workers). If the pipeline raises, the articles in flight are
    redone one at a time so that only the failing article gets an error line.
    """
    kb = _knowledge_base(nlp)
    source = iter(inputs)
    seq = 0
    while True:
        pending: deque[list] = deque()  # [seq, input, error-before-pipeline]

        def feed():
            nonlocal seq
            for item in source:
                seq += 1
                entry = [seq, item, item.error]
                pending.append(entry)
                if entry[2] is not None:
                    continue
                if len(item.text) > nlp.max_length:
                    entry[2] = f"text too long ({len(item.text):,} characters > nlp.max_length {nlp.max_length:,})"
                    continue
                doc = nlp.make_doc(item.text)
                doc._.article_id = item.id
                doc._.published = item.published
                yield doc, seq

        try:
            for doc, doc_seq in nlp.pipe(feed(), as_tuples=True, n_process=n_process, batch_size=batch_size):
                while pending and pending[0][0] != doc_seq:
                    yield _unprocessed(pending.popleft())
                _, item, _ = pending.popleft()
                yield ArticleResult.from_doc(doc, id=item.id, path=item.path, keep_text=keep_text, kb=kb)
            while pending:
                yield _unprocessed(pending.popleft())
            return
        except Exception:
            if not pending:
                raise  # the pipeline fails before any article: nothing to isolate
            while pending:  # redo the articles in flight one by one, then go on with the rest
                entry = pending.popleft()
                yield _unprocessed(entry) if entry[2] is not None else _process_one(nlp, entry[1], kb, keep_text)


def _unprocessed(entry: list) -> ArticleResult:
    _, item, error = entry
    return ArticleResult.failed(error or "the pipeline returned no document for this article",
                                id=item.id, path=item.path, published=item.published)


def _process_one(nlp: Language, item: ArticleInput, kb, keep_text: bool) -> ArticleResult:
    try:
        doc = nlp.make_doc(item.text)
        doc._.article_id = item.id
        doc._.published = item.published
        doc = nlp(doc)
        return ArticleResult.from_doc(doc, id=item.id, path=item.path, keep_text=keep_text, kb=kb)
    except Exception as err:  # one article's failure must not stop the batch
        return ArticleResult.failed(_error_text(err), id=item.id, path=item.path, published=item.published)


# -- outputs ----------------------------------------------------------------------------
@dataclass
class GraphOptions:
    drop_negated: bool = True
    drop_hedged: bool = False
    min_confidence: float = 0.0
    types: list[str] | None = None
    drop_isolated: bool = False


def write_outputs(results: list[ArticleResult], out_dir: str | os.PathLike, formats: Iterable[str] | str = FORMATS,
                  *, graph_options: GraphOptions | None = None,
                  symmetric: Iterable[str] = ("MET",)) -> tuple[nx.MultiDiGraph, list[Path]]:
    """Build the corpus graph and write every chosen format (atomically) into ``out_dir``."""
    options = graph_options or GraphOptions()
    graph = build_graph(results, drop_negated=options.drop_negated, drop_hedged=options.drop_hedged,
                        min_confidence=options.min_confidence, types=options.types, symmetric=symmetric,
                        drop_isolated=options.drop_isolated)
    return graph, write_all(results, graph, out_dir, parse_formats(formats))


# -- resume journal -----------------------------------------------------------------------
class Journal:
    """Finished results of an interrupted run, one ``articles.jsonl`` line each.

    ``settings`` (input, pipeline options) are stored next to it; a journal made
    with other settings is not resumed from.
    """

    def __init__(self, out_dir: str | os.PathLike, settings: dict):
        self.folder = Path(out_dir) / JOURNAL_DIR
        self.path = self.folder / "articles.jsonl"
        self.settings_path = self.folder / "settings.json"
        self.settings = settings
        self._stream = None

    def load(self) -> tuple[dict[str, ArticleResult], str | None]:
        """Results saved by an earlier run with the same settings, and a note when
        the journal cannot be used."""
        if not self.path.exists():
            return {}, None
        try:
            saved = json.loads(self.settings_path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            saved = None
        if saved != self.settings:
            return {}, "the unfinished run used other settings or input; starting over"
        done: dict[str, ArticleResult] = {}
        with self.path.open(encoding="utf-8") as lines:
            for line in lines:
                try:
                    result = ArticleResult.from_json_line(line)
                except ValueError:
                    continue  # the line being written when the run was killed
                done[result.id] = result
        return done, None

    def start(self, keep: dict[str, ArticleResult]) -> None:
        """Open the journal for appending, rewritten to hold only ``keep``
        (this drops a torn last line)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        self.settings_path.write_text(json.dumps(self.settings, sort_keys=True), encoding="utf-8")
        self._stream = self.path.open("w", encoding="utf-8", newline="")
        self.append(keep.values())

    def append(self, results: Iterable[ArticleResult]) -> None:
        lines = "".join(result.to_json_line() + "\n" for result in results)
        if lines:
            self._stream.write(lines)
            self._stream.flush()
            os.fsync(self._stream.fileno())

    def close(self) -> None:
        if self._stream is not None:
            self._stream.close()
            self._stream = None

    def discard(self) -> None:
        self.close()
        shutil.rmtree(self.folder, ignore_errors=True)


# -- a whole run ---------------------------------------------------------------------------
@dataclass
class BatchReport:
    articles: int = 0
    ok: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (path or id, error)
    resumed: int = 0
    relations: int = 0
    nodes: int = 0
    edges: int = 0
    files: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    note: str | None = None


def settings_fingerprint(input_path: str | os.PathLike, **options) -> dict:
    """What a journal must match to be resumed from."""
    from . import __version__

    return {"input": str(Path(input_path).resolve()), "version": __version__,
            **{k: v for k, v in sorted(options.items())}}


def run_batch(nlp: Language, input_path: str | os.PathLike, out_dir: str | os.PathLike, *,
              formats: Iterable[str] | str = FORMATS, n_process: int = 1, batch_size: int = 16,
              resume: bool = False, max_bytes: int = DEFAULT_MAX_BYTES, graph_options: GraphOptions | None = None,
              settings: dict | None = None,
              on_result: Callable[[ArticleResult], None] | None = None) -> BatchReport:
    """Process a folder (or one file) and write the outputs; see the module docstring."""
    started = time.perf_counter()
    out_dir = Path(out_dir)
    report = BatchReport()
    journal = Journal(out_dir, settings or settings_fingerprint(input_path, max_bytes=max_bytes))
    done, report.note = journal.load() if resume else ({}, None)
    order: list[tuple[str, bool]] = []  # (id, taken from the journal)

    def todo() -> Iterator[ArticleInput]:
        for item in iter_inputs(input_path, max_bytes=max_bytes):
            if item.id in done:
                order.append((item.id, True))
                if on_result:
                    on_result(done[item.id])
                continue
            order.append((item.id, False))
            yield item

    fresh: dict[str, ArticleResult] = {}
    journal.start(done)
    try:
        buffer: list[ArticleResult] = []
        for result in process_inputs(nlp, todo(), n_process=n_process, batch_size=batch_size):
            fresh[result.id] = result
            buffer.append(result)
            if on_result:
                on_result(result)
            if len(buffer) >= batch_size:
                journal.append(buffer)
                buffer = []
        journal.append(buffer)
    finally:
        journal.close()
    results = [done[i] if from_journal else fresh[i] for i, from_journal in order]
    graph, report.files = write_outputs(results, out_dir, formats, graph_options=graph_options,
                                        symmetric=symmetric_types(nlp))
    journal.discard()
    report.articles = len(results)
    report.resumed = sum(1 for _, from_journal in order if from_journal)
    report.ok = sum(1 for r in results if r.error is None)
    report.errors = [(r.path or r.id or "?", r.error) for r in results if r.error is not None]
    report.relations = sum(len(r.relations) for r in results)
    report.nodes, report.edges = graph.number_of_nodes(), graph.number_of_edges()
    report.seconds = time.perf_counter() - started
    return report

