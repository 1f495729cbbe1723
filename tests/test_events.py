"""Events: relations of a batch grouped into what happened, once.

The corpus (tests/data/multi_report/) is ours: nine events, each reported by one
to four short articles in different wordings, date expressions ("on Tuesday",
"on 16 September", "September 16") and name variants (JNIM / GSIM /
Jama'at Nusrat al-Islam wal-Muslimin, Boulkessi / Boulkessy, Tillabéri /
Tillaberi / Tillabery), with distractor events on the same pair at other dates.
"""
from __future__ import annotations

import csv
import json
from itertools import combinations
from pathlib import Path

import pytest

import sahel_ner
from sahel_ner.events import annotate_graph, cluster, event_counts
from sahel_ner.outputs.events import write_events_csv, write_events_jsonl
from sahel_ner.models import ArticleResult

DATA = Path(__file__).parent / "data"
GOLD = json.loads((DATA / "multi_report_gold.json").read_text(encoding="utf-8"))["events"]


@pytest.fixture(scope="session")
def corpus_records() -> list[dict]:
    return [r.to_record() for r in sahel_ner.extract_many([DATA / "multi_report"])]


@pytest.fixture(scope="session")
def corpus_events(corpus_records) -> list[dict]:
    return cluster(corpus_records)


def _gold_label(article: str, sentence: str, rtype: str) -> str | None:
    for event in GOLD:
        if event["type"] == rtype and any(a == article and q in sentence for a, q in event["reports"]):
            return event["event"]
    return None


def pairwise(events: list[dict]) -> tuple[float, float, float]:
    """Pairwise clustering precision, recall and F1 over gold reports; a gold
    report the pipeline missed counts as a cluster of its own."""
    predicted: dict[tuple[str, str], str] = {}
    for event in events:
        for report in event["reports"]:
            label = _gold_label(report["article"], report["sentence"], event["type"])
            if label is not None:
                predicted[(report["article"], label, report["sentence"])] = event["id"]
    gold = [(a, e["event"], q) for e in GOLD for a, q in e["reports"]]
    items = []
    for article, label, quote in gold:
        found = next((pid for (a, lab, sentence), pid in predicted.items()
                      if a == article and lab == label and quote in sentence), f"missing:{article}:{quote}")
        items.append((label, found))
    tp = fp = fn = 0
    for (g1, p1), (g2, p2) in combinations(items, 2):
        if g1 == g2 and p1 == p2:
            tp += 1
        elif p1 == p2:
            fp += 1
        elif g1 == g2:
            fn += 1
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, 2 * precision * recall / (precision + recall)


# -- the multi-report corpus, through the real pipeline ------------------------
def test_corpus_events_pairwise_f1(corpus_events):
    precision, recall, f1 = pairwise(corpus_events)
    assert precision >= 0.95 and recall >= 0.95, (precision, recall, f1)


def test_corpus_event_count_within_five_percent(corpus_events):
    assert abs(len(corpus_events) - len(GOLD)) <= 0.05 * len(GOLD), [
        (e["type"], e["source"], e["target"], e["date"]) for e in corpus_events]


def test_every_event_has_all_its_reports(corpus_events):
    by_key = {(e["type"], e["source"], e["target"], e["date"]): e for e in corpus_events}
    for gold in GOLD:
        event = by_key.get((gold["type"], gold["source"], gold["target"], gold["date"]))
        assert event is not None, gold["event"]
        assert sorted(r["article"] for r in event["reports"]) == sorted(a for a, _ in gold["reports"]), gold["event"]


def test_same_pair_other_dates_stay_apart(corpus_events):
    boulkessi = sorted(e["date"] for e in corpus_events if (e["location"] or {}).get("id") == "boulkessi")
    tillaberi = sorted(e["date"] for e in corpus_events if e["target"] == "tillaberi")
    assert boulkessi == ["2025-09-02", "2025-09-16"]
    assert tillaberi == ["2025-09-20", "2025-09-27"]


