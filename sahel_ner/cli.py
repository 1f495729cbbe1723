"""The ``sahel-ner`` command line (typer, in the style of spaCy's CLI).

    sahel-ner extract INPUT_DIR -o OUT_DIR [--lang auto|en|fr] [--n-process N] [--batch-size B] [--format ...] [--resume]
    sahel-ner info

Exit codes of ``extract``:
  0    at least one article was processed (files that could not be read are
       listed in the summary and have an ``error`` line in articles.jsonl);
  1    nothing could be processed, the output cannot be written, another
       run is writing to the same output folder, or the pipeline of a forced
       ``--lang`` cannot be built (its base model is not installed);
  2    a usage error (unknown option, bad value such as ``--lang de``, missing input or file);
  130  interrupted (Ctrl-C): run the same command with --resume to go on.
"""
from __future__ import annotations

import importlib.util
import sys
import tempfile
import time
from pathlib import Path
from typing import List, Optional

import typer
from wasabi import Printer

from .outputs import FORMATS, parse_formats

app = typer.Typer(
    name="sahel-ner",
    help="Turn Sahel news into a typed actor graph (who MET, SANCTIONED, ATTACKED, ARRESTED, SUPPORTED whom).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain click help: full option names at any width, no colour codes in pipes
    context_settings={"max_content_width": 100},
)


def printer() -> Printer:
    """wasabi's printer, without colour codes when stdout is not a terminal."""
    msg = Printer()
    msg.show_color = msg.show_color and sys.stdout.isatty()  # wasabi colours pipes too; we do not
    return msg


def usage_error(message: str, param: str | None = None):
    """Exit 2 with click's usage message (every usage error exits 2)."""
    raise typer.BadParameter(message, param_hint=param)


def _check_writable(out_dir: Path, msg: Printer) -> None:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=out_dir):
            pass
    except OSError as err:
        msg.fail(f"Cannot write to output folder {out_dir}", err.strerror or str(err), exits=1)


