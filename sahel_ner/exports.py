"""Kept for imports written before 0.2: the writers live in :mod:`sahel_ner.outputs`."""
from .outputs import (FILE_NAMES, FORMATS, LIST_SEPARATOR, atomic_write, parse_formats, write_all,  # noqa: F401
                      write_articles_jsonl, write_csv, write_gexf, write_graph_files, write_graph_json, write_graphml)
from .schema import OTHER_COLOR, TYPE_COLORS  # noqa: F401