def test_denial_and_hedge_join_the_real_event(corpus_events):
    kayes = next(e for e in corpus_events if e["target"] == "kayes")
    flags = sorted((r["article"], r["negated"], r["hedged"]) for r in kayes["reports"])
    assert flags == [("a15", False, False), ("a16", False, True), ("a17", True, False)]
    assert not kayes["negated"] and not kayes["hedged"]
    denial = next(e for e in corpus_events if e["source"] == "wagner")
    assert denial["negated"] and denial["confidence"] < 0.5


def test_events_carry_places_with_coordinates(corpus_events):
    tillaberi = next(e for e in corpus_events if e["target"] == "tillaberi")
    loc = tillaberi["location"]
    assert loc["country"] == "Niger" and loc["admin1"] == "Tillabéri"
    assert 13.5 < loc["lat"] < 15 and 1 < loc["lon"] < 2
    met = next(e for e in corpus_events if e["type"] == "MET")
    assert met["location"]["admin1"] == "Bamako" and met["first_reported"] == "2025-07-10"


def test_ids_are_stable_and_independent_of_order(corpus_records, corpus_events):
    again = cluster(list(reversed(corpus_records)))
    assert [e["id"] for e in again] == [e["id"] for e in corpus_events]
    assert len({e["id"] for e in corpus_events}) == len(corpus_events)


def test_models_are_accepted(corpus_records, corpus_events):
    models = [ArticleResult.model_validate(r) for r in corpus_records]
    assert [e["id"] for e in cluster(models)] == [e["id"] for e in corpus_events]


