"""The batch on a Dask cluster: the same runner, store and outputs as one
process, with batches sent to Dask workers.

>>> from sahel_ner.corpus import dask as sahel_dask
>>> with sahel_dask.local_client() as client:                        # doctest: +SKIP
...     results = sahel_dask.extract("news/", client, out_dir="out/")

or ``sahel-ner extract news/ -o out/ --scheduler tcp://10.0.0.5:8786``
(``--scheduler local`` starts a :class:`~distributed.LocalCluster`).

- each worker builds the pipeline of each language once (:class:`PipelinePlugin`,
  registered again with one more language when the first article in it is sent,
  or on first use through a per-process cache): ``nlp`` is never pickled into tasks;
- the client reads the inputs, identifies their language and sends batches of
  texts (workers need not see the input folder); workers send back
  ``articles.jsonl`` lines, never Docs;
- a bounded number of batches is in flight and results come back in input
  order, into the resume store: ``--resume`` works as without Dask, and the
  output files are byte-identical to a single-process run;
- a batch whose task fails (after ``retries``, lost workers included) is redone
  one article at a time, so only the article at fault gets an error line.
"""
from __future__ import annotations

import json
import os
import tempfile
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

from ..models import ArticleResult
from .process import Pipelines, Processed, failed_line, process_batch
from .readers import ArticleInput
from .report import RunReport
from .runner import in_order, run
from .settings import symmetric_for

try:
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError as err:  # pragma: no cover
    raise ImportError("sahel_ner's Dask runner needs Dask: pip install 'sahel-ner[dask]'") from err

if TYPE_CHECKING:  # pragma: no cover
    from distributed import Client

PLUGIN_NAME = "sahel-ner-pipeline"


def _options_key(options: dict | None) -> str:
    return json.dumps({"lang": "en", **(options or {})}, sort_keys=True, default=str)


@lru_cache(maxsize=4)
def _cached_pipeline(options_key: str):
    from ..pipeline import load

    return load(**json.loads(options_key))


class PipelinePlugin(WorkerPlugin):
    """Builds the pipeline of each of ``languages`` once per worker, when the
    worker starts (or when the plugin is registered on a running cluster).
    ``options`` are the keyword arguments of :func:`sahel_ner.load` but ``lang``;
    paths in them must exist on the workers. ``nlp`` is the first language's pipeline."""

    name = PLUGIN_NAME

    def __init__(self, options: dict | None = None, languages: Iterable[str] = ("en",)):
        self.options = dict(options or {})
        self.languages = tuple(languages)
        self.pipelines: dict = {}
        self.nlp = None

    def setup(self, worker) -> None:
        self.pipelines = {lang: _cached_pipeline(_options_key({**self.options, "lang": lang}))
                          for lang in self.languages}
        self.nlp = self.pipelines[self.languages[0]] if self.languages else None


def worker_pipeline(options: dict | None = None):
    """The pipeline of the current process for ``options`` (:func:`sahel_ner.load`'s
    keyword arguments, ``lang`` included; English without it), built on first use
    and cached for the life of the process: the one the plugin built, when it did."""
    return _cached_pipeline(_options_key(options))


class WorkerPipelines(Pipelines):
    """:class:`~.process.Pipelines` from the worker's cache."""

    def _build(self, lang: str):
        return worker_pipeline({**self.options, "lang": lang})


def _batch_task(batch: list[ArticleInput], options: dict) -> list[Processed]:
    return process_batch(WorkerPipelines(options), batch)


