"""Trained relation classifiers shipped with the package (``sahel_ner.load(model="sm")``,
``--model sm``): package data, so they work from an installed wheel.
``sahel-ner train --variant VARIANT`` writes here by default."""
from pathlib import Path

TRAINED_DIR = Path(__file__).resolve().parent
