"""Kept for imports written before 0.2: the readers live in :mod:`sahel_ner.corpus.readers`."""
from .corpus.formats import date_from_header, html_to_text, markdown_to_text, normalize_date  # noqa: F401
from .corpus.readers import (DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES, ArticleInput, ReadError,  # noqa: F401
                             decode_bytes, inputs_from_texts, iter_inputs, list_files, read_file, unique_id)
