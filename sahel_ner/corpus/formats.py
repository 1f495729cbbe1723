"""Article text and publication date out of each input format (HTML, Markdown,
plain text with a header or dateline), date values normalised to ISO days, and
the language a web page states."""
from __future__ import annotations

import re
from datetime import date, datetime

DATE_FIELDS = ("published", "date", "published_at", "publication_date", "datePublished", "pub_date")

# "Published: 2025-09-15", "Date: ...", and in French "Publié le 15 septembre 2025", "Date de publication : ..."
_DATE_LINE = re.compile(r"^\s*(?:published|date|dateline|publication date|posted"
                        r"|publi[ée]e?|date de publication|mis à jour)\s*(?:[:\-]|\s+le\b)\s*(.+?)\s*$", re.I)
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
          r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
# A line that is only a date, as news sites print under the headline:
# "Monday, September 15, 2025", "15 Sep 2025", "Sept. 15, 2025 - 10:42 GMT", "Updated 15 September 2025".
_DATELINE = re.compile(
    rf"^\s*(?:(?:updated|published|posted)\s*:?\s*)?{_WEEKDAY}"
    rf"(?P<date>{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}})"
    r"(?:\s*(?:[-–—|,]|at)?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,5})?)?\s*$", re.I)

# <html lang="fr"> (or xml:lang), read from the start of the page only
_HTML_LANG = re.compile(r"<html\b[^>]*?(?<![\w:-])(?:xml:)?lang\s*=\s*[\"']?\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)", re.I)


def html_language(html: str) -> str | None:
    """The language a page states on its ``<html>`` element ("fr" for ``lang="fr-FR"``), or None."""
    match = _HTML_LANG.search(html[:10_000])
    return match.group(1).split("-")[0].split("_")[0].lower() if match else None


def html_to_text(html: str) -> tuple[str, str | None]:
    """Article text of a web page (boilerplate dropped) and its publication date."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False,
                                      favor_precision=True, date_extraction_params={"extensive_search": False,
                                                                                    "original_date": True})
    text = getattr(doc, "text", None) if doc is not None else None
    if not text:  # pages too short for the main extractor: fall back to the plain-text baseline
        text = trafilatura.html2txt(html) or ""
    # one paragraph a line in trafilatura's output: a blank line between them keeps
    # headlines and datelines out of the next sentence
    text = "\n\n".join(line.strip() for line in text.splitlines() if line.strip())
    title = getattr(doc, "title", None) if doc is not None else None
    if title and title.strip() and not text.lstrip().startswith(title.strip()):
        text = f"{title.strip()}\n\n{text}"  # headlines carry relations too
    published = normalize_date(getattr(doc, "date", None)) if doc is not None else None
    return text, published or date_from_header(text)


def markdown_to_text(markdown: str) -> tuple[str, str | None]:
    """Plain text of a Markdown article and the date of its front matter (or header)."""
    published = None
    match = _FRONT_MATTER.match(markdown)
    if match:
        for line in match.group(1).splitlines():
            key, _, value = line.partition(":")
            if key.strip().lower() in {f.lower() for f in DATE_FIELDS}:
                published = normalize_date(value.strip().strip("'\""))
        markdown = markdown[match.end():]
    text = re.sub(r"^\s{0,3}#{1,6}\s+", "", markdown, flags=re.M)        # headings
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)                     # images
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)                 # links keep their text
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)                      # bold
    text = re.sub(r"(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\1(?![\w*])", r"\2", text)  # italics
    text = re.sub(r"^\s{0,3}>\s?", "", text, flags=re.M)                 # quotes
    text = re.sub(r"^\s{0,3}[-*+]\s+", "", text, flags=re.M)             # bullets
    return text, published or date_from_header(text)


def date_from_header(text: str, lines: int = 6) -> str | None:
    """Date of a "Published: 15 September 2025" line, or of a dateline
    ("Monday, September 15, 2025"), among the first non-blank lines."""
    head = [line for line in text.lstrip("\ufeff").splitlines() if line.strip()][:lines]
    for line in head:
        match = _DATE_LINE.match(line)
        if match:
            return normalize_date(match.group(1))
    for line in head:
        match = _DATELINE.match(line)
        if match:
            return normalize_date(match.group("date"))
    return None


def normalize_date(value) -> str | None:
    """ISO day ("2025-09-15") for a date value in metadata, else None."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    if isinstance(value, (datetime, date)):
        return value.strftime("%Y-%m-%d")
    if not isinstance(value, (str, int, float)):
        return None  # a list or an object where a date was expected
    value = str(value).strip()
    match = _ISO_DATE.match(value)
    if match:
        try:
            return date(*map(int, match.groups())).isoformat()
        except ValueError:
            return None
    if len(value) > 100:
        return None  # not a date; dateparser would only spend time on it
    import dateparser

    try:
        parsed = dateparser.parse(value, languages=["en", "fr"],
                                  settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]})
    except (ValueError, OverflowError):
        return None
    return parsed.strftime("%Y-%m-%d") if parsed else None
