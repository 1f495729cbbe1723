"""The batch on a Dask cluster, with the same outputs as a single-process run.

>>> from sahel_ner import distributed
>>> with distributed.local_client() as client:                      # doctest: +SKIP
...     results = distributed.extract("news/", client, out_dir="out/")

or ``sahel-ner extract news/ -o out/ --scheduler tcp://10.0.0.5:8786``
(``--scheduler local`` starts a :class:`~distributed.LocalCluster`).

How it works:

- each worker builds the pipeline once, when :class:`PipelinePlugin` is
  registered (or, for workers that joined without it, on first use through a
  per-process cache): ``nlp`` is never pickled into tasks;
- the client lists the files and ships *paths* in contiguous partitions; the
  workers read them (:func:`sahel_ner.readers.read_file`) and run
  :func:`sahel_ner.batch.process_inputs`, so per-article errors are exactly
  those of the CLI;
- each finished partition is streamed to ``OUT/.partial/dask/part-NNNNN.jsonl``
  (atomically) as soon as it arrives; tasks are retried (``retries``) and a
  partition that keeps killing workers is redone one file at a time, so only
  the article at fault gets an error line;
- at the end the parts are merged in input order and written by
  :func:`sahel_ner.batch.write_outputs`: ``articles.jsonl`` and the graph files
  are byte-identical to ``sahel-ner extract`` without ``--scheduler``;
- ``resume=True`` skips the partitions already saved by an interrupted run with
  the same settings and input, like the CLI's ``--resume``.

Workers need the same ``sahel-ner`` version and its base model installed, and
must see the input paths (a shared or network file system); ``docs/distributed.md``
has the details.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Sequence

from .batch import BatchReport, GraphOptions, process_inputs, settings_fingerprint, write_outputs
from .exports import FORMATS, atomic_write
from .graph import symmetric_types
from .models import ArticleResult
from .readers import DEFAULT_MAX_BYTES, ArticleInput, inputs_from_texts, list_files, read_file, unique_id

if TYPE_CHECKING:  # pragma: no cover
    import dask.bag
    from distributed import Client

PLUGIN_NAME = "sahel-ner-pipeline"
PARTS_DIR = Path(".partial") / "dask"
DEFAULT_PARTITION_SIZE = 100  # files per task: small enough to stream and balance, big enough for nlp.pipe


# -- the pipeline on the workers ------------------------------------------------------
def pipeline_options(base: str | None = None, extra_actors: Iterable[str | os.PathLike] = (),
                     relation_types: Iterable[str] | None = None,
                     extra_relation_dirs: Iterable[str | os.PathLike] = (),
                     model: str | os.PathLike | None = None) -> dict:
    """Keyword arguments of :func:`sahel_ner.load` for the workers, as plain
    values (absolute paths: workers may run elsewhere, from another directory)."""
    options: dict[str, Any] = {}
    if base:
        options["base"] = str(Path(base).resolve()) if Path(base).exists() else base
    if extra_actors:
        options["extra_actors"] = [str(Path(p).resolve()) for p in extra_actors]
    if relation_types:
        options["relation_types"] = sorted(relation_types)
    if extra_relation_dirs:
        options["extra_relation_dirs"] = [str(Path(p).resolve()) for p in extra_relation_dirs]
    if model:
        options["model"] = str(Path(model).resolve()) if Path(model).exists() else str(model)
    return options


def _options_key(options: dict | None) -> str:
    return json.dumps(options or {}, sort_keys=True, default=str)


@lru_cache(maxsize=4)
def _cached_pipeline(options_key: str):
    from .pipeline import load

    return load(**json.loads(options_key))


try:
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError as err:  # pragma: no cover
    raise ImportError("sahel_ner.distributed needs Dask: pip install 'sahel-ner[dask]'") from err


class PipelinePlugin(WorkerPlugin):
    """Builds the sahel_ner pipeline once per worker, when the worker starts
    (or when the plugin is registered on a running cluster).

    ``options`` are the keyword arguments of :func:`sahel_ner.load`; paths in
    them (``extra_actors``) must exist on the workers.
    """

    name = PLUGIN_NAME

    def __init__(self, options: dict | None = None):
        self.options = dict(options or {})
        self.nlp = None

    def setup(self, worker) -> None:
        self.nlp = _cached_pipeline(_options_key(self.options))


def worker_pipeline(options: dict | None = None):
    """The pipeline of the current worker: the plugin's when its options match,
    else one built on first use and cached for the life of the process."""
    key = _options_key(options)
    try:
        from distributed import get_worker

        plugin = get_worker().plugins.get(PLUGIN_NAME)
    except (ImportError, ValueError):  # not on a Dask worker (a local or threaded scheduler)
        plugin = None
    if plugin is not None and getattr(plugin, "nlp", None) is not None and _options_key(plugin.options) == key:
        return plugin.nlp
    return _cached_pipeline(key)


def _to_input(item: Any, root: str | None, max_bytes: int) -> list[ArticleInput]:
    """A path is read here, on the worker; records and inputs pass through."""
    if isinstance(item, ArticleInput):
        return [item]
    if isinstance(item, dict):
        return list(inputs_from_texts([item.get("text")], item.get("published"), ids=[str(item.get("id"))]))
    return list(read_file(item, base=root, max_bytes=max_bytes))


def process_partition(items: Iterable[Any], root: str | None, options: dict | None, batch_size: int,
                      max_bytes: int = DEFAULT_MAX_BYTES) -> list[str]:
    """Task body: read the partition's files and run the pipeline over them.
    Returns ``articles.jsonl`` lines, in the partition's order."""
    nlp = worker_pipeline(options)
    inputs = (article for item in items for article in _to_input(item, root, max_bytes))
    return [result.to_json_line() for result in process_inputs(nlp, inputs, batch_size=batch_size)]


