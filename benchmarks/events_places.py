"""Bench row ``events-places``: what events and geocoding add to a batch, in time and memory.

    python benchmarks/events_places.py                       # 2,000 short event notes (make_corpus --short)
    python benchmarks/events_places.py --articles 300 --long # the first 300 long articles
    python benchmarks/events_places.py --folder DIR          # any folder of articles
    python benchmarks/events_places.py --jsonl OUT/articles.jsonl   # clustering only, of an existing output

The row runs the batch as ``sahel-ner extract`` does (``sahel_ner.corpus.run``,
one process: read, process, resume store, ``articles.jsonl``, graph, every
export) in a fresh process, and times inside it what events and places cost:
loading the gazetteer (``default_geocoder()``, timed first, on its own),
geocoding each article while ``articles.jsonl`` is written
(``geocode_record``), and clustering the batch's relations into events and
writing ``events.jsonl``/``events.csv`` (``_write_events``). The share is that
time over the batch's. Memory: the Python heap the geocoder holds once loaded
(tracemalloc), and the process's peak RSS with the gazetteer loaded, against a
batch of ten times as many notes in ``--growth`` (which must not grow more than
the batch itself does).

The timed functions are wrapped in place (a benchmark, not a test: nothing is
replaced, only timed). Results are printed as one JSON line per row and saved to
``benchmarks/results/events-places-<time>.json``.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from bench import RESULTS, machine  # noqa: E402
from make_corpus import ensure_corpus  # noqa: E402


class _Timer:
    """Adds up the wall time spent in a function of a module, by wrapping it in place."""

    def __init__(self, module, name: str):
        self.seconds, self.calls = 0.0, 0
        inner = getattr(module, name)

        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return inner(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - started
                self.calls += 1

        setattr(module, name, timed)


def _rss_mib() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def batch_row(folder: Path) -> dict:
    """The batch of ``folder`` with events and places timed inside it."""
    import sahel_ner
    from sahel_ner.corpus import run, runner
    from sahel_ner.places import Geocoder, default_geocoder

    nlp = sahel_ner.load()
    rss_pipeline = _rss_mib()
    started = time.perf_counter()
    default_geocoder()
    load = time.perf_counter() - started
    tracemalloc.start()  # a second, traced copy: tracing slows allocation, so it is not the timed one
    copy = Geocoder()
    geocoder_heap = tracemalloc.get_traced_memory()[0] / 2**20
    tracemalloc.stop()
    del copy
    geocode, events = _Timer(runner, "geocode_record"), _Timer(runner, "_write_events")
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in folder.glob("*.txt"))
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        report = run(folder, out, nlp=nlp, n_process=1, batch_size=64)
        batch = time.perf_counter() - started
        n_events = sum(1 for _ in open(Path(out) / "events.jsonl", encoding="utf-8"))
    added = load + geocode.seconds + events.seconds
    return {"articles": report.articles, "words": words, "relations": report.relations, "events": n_events,
            "batch_s": round(batch + load, 2), "gazetteer_load_s": round(load, 3),
            "geocode_s": round(geocode.seconds, 3), "events_s": round(events.seconds, 3),
            "share_of_batch": round(added / (batch + load), 4), "geocoder_heap_mib": round(geocoder_heap, 1),
            "rss_mib_pipeline": rss_pipeline, "rss_mib_peak": _rss_mib()}


def jsonl_row(path: Path) -> dict:
    """Clustering and geocoding alone, over an existing ``articles.jsonl``."""
    from sahel_ner.events import cluster
    from sahel_ner.places import default_geocoder

    with open(path, encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    started = time.perf_counter()
    default_geocoder()
    load = time.perf_counter() - started
    started = time.perf_counter()
    events = cluster(records)
    took = time.perf_counter() - started
    tracemalloc.start()  # a second, traced pass: tracing slows allocation, so it is not timed
    cluster(records)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return {"articles": len(records), "relations": sum(len(r.get("relations") or ()) for r in records),
            "events": len(events), "gazetteer_load_s": round(load, 3), "events_and_places_s": round(took, 3),
            "cluster_heap_peak_mib": round(peak, 1), "rss_mib_peak": _rss_mib()}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000, help="corpus size (default 2,000)")
    parser.add_argument("--long", action="store_true", help="long articles instead of short event notes")
    parser.add_argument("--folder", type=Path, help="a folder of articles instead of a generated corpus")
    parser.add_argument("--jsonl", type=Path, help="cluster an existing articles.jsonl only")
    parser.add_argument("--growth", action="store_true", help="also run 10x the notes, for memory growth")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(jsonl_row(Path(args.child[6:])) if args.child.startswith("jsonl:")
                         else batch_row(Path(args.child))))
        return
    if args.jsonl:
        targets = {"jsonl": f"jsonl:{args.jsonl}"}
    elif args.folder:
        targets = {"folder": str(args.folder)}
    else:
        kind = "long" if args.long else "short"
        targets = {f"{kind}{args.articles}": str(ensure_corpus(args.articles, short=not args.long))}
        if args.growth:
            targets[f"{kind}{10 * args.articles}"] = str(ensure_corpus(10 * args.articles, short=not args.long))
    rows = {}
    for name, target in targets.items():  # each in a fresh process: its peak memory is its own
        done = subprocess.run([sys.executable, __file__, "--child", target], capture_output=True, text=True)
        if done.returncode != 0:
            print(f"{name} failed:\n{done.stderr[-2000:]}", file=sys.stderr)
            continue
        rows[name] = json.loads(done.stdout.strip().splitlines()[-1])
        print(json.dumps({"row": name, **rows[name]}), flush=True)
    RESULTS.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (RESULTS / f"events-places-{stamp}.json").write_text(json.dumps({"machine": machine(), "rows": rows}, indent=1),
                                                         encoding="utf-8")


if __name__ == "__main__":
    main()
