"""How fast the HTML report builds and draws for a large corpus.

    python benchmarks/report_render.py                 # 10,000 articles
    python benchmarks/report_render.py -n 2000 --out /tmp/report-bench

Running the pipeline over 10,000 articles takes many minutes, and the report only
reads its outputs, so this script writes the outputs directly: an ``articles.jsonl``
whose articles name actors of the knowledge base, made-up persons (so the graph
grows past the report's drawing limits) and gazetteer places, with about ten
relations each (fixed seed), and the ``graph.json`` the batch would write for it.
Then it times ``write_report`` and opens the page in a fresh headless Chromium
per run: the render time is measured by the page itself, from the start of
navigation to the second frame painted after every part is built.
"""
from __future__ import annotations

import argparse
import json
import random
import time
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

from sahel_ner.exports import write_graph_json
from sahel_ner.graph import build_graph
from sahel_ner.places import load_places
from sahel_ner.report import write_report
from sahel_ner.report.headless import Chromium

SEED = 14
TYPES = ("MET", "SANCTIONED", "ATTACKED", "ARRESTED", "SUPPORTED")


def _pools() -> tuple[list[dict], list[dict]]:
    kb = resources.files("sahel_ner.resources").joinpath("actors.jsonl").read_text(encoding="utf-8")
    actors = [a for a in map(json.loads, kb.splitlines()) if a["type"] != "LOCATION"]
    actors += [{"id": f"person_{i}", "label": f"Person {i}", "type": "PERSON"} for i in range(4000)]
    # the towns, units and facilities of the core states (not the villages): the places news names
    places = [{"id": p.name.lower().replace(" ", "_"), "label": p.name, "type": "LOCATION"}
              for p, _ in load_places() if p.country in ("ML", "BF", "NE", "MR", "TD")
              and p.kind not in ("village", "camp", "locality", "commune")]
    return actors, places


def make_outputs(n: int, out: Path) -> None:
    rng = random.Random(SEED)
    actors, places = _pools()
    weights = [1 / (i + 1) ** 0.8 for i in range(len(actors))]  # a few actors in most articles, a long tail
    out.mkdir(parents=True, exist_ok=True)
    records = []
    start = date(2021, 1, 1)
    for i in range(n):
        published = start + timedelta(days=rng.randrange(5 * 365))
        cast = {a["id"]: a for a in rng.choices(actors, weights, k=6)}
        scene = rng.sample(places, 2)
        entities = [{**a, "mentions": [a["label"]], "mention_count": rng.randint(1, 4)}
                    for a in list(cast.values()) + scene]
        relations = []
        for _ in range(rng.randint(6, 13)):
            source, target = rng.sample(list(cast), 2)
            when = published - timedelta(days=rng.randrange(4))
            relations.append({
                "source": source, "target": target, "type": rng.choice(TYPES),
                "sentence": f"{cast[source]['label']} and {cast[target]['label']} in {scene[0]['label']} (synthetic {i}).",
                "start": 0, "end": 40, "trigger": "and", "confidence": 0.9, "negated": False, "hedged": False,
                "date": when.isoformat(), "location": rng.choice(scene)["id"], "implicit": False})
        records.append({"id": f"a{i:05d}", "path": f"a{i:05d}.txt", "published": published.isoformat(),
                        "entities": entities, "relations": relations, "error": None})
    with open(out / "articles.jsonl", "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    write_graph_json(build_graph(records), out / "graph.json")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=10_000)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "corpus" / "report-n10000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not (args.out / "graph.json").exists():
        make_outputs(args.n, args.out)
    t0 = time.perf_counter()
    page = write_report(args.out)
    built = time.perf_counter() - t0
    print(f"report.html: {page.stat().st_size / 1e6:.2f} MB, built in {built:.1f} s")
    for run in range(args.runs):
        with Chromium(width=1400, height=1000) as browser:  # a fresh browser: nothing cached between runs
            browser.open(page, ready="window.sahelReport && window.sahelReport.drawnMs")
            drawn = browser.evaluate("window.sahelReport.drawnMs") / 1000
            parts = browser.evaluate("JSON.stringify(window.sahelReport.timings)")
            print(f"run {run + 1}: drawn {drawn:.2f} s after navigation began (our script, ms: {parts}); "
                  f"errors: {browser.errors}")
            notes = browser.evaluate("window.sahelReport.data.notes")
    print("notes on the page:", *notes, sep="\n  ")


if __name__ == "__main__":
    main()
