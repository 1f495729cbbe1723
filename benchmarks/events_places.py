"""What events and geocoding add to a batch: time and memory.

    python benchmarks/events_places.py FOLDER                 # extract FOLDER, then cluster its results
    python benchmarks/events_places.py --articles OUT/articles.jsonl --batch-seconds 812

The first form times ``extract_many`` over the folder and then
``sahel_ner.events.cluster`` (which geocodes every article) over its results,
and prints the share events and places add. The second clusters an existing
``articles.jsonl`` (for instance the large corpus of ``bench.py``) against the
batch time measured there. Memory: the Python heap peak of clustering
(tracemalloc) and the process RSS before and after, which should not grow with
the corpus beyond the events themselves.
"""
from __future__ import annotations

import argparse
import json
import resource
import time
import tracemalloc
from pathlib import Path


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", help="a folder of articles to extract first")
    parser.add_argument("--articles", help="an existing articles.jsonl instead of a folder")
    parser.add_argument("--batch-seconds", type=float, help="batch time of --articles, for the share")
    args = parser.parse_args(argv)
    if bool(args.folder) == bool(args.articles):
        parser.error("give FOLDER or --articles")

    import sahel_ner
    from sahel_ner.events import cluster
    from sahel_ner.places import default_geocoder

    if args.folder:
        nlp = sahel_ner.load()
        start = time.perf_counter()
        records = [r.to_record() for r in sahel_ner.extract_many([Path(args.folder)], nlp=nlp, keep_text=False)]
        batch = time.perf_counter() - start
    else:
        with open(args.articles, encoding="utf-8") as handle:
            records = [json.loads(line) for line in handle if line.strip()]
        batch = args.batch_seconds
    rss_before = _rss_mb()
    start = time.perf_counter()
    default_geocoder()
    load = time.perf_counter() - start
    start = time.perf_counter()
    events = cluster(records)
    took = time.perf_counter() - start
    tracemalloc.start()  # a second, traced pass: tracing slows allocation, so it is not timed
    cluster(records)
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    relations = sum(len(r.get("relations") or ()) for r in records)
    row = {"articles": len(records), "relations": relations, "events": len(events),
           "batch_s": round(batch, 3) if batch else None, "gazetteer_load_s": round(load, 3),
           "events_and_places_s": round(took, 3),
           "share_of_batch": round((took + load) / batch, 4) if batch else None,
           "cluster_heap_peak_mb": round(peak, 2), "max_rss_mb_before": round(rss_before, 1),
           "max_rss_mb_after": round(_rss_mb(), 1)}
    print(json.dumps(row, indent=2))


if __name__ == "__main__":
    main()
