"""sahel_ner: Sahel news in, a typed and evidenced actor graph out.

>>> import sahel_ner
>>> nlp = sahel_ner.load()
>>> doc = nlp("JNIM fighters attacked a Malian army post near Ségou on Tuesday.")
>>> doc._.relations[0]["type"]
'ATTACKED'
"""
from __future__ import annotations

from . import extensions  # noqa: F401  (registers Doc._ attributes)
from .pipeline import base_model_name, load

__version__ = "0.1.0"

__all__ = ["load", "base_model_name", "__version__"]
