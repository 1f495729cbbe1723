"""The batch on a 2-worker Dask LocalCluster gives the same files as one process.

One cluster for the module (starting it and building the pipeline on both
workers is most of the cost); the sample folder is examples/articles/, whose
.txt, .md, .html and .json files exercise every reader.
"""
from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("distributed")

from sahel_ner import distributed  # noqa: E402
from sahel_ner.corpus import run  # noqa: E402
from sahel_ner.corpus.store import STORE_DIR  # noqa: E402

SAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"
OUTPUT_FILES = ("articles.jsonl", "graph.graphml", "graph.gexf", "nodes.csv", "edges.csv", "graph.json")


@pytest.fixture(scope="module")
def client():
    with distributed.local_client(n_workers=2) as client:
        yield client


@pytest.fixture(scope="module")
def single_process(nlp, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("single")
    run(SAMPLES, out, nlp=nlp)
    return out


def _assert_same_files(expected: Path, actual: Path) -> None:
    for name in OUTPUT_FILES:
        assert (actual / name).read_bytes() == (expected / name).read_bytes(), f"{name} differs"
    assert not (actual / STORE_DIR).exists(), "the resume store is removed once the outputs are written"


def test_two_workers_write_the_same_files_as_one_process(client, single_process, tmp_path):
    results = distributed.extract(SAMPLES, client, out_dir=tmp_path, batch_size=3)

    _assert_same_files(single_process, tmp_path)
    lines = (single_process / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert [r.to_json_line() for r in results] == lines  # the returned results, in input order
    assert len(client.scheduler_info()["workers"]) == 2
    assert any(r.relations for r in results)


def test_each_worker_builds_the_pipeline_once(client, tmp_path):
    distributed.extract(SAMPLES, client, out_dir=tmp_path, batch_size=2)

    def pipeline_id(dask_worker):
        plugin = dask_worker.plugins[distributed.PLUGIN_NAME]
        return id(plugin.nlp), id(distributed.worker_pipeline({}))

    for built_by_plugin, used_by_tasks in client.run(pipeline_id).values():
        assert built_by_plugin == used_by_tasks


def test_an_interrupted_run_resumes_to_the_same_files(client, single_process, tmp_path):
    class Interrupted(Exception):
        pass

    def stop_after_four(done: int, errors: int) -> None:
        if done >= 4:
            raise Interrupted  # the client dies once four articles are saved

    with pytest.raises(Interrupted):
        distributed.run_batch(SAMPLES, tmp_path, client=client, batch_size=2, on_progress=stop_after_four)
    saved = (tmp_path / STORE_DIR / "results.jsonl").read_bytes().count(b"\n")
    assert saved >= 4 and not (tmp_path / "articles.jsonl").exists()

    report = distributed.run_batch(SAMPLES, tmp_path, scheduler=client.scheduler.address, batch_size=2, resume=True)

    assert report.resumed == saved
    assert report.articles == len((single_process / "articles.jsonl").read_text(encoding="utf-8").splitlines())
    _assert_same_files(single_process, tmp_path)


def test_an_unreadable_file_gets_its_error_line_and_the_rest_goes_on(client, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-attack.txt").write_text(
        "Published: 2025-05-12\n\nJNIM fighters stormed an army post in Djibo on Sunday, killing several soldiers.\n",
        encoding="utf-8")
    (folder / "b-broken.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    (folder / "c-talks.txt").write_text(
        "Mali's foreign minister Abdoulaye Diop held talks with Rudolph Atallah in Bamako on July 9.\n",
        encoding="utf-8")

    results = distributed.extract(folder, client, out_dir=tmp_path / "out", batch_size=1)

    assert [r.id for r in results] == ["a-attack", "b-broken", "c-talks"]
    assert results[1].error and not results[1].relations
    assert results[0].error is None and results[2].error is None
    assert ("jnim", "ATTACKED") in {(r.source, r.type) for r in results[0].relations}


def test_cli_scheduler_option_writes_the_same_files(client, single_process, tmp_path):
    from typer.testing import CliRunner

    from sahel_ner.cli import app

    outcome = CliRunner().invoke(app, ["extract", str(SAMPLES), "-o", str(tmp_path),
                                       "--scheduler", client.scheduler.address])

    assert outcome.exit_code == 0, outcome.output
    _assert_same_files(single_process, tmp_path)
