"""Registers sahel_ner's factories, architectures, readers and scorers for `spacy train --code configs/code.py`."""
import sahel_ner.components.relation_classifier  # noqa: F401
