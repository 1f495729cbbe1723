"""Ctrl-C (SIGINT to the whole process group, as a terminal sends it) at a
random point: every process ends within seconds with exit 130 and a --resume
hint, and --resume then writes the files of an uninterrupted run, byte for byte."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fixtures_articles import ARREST, ATTACK, SANCTIONS, TALKS, read_outputs
from typer.testing import CliRunner

import sahel_ner.api
from sahel_ner.cli import app
from sahel_ner.corpus import run

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("signal-corpus")
    texts = [TALKS, ATTACK, SANCTIONS, ARREST]
    for n in range(400):  # distinct texts (the store would reuse identical ones), enough to interrupt mid-run
        (folder / f"dispatch-{n:03d}.txt").write_text(f"{texts[n % 4]}\n\nDispatch number {n}.\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def reference(nlp, corpus, tmp_path_factory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("reference")
    run(corpus, out, nlp=nlp, batch_size=4)
    return read_outputs(out)


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
        return True
    except ProcessLookupError:
        return False


@pytest.mark.parametrize("n_process", [1, 2])
def test_sigint_stops_every_process_then_resume_matches(nlp, corpus, reference, tmp_path, monkeypatch, n_process):
    out = tmp_path / "out"
    store = out / ".partial" / "results.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "sahel_ner.cli", "extract", str(corpus), "-o", str(out),
                             "-b", "4", "-n", str(n_process), "--no-report"], cwd=ROOT, start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    seed = random.randrange(1_000_000)
    delay = random.Random(seed).uniform(0.0, 1.0)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None and not (store.exists() and store.stat().st_size):
        time.sleep(0.01)
    time.sleep(delay)  # a random point of the batch
    assert proc.poll() is None, f"the run finished before the interrupt (seed {seed})"
    os.killpg(proc.pid, signal.SIGINT)
    sent = time.monotonic()
    try:
        output, _ = proc.communicate(timeout=10)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    while _group_alive(proc.pid) and time.monotonic() - sent < 10:
        time.sleep(0.05)
    assert not _group_alive(proc.pid), "a worker process outlived the interrupt"
    assert time.monotonic() - sent < 10
    assert proc.returncode == 130, output.decode(errors="replace")
    assert "--resume" in output.decode()
    assert not (out / "articles.jsonl").exists()

    monkeypatch.setattr(sahel_ner.api, "default_pipeline", lambda: nlp)
    resumed = CliRunner().invoke(app, ["extract", str(corpus), "-o", str(out), "-b", "4", "--resume", "--no-report"])
    assert resumed.exit_code == 0, resumed.output
    assert read_outputs(out) == reference, f"seed {seed}"
