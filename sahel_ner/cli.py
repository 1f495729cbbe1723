"""The ``sahel-ner`` command line.

    sahel-ner extract INPUT_DIR -o OUT_DIR [--n-process N] [--batch-size B] [--format ...] [--resume]
    sahel-ner info

Exit codes of ``extract``:
  0  at least one article was processed (files that could not be read are
     listed in the summary and have an ``error`` line in articles.jsonl);
  1  nothing could be processed, the input is missing, or the output cannot be written;
  2  a usage error (unknown option, bad value).
"""
from __future__ import annotations

import importlib.util
import sys
import tempfile
from pathlib import Path
from typing import List, Optional

import typer
from wasabi import msg

from .exports import FORMATS, parse_formats

app = typer.Typer(
    name="sahel-ner",
    help="Turn Sahel news into a typed actor graph (who MET, SANCTIONED, ATTACKED, ARRESTED, SUPPORTED whom).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _pipeline(extra_actors: list[Path], extra_relations: list[Path], types: list[str] | None, base: str | None,
              model: str | None = None):
    from .api import default_pipeline
    from .pipeline import load

    if not (extra_actors or extra_relations or types or base or model):
        return default_pipeline()
    return load(base=base, extra_actors=extra_actors, relation_types=types, extra_relation_dirs=extra_relations,
                model=model)


def _check_writable(out_dir: Path) -> None:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=out_dir):
            pass
    except OSError as err:
        msg.fail(f"Cannot write to output folder {out_dir}", err.strerror or str(err), exits=1)


@app.command("extract")
def extract_command(
    input_dir: Path = typer.Argument(..., help="Folder of articles (.txt, .md, .html, .json, .jsonl), read recursively; or one file"),
    output: Path = typer.Option(..., "--output", "-o", help="Output folder (created if needed)"),
    n_process: int = typer.Option(1, "--n-process", "-n", min=1, help="Worker processes for the pipeline"),
    batch_size: int = typer.Option(16, "--batch-size", "-b", min=1, help="Articles per batch (also the resume journal's flush interval)"),
    formats: str = typer.Option(",".join(FORMATS), "--format", "-f", help=f"Comma-separated outputs: {', '.join(FORMATS)} (or all)"),
    resume: bool = typer.Option(False, "--resume", help="Skip articles finished by an interrupted run into the same output folder"),
    max_size_mb: float = typer.Option(5.0, "--max-size-mb", min=0.001, help="Files larger than this are reported, not read"),
    extra_actors: Optional[List[Path]] = typer.Option(None, "--extra-actors", help="Your own actors.jsonl (repeatable)"),
    extra_relations: Optional[List[Path]] = typer.Option(None, "--extra-relations", help="Folder of your own <TYPE>.json relation files (repeatable)"),
    types: Optional[str] = typer.Option(None, "--types", help="Comma-separated relation types to extract (default: all)"),
    min_confidence: float = typer.Option(0.0, "--min-confidence", min=0.0, max=1.0, help="Graph: leave out relations below this confidence"),
    drop_negated: bool = typer.Option(True, "--drop-negated/--keep-negated", help="Graph: leave out negated relations (\"did not meet\")"),
    drop_hedged: bool = typer.Option(False, "--drop-hedged/--keep-hedged", help="Graph: leave out hedged relations (\"reportedly\")"),
    drop_isolated: bool = typer.Option(False, "--drop-isolated/--keep-isolated", help="Graph: leave out actors without relations"),
    base: Optional[str] = typer.Option(None, "--base", help="Base spaCy pipeline (name or path)"),
    model: Optional[str] = typer.Option(None, "--model", help="Add a trained relation classifier: sm, trf or a path (default: rules only)"),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Run on Dask: 'local' (a LocalCluster, one worker per core) or a scheduler address tcp://HOST:PORT; same outputs (see docs/distributed.md)"),
    html_report: bool = typer.Option(True, "--report/--no-report", help="Also write report.html (graph, map, timeline; needs the jsonl format)"),
) -> None:
    """Extract actors and relations from a folder of articles and write the graph.

    Writes articles.jsonl, graph.graphml, graph.gexf, nodes.csv, edges.csv and
    graph.json into OUT_DIR, atomically. Exit code 0 when at least one article
    was processed, 1 when none was or the output cannot be written.
    """
    from .batch import GraphOptions, run_batch, settings_fingerprint

    if not input_dir.exists():
        msg.fail(f"Input folder not found: {input_dir}", exits=1)
    try:
        chosen_formats = parse_formats(formats)
    except ValueError as err:
        msg.fail(str(err), exits=1)
    if not chosen_formats:
        msg.fail("No output format chosen", exits=1)
    _check_writable(output)
    type_list = [t.strip().upper() for t in types.split(",") if t.strip()] if types else None
    for path in (extra_actors or []) + (extra_relations or []):
        if not path.exists():
            msg.fail(f"File or folder not found: {path}", exits=1)
    try:
        nlp = _pipeline(extra_actors or [], extra_relations or [], type_list, base, model)
    except (OSError, ValueError) as err:
        msg.fail("Cannot build the pipeline", str(err), exits=1)
    known_types = set(nlp.get_pipe("sahel_relation_extractor").types)
    unknown = sorted(set(type_list or ()) - known_types)
    if unknown:
        msg.fail(f"Unknown relation type(s): {', '.join(unknown)}", f"Known: {', '.join(sorted(known_types))}", exits=1)

    settings = settings_fingerprint(
        input_dir, max_bytes=int(max_size_mb * 1_048_576), types=type_list, base=base,
        extra_actors=[str(p.resolve()) for p in extra_actors or []],
        extra_relations=[str(p.resolve()) for p in extra_relations or []])
    options = GraphOptions(drop_negated=drop_negated, drop_hedged=drop_hedged, min_confidence=min_confidence,
                           drop_isolated=drop_isolated)
    msg.info(f"Reading {input_dir} -> {output} ({', '.join(chosen_formats)}; "
             f"{n_process} process{'es' if n_process > 1 else ''}, batch size {batch_size})")

    from tqdm import tqdm

    with tqdm(unit=" articles", desc="Extracting", disable=None, file=sys.stderr) as bar:
        def progress(result) -> None:
            bar.update(1)

        try:
            if scheduler:
                from .distributed import pipeline_options, run_batch as run_on_dask

                report = run_on_dask(input_dir, output, scheduler=scheduler, formats=chosen_formats,
                                     batch_size=batch_size, resume=resume, max_bytes=settings["max_bytes"],
                                     graph_options=options, settings=settings, on_result=progress,
                                     pipeline_options=pipeline_options(base, extra_actors or [], type_list,
                                                                       extra_relations or [], model))
            else:
                report = run_batch(nlp, input_dir, output, formats=chosen_formats, n_process=n_process,
                                   batch_size=batch_size, resume=resume, max_bytes=settings["max_bytes"],
                                   graph_options=options, settings=settings, on_result=progress)
        except OSError as err:
            msg.fail("Cannot write the outputs", f"{getattr(err, 'filename', '') or output}: {err.strerror or err}",
                     exits=1)
    if report.note:
        msg.warn(report.note)
    if report.resumed:
        msg.info(f"Resumed: {report.resumed} article(s) taken from the unfinished run")
    for where, error in report.errors[:20]:
        msg.warn(f"{where}: {error}")
    if len(report.errors) > 20:
        msg.warn(f"... and {len(report.errors) - 20} more (see the error field in articles.jsonl)")
    summary = (f"{report.ok} of {report.articles} article(s) processed, {len(report.errors)} with errors; "
               f"{report.relations} relation(s) -> graph of {report.nodes} actor(s) and {report.edges} edge(s) "
               f"in {report.seconds:.1f}s")
    if report.ok == 0:
        msg.fail("Nothing could be processed", summary, exits=1)
    msg.good(summary)
    for path in report.files:
        msg.text(f"  {path}")
    if html_report and "jsonl" in chosen_formats:
        report_command(output)


