"""Dates stated with a time zone ("at 17:00 GMT") resolve like any other date
(the parser returns an aware datetime, the publication date is naive)."""
from __future__ import annotations

from sahel_ner.dates import resolve_date


def test_a_time_zone_does_not_break_the_date():
    assert resolve_date("16 February 2024 at 17:00 GMT", "2024-02-17") == "2024-02-16"
    assert resolve_date("9 July 2025, 10:00 UTC", None) == "2025-07-09"


def test_an_article_with_a_zoned_time_is_processed(run):
    doc = run("JNIM fighters attacked a Malian army post near Niono on 16 February 2024 at 17:00 GMT.",
              published="2024-02-17")
    (relation,) = doc._.relations
    assert relation["date"] == "2024-02-16" and relation["target"] == "malian_armed_forces"