def _symmetric_types(options: dict | None) -> list[str]:
    return sorted(symmetric_types(worker_pipeline(options)))


# -- clients ----------------------------------------------------------------------------
def local_cluster_size() -> int:
    """One single-threaded worker process per core (spaCy is single-threaded)."""
    return max(1, os.cpu_count() or 1)


@contextmanager
def local_client(n_workers: int | None = None, **cluster_kwargs) -> Iterator["Client"]:
    """A client on a fresh LocalCluster: ``n_workers`` processes with one thread each."""
    from distributed import Client, LocalCluster

    cluster_kwargs.setdefault("dashboard_address", None)
    with LocalCluster(n_workers=n_workers or local_cluster_size(), threads_per_worker=1, processes=True,
                      **cluster_kwargs) as cluster, Client(cluster) as client:
        yield client


@contextmanager
def client_for(scheduler: str) -> Iterator["Client"]:
    """``"local"`` -> a LocalCluster sized to the machine; else a scheduler address
    (``tcp://host:8786``) or a scheduler file path (JSON written by ``dask scheduler
    --scheduler-file``)."""
    if scheduler == "local":
        with local_client() as client:
            yield client
        return
    from distributed import Client

    if scheduler.endswith(".json") and Path(scheduler).is_file():
        client = Client(scheduler_file=scheduler)
    else:
        client = Client(scheduler)
    with client:
        yield client


