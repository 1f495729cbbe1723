"""The batch against the folders and calls of issue 11: nothing lost, nothing
crashes, outputs readable, resume right, one run per output folder."""
from __future__ import annotations

import csv
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import spacy
from spacy.language import Language
import pytest
from fixtures_articles import ATTACK, SANCTIONS, TALKS, read_outputs
from typer.testing import CliRunner

import sahel_ner.api
from sahel_ner.api import extract_many
from sahel_ner.cli import app
from sahel_ner.corpus import OutputLocked, run
from sahel_ner.corpus.formats import date_from_header
from sahel_ner.corpus.store import lock_output


@pytest.fixture
def cli(nlp, monkeypatch):
    monkeypatch.setattr(sahel_ner.api, "default_pipeline", lambda: nlp)
    runner = CliRunner()
    return lambda *args: runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def folder_of(tmp_path: Path, files: dict[str, str]) -> Path:
    """An input folder holding ``files`` (name -> UTF-8 text)."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def lines_of(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()]


def test_a_reader_error_ends_only_its_own_file(nlp, tmp_path):
    folder = folder_of(tmp_path, {"a.txt": TALKS, "b.json": "[" * 100_000 + "]" * 100_000,  # deeper than json goes
                                  "c.txt": ATTACK, "d.txt": SANCTIONS})

    report = run(folder, tmp_path / "out", nlp=nlp)

    lines = lines_of(tmp_path / "out")
    assert [line["id"] for line in lines] == ["a", "b", "c", "d"]
    assert "nested too deeply" in lines[1]["error"]
    assert all(line["error"] is None and line["relations"] for line in lines[::2] + lines[3:])
    assert (report.articles, report.ok) == (4, 3)


def test_undecodable_names_and_lone_surrogates_are_written(cli, tmp_path):
    folder = folder_of(tmp_path, {os.fsdecode(b"caf\xe9-talks.txt"): TALKS,
                                  "feed.jsonl": '{"id": "x\\ud800y", "text": "JNIM attacked an army post in Djibo."}\n'})

    result = cli("extract", folder, "-o", tmp_path / "out")

    assert result.exit_code == 0, result.output
    lines = lines_of(tmp_path / "out")
    assert [line["path"] for line in lines] == ["caf\ufffd-talks.txt", "feed.jsonl"]
    assert lines[1]["id"] == "x\ufffdy" and lines[1]["relations"]


def test_control_characters_leave_graph_files_readable(nlp, tmp_path):
    folder = folder_of(tmp_path, {"bell.txt": TALKS.replace("held talks", "held \x07talks\x1b[0m\x00")})

    run(folder, tmp_path / "out", nlp=nlp)

    back = nx.read_graphml(tmp_path / "out" / "graph.graphml")
    assert any(d["type"] == "MET" for _, _, d in back.edges(data=True))
    ET.parse(tmp_path / "out" / "graph.gexf")
    sentences = [row["sentences"] for row in csv.DictReader((tmp_path / "out" / "edges.csv").open(encoding="utf-8"))]
    assert sentences and not any(c in s for s in sentences for c in "\x00\x07\x1b")


def test_an_article_edited_before_resume_is_redone(nlp, tmp_path):
    folder = folder_of(tmp_path, {"a.txt": TALKS, "b.txt": ATTACK})
    out = tmp_path / "out"

    class Interrupted(Exception):
        pass

    def stop(done: int, errors: int) -> None:
        raise Interrupted

    with pytest.raises(Interrupted):  # both articles finished and saved, then the run dies
        run(folder, out, nlp=nlp, batch_size=2, on_progress=stop)
    (folder / "a.txt").write_text(SANCTIONS, encoding="utf-8")  # edited while interrupted

    report = run(folder, out, nlp=nlp, resume=True)

    run(folder, tmp_path / "fresh", nlp=nlp)
    assert read_outputs(out) == read_outputs(tmp_path / "fresh")
    assert report.resumed == 1  # b.txt only
    assert {r["type"] for r in lines_of(out)[0]["relations"]} == {"SANCTIONED"}


def test_resume_needs_the_same_model(cli, nlp, tmp_path):
    folder = folder_of(tmp_path, {"a.txt": TALKS})
    out = tmp_path / "out"

    def stop(done: int, errors: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run(folder, out, nlp=nlp, on_progress=stop, settings={"pipeline": {}, "files": ""})
    result = cli("extract", folder, "-o", out, "--resume", "--model", "sm")
    assert result.exit_code == 0, result.output
    assert "other settings" in result.output and "Resumed" not in result.output


def test_a_second_run_into_the_same_folder_is_refused(cli, nlp, tmp_path):
    folder = folder_of(tmp_path, {"a.txt": TALKS})
    lock = lock_output(tmp_path / "out")  # a run in progress
    try:
        with pytest.raises(OutputLocked):
            run(folder, tmp_path / "out", nlp=nlp)
        result = cli("extract", folder, "-o", tmp_path / "out")
        assert result.exit_code == 1 and "another sahel-ner run" in " ".join(result.output.split())
    finally:
        lock.release()
    assert cli("extract", folder, "-o", tmp_path / "out").exit_code == 0


@pytest.mark.parametrize("inside", [".", "results"])
def test_the_output_folder_is_not_read_as_input(cli, tmp_path, inside):
    folder = folder_of(tmp_path, {"a.txt": TALKS, "b.txt": ATTACK})
    for _ in range(2):
        result = cli("extract", folder, "-o", folder / inside)
        assert result.exit_code == 0, result.output
        assert [line["id"] for line in lines_of(folder / inside)] == ["a", "b"]


def test_extract_many_keeps_every_item(nlp):
    with pytest.raises(ValueError, match="1 date"):
        extract_many(["JNIM attacked Djibo.", "ECOWAS sanctioned Mali.", "Diop met Atallah."],
                     published=["2024-01-01"], nlp=nlp)
    missing = list(extract_many([Path("/nonexistent/article.txt")], nlp=nlp))
    assert len(missing) == 1 and "not found" in missing[0].error
    dated = list(extract_many(["JNIM attacked Djibo.", "ECOWAS sanctioned Mali."],
                              published=["2024-01-01", None], nlp=nlp))
    assert [r.published for r in dated] == ["2024-01-01", None]


@pytest.mark.parametrize("header", ["Monday, September 15, 2025", "15 Sep 2025", "Sept. 15, 2025 - 10:42 GMT",
                                    "Updated 15 September 2025"])
def test_datelines_give_the_publication_date(header):
    assert date_from_header(f"Jihadists attack army camp\n{header}\n\nBAMAKO - JNIM fighters ...") == "2025-09-15"


def test_a_sentence_that_starts_with_a_date_is_not_a_dateline():
    assert date_from_header("On 15 Sep 2025 JNIM attacked Djibo.\n") is None


@Language.component("test_exit_on_marker")
def _exit_on_marker(doc):
    if "EXIT-THE-PROCESS" in doc.text:
        os._exit(3)  # what an out-of-memory kill or a crash in compiled code does to a worker
    return doc


def test_a_worker_that_dies_costs_only_its_own_article(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("test_exit_on_marker")
    folder = folder_of(tmp_path, {"a.txt": TALKS, "b.txt": "EXIT-THE-PROCESS now.", "c.txt": ATTACK})

    report = run(folder, tmp_path / "out", nlp=nlp, n_process=2, batch_size=1)

    lines = lines_of(tmp_path / "out")
    assert [(line["id"], line["error"]) for line in lines] == [("a", None), ("b", "worker process died"),
                                                               ("c", None)]
    assert report.ok == 2
