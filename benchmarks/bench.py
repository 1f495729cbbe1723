"""Speed and memory of sahel_ner against its base model, on one generated corpus.

    python benchmarks/bench.py                       # every row, 2,000 + 10,000 articles
    python benchmarks/bench.py --rows a,b,c          # some rows only
    python benchmarks/bench.py --large 0             # skip the 10,000-article rows

Rows (each measured in a fresh subprocess, so that peak memory is its own):

- a      bare base model (``spacy.load(sahel_ner.base_model_name())``), ``nlp.pipe``
- b      full default pipeline (``sahel_ner.load()``), ``nlp.pipe``
- c      full pipeline, ``nlp.pipe(n_process=2)``
- d      the trf variant (``sahel_ner.load(model="trf")``), when spacy-transformers
         and the trained model are installed
- batch2 the batch as the CLI runs it (read files, ``process_inputs(n_process=2)``,
         ``write_outputs``) over the large corpus; RSS sampled every 1,000 articles
         (memory flatness)
- dask   ``sahel_ner.distributed.extract`` on a 2-worker LocalCluster, same large corpus
- graph  graph building and exports from the large corpus's ``articles.jsonl``
- a-fr   bare French base model (``spacy.load(sahel_ner.base_model_name("fr"))``) on the
         French corpus (``make_corpus.py --lang fr``), ``nlp.pipe``
- b-fr   full French pipeline (``sahel_ner.load("fr")``), same loop
- lang   the batch (``sahel_ner.corpus.run``) with ``lang="auto"`` against ``lang="en"`` on
         the same English articles, alternately in one process: what identifying
         each article's language costs (``--lang-articles``, 300 by default)

Words are whitespace-separated words of the input files. Peak memory is the
highest summed RSS of the process and all its children (psutil, sampled every
50 ms; spaCy's n_process workers and Dask's workers are children), next to
``ru_maxrss`` of the measuring process itself. Speed targets are ratios between
rows of the same run, never absolute numbers. Results go to
``benchmarks/results/`` (git-ignored) as JSON and Markdown.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from make_corpus import ensure_corpus  # noqa: E402

SMALL_ROWS = ("a", "b", "c", "d", "a-fr", "b-fr")
LARGE_ROWS = ("batch2", "dask", "graph")
LANG_ROWS = ("lang",)
CHECKPOINT_EVERY = 1000


# -- measuring (runs inside the child process) --------------------------------------
class PeakRSS:
    """Highest summed RSS of this process and its descendants, sampled in a thread."""

    def __init__(self, interval: float = 0.05):
        import psutil

        self.process = psutil.Process()
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def current(self) -> int:
        import psutil

        total = 0
        for proc in [self.process, *self.process.children(recursive=True)]:
            try:
                total += proc.memory_info().rss
            except psutil.Error:  # a child that just exited
                pass
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self.current())
            self._stop.wait(self.interval)

    def __enter__(self) -> "PeakRSS":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.current())


def _mib(n_bytes: float) -> float:
    return round(n_bytes / 2**20, 1)


def _read_texts(folder: Path) -> tuple[list[str], int]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    return texts, sum(len(t.split()) for t in texts)


def _load(row: str, trf_model: str | None):
    import spacy

    import sahel_ner

    if row == "a":
        return spacy.load(sahel_ner.base_model_name())
    if row == "a-fr":
        return spacy.load(sahel_ner.base_model_name("fr"))
    if row == "b-fr":
        return sahel_ner.load("fr")
    if row == "d":
        return sahel_ner.load(model=trf_model or "trf")
    return sahel_ner.load()


def child_pipe(row: str, corpus: Path, batch_size: int, trf_model: str | None) -> dict:
    """Rows a-d: ``nlp.pipe`` over texts already in memory."""
    with PeakRSS() as peak:
        started = time.perf_counter()
        nlp = _load(row, trf_model)
        load_s = time.perf_counter() - started
        texts, words = _read_texts(corpus)
        n_process = 2 if row == "c" else 1
        load_before = os.getloadavg()[0]
        started, cpu_started = time.perf_counter(), time.process_time()
        relations = 0
        for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
            relations += len(doc._.relations or ()) if doc.has_extension("relations") else 0
        seconds, cpu_s = time.perf_counter() - started, time.process_time() - cpu_started
    # CPU time of the measuring process: robust to other load on the machine, but
    # meaningless with n_process > 1 (the work is in the children).
    cpu = {"cpu_s": cpu_s, "words_per_cpu_s": words / cpu_s} if n_process == 1 else {}
    return {"row": row, "pipes": nlp.pipe_names, "articles": len(texts), "words": words, "seconds": seconds,
            "words_per_s": words / seconds, **cpu, "load_s": load_s, "relations": relations,
            "loadavg_1m": [round(load_before, 2), round(os.getloadavg()[0], 2)],
            "peak_rss_mib": _mib(peak.peak), "ru_maxrss_mib": _mib(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)}


def child_lang(corpus: Path, n_articles: int, batch_size: int, rounds: int = 3) -> dict:
    """``corpus.run`` with ``lang="auto"`` and ``lang="en"`` on the same articles,
    alternately (``rounds`` each, the order swapped every round), CPU time of this
    process; and identification alone, over the same texts."""
    import statistics

    import sahel_ner
    from sahel_ner import language
    from sahel_ner.corpus import run
    from sahel_ner.corpus.process import Pipelines

    nlp = sahel_ner.load()
    work = Path(tempfile.mkdtemp(prefix="sahel-lang-"))
    folder = work / "in"
    folder.mkdir()
    for path in sorted(corpus.glob("*.txt"))[:n_articles]:
        shutil.copy(path, folder / path.name)
    texts, words = _read_texts(folder)
    started = time.process_time()
    language.identify("Warm-up.")  # loads the model (once per process)
    model_load_s = time.process_time() - started
    started = time.process_time()
    identified = [language.identify(text) for text in texts]
    identify_s = time.process_time() - started
    load_before = os.getloadavg()[0]
    cpu: dict[str, list[float]] = {"en": [], "auto": []}
    built = set()
    for n in range(rounds):
        for mode in ("en", "auto") if n % 2 == 0 else ("auto", "en"):
            pipelines = Pipelines(built={"en": nlp})
            started = time.process_time()
            run(folder, work / f"out-{mode}-{n}", nlp=pipelines, lang=mode, batch_size=batch_size)
            cpu[mode].append(time.process_time() - started)
            built |= set(pipelines.built)
    shutil.rmtree(work, ignore_errors=True)
    en, auto = statistics.median(cpu["en"]), statistics.median(cpu["auto"])
    return {"row": "lang", "articles": len(texts), "words": words, "rounds": rounds, "cpu_s": cpu,
            "identified": {lang: identified.count(lang) for lang in sorted(set(identified))},
            "pipelines_built": sorted(built), "model_load_s": model_load_s, "identify_s": identify_s,
            "identify_ms_per_article": 1000 * identify_s / len(texts),
            "auto/en batch CPU time (target < 1.03)": round(auto / en, 4),
            "identification / batch CPU time": round(identify_s / en, 4),
            "identification + model load / batch CPU time": round((identify_s + model_load_s) / en, 4),
            "loadavg_1m": [round(load_before, 2), round(os.getloadavg()[0], 2)]}


def child_batch2(corpus: Path, batch_size: int, out_dir: Path) -> dict:
    """The CLI's batch path (``sahel_ner.corpus.run`` with n_process=2: read files,
    resume store, graph, every export), RSS of the process tree sampled every 1,000 articles."""
    import sahel_ner
    from sahel_ner.corpus import run

    _, words = _read_texts(corpus)
    checkpoints: list[dict] = []
    with PeakRSS() as peak:
        started = time.perf_counter()
        nlp = sahel_ner.load()
        load_s = time.perf_counter() - started
        def sample(count: int, _errors: int) -> None:
            if count % CHECKPOINT_EVERY == 0:
                checkpoints.append({"articles": count, "rss_mib": _mib(peak.current()),
                                    "seconds": round(time.perf_counter() - started, 1)})

        load_before = os.getloadavg()[0]
        started = time.perf_counter()
        report = run(corpus, out_dir, nlp=nlp, n_process=2, batch_size=batch_size, on_progress=sample)
        seconds = time.perf_counter() - started
    return {"row": "batch2", "articles": report.articles, "words": words, "seconds": seconds,
            "words_per_s": words / seconds, "load_s": load_s, "peak_rss_mib": _mib(peak.peak),
            "relations": report.relations, "loadavg_1m": [round(load_before, 2), round(os.getloadavg()[0], 2)],
            "rss_checkpoints": checkpoints}


def child_dask(corpus: Path, batch_size: int, out_dir: Path) -> dict:
    from sahel_ner import distributed

    _, words = _read_texts(corpus)
    with PeakRSS() as peak:
        started = time.perf_counter()
        with distributed.local_client() as client:
            cluster_s = time.perf_counter() - started
            load_before = os.getloadavg()[0]
            started = time.perf_counter()
            results = distributed.extract(corpus, client, out_dir=out_dir, batch_size=batch_size)
            seconds = time.perf_counter() - started
    return {"row": "dask", "articles": len(results), "relations": sum(len(r.relations) for r in results),
            "words": words, "seconds": seconds,
            "words_per_s": words / seconds, "load_s": cluster_s, "peak_rss_mib": _mib(peak.peak),
            "loadavg_1m": [round(load_before, 2), round(os.getloadavg()[0], 2)]}


def child_graph(articles_jsonl: Path, out_dir: Path) -> dict:
    """Graph building and every export, from results read back from articles.jsonl."""
    from sahel_ner import exports, graph
    from sahel_ner.models import results_from_jsonl

    with articles_jsonl.open(encoding="utf-8") as lines:
        results = results_from_jsonl(lines)
    relations = sum(len(r.relations) for r in results)
    out_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    corpus_graph = graph.build_graph(results)
    build_s = time.perf_counter() - started
    written = exports.write_all(results, corpus_graph, out_dir)
    total_s = time.perf_counter() - started
    return {"row": "graph", "articles": len(results), "relations": relations,
            "nodes": corpus_graph.number_of_nodes(), "edges": corpus_graph.number_of_edges(),
            "build_s": build_s, "export_s": total_s - build_s, "seconds": total_s,
            "files": sorted(Path(p).name for p in written)}


def _busy(n: int) -> float:
    started = time.perf_counter()
    total = 0
    for i in range(n):
        total += i * i
    return time.perf_counter() - started


def parallel_capacity(n: int = 30_000_000) -> float:
    """How much faster 2 CPU-bound processes finish 2 units of work than 1 process
    finishes 1, times 2: 2.0 on two free cores; less on shared or SMT-backed vCPUs.
    The ceiling for (c)/(b) on this machine."""
    import multiprocessing as mp

    single = min(_busy(n) for _ in range(2))
    with mp.get_context("spawn").Pool(2) as pool:
        pool.map(_busy, [1000, 1000])  # start-up out of the measurement
        started = time.perf_counter()
        pool.map(_busy, [n, n])
        both = time.perf_counter() - started
    return round(2 * single / both, 2)


# -- orchestration (parent process) -------------------------------------------------
def run_child(args: list[str], timeout: float | None = None) -> dict | None:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", *args]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0:
        print(f"  row failed ({' '.join(args[:2])}):\n{proc.stderr[-3000:]}", file=sys.stderr)
        return None
    return json.loads(proc.stdout.strip().splitlines()[-1])


def trf_available(trf_model: str | None) -> str | None:
    """Why the trf row cannot run, or None when it can."""
    import importlib.util

    from sahel_ner.pipeline import trained_model_path

    if importlib.util.find_spec("spacy_transformers") is None:
        return "spacy-transformers is not installed (pip install 'sahel-ner[trf]')"
    try:
        trained_model_path(trf_model or "trf")
    except FileNotFoundError as err:
        return str(err)
    return None


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem = next((int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), 0)
    import spacy

    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(mem / 2**20, 1),
            "python": platform.python_version(), "spacy": spacy.__version__, "platform": platform.platform()}


def ratios(rows: dict) -> dict:
    def ratio(num: str, den: str, key: str = "words_per_s"):
        if rows.get(num) and rows.get(den):
            return round(rows[num][key] / rows[den][key], 3)
        return None

    out = {"b/a throughput, CPU time (target >= 0.85)": ratio("b", "a", "words_per_cpu_s"),
           "b/a throughput, wall time": ratio("b", "a"),
           "b-fr/a-fr throughput, CPU time (target >= 0.85)": ratio("b-fr", "a-fr", "words_per_cpu_s"),
           "b-fr/a-fr throughput, wall time": ratio("b-fr", "a-fr"),
           "c/b throughput (target >= 1.7; ceiling = parallel capacity)": ratio("c", "b"),
           "b/a peak memory (target <= 1.25)": ratio("b", "a", "peak_rss_mib"),
           "dask/batch2 throughput (10k, vs --n-process 2)": ratio("dask", "batch2"),
           "dask/c throughput": ratio("dask", "c")}
    flat = (rows.get("batch2") or {}).get("rss_checkpoints") or []
    if len(flat) >= 3:
        # Growth from the 2,000th article to the last checkpoint: flat means about zero.
        out["RSS growth 2k->last (MiB)"] = round(flat[-1]["rss_mib"] - flat[1]["rss_mib"], 1)
    if rows.get("graph"):
        out["graph build + export (s, target < 10)"] = round(rows["graph"]["seconds"], 2)
    if rows.get("lang"):
        out.update((k, v) for k, v in rows["lang"].items() if "/" in k)
    return out


def table(rows: dict) -> str:
    lines = ["| row | articles | words | seconds | words/s (wall) | words/CPU-s | peak RSS (MiB) | load avg (start, end) |",
             "|---|---:|---:|---:|---:|---:|---:|---|"]
    for name, row in rows.items():
        if not row or "words_per_s" not in row:
            continue
        lines.append(f"| {name} | {row['articles']:,} | {row['words']:,} | {row['seconds']:.1f} | "
                     f"{row['words_per_s']:,.0f} | {row.get('words_per_cpu_s', 0):,.0f} | {row['peak_rss_mib']:,.0f} | "
                     f"{row.get('loadavg_1m', '')} |")
    return "\n".join(lines)


def save_partial(report: dict, stamp: str) -> None:
    """Rows so far, so that an interrupted run still leaves its figures."""
    (RESULTS / f"bench-{stamp}.partial.json").write_text(json.dumps(report, indent=2), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description="sahel_ner speed and memory benchmark")
    parser.add_argument("--articles", type=int, default=2000, help="corpus size for rows a-d")
    parser.add_argument("--large", type=int, default=10000, help="corpus size for batch2/dask/graph (0: skip)")
    parser.add_argument("--rows", default=",".join(SMALL_ROWS + LARGE_ROWS + LANG_ROWS))
    parser.add_argument("--lang-articles", type=int, default=int(os.environ.get("SAHEL_BENCH_LANG_ARTICLES", 300)),
                        help="English articles for the lang row")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--trf-model", default=os.environ.get("SAHEL_NER_TRF_MODEL"),
                        help="trf variant: a model name under models/ or a path (default: trf)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.trf_model:  # the row children read it from the environment
        os.environ["SAHEL_NER_TRF_MODEL"] = args.trf_model
    os.environ["SAHEL_BENCH_LANG_ARTICLES"] = str(args.lang_articles)

    if args.child:
        row, corpus, *rest = args.child
        if row in SMALL_ROWS:
            result = child_pipe(row, Path(corpus), args.batch_size, args.trf_model)
        elif row == "lang":
            result = child_lang(Path(corpus), args.lang_articles, args.batch_size)
        elif row == "batch2":
            result = child_batch2(Path(corpus), args.batch_size, Path(rest[0]))
        elif row == "dask":
            result = child_dask(Path(corpus), args.batch_size, Path(rest[0]))
        else:
            result = child_graph(Path(corpus), Path(rest[0]))
        print(json.dumps(result))
        return

    wanted = [r.strip() for r in args.rows.split(",") if r.strip()]
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    work = Path(tempfile.mkdtemp(prefix="sahel-bench-"))
    report = {"machine": machine(), "articles": args.articles, "large": args.large,
              "batch_size": args.batch_size, "rows": {}, "notes": []}
    rows = report["rows"]
    small = ensure_corpus(args.articles)
    report["parallel_capacity"] = parallel_capacity()
    print(f"parallel capacity of this machine (2 processes vs 1, pure Python): {report['parallel_capacity']}x")
    for row in [r for r in SMALL_ROWS if r in wanted]:
        if row == "d":
            why = trf_available(args.trf_model)
            if why:
                note = f"row d (trf) skipped: {why}"
                print(note)
                report["notes"].append(note)
                continue
        print(f"row {row}: {args.articles} articles ...", flush=True)
        corpus = ensure_corpus(args.articles, lang="fr") if row.endswith("-fr") else small
        rows[row] = run_child([row, str(corpus)])
        save_partial(report, stamp)
    if args.large and any(r in wanted for r in LARGE_ROWS):
        large = ensure_corpus(args.large)
        for row in [r for r in LARGE_ROWS if r in wanted]:
            out_dir = work / row
            print(f"row {row}: {args.large} articles ...", flush=True)
            if row == "graph":
                source = next((work / r / "articles.jsonl" for r in ("dask", "batch2")
                               if (work / r / "articles.jsonl").is_file()), None)
                if source is None:
                    report["notes"].append("row graph skipped: no articles.jsonl from batch2 or dask")
                    continue
                rows[row] = run_child([row, str(source), str(out_dir)])
            else:
                rows[row] = run_child([row, str(large), str(out_dir)])
            save_partial(report, stamp)
        if rows.get("batch2") and rows.get("dask"):
            same = (work / "batch2" / "articles.jsonl").read_bytes() == (work / "dask" / "articles.jsonl").read_bytes()
            rows["dask"]["articles_jsonl_equal_to_batch2"] = same
    if "lang" in wanted:
        print(f"row lang: {args.lang_articles} articles, auto and en alternately ...", flush=True)
        rows["lang"] = run_child(["lang", str(small)])
        save_partial(report, stamp)
    shutil.rmtree(work, ignore_errors=True)
    report["ratios"] = ratios(rows)
    (RESULTS / f"bench-{stamp}.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    (RESULTS / f"bench-{stamp}.partial.json").unlink(missing_ok=True)
    markdown = [f"machine: {report['machine']['cpu']}, {report['machine']['cores']} cores, "
                f"{report['machine']['memory_gib']} GiB; parallel capacity (2 processes vs 1): "
                f"{report.get('parallel_capacity')}x", "", table(rows), ""]
    markdown += [f"- {k}: {v}" for k, v in report["ratios"].items()]
    markdown += [f"- {n}" for n in report["notes"]]
    checkpoints = (rows.get("batch2") or {}).get("rss_checkpoints")
    if checkpoints:
        markdown += ["", "RSS (MiB, process tree) every 1,000 articles: "
                     + ", ".join(f"{c['articles']}: {c['rss_mib']:.0f}" for c in checkpoints)]
    if rows.get("graph"):
        g = rows["graph"]
        markdown += [f"graph: {g['relations']:,} relations -> {g['nodes']:,} nodes, {g['edges']:,} edges; "
                     f"build {g['build_s']:.2f} s, export {g['export_s']:.2f} s"]
    text = "\n".join(markdown)
    (RESULTS / f"bench-{stamp}.md").write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
