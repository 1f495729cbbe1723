"""Kept for imports written before 0.2: the batch lives in :mod:`sahel_ner.corpus`."""
from __future__ import annotations

import os
from typing import Iterable, Iterator

from spacy.language import Language

from .corpus.readers import ArticleInput
from .corpus.report import BatchReport, RunReport  # noqa: F401
from .corpus.runner import run
from .models import ArticleResult


def process_inputs(nlp: Language, inputs: Iterable[ArticleInput], n_process: int = 1, batch_size: int = 16,
                   *, keep_text: bool = False) -> Iterator[ArticleResult]:
    """One result per input, in input order (see :func:`sahel_ner.api.results_for`)."""
    from .api import results_for

    return results_for(nlp, inputs, n_process=n_process, batch_size=batch_size, keep_text=keep_text)


def run_batch(nlp: Language, input_path: str | os.PathLike, out_dir: str | os.PathLike, **options) -> RunReport:
    """:func:`sahel_ner.corpus.runner.run` with the pipeline first, as before 0.2."""
    return run(input_path, out_dir, nlp=nlp, **options)