@app.command("report")
def report_command(
    out_dir: Path = typer.Argument(..., help="Output folder of 'sahel-ner extract'"),
) -> None:
    """Write OUT_DIR/report.html: graph, map, timeline and top actors in one page that opens from disk."""
    from .report.build import write_report

    try:
        msg.good(f"Report: open {write_report(out_dir)} in any browser")
    except FileNotFoundError as err:
        msg.fail(str(err), exits=1)


@app.command("info")
def info_command(
    extra_actors: Optional[List[Path]] = typer.Option(None, "--extra-actors", help="Your own actors.jsonl (repeatable)"),
) -> None:
    """Show the pipeline, versions and the size of the actor knowledge base."""
    import spacy

    from . import __version__
    from .api import default_pipeline
    from .pipeline import load

    nlp = load(extra_actors=extra_actors) if extra_actors else default_pipeline()
    stats = nlp.get_pipe("sahel_actor_ruler").kb.stats()
    extractor = nlp.get_pipe("sahel_relation_extractor")
    msg.divider("sahel_ner")
    msg.table([
        ("sahel_ner", __version__),
        ("spaCy", spacy.__version__),
        ("Python", sys.version.split()[0]),
        ("Base pipeline", f"{nlp.meta.get('name', '?')} {nlp.meta.get('version', '?')} ({nlp.lang})"),
        ("Components", ", ".join(nlp.pipe_names)),
        ("Relation types", ", ".join(t.type + (" (symmetric)" if t.symmetric else "")
                                     for t in extractor.active_types)),
        ("Actors", stats["actors"]),
        ("Alias phrases", stats["phrases"]),
    ])
    msg.table(sorted(stats["by_type"].items()), header=("Actor type", "Count"), divider=True)


# Training and evaluation commands live in sahel_ner.training (optional module):
# registered when it is present, and any error inside it is raised, not hidden.
if importlib.util.find_spec("sahel_ner.training") is not None \
        and importlib.util.find_spec("sahel_ner.training.commands") is not None:
    from .training.commands import register as _register_training

    _register_training(app)


if __name__ == "__main__":  # pragma: no cover
    app()