class Progress:
    """A tqdm bar on a terminal; elsewhere (logs, CI) a line every few seconds."""

    def __init__(self, every: float = 5.0):
        self.tty = sys.stderr.isatty()
        self.every, self.last, self.started = every, time.monotonic(), time.monotonic()
        self.done = self.errors = 0
        if self.tty:
            from tqdm import tqdm

            self.bar = tqdm(unit=" articles", desc="Extracting", file=sys.stderr)

    def __call__(self, done: int, errors: int) -> None:
        step, self.done, self.errors = done - self.done, done, errors
        if self.tty:
            self.bar.update(step)
        elif time.monotonic() - self.last >= self.every:
            self.last = time.monotonic()
            self.line()

    def line(self) -> None:
        rate = self.done / max(1e-9, time.monotonic() - self.started)
        print(f"Extracting: {self.done:,} article(s) done, {self.errors:,} with errors ({rate:,.1f}/s)",
              file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.tty:
            self.bar.close()


@app.command("extract")
def extract_command(
    input_dir: Path = typer.Argument(..., help="Folder of articles (.txt, .md, .html, .json, .jsonl), read recursively; or one file"),
    output: Path = typer.Option(..., "--output", "-o", help="Output folder (created if needed; skipped when inside INPUT_DIR)"),
    n_process: int = typer.Option(1, "--n-process", "-n", min=1, help="Worker processes for the pipeline"),
    batch_size: int = typer.Option(16, "--batch-size", "-b", min=1, help="Articles per batch (also how often finished work is saved for --resume)"),
    formats: str = typer.Option(",".join(FORMATS), "--format", "-f", help=f"Comma-separated outputs: {', '.join(FORMATS)} (or all)"),
    resume: bool = typer.Option(False, "--resume", help="Reuse what an interrupted run into the same output folder finished (edited articles are redone)"),
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
    lang: str = typer.Option("auto", "--lang", help="Language of the articles: auto (identified per article; English and French go through their own pipeline), en or fr (every article)"),
) -> None:
    """Extract actors and relations from a folder of articles and write the graph.

    Writes articles.jsonl, graph.graphml, graph.gexf, nodes.csv, edges.csv,
    graph.json and report.html into OUT_DIR, atomically. Exit code 0 when at least one article
    was processed, 1 when none was or the output cannot be written, 2 for a
    usage error, 130 when interrupted (then run the same command with --resume).
    """
    msg = printer()
    try:
        _extract(msg, input_dir, output, n_process, batch_size, formats, resume, max_size_mb, extra_actors or [],
                 extra_relations or [], types, dict(drop_negated=drop_negated, drop_hedged=drop_hedged,
                                                    min_confidence=min_confidence, drop_isolated=drop_isolated),
                 base, model, scheduler, html_report, lang)
    except KeyboardInterrupt:
        msg.warn("Interrupted", f"What was finished is saved in {output}; run the same command with --resume "
                                f"to go on from there.")
        raise typer.Exit(130)


def _extract(msg: Printer, input_dir: Path, output: Path, n_process: int, batch_size: int, formats: str,
             resume: bool, max_size_mb: float, extra_actors: list[Path], extra_relations: list[Path],
             types: str | None, graph_options: dict, base: str | None, model: str | None,
             scheduler: str | None, html_report: bool = True, lang: str = "auto") -> None:
    from .corpus import OutputLocked, pipeline_options, run, run_settings
    from .language import check_mode

    try:
        lang = check_mode(lang)
    except ValueError as err:
        usage_error(str(err), "--lang")
    if base and lang == "auto":
        usage_error("--base names one base pipeline: say its language with --lang en or --lang fr", "--base")
    if not input_dir.exists():
        usage_error(f"Input folder not found: {input_dir}", "INPUT_DIR")
    try:
        chosen_formats = parse_formats(formats)
    except ValueError as err:
        usage_error(str(err), "--format")
    if not chosen_formats:
        usage_error("no output format chosen", "--format")
    for path in extra_actors + extra_relations:
        if not path.exists():
            usage_error(f"File or folder not found: {path}", "--extra-actors / --extra-relations")
    _check_writable(output, msg)
    type_list = [t.strip().upper() for t in types.split(",") if t.strip()] if types else None
    options = pipeline_options(base, extra_actors, type_list, extra_relations, model)
    pipelines, known_types = _pipelines(msg, options, lang)
    unknown = sorted(set(type_list or ()) - known_types)
    if unknown:
        usage_error(f"unknown relation type(s) {', '.join(unknown)}; known: {', '.join(sorted(known_types))}",
                    "--types")
    max_bytes = int(max_size_mb * 1_048_576)
    msg.info(f"Reading {input_dir} -> {output} ({', '.join(chosen_formats)}; "
             f"{'Dask ' + scheduler if scheduler else str(n_process) + ' process(es)'}, batch size {batch_size}, "
             f"language {lang})")
    progress = Progress()
    common = dict(formats=chosen_formats, batch_size=batch_size, resume=resume, max_bytes=max_bytes,
                  graph_options=graph_options, on_progress=progress, lang=lang)
    try:
        if scheduler:
            from .corpus.dask import run_batch as run_on_dask

            report = run_on_dask(input_dir, output, scheduler=scheduler, pipeline_options=options, **common)
        else:
            report = run(input_dir, output, nlp=pipelines, n_process=n_process, settings=run_settings(options),
                         **common)
    except OutputLocked as err:
        msg.fail("Output folder in use", str(err), exits=1)
    except OSError as err:
        msg.fail("Cannot write the outputs", f"{getattr(err, 'filename', '') or output}: {err.strerror or err}",
                 exits=1)
    finally:
        progress.close()
    if not progress.tty:
        progress.line()
    if report.note:
        msg.warn(report.note)
    if report.resumed:
        msg.info(f"Resumed: {report.resumed} article(s) taken from the unfinished run")
    for where, error in report.errors[:20]:
        msg.warn(f"{where}: {error}")
    if len(report.errors) > 20:
        msg.warn(f"... and {len(report.errors) - 20} more (see the error field in articles.jsonl)")
    if report.ok == 0:
        msg.fail("Nothing could be processed", report.summary(), exits=1)
    msg.good(report.summary())
    for path in report.files:
        msg.text(f"  {path}")
    if html_report and "jsonl" in chosen_formats:
        _write_report(msg, output)


def _pipelines(msg: Printer, options: dict, lang: str):
    """The pipelines of the run, and the relation types they know. A forced
    language's pipeline is built now (exit 1 if it cannot be); with ``auto``
    none is: each language's is built when its first article comes."""
    from .corpus.process import Pipelines
    from .corpus.settings import relation_types_for
    from .language import LANGUAGES

    pipelines = Pipelines(options)
    try:
        if lang != "auto":
            return pipelines, set(pipelines.get(lang).get_pipe("sahel_relation_extractor").types)
        return pipelines, {name for code in LANGUAGES for name in relation_types_for(options, code)}
    except (OSError, ValueError, RuntimeError) as err:
        msg.fail("Cannot build the pipeline", str(err), exits=1)


@app.command("report")
def report_command(
    out_dir: Path = typer.Argument(..., help="Output folder of 'sahel-ner extract'"),
) -> None:
    """Write OUT_DIR/report.html: graph, map, timeline and top actors in one page that opens from disk."""
    _write_report(printer(), out_dir)


def _write_report(msg: Printer, out_dir: Path) -> None:
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

    msg = printer()
    nlp = load(extra_actors=extra_actors) if extra_actors else default_pipeline()
    stats = nlp.get_pipe("sahel_actor_ruler").kb.stats()
    extractor = nlp.get_pipe("sahel_relation_extractor")
    msg.divider("sahel_ner")
    msg.table([
        ("sahel_ner", __version__),
        ("spaCy", spacy.__version__),
        ("Python", sys.version.split()[0]),
        ("Base pipeline", f"{nlp.meta.get('name', '?')} {nlp.meta.get('version', '?')} ({nlp.lang})"),
        ("Languages (--lang)", _languages()),
        ("Components", ", ".join(nlp.pipe_names)),
        ("Relation types", ", ".join(t.type + (" (symmetric)" if t.symmetric else "")
                                     for t in extractor.active_types)),
        ("Actors", stats["actors"]),
        ("Alias phrases", stats["phrases"]),
    ])
    msg.table(sorted(stats["by_type"].items()), header=("Actor type", "Count"), divider=True)


def _languages() -> str:
    """Each language's base pipeline, as installed (none is loaded)."""
    import spacy

    from .language import LANGUAGES
    from .pipeline import base_model_name

    parts = []
    for lang in LANGUAGES:
        try:
            name = base_model_name(lang)
            parts.append(f"{lang}: {name} {spacy.util.get_package_version(name) or ''}".rstrip())
        except OSError:
            parts.append(f"{lang}: not installed")
    return "; ".join(parts) + " (auto: identified per article with py3langid)"


# Training and evaluation commands live in sahel_ner.training (optional module):
# registered when it is present, and any error inside it is raised, not hidden.
if importlib.util.find_spec("sahel_ner.training") is not None \
        and importlib.util.find_spec("sahel_ner.training.commands") is not None:
    from .training.commands import register as _register_training

    _register_training(app)


if __name__ == "__main__":  # pragma: no cover
    app()
