"""The HTML report: built for the sample corpus by `sahel-ner extract`, then opened in headless Chromium."""
from __future__ import annotations

import io
import json
import re
from pathlib import Path

import networkx as nx
import numpy as np
import pytest
from PIL import Image
from typer.testing import CliRunner

import sahel_ner.api
from sahel_ner.cli import app
from sahel_ner.report.data import build_payload, timeline
from sahel_ner.report.headless import Chromium, find_chromium

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "articles"
runner = CliRunner()


@pytest.fixture(scope="session")
def sample_out(nlp, tmp_path_factory):
    """The sample corpus extracted once, with the CLI's default report."""
    out = tmp_path_factory.mktemp("sample") / "out"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sahel_ner.api, "default_pipeline", lambda: nlp)
        result = runner.invoke(app, ["extract", str(SAMPLE), "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out


def test_report_is_written_by_extract_and_opens_offline(sample_out):
    page = (sample_out / "report.html").read_text(encoding="utf-8")
    assert len(page.encode("utf-8")) < 1_500_000
    # nothing is fetched when the page opens: no external scripts, styles or images
    assert not re.search(r"""<(script|link|img)[^>]+(src|href)\s*=\s*["']?(https?:)?//""", page)
    payload = json.loads(re.search(r'<script type="application/json" id="report-data">(.*?)</script>', page,
                                   re.S).group(1))
    assert {"jnim", "mali", "assimi_goita"} <= {n["id"] for n in payload["nodes"]}
    assert payload["timeline"]["months"] and payload["places"]
    assert "bamako" in {p["id"] for p in payload["places"]}


def test_report_command_and_no_report_option(nlp, tmp_path, monkeypatch):
    monkeypatch.setattr(sahel_ner.api, "default_pipeline", lambda: nlp)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "talks.txt").write_text("Abdoulaye Diop met Rudolph Atallah in Bamako on July 9, 2025.",
                                               encoding="utf-8")
    plain = runner.invoke(app, ["extract", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--no-report"])
    assert plain.exit_code == 0 and not (tmp_path / "out" / "report.html").exists()
    made = runner.invoke(app, ["report", str(tmp_path / "out")])
    assert made.exit_code == 0 and (tmp_path / "out" / "report.html").stat().st_size > 100_000
    missing = runner.invoke(app, ["report", str(tmp_path / "nowhere")])
    assert missing.exit_code == 1 and "articles.jsonl" in missing.output


def _pixels(image: Image.Image, box: dict, inset: int = 2) -> np.ndarray:
    """The RGB pixels of a page box, as an (n, 3) array of ints."""
    region = image.convert("RGB").crop((int(box["x"]) + inset, int(box["y"]) + inset,
                                        int(box["x"] + box["width"]) - inset, int(box["y"] + box["height"]) - inset))
    return np.asarray(region, dtype=int).reshape(-1, 3)


def _drawn(image: Image.Image, box: dict, background: str) -> float:
    """Share of the pixels in ``box`` that differ from the background colour."""
    return float((np.abs(_pixels(image, box) - _rgb(background)).max(axis=1) > 12).mean())


def _has_colour(image: Image.Image, box: dict, colour: str) -> bool:
    return bool((np.abs(_pixels(image, box) - _rgb(colour)).max(axis=1) < 40).any())


def _rgb(colour: str) -> np.ndarray:
    return np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)])


def test_report_in_headless_chromium(sample_out):
    assert find_chromium(), "Chromium is missing: `make test` installs it (apt-get install chromium)"
    with Chromium(width=1400, height=1000) as browser:
        browser.open(sample_out / "report.html")
        browser.frames(3)
        assert browser.errors == []
        assert browser.evaluate("performance.getEntriesByType('resource').map(r => r.name)") == []  # no fetches
        boxes = {name: browser.rect(f"#{name}") for name in ("graph", "map", "timeline")}
        shot = Image.open(io.BytesIO(browser.screenshot(full_page=True)))
        assert _drawn(shot, boxes["graph"], "#fcfcfc") > 0.01  # nodes and edges on the canvas
        assert _drawn(shot, boxes["map"], "#dfe9f2") > 0.3     # land and borders over the sea
        assert _has_colour(shot, boxes["map"], "#e15759")                # an ATTACKED place
        assert browser.evaluate("document.querySelectorAll('#timeline rect[data-type]').length") > 5

        browser.evaluate("document.getElementById('graph').scrollIntoView({block: 'center'})")
        browser.frames(2)
        edge = browser.evaluate("window.sahelReport.graph.clearEdge()")
        sentence = browser.evaluate(f"window.sahelReport.data.edges.find(e => e.id === {json.dumps(edge)})"
                                    ".evidence[0].sentence")
        point = browser.evaluate(f"window.sahelReport.graph.edgePoint({json.dumps(edge)})")
        browser.click(point["x"], point["y"])
        browser.wait_until("document.getElementById('evidence-list') !== null", timeout=5)
        assert sentence in browser.evaluate("document.getElementById('evidence').innerText")

        shown = ("(() => { const g = window.sahelReport.graph; return g.graph.filterEdges((e, a) => a.kind === 'ATTACKED'"
                 " && !g.sigma.getEdgeDisplayData(e).hidden).length; })()")
        assert browser.evaluate(shown) > 0
        browser.evaluate("document.querySelector('#relation-types input[data-type=ATTACKED]').click()")
        browser.frames(1)
        assert browser.evaluate(shown) == 0  # the filter hides them
        assert browser.errors == []


