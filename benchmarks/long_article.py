"""Row "long": one very long article, full pipeline against the bare model.

    python benchmarks/long_article.py              # ~35,000 words, 3 rounds
    python benchmarks/long_article.py --repeat 46  # ~70,000 words

Extraction must stay linear in article length: per-relation or per-mention
work that rescans the document shows up here as a ratio far above the
per-article one. The article is the sample corpus (examples/articles, our own
text) joined and repeated. Both pipelines run in this process, alternately,
after a warm-up (the date parser loads on first use), and the ratio of CPU
times is reported (median of the rounds), never an absolute time.
"""
from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

import spacy

import sahel_ner
from sahel_ner.pipeline import base_model_name

ROOT = Path(__file__).resolve().parent.parent


def long_text(repeat: int) -> str:
    body = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "articles").glob("*.txt")))
    return "\n\n".join([body] * repeat)


def cpu_seconds(nlp, text: str) -> float:
    start = time.process_time()
    nlp(text)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=23, help="copies of the sample corpus (23 ~ 35,000 words)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    text = long_text(args.repeat)
    bare, full = spacy.load(base_model_name("en")), sahel_ner.load()
    for nlp in (bare, full):
        nlp.max_length = max(nlp.max_length, len(text) + 1)
        nlp("Warm-up: JNIM attacked a base near Gao on 9 July 2025.")
    rounds = [(cpu_seconds(bare, text), cpu_seconds(full, text)) for _ in range(args.rounds)]
    ratio = statistics.median(f / b for b, f in rounds)
    print(json.dumps({"row": "long", "words": len(text.split()), "rounds": rounds,
                      "full / bare CPU time (target <= 1.3)": round(ratio, 3)}, indent=1))


if __name__ == "__main__":
    main()
