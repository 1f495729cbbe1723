"""Shared fixtures: the pipeline is built once per test session (it takes ~1 s)."""
from __future__ import annotations

from pathlib import Path

import pytest

import sahel_ner

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def nlp():
    return sahel_ner.load()


@pytest.fixture(scope="session")
def run(nlp):
    """Run the pipeline on a text with an optional publication date."""

    def _run(text: str, published: str | None = None, article_id: str | None = None):
        doc = nlp.make_doc(text)
        doc._.published = published
        doc._.article_id = article_id
        return nlp(doc)

    return _run
