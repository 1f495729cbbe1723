"""The corpus graph: aggregation, symmetric MET, filters, speed."""
from __future__ import annotations

import time

import pytest
from fixtures_articles import ARREST, ATTACK, LIFTED, SANCTIONS, TALKS, TALKS_REVERSED

from sahel_ner.graph import build_graph, symmetric_types
from sahel_ner.models import ArticleResult


@pytest.fixture(scope="module")
def results(run):
    texts = {"talks": (TALKS, "2025-07-10"), "talks-again": (TALKS_REVERSED, "2025-08-21"),
             "sanctions": (SANCTIONS, "2022-01-10"), "lifted": (LIFTED, "2022-07-04"),
             "attack": (ATTACK, "2024-09-18"), "arrest": (ARREST, "2025-08-15")}
    return [ArticleResult.from_doc(run(text, published=date, article_id=aid)) for aid, (text, date) in texts.items()]


def _edges(graph, rtype):
    return [(u, v, d) for u, v, k, d in graph.edges(keys=True, data=True) if k == rtype]


def test_nodes_carry_label_type_counts_and_aliases(results):
    graph = build_graph(results)
    goita = graph.nodes["assimi_goita"]
    assert goita["label"] == "Assimi Goïta" and goita["type"] == "PERSON"
    mali = graph.nodes["mali"]
    assert mali["type"] == "STATE" and mali["article_count"] >= 3 and mali["mention_count"] >= mali["article_count"]
    assert mali["aliases"] == sorted(mali["aliases"]) and mali["aliases"]


def test_met_is_one_edge_per_pair_whatever_the_order(results):
    graph = build_graph(results)
    met = [(u, v, d) for u, v, d in _edges(graph, "MET") if {u, v} == {"abdoulaye_diop", "rudolph_atallah"}]
    assert len(met) == 1
    u, v, data = met[0]
    assert (u, v) == ("abdoulaye_diop", "rudolph_atallah") and data["symmetric"]
    assert data["weight"] == 2 and data["articles"] == ["talks", "talks-again"]
    assert data["first_date"] == "2025-07-09" and data["last_date"] == "2025-08-20"
    assert [e["article"] for e in data["evidence"]] == ["talks", "talks-again"]
    assert "Rudolph Atallah met Abdoulaye Diop" in data["evidence"][1]["sentence"]


def test_edges_are_keyed_by_type_with_evidence(results):
    graph = build_graph(results)
    attacked = [(u, v, d) for u, v, d in _edges(graph, "ATTACKED") if u == "jnim"]
    assert attacked
    for _, _, data in attacked:
        assert data["type"] == "ATTACKED" and data["weight"] == len(data["evidence"]) >= 1
        assert 0 < data["confidence_mean"] <= data["confidence_max"] <= 1
        assert data["articles"] == ["attack"] and not data["symmetric"]


def test_negated_relations_are_dropped_by_default_and_counted_when_kept(results):
    lifted = [r for r in results if r.id == "lifted"][0]
    assert any(r.type == "SANCTIONED" and r.negated for r in lifted.relations), lifted.relations
    default = build_graph(results)
    sanctioned = dict(((u, v), d) for u, v, d in _edges(default, "SANCTIONED"))
    assert sanctioned[("ecowas", "mali")]["weight"] == 1 and sanctioned[("ecowas", "mali")]["negated_count"] == 0
    kept = build_graph(results, drop_negated=False)
    both = dict(((u, v), d) for u, v, d in _edges(kept, "SANCTIONED"))[("ecowas", "mali")]
    assert both["weight"] == 2 and both["negated_count"] == 1
    assert both["first_date"] <= both["last_date"]


def test_filters_types_confidence_isolated(results):
    only_met = build_graph(results, types=["met"])
    assert {k for _, _, k in only_met.edges(keys=True)} == {"MET"}
    implicit = [r for res in results for r in res.relations if r.implicit]
    assert implicit  # the agentless passive in ARREST
    strict = build_graph(results, min_confidence=0.7)
    assert not any(d["implicit_count"] for _, _, d in strict.edges(data=True))
    full = build_graph(results)
    assert any(d["implicit_count"] for _, _, d in full.edges(data=True))
    trimmed = build_graph(results, drop_isolated=True)
    assert trimmed.number_of_nodes() < full.number_of_nodes()
    assert all(trimmed.degree(n) > 0 for n in trimmed.nodes)


def test_symmetric_types_come_from_the_pipeline(nlp):
    assert symmetric_types(nlp) == frozenset({"MET"})


def test_same_results_give_the_same_graph_in_any_order(results):
    a = build_graph(results)
    b = build_graph(list(reversed(results)))
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))
    assert [(u, v, k) for u, v, k in a.edges(keys=True)] == [(u, v, k) for u, v, k in b.edges(keys=True)]


def test_ten_thousand_articles_build_fast(results):
    corpus = [r.model_copy(update={"id": f"{r.id}-{n}"}) for n in range(10_000 // len(results) + 1) for r in results]
    corpus = corpus[:10_000]
    started = time.perf_counter()
    graph = build_graph(corpus)
    seconds = time.perf_counter() - started
    assert seconds < 10, seconds
    met = graph.edges["abdoulaye_diop", "rudolph_atallah", "MET"]
    assert met["weight"] == sum(1 for r in corpus for rel in r.relations if rel.type == "MET"
                                and {rel.source, rel.target} == {"abdoulaye_diop", "rudolph_atallah"})
