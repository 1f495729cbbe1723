"""Convert training_data/{train,dev}.jsonl to spaCy DocBins.

    python training_data/convert.py [OUTPUT_DIR]      # default: training_data/corpus/
"""
import sys
from pathlib import Path

from sahel_ner.training.corpus import convert_dir

if __name__ == "__main__":
    here = Path(__file__).resolve().parent
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else here / "corpus"
    for split, n in convert_dir(here, out).items():
        print(f"{split}: {n} docs -> {out / (split + '.spacy')}")
