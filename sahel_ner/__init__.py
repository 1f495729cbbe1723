"""sahel_ner: Sahel news in, a typed and evidenced actor graph out.

>>> import sahel_ner
>>> nlp = sahel_ner.load()
>>> doc = nlp("JNIM fighters attacked a Malian army post near Ségou on Tuesday.")
>>> doc._.relations[0]["type"]
'ATTACKED'
"""
from __future__ import annotations

from . import extensions  # noqa: F401  (registers Doc._ attributes)
from .api import actors_frame, default_pipeline, extract, extract_many, relations_frame
from .graph import build_graph
from .models import Actor, ArticleResult, CorpusGraph, Mention, Relation, json_schema
from .pipeline import base_model_name, load

__version__ = "0.1.0"

__all__ = [
    "load", "base_model_name", "extract", "extract_many", "relations_frame", "actors_frame",
    "default_pipeline", "build_graph", "Actor", "ArticleResult", "CorpusGraph", "Mention", "Relation",
    "json_schema", "__version__",
]


def __getattr__(name: str):
    # sahel_ner.viz (notebook pictures) is imported on first use, so the pipeline does not pay for it
    if name == "viz":
        import importlib

        return importlib.import_module(".viz", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