# -- the data behind the page -------------------------------------------------------------------
def _star(n: int) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for i in range(n):
        graph.add_node(f"a{i}", label=f"A{i}", type="PERSON", mention_count=n - i, article_count=1)
    for i in range(1, n):
        graph.add_edge("a0", f"a{i}", key="MET", type="MET", weight=i, evidence=[], first_date=None, last_date=None)
    graph.add_node("alone", label="Alone", type="STATE", mention_count=50, article_count=3)
    return graph


def test_large_graphs_are_cut_down_and_the_page_says_so():
    payload = build_payload([], _star(40), max_nodes=10, max_edges=5)
    assert len(payload["nodes"]) <= 10 and len(payload["edges"]) == 5
    assert {e["weight"] for e in payload["edges"]} == {5, 6, 7, 8, 9}  # the heaviest among the ten kept actors
    notes = " ".join(payload["notes"])
    assert "1 actors without relations" in notes
    assert "draws 6 of 40 actors with relations and 5 of 39 edges: the 10 most-mentioned actors" in notes
    assert payload["top"]["STATE"][0]["id"] == "alone"  # the tables still list every actor


def test_timeline_counts_every_month_between_the_first_and_last():
    events = [{"type": "ATTACKED", "date": "2025-01-03"}, {"type": "MET", "date": "2025-03"},
              {"type": "ATTACKED", "date": "2025-03-30"}, {"type": "MET", "date": None}]
    assert timeline(events) == {"months": ["2025-01", "2025-02", "2025-03"], "undated": 1,
                                "counts": {"ATTACKED": [1, 0, 1], "MET": [0, 0, 1]}}


def test_places_are_drawn_when_found_and_listed_when_not():
    record = {"id": "a1", "published": "2025-05-12", "error": None, "relations": [], "entities": [
        {"id": "burkina_faso", "label": "Burkina Faso", "type": "STATE", "mentions": ["Burkina"], "mention_count": 1},
        {"id": "djibo", "label": "Djibo", "type": "LOCATION", "mentions": ["Djibo"], "mention_count": 2},
        {"id": "atlantis", "label": "Atlantis", "type": "LOCATION", "mentions": ["Atlantis"], "mention_count": 1}]}
    payload = build_payload([record], sahel_ner.build_graph([record]))
    assert [p["id"] for p in payload["places"]] == ["djibo"] and payload["places"][0]["mentions"] == 2
    assert round(payload["places"][0]["lat"]) == 14 and payload["places"][0]["country"] == "Burkina Faso"
    assert payload["unresolved"] == [{"id": "atlantis", "label": "Atlantis", "mentions": 1}]


def test_notebook_pictures_are_pages_in_iframes(sample_out, run):
    import sahel_ner.viz as viz

    graph = viz.graph(sample_out)._repr_html_()
    assert graph.startswith("<iframe srcdoc=") and "data-view=&quot;graph&quot;" in graph
    assert "leaflet-control-zoom" not in graph  # one picture, only its own libraries
    assert "data-view=&quot;map&quot;" in viz.map(sample_out)._repr_html_()
    records = [json.loads(line) for line in (sample_out / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    assert "data-view=&quot;timeline&quot;" in viz.timeline(records)._repr_html_()
    doc = run("JNIM fighters attacked a Malian army post near Ségou on Tuesday.", "2025-01-02")
    shown = sahel_ner.ArticleResult.from_doc(doc).show()._repr_html_()
    assert "JNIM" in shown and "ATTACKED" in shown