# -- planning and parts -----------------------------------------------------------------
def _plan(paths_or_bag, partitions: int | None, root: str | os.PathLike | None):
    """(root for relative paths, partitions): lists of path strings, or a bag's
    delayed partitions."""
    if _is_bag(paths_or_bag):
        return (str(root) if root else None), paths_or_bag.to_delayed(optimize_graph=True)
    if isinstance(paths_or_bag, (str, os.PathLike)):
        top = Path(paths_or_bag)
        files = list_files(top)
        base = str(top.parent if top.is_file() else top)
    else:
        files = [Path(p) for p in paths_or_bag]
        base = str(root) if root else (os.path.commonpath([str(p.parent) for p in files]) if files else None)
    n_parts = partitions or max(1, -(-len(files) // DEFAULT_PARTITION_SIZE))
    size = max(1, -(-len(files) // n_parts))
    names = [str(p) for p in files]
    return base, [names[i:i + size] for i in range(0, len(names), size)]


def _is_bag(obj) -> bool:
    return type(obj).__name__ == "Bag" and hasattr(obj, "to_delayed")


def _plan_fingerprint(parts) -> str:
    digest = hashlib.sha1()
    for part in parts:
        digest.update((part.key if hasattr(part, "key") else "\x1f".join(part)).__str__().encode())
        digest.update(b"\x1e")
    return digest.hexdigest()


class PartStore:
    """``OUT/.partial/dask/``: one ``part-NNNNN.jsonl`` per finished partition, and
    the settings they were made with (a resume needs the same)."""

    def __init__(self, out_dir: Path, settings: dict):
        self.folder = out_dir / PARTS_DIR
        self.settings = settings

    def path(self, index: int) -> Path:
        return self.folder / f"part-{index:05d}.jsonl"

    def resumable(self) -> tuple[set[int], str | None]:
        if not self.folder.is_dir():
            return set(), None
        try:
            saved = json.loads((self.folder / "settings.json").read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            saved = None
        if saved != self.settings:
            return set(), "the unfinished run used other settings or input; starting over"
        return {int(p.stem.split("-")[1]) for p in self.folder.glob("part-*.jsonl")}, None

    def start(self, keep: set[int]) -> None:
        if not keep:
            shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / "settings.json").write_text(json.dumps(self.settings, sort_keys=True), encoding="utf-8")

    def save(self, index: int, lines: Sequence[str]) -> None:
        with atomic_write(self.path(index)) as out:  # a part is there whole, or not at all
            out.write("".join(line + "\n" for line in lines))

    def read(self, index: int) -> Iterator[ArticleResult]:
        with self.path(index).open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    yield ArticleResult.from_json_line(line)

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
        try:
            self.folder.parent.rmdir()  # .partial/, when nothing else is in it
        except OSError:
            pass


def _unique_ids(results: Iterable[ArticleResult]) -> Iterator[ArticleResult]:
    """The id rule of :func:`sahel_ner.readers.iter_inputs` ("a.txt" and "sub/a.txt":
    the later one becomes "a-2"), applied after the fact: workers read files
    independently, so duplicates are only visible once the parts are merged."""
    seen: set[str] = set()
    for result in results:
        unique = unique_id(result.id, seen)
        yield result if unique == result.id else result.model_copy(update={"id": unique})


# -- running ---------------------------------------------------------------------------
def _submit_all(client: "Client", parts, todo: list[int], root, options, batch_size, max_bytes, retries):
    if parts and not isinstance(parts[0], list):  # a bag's delayed partitions
        from dask import delayed

        tasks = [delayed(process_partition)(parts[i], root, options, batch_size, max_bytes,
                                            dask_key_name=f"sahel-ner-part-{i}") for i in todo]
        return dict(zip(client.compute(tasks, retries=retries), todo))
    return {client.submit(process_partition, parts[i], root, options, batch_size, max_bytes,
                          key=f"sahel-ner-part-{i}-{_plan_fingerprint([parts[i]])[:12]}", retries=retries): i
            for i in todo}


def _file_by_file(client: "Client", files: list[str], root, options, batch_size, max_bytes,
                  retries) -> list[str]:
    """A partition whose task kept failing: each file alone, so that only the one
    at fault (a file that crashes or exhausts its worker) gets an error line."""
    lines: list[str] = []
    futures = [client.submit(process_partition, [name], root, options, batch_size, max_bytes, retries=retries,
                             pure=False) for name in files]
    for name, future in zip(files, futures):
        try:
            lines += future.result()
        except Exception as err:  # KilledWorker and the like: the article is reported, the batch goes on
            rel = os.path.relpath(name, root) if root else Path(name).name
            failed = ArticleResult.failed(f"worker error: {type(err).__name__}: {err}", id=Path(name).stem,
                                          path=Path(rel).as_posix())
            lines.append(failed.to_json_line())
    return lines


def extract(paths_or_bag: str | os.PathLike | Iterable[str | os.PathLike] | "dask.bag.Bag",
            client: "Client | None" = None, *, out_dir: str | os.PathLike | None = None, resume: bool = False,
            batch_size: int = 16, partitions: int | None = None, root: str | os.PathLike | None = None,
            pipeline_options: dict | None = None, formats: Iterable[str] | str = FORMATS,
            graph_options: GraphOptions | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
            retries: int = 2, settings: dict | None = None,
            on_result: Callable[[ArticleResult], None] | None = None) -> list[ArticleResult]:
    """Run the batch on a Dask cluster; returns the results in input order.

    - ``paths_or_bag``: a folder or file (read recursively, like the CLI), a list
      of file paths, or a ``dask.bag.Bag`` of paths, ``{"id", "text",
      "published"}`` records or :class:`~sahel_ner.readers.ArticleInput` items;
    - ``client``: a ``distributed.Client``; default: a LocalCluster for the call;
    - ``out_dir``: write ``articles.jsonl`` and the graph files there (same bytes
      as a single-process run); without it, parts go to a temporary folder;
    - ``resume``: keep the partitions an interrupted run saved in ``out_dir``;
    - ``partitions``: number of tasks (default: one per 100 files; a bag keeps its own);
    - ``root``: folder that ``path`` values are relative to (for lists and bags);
    - ``pipeline_options``: keyword arguments of :func:`sahel_ner.load` for the workers;
    - ``retries``: how often a failed task is retried (lost workers are also
      rescheduled by Dask itself).

    Results read back from the parts carry no ``text``/``mentions`` (they are
    not part of ``articles.jsonl``).
    """
    if client is None:
        with local_client() as own_client:
            return extract(paths_or_bag, own_client, out_dir=out_dir, resume=resume, batch_size=batch_size,
                           partitions=partitions, root=root, pipeline_options=pipeline_options, formats=formats,
                           graph_options=graph_options, max_bytes=max_bytes, retries=retries, settings=settings,
                           on_result=on_result)
    return _run(paths_or_bag, client, out_dir=out_dir, resume=resume, batch_size=batch_size, partitions=partitions,
                root=root, pipeline_options=pipeline_options, formats=formats, graph_options=graph_options,
                max_bytes=max_bytes, retries=retries, settings=settings, on_result=on_result)[0]


def _run(paths_or_bag, client: "Client", *, out_dir, resume, batch_size, partitions, root, pipeline_options,
         formats, graph_options, max_bytes, retries, settings, on_result) -> tuple[list[ArticleResult], BatchReport]:
    import tempfile

    from distributed import as_completed

    started = time.perf_counter()
    report = BatchReport()
    options = dict(pipeline_options or {})
    base, parts = _plan(paths_or_bag, partitions, root)
    if settings is None:
        source = paths_or_bag if isinstance(paths_or_bag, (str, os.PathLike)) else (base or ".")
        settings = settings_fingerprint(source, max_bytes=max_bytes, **options)
    settings = {**settings, "dask_plan": _plan_fingerprint(parts), "batch_size": batch_size}

    scratch = None
    if out_dir is None:
        scratch = tempfile.TemporaryDirectory(prefix="sahel-ner-dask-")
        out_dir = scratch.name
    out_dir = Path(out_dir)
    store = PartStore(out_dir, settings)
    done, report.note = store.resumable() if resume else (set(), None)
    store.start(done)
    todo = [i for i in range(len(parts)) if i not in done]
    report.resumed = sum(1 for i in done for _ in store.read(i))
    try:
        # Every worker (and any that joins later) builds the pipeline once, now.
        client.register_plugin(PipelinePlugin(options), name=PLUGIN_NAME)
        futures = _submit_all(client, parts, todo, base, options, batch_size, max_bytes, retries)
        for future in as_completed(futures):
            index = futures.pop(future)
            try:
                lines = future.result()
            except Exception:
                if not isinstance(parts[index], list):
                    raise  # a bag partition cannot be split; the parts saved so far resume
                lines = _file_by_file(client, parts[index], base, options, batch_size, max_bytes, retries)
            store.save(index, lines)
            future.release()
            if on_result:
                for line in lines:
                    on_result(ArticleResult.from_json_line(line))
        symmetric = client.submit(_symmetric_types, options, pure=False).result()
        results = list(_unique_ids(r for i in range(len(parts)) for r in store.read(i)))
        if scratch is None:
            graph, report.files = write_outputs(results, out_dir, formats, graph_options=graph_options,
                                                symmetric=symmetric)
            report.nodes, report.edges = graph.number_of_nodes(), graph.number_of_edges()
        store.discard()
    finally:
        if scratch is not None:
            scratch.cleanup()
    report.articles = len(results)
    report.ok = sum(1 for r in results if r.error is None)
    report.errors = [(r.path or r.id or "?", r.error) for r in results if r.error is not None]
    report.relations = sum(len(r.relations) for r in results)
    report.seconds = time.perf_counter() - started
    return results, report


def run_batch(input_path: str | os.PathLike, out_dir: str | os.PathLike, *, scheduler: str = "local",
              pipeline_options: dict | None = None, formats: Iterable[str] | str = FORMATS, batch_size: int = 16,
              resume: bool = False, max_bytes: int = DEFAULT_MAX_BYTES, graph_options: GraphOptions | None = None,
              settings: dict | None = None, partitions: int | None = None,
              on_result: Callable[[ArticleResult], None] | None = None) -> BatchReport:
    """:func:`sahel_ner.batch.run_batch` on a Dask scheduler (``"local"`` or an
    address): the same arguments, report and output files. The CLI's
    ``--scheduler`` calls this."""
    with client_for(scheduler) as client:
        _, report = _run(input_path, client, out_dir=out_dir, resume=resume, batch_size=batch_size,
                               partitions=partitions, root=None, pipeline_options=pipeline_options,
                               formats=formats, graph_options=graph_options, max_bytes=max_bytes, retries=2,
                               settings=settings, on_result=on_result)
    return report