def test_writers(tmp_path, corpus_events):
    lines = write_events_jsonl(corpus_events, tmp_path / "events.jsonl").read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    assert len(lines) == len(corpus_events)
    assert {"id", "type", "source", "target", "date", "location", "reports"} <= first.keys()
    assert {"article", "sentence", "trigger", "date", "negated", "hedged"} <= first["reports"][0].keys()
    with open(write_events_csv(corpus_events, tmp_path / "events.csv"), encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(corpus_events)
    assert rows[0]["id"] == corpus_events[0]["id"] and "latitude" not in rows[0] and "lat" in rows[0]


def test_graph_edges_gain_event_count(corpus_records, corpus_events):
    graph = sahel_ner.build_graph(corpus_records)
    annotate_graph(graph, corpus_events)
    # every edge counts the events its evidence belongs to: at least one, at most one per sentence,
    # and fewer than its sentences where several articles told one event
    counts = event_counts(corpus_events)
    edges = list(graph.edges(keys=True, data=True))
    assert edges
    for source, target, rtype, data in edges:
        assert data["event_count"] == counts.get((source, rtype, target), 0), (source, rtype, target)
        assert 1 <= data["event_count"] <= data["weight"], (source, rtype, target)
    assert any(data["event_count"] < data["weight"] for *_, data in edges)


# -- hand-made records: one rule each ------------------------------------------
def _record(article, published, *rels):
    relations = []
    for rel in rels:
        relations.append({"source": rel[0], "type": rel[1], "target": rel[2], "date": rel[3],
                          "location": rel[4] if len(rel) > 4 else None, "sentence": f"{article} says so.",
                          "start": 0, "end": 10, "trigger": "attacked", "confidence": 0.9,
                          **(rel[5] if len(rel) > 5 else {})})
    return {"id": article, "published": published, "entities": [], "relations": relations, "error": None}


def test_a_week_apart_stays_two_events():
    events = cluster([_record("x1", "2025-03-02", ("jnim", "ATTACKED", "dori", "2025-03-01", "dori")),
                      _record("x2", "2025-03-09", ("jnim", "ATTACKED", "dori", "2025-03-08", "dori"))])
    assert len(events) == 2


def test_one_day_apart_is_one_event_and_month_precision_joins():
    events = cluster([_record("x1", "2025-03-02", ("jnim", "ATTACKED", "dori", "2025-03-01")),
                      _record("x2", "2025-03-03", ("jnim", "ATTACKED", "dori", "2025-03-02")),
                      _record("x3", "2025-04-20", ("jnim", "ATTACKED", "dori", "2025-03"))])
    assert len(events) == 1 and events[0]["date"] in ("2025-03-01", "2025-03-02")
    assert events[0]["report_count"] == 3


def test_a_denial_between_two_attacks_does_not_merge_them():
    events = cluster([_record("x1", "2025-03-02", ("jnim", "ATTACKED", "dori", "2025-03-01")),
                      _record("x2", "2025-03-04", ("jnim", "ATTACKED", "dori", "2025-03-03")),
                      _record("x3", "2025-03-05", ("jnim", "ATTACKED", "dori", "2025-03-02", None, {"negated": True}))])
    real = [e for e in events if not e["negated"]]
    assert len(real) == 2 and sum(e["report_count"] for e in events) == 3


def test_implicit_source_joins_the_event_it_agrees_with():
    events = cluster([_record("x1", "2025-03-02", ("jnim", "ATTACKED", "djibo", "2025-03-01", "djibo")),
                      _record("x2", "2025-03-02", ("mali", "ATTACKED", "djibo", "2025-03-01", "djibo",
                                                   {"implicit": True}))])
    assert len(events) == 1 and events[0]["source"] == "jnim"


def test_different_places_same_day_stay_apart_and_no_place_joins():
    events = cluster([_record("x1", "2025-03-02", ("jnim", "ATTACKED", "malian_armed_forces", "2025-03-01", "djibo")),
                      _record("x2", "2025-03-02", ("jnim", "ATTACKED", "malian_armed_forces", "2025-03-01", "kidal")),
                      _record("x3", "2025-03-02", ("jnim", "ATTACKED", "malian_armed_forces", "2025-03-01"))])
    assert len(events) == 2 and sorted(e["report_count"] for e in events) == [1, 2]


def test_symmetric_pairs_in_either_order_and_undated_reports_use_publication():
    events = cluster([_record("x1", "2025-05-10", ("assimi_goita", "MET", "vladimir_putin", "2025-05-09")),
                      _record("x2", "2025-05-11", ("vladimir_putin", "MET", "assimi_goita", None))])
    assert len(events) == 1 and events[0]["date"] == "2025-05-09" and events[0]["first_reported"] == "2025-05-10"


def test_a_place_standing_for_its_victims_joins_the_attack_on_the_named_force():
    places = [{"id": "boulkessi", "label": "Boulkessi", "type": "LOCATION", "mentions": ["Boulkessi"]}]
    army = _record("x1", "2025-09-17", ("jnim", "ATTACKED", "malian_armed_forces", "2025-09-16", "boulkessi"))
    place = _record("x2", "2025-09-17", ("jnim", "ATTACKED", "boulkessi", "2025-09-16", "boulkessi"))
    later = _record("x3", "2025-09-24", ("jnim", "ATTACKED", "boulkessi", "2025-09-23", "boulkessi"))
    for record in (army, place, later):
        record["entities"] = places
    events = cluster([place, army, later])
    assert len(events) == 2
    first = next(e for e in events if e["date"] == "2025-09-16")
    assert first["target"] == "malian_armed_forces" and first["report_count"] == 2
    counts = event_counts(events)
    assert counts[("jnim", "ATTACKED", "boulkessi")] == 2 and counts[("jnim", "ATTACKED", "malian_armed_forces")] == 1


def test_reports_without_any_date_join_only_their_own_article():
    events = cluster([_record("x1", None, ("jnim", "ATTACKED", "vdp", "2021-11-04"), ("jnim", "ATTACKED", "vdp", None)),
                      _record("x2", None, ("jnim", "ATTACKED", "vdp", None))])
    assert sorted(e["report_count"] for e in events) == [1, 2]
