"""Reading a folder of articles, whatever state the files are in.

:func:`iter_inputs` walks a folder (recursively, in sorted order, hidden files
and the output folder skipped) and yields :class:`ArticleInput` items:

- ``.txt``: the text as is (so offsets match the file); a ``Published:`` /
  ``Date:`` line or a dateline ("Monday, September 15, 2025") among the first
  lines gives the publication date;
- ``.md``: front matter (``date:``/``published:``) read and dropped, markup stripped;
- ``.html``/``.htm``: the article text extracted by trafilatura (menus, footers
  and teasers dropped), the date from the page metadata;
- ``.json`` (one record or a list) and ``.jsonl`` (one record a line): records
  with a text field (``text``, ``body``, ``content``, ``article`` or ``html``),
  an optional ``id``, a date (``published``, ``date``, ...) and a language
  (``lang`` or ``language``).

The language an input states (a record's field, ``<html lang>``) is kept in
``ArticleInput.lang``; :func:`sahel_ner.corpus.process.assign_languages` then
sets every input's language (see :mod:`sahel_ner.language`).

Encodings: UTF-8 (with or without BOM), UTF-16/32 with BOM, and legacy
single-byte encodings (cp1252, latin-1) detected by charset-normalizer.

Every file gives at least one input, and whatever a reader raises (a JSON
document nested too deeply, a missing optional library, a bug) becomes that
file's ``error``: reading never ends the stream early. Ids, paths and texts are
valid Unicode (an undecodable file name or a lone surrogate in JSON becomes
U+FFFD), so every output can be written.
"""
from __future__ import annotations

import codecs
import json
import os
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Iterator

from ..outputs import OUTPUT_FILES
from ..language import language_tag
from ..schema import safe_str
from .formats import DATE_FIELDS, date_from_header, html_language, html_to_text, markdown_to_text, normalize_date

TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
TEXT_FIELDS = ("text", "body", "content", "article", "full_text", "html")
ID_FIELDS = ("id", "article_id", "uid")
LANG_FIELDS = ("lang", "language")

_BOMS = [(codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]


class ReadError(Exception):
    """A file or record that cannot be turned into article text."""


@dataclass(frozen=True)
class ArticleInput:
    """One article to process: its text, or the reason it has none. ``lang``:
    the language the input states (a tag such as "fr"), then the language it is
    processed in, once :func:`~sahel_ner.corpus.process.assign_languages` has run."""

    id: str
    path: str | None
    text: str | None
    published: str | None = None
    error: str | None = None
    lang: str | None = None

    def clean(self) -> "ArticleInput":
        """The same input with every string valid Unicode."""
        return ArticleInput(*(safe_str(v) if isinstance(v, str) else v
                              for v in (self.id, self.path, self.text, self.published, self.error, self.lang)))


# -- walking ------------------------------------------------------------------------
def list_files(root: str | os.PathLike, *, exclude: Iterable[str | os.PathLike] = ()) -> list[Path]:
    """Files under ``root`` (or ``root`` itself), sorted by relative path; hidden
    ones skipped, and so is every folder in ``exclude`` (the output folder; when
    that is ``root`` itself, the output files in it)."""
    root = Path(root)
    if root.is_file():
        return [root]
    skip = {os.path.realpath(p) for p in exclude}
    files = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")
                       and os.path.realpath(os.path.join(dirpath, d)) not in skip]
        ours = OUTPUT_FILES if os.path.realpath(dirpath) in skip else ()  # OUT_DIR is INPUT_DIR itself
        files += [Path(dirpath) / name for name in filenames if not name.startswith(".") and name not in ours]
    return sorted(files, key=lambda p: p.relative_to(root).as_posix())


def iter_inputs(root: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES,
                exclude: Iterable[str | os.PathLike] = ()) -> Iterator[ArticleInput]:
    """Every article under ``root``, in a deterministic order, with unique ids."""
    root = Path(root)
    base = root.parent if root.is_file() else root
    seen: set[str] = set()
    for path in list_files(root, exclude=exclude):
        for item in read_file(path, base=base, max_bytes=max_bytes):
            unique = unique_id(item.id, seen)
            yield item if unique == item.id else replace(item, id=unique)


def unique_id(article_id: str, seen: set[str]) -> str:
    """``article_id``, or ``<id>-2``, ``<id>-3``... if taken ("a.txt" and "sub/a.txt":
    the later one becomes "a-2"); records the id returned in ``seen``."""
    unique, n = article_id, 2
    while unique in seen:
        unique = f"{article_id}-{n}"
        n += 1
    seen.add(unique)
    return unique


def display_path(path: Path, base: str | os.PathLike | None) -> str:
    """``path`` relative to ``base``, as valid Unicode (undecodable bytes of a
    file name become U+FFFD)."""
    rel = path.relative_to(base).as_posix() if base is not None else path.name
    return os.fsencode(rel).decode("utf-8", "replace")


