"""Full pipeline against the bare model, alternating in one process.

    python benchmarks/alternating.py --lang fr              # 100 French articles, 4 rounds
    python benchmarks/alternating.py --lang en --articles 200

``bench.py`` runs the bare and the full pipeline as separate rows one after the
other; on a shared machine the speed of the CPU drifts between them (the bare
French model alone has measured anywhere from 3,900 to 5,700 words per
CPU-second from one run to the next), which is enough to move that ratio by a
quarter. Here both pipelines are loaded in one process and run over the same
articles in alternating order (bare then full, full then bare, ...), so drift
falls on both equally. The result is the throughput ratio, full / bare, of the
summed CPU times, and the same ratio per round.
"""
from __future__ import annotations

import argparse
import json
import time

import spacy
from make_corpus import ensure_corpus

import sahel_ner
from sahel_ner.pipeline import base_model_name


def cpu_seconds(nlp, texts: list[str], batch_size: int) -> float:
    start = time.process_time()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="fr", choices=["en", "fr"])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args()
    folder = ensure_corpus(args.articles, lang=args.lang)
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    bare, full = spacy.load(base_model_name(args.lang)), sahel_ner.load(args.lang)
    for nlp in (bare, full):
        cpu_seconds(nlp, texts[:5], args.batch_size)  # warm-up: lazy tables, first allocations
    rounds = []
    for i in range(args.rounds):
        order = (bare, full) if i % 2 == 0 else (full, bare)
        times = {id(nlp): cpu_seconds(nlp, texts, args.batch_size) for nlp in order}
        rounds.append((times[id(bare)], times[id(full)]))
    total_bare, total_full = sum(b for b, _ in rounds), sum(f for _, f in rounds)
    print(json.dumps({"row": f"alternating-{args.lang}", "articles": len(texts),
                      "words": sum(len(t.split()) for t in texts),
                      "rounds (bare, full CPU s)": [(round(b, 2), round(f, 2)) for b, f in rounds],
                      "per round, full / bare throughput": [round(b / f, 3) for b, f in rounds],
                      "full / bare throughput (target >= 0.85)": round(total_bare / total_full, 3)}, indent=1))


if __name__ == "__main__":
    main()
