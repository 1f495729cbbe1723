"""Atomic files and values every output format can hold.

Every writer goes through :func:`atomic_write`: the file is written to a
temporary file in the same folder, synced, then renamed over the target, so a
crash or Ctrl-C never leaves a half-written GraphML behind.
"""
from __future__ import annotations

import io
import os
import re
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator
from xml.etree import ElementTree as ET

from ..schema import OTHER_COLOR, TYPE_COLORS, safe_str

LIST_SEPARATOR = " | "
# Spreadsheets (Excel, LibreOffice, Gephi's importer) cut or refuse longer cells.
MAX_CELL_CHARS = 32_767
# Characters XML 1.0 cannot hold (C0 controls other than tab, LF, CR; U+FFFE/U+FFFF);
# a BEL, ESC or NUL copied from a web page would make the whole file unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean_text(value) -> str:
    """``value`` as text that XML and CSV can hold: control characters dropped,
    lone surrogates replaced."""
    return _NOT_XML.sub("", safe_str(str(value)))


def clean_cell(value) -> str:
    """A CSV cell: clean text within the spreadsheet cell limit. A bare CR would
    end the row for CSV readers (the writer quotes only LF), so line ends become LF."""
    text = clean_text(value).replace("\r\n", "\n").replace("\r", "\n")
    return text if len(text) <= MAX_CELL_CHARS else text[:MAX_CELL_CHARS - 1] + "…"


def color(node_type: str) -> tuple[int, int, int]:
    return TYPE_COLORS.get(node_type, OTHER_COLOR)


def _default_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextmanager
def atomic_write(path: str | os.PathLike, mode: str = "w") -> Iterator[io.IOBase]:
    """Open a temporary file next to ``path``; on success it replaces ``path``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        if "b" in mode:
            stream = os.fdopen(handle, mode)
        else:  # "\n" line ends on every platform: the same input gives the same bytes
            stream = os.fdopen(handle, mode, encoding="utf-8", newline="")
        with stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(tmp_name, _default_file_mode())  # mkstemp makes 0600 files; outputs are ordinary files
        os.replace(tmp_name, path)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        raise


def write_xml(tree: ET.ElementTree, path: str | os.PathLike) -> Path:
    """An XML document (UTF-8, with its declaration), atomically."""
    with atomic_write(path, "wb") as out:
        tree.write(out, encoding="utf-8", xml_declaration=True)
    return Path(path)