def read_file(path: str | os.PathLike, *, base: str | os.PathLike | None = None,
              max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[ArticleInput]:
    """The article(s) in one file; whatever goes wrong becomes an input with ``error`` set."""
    path = Path(path)
    rel = display_path(path, base)
    stem = display_path(Path(path.stem), None)
    produced = False
    try:
        for item in _read(path, rel, stem, max_bytes):
            produced = True
            yield item.clean()
    except ReadError as err:
        yield ArticleInput(stem, rel, None, None, str(err))
    except OSError as err:
        yield ArticleInput(stem, rel, None, None, f"cannot read file: {err.strerror or err}")
    except Exception as err:  # noqa: BLE001 -- one file must never end the batch
        where = " after its first records" if produced else ""
        yield ArticleInput(stem, rel, None, None, f"reader error{where}: {type(err).__name__}: {err}"[:500])


def _read(path: Path, rel: str, stem: str, max_bytes: int) -> Iterator[ArticleInput]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path, rel, stem, max_bytes)
        return
    if suffix not in SUPPORTED_SUFFIXES:
        raise ReadError(f"unsupported file type {suffix or '(no extension)'!r}; "
                        f"readable: {', '.join(sorted(SUPPORTED_SUFFIXES))}")
    size = path.stat().st_size
    if size > max_bytes:
        raise ReadError(f"file too large ({size / 1_048_576:.1f} MB > {max_bytes / 1_048_576:.1f} MB limit; "
                        f"raise it with --max-size-mb)")
    raw = path.read_bytes()
    if suffix in JSON_SUFFIXES:
        yield from list(_read_json(decode_bytes(raw), rel, stem))  # whole, or an error for the file
        return
    text = decode_bytes(raw)
    lang = None
    if suffix in HTML_SUFFIXES:
        lang = html_language(text)
        text, published = html_to_text(text)
    elif suffix in MARKDOWN_SUFFIXES:
        text, published = markdown_to_text(text)
    else:
        published = date_from_header(text)
    yield _checked(ArticleInput(stem, rel, text, published, lang=lang))


def _checked(item: ArticleInput) -> ArticleInput:
    if item.error is None and not (item.text or "").strip():
        return replace(item, text=None, error="no article text found")
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


# -- records (.json, .jsonl) ----------------------------------------------------------
def _record_input(record, rel: str, default_id: str) -> ArticleInput:
    if not isinstance(record, dict):
        return ArticleInput(default_id, rel, None, None, f"record is a {type(record).__name__}, not an object")
    own_id = next((record[k] for k in ID_FIELDS
                   if isinstance(record.get(k), (str, int)) and not isinstance(record.get(k), bool)
                   and str(record[k]).strip()), None)
    article_id = str(own_id).strip() if own_id is not None else default_id
    published = next((normalize_date(record[k]) for k in DATE_FIELDS if record.get(k)), None)
    lang = next((language_tag(record[k]) for k in LANG_FIELDS if language_tag(record.get(k))), None)
    field = next((k for k in TEXT_FIELDS if isinstance(record.get(k), str) and record[k].strip()), None)
    if field is None:
        return ArticleInput(article_id, rel, None, published,
                            f"record has no text field ({', '.join(TEXT_FIELDS)})")
    text = record[field]
    if field == "html":
        lang = lang or html_language(text)
        text, page_date = html_to_text(text)
        published = published or page_date
    return _checked(ArticleInput(article_id, rel, text, published, lang=lang))


def _read_json(text: str, rel: str, stem: str) -> Iterator[ArticleInput]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise ReadError(f"malformed JSON: {err.msg} at line {err.lineno} column {err.colno}") from None
    except RecursionError:
        raise ReadError("JSON nested too deeply to read") from None
    if isinstance(data, list):
        if not data:
            raise ReadError("JSON list holds no records")
        for n, record in enumerate(data, 1):
            yield _record_input(record, rel, f"{stem}-{n}")
    else:
        yield _record_input(data, rel, stem)


def _read_jsonl(path: Path, rel: str, stem: str, max_bytes: int) -> Iterator[ArticleInput]:
    """One input per non-blank line; the size limit applies to each record."""
    produced = False
    with path.open("rb") as stream:
        for n, raw in enumerate(stream, 1):
            if n == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            if not raw.strip():
                continue
            produced = True
            yield _jsonl_record(raw, n, rel, f"{stem}-{n}", max_bytes)
    if not produced:
        yield ArticleInput(stem, rel, None, None, "empty file")


def _jsonl_record(raw: bytes, n: int, rel: str, record_id: str, max_bytes: int) -> ArticleInput:
    if len(raw) > max_bytes:
        return ArticleInput(record_id, rel, None, None, f"record too large ({len(raw) / 1_048_576:.1f} MB)")
    try:
        return _record_input(json.loads(raw.decode("utf-8")), rel, record_id)
    except UnicodeDecodeError:
        return ArticleInput(record_id, rel, None, None, f"line {n} is not UTF-8 text")
    except json.JSONDecodeError as err:
        return ArticleInput(record_id, rel, None, None, f"malformed JSON on line {n}: {err.msg}")
    except Exception as err:  # noqa: BLE001 -- nested too deeply, or a reader bug: this record only
        return ArticleInput(record_id, rel, None, None, f"cannot read line {n}: {type(err).__name__}")


def inputs_from_texts(texts: Iterable[str], published: str | None | Iterable[str | None] = None,
                      ids: Iterable[str] | None = None) -> Iterator[ArticleInput]:
    """Inputs for texts held in memory (ids "0", "1", ... unless given); one
    ``published`` for all, or one per text."""
    dates = iter(published) if published is not None and not isinstance(published, str) else None
    id_iter = iter(ids) if ids is not None else None
    for n, text in enumerate(texts):
        article_id = next(id_iter) if id_iter is not None else str(n)
        date_value = next(dates, None) if dates is not None else published
        if not isinstance(text, str) or not text.strip():
            item = ArticleInput(article_id, None, None, normalize_date(date_value), "empty text")
        else:
            item = ArticleInput(article_id, None, text, normalize_date(date_value))
        yield item.clean()
