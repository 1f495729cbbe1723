"""One runner for every way of running a batch: this process, worker
processes (``n_process``) or a Dask cluster.

- an *executor* maps batches of :class:`~.readers.ArticleInput` to compact
  results (:func:`~.process.process_batch`), in order, with a bounded number
  of batches in flight (memory stays flat whatever the corpus size):
  :class:`Serial`, :class:`ProcessPool`, or :class:`~.dask.DaskExecutor`;
- :func:`run` is the batch: inputs -> language -> resume store ->
  ``articles.jsonl`` and the graph files, under a lock on the output folder,
  with one report. Each article goes through the pipeline of its language
  (:class:`~.process.Pipelines`, built on first use in whichever process needs
  it), and the graph is one graph over every language: a node is an actor id.

Ctrl-C: worker processes ignore SIGINT (the parent gets it), and the parent
kills them before it lets ``KeyboardInterrupt`` go, so no process outlives an
interrupt; what was finished is in the store for ``--resume``.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import nullcontext
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from ..events import annotate_graph, cluster
from ..outputs import FORMATS, GraphBuilder, parse_formats, write_graph_files
from ..outputs.events import write_events_csv, write_events_jsonl
from ..places import geocode_record
from ..outputs.files import atomic_write
from ..schema import dump_record, symmetric_types
from .process import (Pipelines, PipelinesLike, Processed, as_pipelines, assign_language, failed_line,
                      language_mode, process_batch)
from .readers import DEFAULT_MAX_BYTES, ArticleInput, iter_inputs
from .report import RunReport
from .store import ResumeStore, content_key, lock_output


# A batch also ends at this many characters of text: long articles come in smaller
# batches, so that workers share the work evenly (a batch of 64 long articles is
# ~15 s of one core) while short notes still travel 64 at a time.
MAX_BATCH_CHARS = 60_000


def batches(items: Iterable[ArticleInput], size: int, max_chars: int = MAX_BATCH_CHARS) -> Iterator[list]:
    """Lists of at most ``size`` inputs and (unless one input is longer) ``max_chars`` characters."""
    batch: list[ArticleInput] = []
    chars = 0
    for item in items:
        length = len(item.text or "")
        if batch and (len(batch) >= size or chars + length > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += length
    if batch:
        yield batch


# -- executors --------------------------------------------------------------------------
def in_order(work: Iterable[list], submit: Callable, window: int) -> Iterator[tuple[list, Any]]:
    """``(batch, submit(batch))`` for every batch, in order, with at most ``window``
    batches submitted ahead of the one being waited for (memory stays flat)."""
    in_flight: deque = deque()
    source = iter(work)
    while True:
        while len(in_flight) < window and (batch := next(source, None)) is not None:
            in_flight.append((batch, submit(batch)))
        if not in_flight:
            return
        yield in_flight.popleft()


class Serial:
    """Batches in this process."""

    def __init__(self, nlp: PipelinesLike, keep_mentions: bool = False):
        self.pipelines, self.keep_mentions = as_pipelines(nlp), keep_mentions

    def map(self, work: Iterable[list[ArticleInput]]) -> Iterator[list[Processed]]:
        for batch in work:
            yield process_batch(self.pipelines, batch, self.keep_mentions)

    def symmetric_types(self, langs: Iterable[str]) -> frozenset[str]:
        return self.pipelines.symmetric_types(langs)

    def close(self) -> None:
        pass


_WORKER_NLP: Pipelines | None = None
WARM_UP = "On Monday, JNIM fighters attacked an army post near Djibo, and ECOWAS met Mali's junta last week."
WARM_UPS = {"en": WARM_UP,
            "fr": "Lundi, des combattants du JNIM ont attaqué un poste de l'armée près de Djibo, et la CEDEAO "
                  "a reçu la semaine dernière une délégation de la junte malienne."}


def _sigint_mask(how) -> None:
    if hasattr(signal, "pthread_sigmask"):  # POSIX; elsewhere workers are spawned, not forked
        signal.pthread_sigmask(how, {signal.SIGINT})


def _init_worker(nlp: Pipelines | None) -> None:
    global _WORKER_NLP
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _sigint_mask(signal.SIG_UNBLOCK)
    gc.enable()
    if nlp is not None:
        _WORKER_NLP = nlp


def _work(batch: list[ArticleInput], keep_mentions: bool) -> list[Processed]:
    return process_batch(_WORKER_NLP, batch, keep_mentions)


class ProcessPool:
    """Batches in ``n_process`` worker processes. Where ``fork`` exists the
    workers inherit the parent's pipelines (nothing is pickled): those of the
    languages of the first batch, built before the fork; a language met later
    is built in each worker on first use. Elsewhere they are pickled once per worker."""

    def __init__(self, nlp: PipelinesLike, n_process: int, keep_mentions: bool = False):
        self.pipelines, self.n_process, self.keep_mentions = as_pipelines(nlp), n_process, keep_mentions
        self.pool: ProcessPoolExecutor | None = None

    def symmetric_types(self, langs: Iterable[str]) -> frozenset[str]:
        return self.pipelines.symmetric_types(langs)

    def _start(self, first: list[ArticleInput]) -> ProcessPoolExecutor:
        global _WORKER_NLP
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        forked = context.get_start_method() == "fork"
        _WORKER_NLP = self.pipelines if forked else None
        if forked:  # what the pipelines build lazily on first use is built once, before the fork
            langs = {item.lang for item in first if item.text is not None and item.lang}
            for lang in sorted(langs) if self.pipelines.fixed is None else [self.pipelines.fixed.lang]:
                process_batch(self.pipelines, [ArticleInput("warm-up", None, WARM_UPS.get(lang, WARM_UP),
                                                            "2025-09-15", lang=lang)])
        # SIGINT held back while workers are forked: they must never see it (their initializer
        # ignores it), and the parent must not lose one sent meanwhile (it arrives once unblocked)
        _sigint_mask(signal.SIG_BLOCK)
        # The pipeline's objects go to the GC's permanent generation before the fork: a
        # forked worker that traverses them would copy every page they sit on (copy-on-write),
        # which made two workers slower than one process.
        gc.disable()
        gc.freeze()
        try:
            pool = ProcessPoolExecutor(self.n_process, mp_context=context, initializer=_init_worker,
                                       initargs=(None if forked else self.pipelines,))
            for future in [pool.submit(os.getpid) for _ in range(self.n_process)]:
                future.result()  # start every worker now, while SIGINT is blocked
        finally:
            gc.unfreeze()
            gc.enable()
            _sigint_mask(signal.SIG_UNBLOCK)
        return pool

    def _submit(self, batch: list[ArticleInput]):
        self.pool = self.pool or self._start(batch)
        return self.pool.submit(_work, batch, self.keep_mentions)

    def map(self, work: Iterable[list[ArticleInput]]) -> Iterator[list[Processed]]:
        for batch, future in in_order(work, self._submit, 2 * self.n_process):
            try:
                yield future.result()
            except BrokenProcessPool:  # a worker died (killed, out of memory): retry in fresh workers
                self.close()
                try:
                    yield self._submit(batch).result()
                except BrokenProcessPool:  # it dies again: the batch is at fault
                    self.close()
                    yield [failed_line(item, "worker process died") for item in batch]

    def close(self) -> None:
        """Stop the workers now (also on Ctrl-C: nothing waits on a queue)."""
        if self.pool is None:
            return
        # concurrent.futures has no public way to kill its workers before Python 3.14
        for process in list(getattr(self.pool, "_processes", {}).values()):
            process.kill()
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.pool = None


def executor_for(nlp: PipelinesLike, n_process: int = 1, keep_mentions: bool = False):
    return ProcessPool(nlp, n_process, keep_mentions) if n_process > 1 else Serial(nlp, keep_mentions)


def process_batches(items: Iterable[ArticleInput], executor, batch_size: int = 16
                    ) -> Iterator[list[tuple[ArticleInput, Processed]]]:
    """``(input, result)`` pairs, a batch at a time, in input order."""
    pending: deque[list[ArticleInput]] = deque()

    def work() -> Iterator[list[ArticleInput]]:
        for batch in batches(items, batch_size):
            pending.append(batch)
            yield batch

    for outputs in executor.map(work()):
        yield list(zip(pending.popleft(), outputs))


def process_stream(items: Iterable[ArticleInput], executor, batch_size: int = 16
                   ) -> Iterator[tuple[ArticleInput, Processed]]:
    """``(input, result)`` for every input, in input order."""
    for pairs in process_batches(items, executor, batch_size):
        yield from pairs


# -- the batch ---------------------------------------------------------------------------
def run(source: str | os.PathLike | Iterable[ArticleInput], out_dir: str | os.PathLike, *,
        nlp: PipelinesLike = None, executor=None, n_process: int = 1, batch_size: int = 16,
        formats: Iterable[str] | str = FORMATS, resume: bool = False, max_bytes: int = DEFAULT_MAX_BYTES,
        graph_options: dict | None = None, settings: dict | None = None, symmetric: Iterable[str] | None = None,
        on_progress: Callable[[int, int], None] | None = None, lang: str = "auto") -> RunReport:
    """Process a folder (or one file, or inputs) and write the outputs into ``out_dir``.

    ``executor`` (default: one made from ``nlp`` and ``n_process``) does the
    work; ``nlp`` is a pipeline that takes every article, a
    :class:`~.process.Pipelines`, or None (the default pipeline of each
    language); ``lang`` is ``"auto"`` (each article's language is identified),
    ``"en"`` or ``"fr"`` (ValueError for another value, or one that contradicts
    a given pipeline); ``settings`` (pipeline options, model included) must
    match for ``resume`` to reuse an unfinished run's results, and so must
    ``lang``; ``graph_options`` are :func:`~sahel_ner.outputs.graph.build_graph`'s;
    ``on_progress(done, errors)`` is called as articles finish. Raises
    :class:`~.store.OutputLocked` when another run holds ``out_dir``.
    """
    started = time.perf_counter()
    out_dir = Path(out_dir)
    formats = parse_formats(formats)
    pipelines = as_pipelines(nlp) if executor is None or nlp is not None else Pipelines()
    mode = language_mode(lang, pipelines)
    report = RunReport()
    lock = lock_output(out_dir)
    store = ResumeStore(out_dir, {"version": _version(), "max_bytes": max_bytes, "lang": mode, **(settings or {})})
    own_executor = executor is None
    executor = executor or executor_for(pipelines, n_process)
    try:
        report.note = store.open(resume)
        earlier = set(store.offsets)
        order: list[tuple[str, str | None, str]] = []  # (id, path, key) of every input
        langs: set[str] = set()  # languages of the articles with a text
        counts = [0, 0]

        def progress(failed: bool) -> None:
            counts[0] += 1
            counts[1] += failed
            if on_progress:
                on_progress(*counts)

        def todo() -> Iterator[ArticleInput]:
            items = iter_inputs(source, max_bytes=max_bytes, exclude=[out_dir]) \
                if isinstance(source, (str, os.PathLike)) else source
            for item in items:
                item = assign_language(item, mode)
                if item.lang:
                    langs.add(item.lang)
                key = _key(item)
                order.append((item.id, item.path, key))
                if key in store:  # done before the interruption, or a copy of an article done now
                    progress(False)
                    continue
                yield item

        for pairs in process_batches(todo(), executor, batch_size):
            store.add((_key(item), line) for item, (line, _) in pairs)
            for _, (line, _) in pairs:  # reported once saved: what the user saw done survives a Ctrl-C
                progress(_failed(line))
        if own_executor:
            executor.close()
        if symmetric is None:
            symmetric = executor.symmetric_types(sorted(langs)) if hasattr(executor, "symmetric_types") \
                else symmetric_types(None)
        builder = GraphBuilder(**(graph_options or {}), symmetric=symmetric)
        acts: list[dict] = []
        report.files = _write(order, store, out_dir, formats, builder, report, earlier, acts)
        graph = builder.graph()
        report.files += _write_events(acts, graph, out_dir, formats, builder.symmetric)
        report.files += write_graph_files(graph, out_dir, formats)
        report.nodes, report.edges = graph.number_of_nodes(), graph.number_of_edges()
        store.discard()
    finally:
        if own_executor:
            executor.close()
        store.close()
        lock.release()
    report.seconds = time.perf_counter() - started
    return report


def _key(item: ArticleInput) -> str:
    return content_key(item.text, item.published, item.error, item.lang)


def _failed(line: str) -> bool:
    """Whether a record line has an error: the value after its "error" key, the
    only unescaped ``"error": `` in the line (quotes inside strings are escaped)."""
    return not line.rpartition('"error": ')[2].startswith("null")


def _write(order, store: ResumeStore, out_dir: Path, formats: list[str], builder: GraphBuilder,
           report: RunReport, earlier: set[str], acts: list[dict]) -> list[Path]:
    """``articles.jsonl`` in input order, streamed from the store, feeding the graph on the way;
    places get their coordinates, and ``acts`` collects what event clustering needs."""
    target = out_dir / "articles.jsonl"
    with atomic_write(target) if "jsonl" in formats else nullcontext(_Discard()) as out:
        for article_id, path, key in order:
            record = store.get(key)
            record["id"], record["path"] = article_id, path  # the same text may sit under another name
            if not record.get("error"):
                geocode_record(record)
                if record.get("relations"):
                    acts.append({"id": article_id, "published": record.get("published"),
                                 "entities": [], "relations": record["relations"]})
            out.write(dump_record(record) + "\n")
            builder.add(record)
            report.count(record, resumed=key in earlier)
    return [target] if "jsonl" in formats else []


def _write_events(acts: list[dict], graph, out_dir: Path, formats: list[str], symmetric) -> list[Path]:
    """Relations of the whole batch grouped into events: ``event_count`` on the
    graph's edges, and ``events.jsonl``/``events.csv`` beside ``articles.jsonl``."""
    events = cluster(acts, symmetric=symmetric)
    annotate_graph(graph, events)
    if "jsonl" not in formats:
        return []
    return [write_events_jsonl(events, out_dir / "events.jsonl"), write_events_csv(events, out_dir / "events.csv")]


class _Discard:
    def write(self, text: str) -> None:
        pass


def _version() -> str:
    from .. import __version__

    return __version__
