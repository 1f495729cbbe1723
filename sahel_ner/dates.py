"""Dates stated in text, resolved against the article's publication date.

dateparser does the parsing ("on July 9", "last month", "17 September 2024");
this module only picks the ISO granularity the text supports: a day
("2025-07-09"), a month ("2025-08") or a year ("2024"). Without a publication
date, a date whose year the text does not state is left out rather than guessed.
"""
from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
_RELATIVE = re.compile(r"\b(ago|last|next|yesterday|today|this|earlier|previous)\b", re.I)
_VAGUE = re.compile(r"\b(years?|decades?|centur(y|ies)|times?|days|weeks|months|recent|now|period|era)\b", re.I)
_WEEKDAY = re.compile(r"^(on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$", re.I)


@lru_cache(maxsize=1)
def _parser():
    from dateparser.date import DateDataParser  # imported lazily: it takes a second to load

    return DateDataParser(languages=["en"], settings={"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": False})


@lru_cache(maxsize=20_000)
def resolve_date(text: str, published: str | None) -> str | None:
    """ISO date (day, month or year precision) for a date phrase, or None."""
    text = text.strip()
    if not text or (_VAGUE.search(text) and not _RELATIVE.search(text)) or _WEEKDAY.match(text):
        return None
    has_year = bool(_YEAR.search(text))
    base = None
    if published:
        try:
            base = datetime.fromisoformat(published[:10])
        except ValueError:
            base = None
    if base is None and not has_year:
        return None
    parser = _parser()
    parser._settings.RELATIVE_BASE = base or datetime(1900, 1, 1)
    try:
        data = parser.get_date_data(text)
    except Exception:  # dateparser raises on odd inputs; a missing date is not fatal
        return None
    when = data.date_obj if data else None
    if when is None:
        return None
    when = when.replace(tzinfo=None)  # "17:00 GMT" gives an aware date; the publication date is naive
    if base and when > base and not has_year:
        when = when.replace(year=when.year - 1)  # "on July 9" in a September article: this year's
    period = data.period or "day"
    if period == "year":
        return f"{when.year:04d}"
    if period == "month":
        return f"{when.year:04d}-{when.month:02d}"
    if period == "week":
        return None
    return when.strftime("%Y-%m-%d")
