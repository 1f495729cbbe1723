"""The batch CLI on messy folders: errors reported, parallel = serial, kill -9 then --resume."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fixtures_articles import make_corpus, make_messy_folder, read_outputs
from typer.testing import CliRunner

import sahel_ner.api
from sahel_ner.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def cli(nlp, monkeypatch):
    """Invoke the CLI in-process with the session's pipeline (loading it again would take seconds)."""
    monkeypatch.setattr(sahel_ner.api, "default_pipeline", lambda: nlp)

    def invoke(*args: str):
        return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)

    return invoke


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return make_corpus(tmp_path_factory.mktemp("corpus"), copies=6)  # 60 articles


def test_messy_folder_is_processed_to_the_end(cli, tmp_path):
    expected = make_messy_folder(tmp_path / "in")
    result = cli("extract", tmp_path / "in", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in (tmp_path / "out" / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [line["path"] for line in lines] == sorted(expected)  # one line per file, in input order
    for line in lines:
        if expected[line["path"]] == "ok":
            assert line["error"] is None and line["entities"], line["path"]
        else:
            assert line["error"] and line["entities"] == [] and line["relations"] == [], line["path"]
    by_path = {line["path"]: line for line in lines}
    assert "too large" in by_path["huge.txt"]["error"] and "empty" in by_path["empty.txt"]["error"]
    assert "binary" in by_path["image.txt"]["error"] and "malformed JSON" in by_path["broken.json"]["error"]
    assert any(r["type"] == "MET" for r in by_path["nested/utf16.txt"]["relations"])
    assert any(e["id"] == "abass_dembele" for e in by_path["cp1252.txt"]["entities"])
    assert {"jnim", "burkina_faso"} <= {e["id"] for e in by_path["page.html"]["entities"]}
    assert by_path["page.html"]["published"] == "2025-05-12"
    n_ok = sum(1 for v in expected.values() if v == "ok")
    assert f"{n_ok} of {len(expected)} article(s) processed, {len(expected) - n_ok} with errors" in " ".join(result.output.split())
    assert "huge.txt: file too large" in result.output
    for name in ("graph.graphml", "graph.gexf", "nodes.csv", "edges.csv", "graph.json"):
        assert (tmp_path / "out" / name).stat().st_size > 0
    assert not (tmp_path / "out" / ".partial").exists()


def test_parallel_and_repeated_runs_are_byte_identical(cli, corpus, tmp_path):
    one = cli("extract", corpus, "-o", tmp_path / "one", "-b", "4")
    two = cli("extract", corpus, "-o", tmp_path / "two", "-b", "4", "--n-process", "2")
    again = cli("extract", corpus, "-o", tmp_path / "again", "-b", "7")
    assert one.exit_code == two.exit_code == again.exit_code == 0, two.output
    first = read_outputs(tmp_path / "one")
    assert len(first) == 9  # six data files, events.jsonl, events.csv and report.html
    assert read_outputs(tmp_path / "two") == first
    assert read_outputs(tmp_path / "again") == first


def test_kill_then_resume_gives_the_uninterrupted_output(cli, corpus, tmp_path):
    reference = cli("extract", corpus, "-o", tmp_path / "ref", "-b", "4")
    assert reference.exit_code == 0
    out = tmp_path / "out"
    journal = out / ".partial" / "results.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "sahel_ner.cli", "extract", str(corpus), "-o", str(out), "-b", "4"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 90
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if journal.exists() and journal.read_bytes().count(b"\n") >= 8:
                break
            time.sleep(0.01)
        assert proc.poll() is None, "the run finished before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    done_before = journal.read_bytes().count(b"\n")
    assert 8 <= done_before < 60
    assert not (out / "articles.jsonl").exists()  # nothing final written by the killed run
    resumed = cli("extract", corpus, "-o", out, "-b", "4", "--resume")
    assert resumed.exit_code == 0, resumed.output
    assert "Resumed:" in resumed.output
    count = int(resumed.output.split("Resumed:")[1].split()[0])
    assert done_before <= count < 60  # finished articles were not redone
    assert read_outputs(out) == read_outputs(tmp_path / "ref")
    assert not (out / ".partial").exists()


def test_formats_option(cli, tmp_path):
    make_corpus(tmp_path / "in", copies=1)
    result = cli("extract", tmp_path / "in", "-o", tmp_path / "out", "--format", "gexf,jsonl")
    assert result.exit_code == 0
    assert sorted(read_outputs(tmp_path / "out")) == ["articles.jsonl", "events.csv", "events.jsonl", "graph.gexf",
                                                      "report.html"]
    bad = cli("extract", tmp_path / "in", "-o", tmp_path / "out2", "--format", "graphml,pdf")
    assert bad.exit_code == 2 and "unknown format" in bad.output  # a usage error


def test_exit_codes(cli, tmp_path):
    missing = cli("extract", tmp_path / "nowhere", "-o", tmp_path / "out")
    assert missing.exit_code == 2 and "Input folder not found" in missing.output  # a usage error

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    nothing = cli("extract", tmp_path / "in", "-o", tmp_path / "out")
    assert nothing.exit_code == 1 and "Nothing could be processed" in nothing.output
    line = json.loads((tmp_path / "out" / "articles.jsonl").read_text(encoding="utf-8"))
    assert line["id"] == "empty" and line["error"] == "empty file"  # still reported in the output

    (tmp_path / "in" / "talks.txt").write_text("Abdoulaye Diop met Rudolph Atallah in Bamako.", encoding="utf-8")
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    unwritable = cli("extract", tmp_path / "in", "-o", blocker / "out")
    assert unwritable.exit_code == 1 and "Cannot write to output folder" in unwritable.output


def test_info(cli):
    result = cli("info")
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    assert "sahel_relation_extractor" in text and "spaCy" in text and "MET (symmetric)" in text
    actors = int(text.split("Actors ")[1].split()[0])
    assert actors > 100


def test_help_shows_full_option_names_without_colour(cli):
    result = cli("extract", "--help")
    assert result.exit_code == 0
    for option in ("--n-process", "--batch-size", "--format", "--resume", "--max-size-mb", "--extra-actors",
                   "--extra-relations", "--min-confidence", "--drop-negated / --keep-negated", "--model",
                   "--scheduler"):
        assert option in result.output
    assert "\x1b[" not in result.output


def test_pipes_get_progress_lines_and_no_colour_codes(cli, tmp_path):
    make_corpus(tmp_path / "in", copies=1)
    result = cli("extract", tmp_path / "in", "-o", tmp_path / "out")
    assert result.exit_code == 0
    assert "Extracting: 9 article(s) done, 0 with errors" in result.output
    assert "\x1b[" not in result.output


@pytest.mark.parametrize("args", [["--types", "MET,KIDNAPED"], ["--n-process", "0"], ["--batch-size", "x"],
                                  ["--extra-actors", "no-such-file.jsonl"], ["--no-such-option"]])
def test_every_usage_error_exits_2(cli, tmp_path, args):
    make_corpus(tmp_path / "in", copies=1)
    result = cli("extract", tmp_path / "in", "-o", tmp_path / "out", *args)
    assert result.exit_code == 2, result.output
