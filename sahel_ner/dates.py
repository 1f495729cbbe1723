"""Dates stated in text, resolved against the article's publication date.

dateparser does the parsing ("on July 9", "last month", "17 September 2024",
"le 17 septembre", "mardi dernier", "hier"); this module only picks the ISO
granularity the text supports: a day ("2025-07-09"), a month ("2025-08") or a
year ("2024"). Without a publication date, a date whose year the text does not
state is left out rather than guessed. A weekday alone ("on Tuesday", "lundi",
"dans la nuit de samedi à dimanche") gives no date in either language: the
event then takes the publication date (see :mod:`sahel_ner.events`).

English date phrases come from the English model's DATE entities. The French
model has no DATE label, so :func:`date_spans` finds French date phrases in the
text, and the ``sahel_dates`` component adds them to ``doc.ents`` as DATE (put
it after the statistical NER, before the actor ruler).
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
_RELATIVE = re.compile(r"\b(ago|last|next|yesterday|today|this|earlier|previous)\b", re.I)
_VAGUE = re.compile(r"\b(years?|decades?|centur(y|ies)|times?|days|weeks|months|recent|now|period|era)\b", re.I)
_WEEKDAY = re.compile(r"^(on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$", re.I)

# -- French -------------------------------------------------------------------
_FR_WEEKDAYS = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
_FR_MONTHS = (r"janvier|janv\.|f[ée]vrier|f[ée]vr\.|mars|avril|avr\.|mai|juin|juillet|juil\.|ao[uû]t|septembre|sept\."
              r"|octobre|oct\.|novembre|nov\.|d[ée]cembre|d[ée]c\.")
_FR_DAY = r"(?:1er|[12]\d|3[01]|0?[1-9])"
_FR_YEAR = r"(?:1[89]|20)\d\d"
_FR_PART = r"(?:matin|soir|après-midi|apres-midi|matinée|soirée|nuit)"
_FR_LAST = r"(?:derni[eè]re?|pass[ée]e?)"
# A word that only French dates use (not "sept.", "oct.", "nov.", "dec.": English abbreviates them
# too): the text is resolved as French.
_FR_ONLY_MONTHS = r"janvier|janv\.|f[ée]vrier|f[ée]vr\.|mars|avril|avr\.|mai|juin|juillet|juil\.|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|déc\."
_FRENCH = re.compile(rf"\b(?:{_FR_WEEKDAYS}|{_FR_ONLY_MONTHS}|hier|avant-hier|aujourd'hui|derni[eè]re?|pass[ée]e?|prochaine?"
                     r"|semaine|mois|ann[ée]e|l'an|il y a|nuit|d[ée]but|fin|mi-)(?!\w)", re.I)
_FR_RELATIVE = re.compile(r"\b(il y a|derni[eè]re?|pass[ée]e?|hier|avant-hier|aujourd'hui|prochaine?|cette|ce)\b", re.I)
_FR_VAGUE = re.compile(r"\b(ann[ée]es|ans|d[ée]cennies?|si[eè]cles?|fois|jours|semaines|r[ée]cemment|maintenant"
                       r"|p[ée]riode|[ée]poque)\b|\bces\s+derni", re.I)
_FR_BARE_WEEKDAY = re.compile(rf"^(?:(?:le|ce)\s+)?(?:{_FR_WEEKDAYS})(?:\s+{_FR_PART})?$", re.I)
_FR_WEEKDAY_LAST = re.compile(rf"^(?:(?:le|ce)\s+)?({_FR_WEEKDAYS})(?:\s+{_FR_PART})?\s+{_FR_LAST}$", re.I)
_FR_NIGHT = re.compile(r"^(?:dans\s+)?(?:la\s+)?nuit\s+(?:du|de)\s+(.+?)\s+(?:au|à)\s+(.+)$", re.I)
_FR_RANGE = re.compile(rf"^(?:du\s+)?({_FR_DAY})\s+au\s+{_FR_DAY}\s+(.+)$", re.I)
_FR_LEADING = re.compile(r"^(?:(?:dans|depuis|en|le|la|les|ce|cette|du|au|à)\s+|l')", re.I)
_FR_MONTH_EDGE = re.compile(r"\b(?:au\s+)?(?:d[ée]but|fin|courant|mi-|à\s+la\s+mi-)\s*(?:de\s+|d')?", re.I)
_FR_TRAILING_LAST = re.compile(rf"^((?:{_FR_MONTHS}))\s+{_FR_LAST}$", re.I)

# Date phrases in French text, longest first (what the French model's NER does not find).
_FR_SPAN = re.compile(
    r"(?<![\w-])(?:"
    rf"(?:la\s+)?nuit\s+(?:du|de)\s+(?:(?:{_FR_WEEKDAYS})\s+)?(?:{_FR_DAY}\s+)?(?:(?:{_FR_MONTHS})\s+)?(?:{_FR_YEAR}\s+)?"
    rf"(?:au|à)\s+(?:(?:{_FR_WEEKDAYS})\s*)?(?:{_FR_DAY}\s+)?(?:{_FR_MONTHS})?(?:\s+{_FR_YEAR})?"
    rf"|{_FR_DAY}\s+au\s+{_FR_DAY}\s+(?:{_FR_MONTHS})(?:\s+{_FR_YEAR})?"
    rf"|(?:(?:le|ce)\s+)?(?:(?:{_FR_WEEKDAYS})\s+)?{_FR_DAY}\s+(?:{_FR_MONTHS})(?:\s+{_FR_YEAR})?"
    rf"|(?:(?:d[ée]but|fin|courant|mi-)\s*(?:d'|de\s+)?)?(?:{_FR_MONTHS})(?:\s+{_FR_YEAR}|\s+{_FR_LAST})?"
    rf"|(?:d[ée]but|fin|mi-)\s*{_FR_YEAR}"
    rf"|(?:{_FR_WEEKDAYS})(?:\s+{_FR_PART})?(?:\s+{_FR_LAST})?"
    r"|avant-hier|hier|aujourd'hui"
    rf"|(?:la\s+semaine|le\s+mois|l'ann[ée]e|l'an)\s+{_FR_LAST}"
    r"|il\s+y\s+a\s+(?:\w+|\d+)\s+(?:jours?|semaines?|mois|ans?|années?)"
    rf"|(?<=\ben\s){_FR_YEAR}|(?<=\bdepuis\s){_FR_YEAR}"
    r")(?![\w-])", re.I)


@lru_cache(maxsize=2)
def _parser(lang: str = "en"):
    from dateparser.date import DateDataParser  # imported lazily: it takes a second to load

    return DateDataParser(languages=[lang], settings={"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": False})


def _base(published: str | None) -> datetime | None:
    if not published:
        return None
    try:
        return datetime.fromisoformat(published[:10])
    except ValueError:
        return None


def _parse(text: str, lang: str, base: datetime | None, has_year: bool) -> tuple[datetime, str] | None:
    """dateparser's reading of a phrase: the date (this year's at most, without a
    stated year) and its period."""
    parser = _parser(lang)
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
    return when, data.period or "day"


def _iso(when: datetime, period: str) -> str | None:
    if period == "year":
        return f"{when.year:04d}"
    if period == "month":
        return f"{when.year:04d}-{when.month:02d}"
    if period == "week":
        return None
    return when.strftime("%Y-%m-%d")


@lru_cache(maxsize=20_000)
def resolve_date(text: str, published: str | None) -> str | None:
    """ISO date (day, month or year precision) for a date phrase, or None."""
    text = text.strip()
    if _FRENCH.search(text.replace("\u2019", "'")):
        return _resolve_french(text, published)
    if not text or (_VAGUE.search(text) and not _RELATIVE.search(text)) or _WEEKDAY.match(text):
        return None
    has_year = bool(_YEAR.search(text))
    base = _base(published)
    if base is None and not has_year:
        return None
    found = _parse(text, "en", base, has_year)
    return _iso(*found) if found else None


def _resolve_french(text: str, published: str | None) -> str | None:
    """A French date phrase: "le 17 septembre", "mardi dernier", "hier", "le 3
    mars 2024", "la nuit du 31 mars au 1er avril" (the night's first day), "du 27
    au 31 mars 2022" (the first day), "fin juillet" (the month), "l'an dernier"."""
    text = re.sub(r"\s+", " ", text.replace("\u2019", "'").strip().lower())
    if (_FR_VAGUE.search(text) and not _FR_RELATIVE.search(text.replace("ces ", ""))) or _FR_BARE_WEEKDAY.match(text):
        return None
    night = _FR_NIGHT.match(text)
    if night:  # the night's first day, with the month and year stated at its end
        first, last = night.groups()
        if not re.search(_FR_MONTHS, first):
            month = re.search(rf"(?:{_FR_MONTHS})(?:\s+{_FR_YEAR})?", last)
            first = f"{first} {month.group(0)}" if month else first
        return _resolve_french(first, published)
    spread = _FR_RANGE.match(_FR_LEADING.sub("", text))
    if spread:
        text = f"{spread.group(1)} {spread.group(2)}"
    while _FR_LEADING.match(text):
        stripped = _FR_LEADING.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped
    text = _FR_MONTH_EDGE.sub("", text).strip()
    text = re.sub(r"\b1er\b", "1", text)
    text = re.sub(r"^an\s+", "année ", text)  # "l'an dernier"
    text = re.sub(rf"^(semaine|mois|année)\s+{_FR_LAST}$", lambda m: f"{m.group(1)} dernier", text)
    text = {"semaine dernier": "la semaine dernière", "mois dernier": "le mois dernier",
            "année dernier": "l'année dernière"}.get(text, text)
    month_last = _FR_TRAILING_LAST.match(text)
    if month_last:
        text = month_last.group(1)  # "février dernier": the last February, which "prefer past" gives
    base = _base(published)
    has_year = bool(_YEAR.search(text))
    if base is None and not has_year:
        return None
    weekday = _FR_WEEKDAY_LAST.match(text)
    if weekday:  # "mardi dernier": the last Tuesday before the publication day
        found = _parse(weekday.group(1), "fr", base, has_year)
        if found is None:
            return None
        when = found[0] - timedelta(days=7) if found[0].date() >= base.date() else found[0]
        return when.strftime("%Y-%m-%d")
    text = re.sub(rf"\s+{_FR_PART}$", "", text)
    if not text or _FR_BARE_WEEKDAY.match(text):
        return None
    found = _parse(text, "fr", base, has_year)
    return _iso(*found) if found else None


# -- French date phrases as DATE entities ---------------------------------------
def date_spans(doc: Doc) -> list[Span]:
    """DATE spans for the French date phrases of a doc (token-aligned)."""
    spans = []
    for match in _FR_SPAN.finditer(doc.text):
        span = doc.char_span(match.start(), match.end(), label="DATE", alignment_mode="expand")
        if span is not None:
            spans.append(span)
    return filter_spans(spans)


@Language.factory("sahel_dates", requires=["doc.ents"], assigns=["doc.ents"], default_config={"lang": "fr"})
def make_date_finder(nlp: Language, name: str, lang: str) -> "DateFinder":
    return DateFinder(name, lang)


class DateFinder:
    """Adds the date phrases of a language whose model has no DATE entities to
    ``doc.ents`` (a date wins over a statistical entity it overlaps)."""

    def __init__(self, name: str = "sahel_dates", lang: str = "fr"):
        if lang != "fr":
            raise ValueError(f"no date phrases for language {lang!r} (the model's DATE entities serve English)")
        self.name = name
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        dates = date_spans(doc)
        if dates:
            taken = {i for span in dates for i in range(span.start, span.end)}
            kept = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
            doc.set_ents(filter_spans(dates + kept))
        return doc