class DaskExecutor:
    """Batches on a Dask cluster, in order, at most ``window`` in flight."""

    def __init__(self, client: "Client", options: dict | None = None, retries: int = 2, window: int | None = None):
        self.client, self.options, self.retries = client, dict(options or {}), retries
        self.window = window or 2 * max(1, len(client.scheduler_info().get("workers", {})))
        self.languages: list[str] = []  # those the workers were told to build

    def symmetric_types(self, langs: Iterable[str]) -> frozenset[str]:
        return symmetric_for(self.options, langs)

    def _submit(self, batch: list[ArticleInput]):
        new = [lang for lang in dict.fromkeys(item.lang for item in batch if item.text is not None and item.lang)
               if lang not in self.languages]
        if new:  # every worker (and any that joins later) builds this language's pipeline once, now
            self.languages += new
            self.client.register_plugin(PipelinePlugin(self.options, self.languages), name=PLUGIN_NAME)
        return self.client.submit(_batch_task, batch, self.options, retries=self.retries, pure=False)

    def map(self, work: Iterable[list[ArticleInput]]) -> Iterator[list[Processed]]:
        for batch, future in in_order(work, self._submit, self.window):
            try:
                yield future.result()
            except Exception:  # noqa: BLE001 -- KilledWorker and the like: find the article at fault
                yield self._one_by_one(batch)
            future.release()

    def _one_by_one(self, batch: list[ArticleInput]) -> list[Processed]:
        out: list[Processed] = []
        for item, future in [(item, self._submit([item])) for item in batch]:
            try:
                out += future.result()
            except Exception as err:  # noqa: BLE001 -- the article is reported, the batch goes on
                out.append(failed_line(item, f"worker error: {type(err).__name__}: {err}"[:500]))
        return out

    def close(self) -> None:
        pass


# -- clients ----------------------------------------------------------------------------
@contextmanager
def local_client(n_workers: int | None = None, **cluster_kwargs) -> Iterator["Client"]:
    """A client on a fresh LocalCluster: ``n_workers`` processes (default: one
    per core) with one thread each (spaCy is single-threaded)."""
    from distributed import Client, LocalCluster

    cluster_kwargs.setdefault("dashboard_address", None)
    with LocalCluster(n_workers=n_workers or max(1, os.cpu_count() or 1), threads_per_worker=1, processes=True,
                      **cluster_kwargs) as cluster, Client(cluster) as client:
        yield client


@contextmanager
def client_for(scheduler: str) -> Iterator["Client"]:
    """``"local"`` -> a LocalCluster sized to the machine; else a scheduler address
    (``tcp://host:8786``) or a scheduler file (JSON from ``dask scheduler --scheduler-file``)."""
    if scheduler == "local":
        with local_client() as client:
            yield client
        return
    from distributed import Client

    client = Client(scheduler_file=scheduler) if scheduler.endswith(".json") and Path(scheduler).is_file() \
        else Client(scheduler)
    with client:
        yield client


def run_batch(source, out_dir: str | os.PathLike, *, client: "Client | None" = None, scheduler: str = "local",
              pipeline_options: dict | None = None, settings: dict | None = None, **run_options) -> RunReport:
    """:func:`sahel_ner.corpus.runner.run` on Dask: ``client``, or a client for
    ``scheduler`` (``"local"`` or an address). Same arguments, report and files."""
    if client is None:
        with client_for(scheduler) as own:
            return run_batch(source, out_dir, client=own, pipeline_options=pipeline_options, settings=settings,
                             **run_options)
    from .settings import run_settings

    executor = DaskExecutor(client, pipeline_options)
    settings = settings if settings is not None else run_settings(pipeline_options or {})
    return run(source, out_dir, executor=executor, settings=settings, **run_options)


def extract(source, client: "Client | None" = None, *, out_dir: str | os.PathLike | None = None,
            **run_options) -> list[ArticleResult]:
    """Run the batch on Dask and return the results in input order (without
    ``out_dir`` the files go to a temporary folder). ``source``: a folder, a file,
    or :class:`~sahel_ner.corpus.readers.ArticleInput` items."""
    if out_dir is None:
        with tempfile.TemporaryDirectory(prefix="sahel-ner-dask-") as scratch:
            return extract(source, client, out_dir=scratch, **run_options)
    run_options.setdefault("formats", "all")
    formats = run_options["formats"]
    if "jsonl" not in formats and formats != "all":
        run_options["formats"] = [*([formats] if isinstance(formats, str) else formats), "jsonl"]
    run_batch(source, out_dir, client=client, **run_options)
    with open(Path(out_dir) / "articles.jsonl", encoding="utf-8") as lines:
        return [ArticleResult.from_json_line(line) for line in lines]
