"""Reading a folder of articles, whatever state the files are in.

:func:`iter_inputs` walks a folder (recursively, in sorted order, hidden files
skipped) and yields one :class:`ArticleInput` per article:

- ``.txt``: the text as is (so offsets match the file); a ``Published:`` /
  ``Date:`` line among the first lines gives the publication date;
- ``.md``: front matter (``date:``/``published:``) read and dropped, markup
  stripped;
- ``.html``/``.htm``: the article text extracted by trafilatura (menus, footers
  and teasers dropped), the date from the page metadata;
- ``.json`` (one record or a list) and ``.jsonl`` (one record a line): records
  with a text field (``text``, ``body``, ``content``, ``article`` or ``html``),
  an optional ``id`` and a date (``published``, ``date``, ...).

Encodings: UTF-8 (with or without BOM), UTF-16/32 with BOM, and legacy
single-byte encodings (cp1252, latin-1) detected by charset-normalizer.
A file that cannot be read (binary, empty, truncated, too large, malformed)
yields an input with ``error`` set: reading never raises for one bad file.
"""
from __future__ import annotations

import codecs
import json
import os
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Iterable, Iterator

TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
TEXT_FIELDS = ("text", "body", "content", "article", "full_text", "html")
DATE_FIELDS = ("published", "date", "published_at", "publication_date", "datePublished", "pub_date")
ID_FIELDS = ("id", "article_id", "uid")

