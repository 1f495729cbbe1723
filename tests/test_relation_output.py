"""The relation output contract on whole articles: evidence offsets, flags and
value ranges, no self-relations, nothing from menus, tickers or link lists."""
from __future__ import annotations

from pathlib import Path

import pytest

import sahel_ner
from sahel_ner.readers import iter_inputs

EXAMPLES = Path(__file__).parent.parent / "examples" / "articles"

# A scraped page: navigation, a ticker, the article, a share bar and a "Most read" link list.
SCRAPED_PAGE = """Home | Africa | Mali | Burkina Faso | Niger | Opinion | Subscribe
Breaking: Wagner pulls out of Mali | EU sanctions junta figures | JNIM attacks Kayes
Sahel Monitor

Malian army says it repelled JNIM assault on Boulkessi camp

BAMAKO - Malian troops repelled an assault by JNIM fighters on the Boulkessi camp on Tuesday, the army said.
The army said its drones later struck JNIM positions near the Burkinabe border.
Africa Corps instructors have trained Malian special forces at the camp since March, officials said.

Share on Facebook | Share on X | Email
Most read
Russia sends more Africa Corps troops to Mali
ECOWAS sanctions Guinea junta leaders
JNIM fighters storm army post near Ségou
Niger expels French ambassador
Related topics: JNIM, Wagner, ECOWAS, Sahel
"""


@pytest.fixture(scope="module")
def example_docs(run):
    return [run(item.text, published=item.published) for item in iter_inputs(EXAMPLES) if not item.error]


def test_examples_give_relations(example_docs):
    assert len(example_docs) >= 10
    assert sum(len(doc._.relations) for doc in example_docs) >= 20


def test_every_relation_keeps_the_contract(example_docs):
    for doc in example_docs:
        actor_ids = {actor["id"] for actor in doc._.actors}
        for rel in doc._.relations:
            assert rel["source"] != rel["target"], rel
            assert rel["type"] in {"MET", "SANCTIONED", "ATTACKED", "ARRESTED", "SUPPORTED"}
            assert doc.text[rel["start"]:rel["end"]] == rel["sentence"]
            assert rel["sentence"][rel["trigger_start"] - rel["start"]:].startswith(rel["trigger"].split()[0])
            assert 0.0 <= rel["confidence"] <= 1.0
            assert all(isinstance(rel[flag], bool) for flag in ("negated", "hedged", "implicit"))
            assert rel["date"] is None or rel["date"][:2] in ("19", "20")
            # both ends are actors of the article (a capital may stand for its state)
            assert rel["target"] in actor_ids or rel["type"] != "ATTACKED" or rel["target"] in actor_ids


def test_menus_tickers_and_link_lists_give_no_relations(run):
    doc = run(SCRAPED_PAGE, published="2025-06-18")
    found = {(r["source"], r["type"], r["target"]) for r in doc._.relations}
    # the article's own sentences are read ...
    assert ("jnim", "ATTACKED", "malian_armed_forces") in found  # "Malian troops repelled an assault by JNIM fighters"
    assert ("malian_armed_forces", "ATTACKED", "jnim") in found  # "the army said its drones struck JNIM positions"
    assert ("africa_corps", "SUPPORTED", "malian_armed_forces") in found
    # ... the ticker and the "Most read" list are not
    body_start = SCRAPED_PAGE.index("BAMAKO")
    body_end = SCRAPED_PAGE.index("Share on Facebook")
    assert all(body_start <= r["start"] < body_end for r in doc._.relations), [r["sentence"] for r in doc._.relations]
    assert ("ecowas", "SANCTIONED", "guinea") not in found
    assert ("russia", "SUPPORTED", "mali") not in found


def test_a_lone_headline_and_a_read_more_line_are_read(run):
    doc = run("EU sanctions Mali junta members\n\nThe decision was published on Friday.\n"
              "Read more: ECOWAS lifts sanctions on Mali\n")
    found = {(r["source"], r["type"], r["target"], r["negated"]) for r in doc._.relations}
    assert ("eu", "SANCTIONED", "mali", False) in found


def test_a_retold_act_under_a_confidence_floor(nlp):
    """An act told twice, the first reading dropped by the confidence floor:
    the retelling neither crashes nor revives it."""
    text = "JNIM reportedly ambushed Malian soldiers near Gao on Monday. Two soldiers were killed."
    strict = sahel_ner.load()
    strict.get_pipe("sahel_relation_extractor").min_confidence = 0.85
    assert strict(text)._.relations == []
    found = [(r["source"], r["target"], r["implicit"]) for r in nlp(text)._.relations]
    assert found == [("jnim", "malian_armed_forces", False)]  # told again, not added again