_BOMS = [(codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]
_DATE_LINE = re.compile(r"^\s*(?:published|date|dateline|publication date|posted)\s*[:\-]\s*(.+?)\s*$", re.I)
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


class ReadError(Exception):
    """A file or record that cannot be turned into article text."""


@dataclass(frozen=True)
class ArticleInput:
    """One article to process: its text, or the reason it has none."""

    id: str
    path: str | None
    text: str | None
    published: str | None = None
    error: str | None = None


# -- walking ------------------------------------------------------------------------
def list_files(root: str | os.PathLike) -> list[Path]:
    """Files under ``root`` (or ``root`` itself), sorted by relative path, hidden ones skipped."""
    root = Path(root)
    if root.is_file():
        return [root]
    files = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        files += [Path(dirpath) / name for name in filenames if not name.startswith(".")]
    return sorted(files, key=lambda p: p.relative_to(root).as_posix())


def iter_inputs(root: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[ArticleInput]:
    """Every article under ``root``, in a deterministic order, with unique ids."""
    root = Path(root)
    base = root.parent if root.is_file() else root
    seen: set[str] = set()
    for path in list_files(root):
        for item in read_file(path, base=base, max_bytes=max_bytes):
            unique = unique_id(item.id, seen)
            yield item if unique == item.id else ArticleInput(unique, item.path, item.text, item.published, item.error)


def unique_id(article_id: str, seen: set[str]) -> str:
    """``article_id``, or ``<id>-2``, ``<id>-3``... if taken ("a.txt" and "sub/a.txt":
    the later one becomes "a-2"); records the id returned in ``seen``."""
    unique, n = article_id, 2
    while unique in seen:
        unique = f"{article_id}-{n}"
        n += 1
    seen.add(unique)
    return unique


def read_file(path: str | os.PathLike, *, base: str | os.PathLike | None = None,
              max_bytes: int = DEFAULT_MAX_BYTES) -> list[ArticleInput] | Iterator[ArticleInput]:
    """The article(s) in one file; errors become inputs with ``error`` set."""
    path = Path(path)
    rel = path.relative_to(base).as_posix() if base is not None else path.name
    stem = path.stem
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return _read_jsonl(path, rel, stem, max_bytes)
    try:
        if suffix not in SUPPORTED_SUFFIXES:
            raise ReadError(f"unsupported file type {suffix or '(no extension)'!r}; "
                            f"readable: {', '.join(sorted(SUPPORTED_SUFFIXES))}")
        size = path.stat().st_size
        if size > max_bytes:
            raise ReadError(f"file too large ({size / 1_048_576:.1f} MB > {max_bytes / 1_048_576:.1f} MB limit; "
                            f"raise it with --max-size-mb)")
        raw = path.read_bytes()
        if suffix in JSON_SUFFIXES:
            return list(_read_json(decode_bytes(raw), rel, stem))
        text = decode_bytes(raw)
        if suffix in HTML_SUFFIXES:
            text, published = html_to_text(text)
        elif suffix in MARKDOWN_SUFFIXES:
            text, published = markdown_to_text(text)
        else:
            published = date_from_header(text)
        return [_checked(ArticleInput(stem, rel, text, published))]
    except ReadError as err:
        return [ArticleInput(stem, rel, None, None, str(err))]
    except OSError as err:
        return [ArticleInput(stem, rel, None, None, f"cannot read file: {err.strerror or err}")]


def _checked(item: ArticleInput) -> ArticleInput:
    if item.error is None and not (item.text or "").strip():
        return ArticleInput(item.id, item.path, None, item.published, "no article text found")
    return item


# -- decoding -----------------------------------------------------------------------
def decode_bytes(raw: bytes) -> str:
    """Text of a file in any common encoding; ReadError for empty, binary or truncated data."""
    if not raw.strip():
        raise ReadError("empty file")
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError as err:
                raise ReadError(f"truncated or corrupt {encoding} text ({err.reason})") from None
            return _require_text(text)
    try:
        return _require_text(raw.decode("utf-8"))
    except UnicodeDecodeError as err:
        if err.reason == "unexpected end of data" and err.start >= len(raw) - 3:
            raise ReadError("truncated file: it ends inside a UTF-8 character") from None
    if b"\x00" in raw[:4096]:
        # NULs outside UTF-16/32 (which have BOMs here) mean binary data
        raise ReadError("binary file (not text)")
    from charset_normalizer import from_bytes

    best = from_bytes(raw, cp_isolation=None).best()
    if best is None:
        raise ReadError("binary file or unknown encoding")
    return _require_text(str(best))


def _require_text(text: str) -> str:
    if not text.strip():
        raise ReadError("empty file")
    sample = text[:20000]
    odd = sum(1 for c in sample if unicodedata.category(c) in ("Cc", "Co", "Cs", "Cn") and c not in "\n\r\t\f")
    if odd > max(3, len(sample) // 50):
        raise ReadError("binary file (not text)")
    return text


# -- formats ------------------------------------------------------------------------
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
    return text, published


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
    """Date of a "Published: 15 September 2025" line among the first lines."""
    for line in text.lstrip("\ufeff").splitlines()[:lines]:
        match = _DATE_LINE.match(line)
        if match:
            return normalize_date(match.group(1))
    return None


def normalize_date(value) -> str | None:
    """ISO day ("2025-09-15") for a date value in metadata, else None."""
    if value is None or value == "":
        return None
    if isinstance(value, (datetime, date)):
        return value.strftime("%Y-%m-%d")
    value = str(value).strip()
    match = _ISO_DATE.match(value)
    if match:
        try:
            return date(*map(int, match.groups())).isoformat()
        except ValueError:
            return None
    import dateparser

    parsed = dateparser.parse(value, languages=["en", "fr"],
                              settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]})
    return parsed.strftime("%Y-%m-%d") if parsed else None


def _record_input(record, rel: str, default_id: str) -> ArticleInput:
    if not isinstance(record, dict):
        return ArticleInput(default_id, rel, None, None, f"record is a {type(record).__name__}, not an object")
    own_id = next((record[k] for k in ID_FIELDS if isinstance(record.get(k), (str, int)) and str(record[k]).strip()), None)
    article_id = str(own_id).strip() if own_id is not None else default_id
    published = next((normalize_date(record[k]) for k in DATE_FIELDS if record.get(k)), None)
    field = next((k for k in TEXT_FIELDS if isinstance(record.get(k), str) and record[k].strip()), None)
    if field is None:
        return ArticleInput(article_id, rel, None, published,
                            f"record has no text field ({', '.join(TEXT_FIELDS)})")
    text = record[field]
    if field == "html":
        text, page_date = html_to_text(text)
        published = published or page_date
    return _checked(ArticleInput(article_id, rel, text, published))


def _read_json(text: str, rel: str, stem: str) -> Iterator[ArticleInput]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise ReadError(f"malformed JSON: {err.msg} at line {err.lineno} column {err.colno}") from None
    if isinstance(data, list):
        for n, record in enumerate(data, 1):
            yield _record_input(record, rel, f"{stem}-{n}")
    else:
        yield _record_input(data, rel, stem)


def _read_jsonl(path: Path, rel: str, stem: str, max_bytes: int) -> Iterator[ArticleInput]:
    """One input per non-blank line; the size limit applies to each record."""
    try:
        stream = path.open("rb")
    except OSError as err:
        yield ArticleInput(stem, rel, None, None, f"cannot read file: {err.strerror or err}")
        return
    produced = False
    with stream:
        for n, raw in enumerate(stream, 1):
            if n == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            if not raw.strip():
                continue
            produced = True
            record_id = f"{stem}-{n}"
            if len(raw) > max_bytes:
                yield ArticleInput(record_id, rel, None, None, f"record too large ({len(raw) / 1_048_576:.1f} MB)")
                continue
            try:
                record = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError:
                yield ArticleInput(record_id, rel, None, None, f"line {n} is not UTF-8 text")
                continue
            except json.JSONDecodeError as err:
                yield ArticleInput(record_id, rel, None, None, f"malformed JSON on line {n}: {err.msg}")
                continue
            yield _record_input(record, rel, record_id)
    if not produced:
        yield ArticleInput(stem, rel, None, None, "empty file")


def inputs_from_texts(texts: Iterable[str], published: str | None | Iterable[str | None] = None,
                      ids: Iterable[str] | None = None) -> Iterator[ArticleInput]:
    """Inputs for texts held in memory (ids "0", "1", ... unless given)."""
    dates = iter(published) if published is not None and not isinstance(published, str) else None
    id_iter = iter(ids) if ids is not None else None
    for n, text in enumerate(texts):
        article_id = next(id_iter) if id_iter is not None else str(n)
        date_value = next(dates) if dates is not None else published
        if not isinstance(text, str) or not text.strip():
            yield ArticleInput(article_id, None, None, normalize_date(date_value), "empty text")
        else:
            yield ArticleInput(article_id, None, text, normalize_date(date_value))
