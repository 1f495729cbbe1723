"""Committed extracts of the public data sets the gazetteer is built from.

The sources are large downloads; the build reads small, stable extracts of
them that live in ``places/data/`` (gzip, written with ``mtime=0`` so that the
same source gives the same bytes). To refresh one, download the source and run
``python -m sahel_ner.places.build --extract DIR`` (the GeoNames country dumps
``ML.txt``, ``BF.txt``, ``NE.txt`` and ``MR.txt`` of
download.geonames.org/export/dump/) or ``--ocha-mali FILE`` (OCHA's Mali
settlements: the ``.xlsx`` of the HDX data set "mali-settlements").
"""
from __future__ import annotations

import csv
import gzip
import io
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

HERE = Path(__file__).parent
VILLAGES = HERE / "data" / "geonames_villages.csv.gz"
OCHA_MALI = HERE / "data" / "ocha_mali_settlements.csv.gz"
DUMP_COUNTRIES = ("ML", "BF", "NE", "MR")
# Feature codes kept from the dumps: populated places (not historical ones), camps, named localities,
# and the admin units whose rows name the dump's admin codes.
DUMP_FEATURES = frozenset({"PPL", "PPLA", "PPLA2", "PPLA3", "PPLC", "PPLL", "PPLQ", "PPLX", "PPLF", "PPLS", "PPLW",
                           "CMP", "LCTY", "ADM1", "ADM2"})
VILLAGE_COLUMNS = ("geonames_id", "name", "feature", "country", "admin1_code", "admin2_code", "lat", "lon",
                   "population", "aliases")
OCHA_COLUMNS = ("pcode", "name", "status", "admin1", "admin2", "admin3", "lat", "lon")


def read_extract(path: Path) -> list[dict]:
    """The rows of a committed extract, as dicts."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def _write_extract(out: Path, comment: str, columns: tuple[str, ...], rows: list[list[str]]) -> None:
    text = io.StringIO()
    text.write(f"# {comment}\n")
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    Path(out).write_bytes(gzip.compress(text.getvalue().encode("utf-8"), compresslevel=9, mtime=0))


def extract_dumps(folder: Path, out: Path = VILLAGES) -> int:
    """Write the extract of the GeoNames country dumps ``{cc}.txt`` in ``folder``:
    the kept features, with the Latin-script alternate names that match
    differently from the name (accent and case variants match alike anyway).
    Returns the number of rows written."""
    from .build import clean_aliases
    from .geocoder import key

    rows = []
    for cc in DUMP_COUNTRIES:
        with open(Path(folder) / f"{cc}.txt", encoding="utf-8") as handle:
            for line in handle:
                f = line.rstrip("\n").split("\t")
                if f[7] not in DUMP_FEATURES:
                    continue
                seen, aliases = {key(f[1])}, []
                for alias in clean_aliases(f[3].split(",") if f[3] else [], f[1]):
                    if key(alias) not in seen:
                        seen.add(key(alias))
                        aliases.append(alias)
                rows.append([f[0], f[1], f[7], cc, f[10], f[11], f"{float(f[4]):.4f}", f"{float(f[5]):.4f}",
                             f[14] or "0", "|".join(aliases)])
    _write_extract(out, "GeoNames (geonames.org, CC BY 4.0) country dumps " + ", ".join(DUMP_COUNTRIES)
                   + " of December 2014; python -m sahel_ner.places.build --extract DIR", VILLAGE_COLUMNS, rows)
    return len(rows)


def extract_ocha_mali(xlsx: Path, out: Path = OCHA_MALI) -> int:
    """Write the extract of OCHA's Mali settlements (18,769 places with their
    region, cercle and commune; "Admin3 Capital" marks the commune seats).
    Returns the number of rows written."""
    table = _read_xlsx(Path(xlsx))
    at = {name: i for i, name in enumerate(table[0])}

    def cell(row: list, name: str) -> str:
        return _mojibake(str(row[at[name]] or "")).strip()

    rows = [[cell(r, "pcode"), cell(r, "featureNam"), cell(r, "popPlace_1"), cell(r, "admin1Name"),
             cell(r, "admin2Name"), cell(r, "admin3Name"), f"{float(cell(r, 'latitude')):.4f}",
             f"{float(cell(r, 'longitude')):.4f}"] for r in table[1:]]
    rows.sort(key=lambda r: r[0])
    _write_extract(out, "OCHA ROWCA and DNCT, Mali settlements (HDX data set mali-settlements, January 2015); "
                   "python -m sahel_ner.places.build --ocha-mali FILE", OCHA_COLUMNS, rows)
    return len(rows)


def _mojibake(text: str) -> str:
    """'KabatÃ©' -> 'Kabaté': the sheet holds UTF-8 that was once read as Latin-1."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def _read_xlsx(path: Path) -> list[list[str | None]]:
    """The first sheet of an ``.xlsx`` as rows of cell texts (the standard library
    reads it: an XML file per sheet and one of shared strings, in a zip)."""
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    with zipfile.ZipFile(path) as book:
        shared = ["".join(t.text or "" for t in si.iter(ns + "t"))
                  for si in ElementTree.fromstring(book.read("xl/sharedStrings.xml")).findall(ns + "si")]
        sheet = ElementTree.fromstring(book.read("xl/worksheets/sheet1.xml"))
    rows = []
    for row in sheet.iter(ns + "row"):
        cells: dict[int, str | None] = {}
        for c in row.findall(ns + "c"):
            column = 0
            for letter in re.match(r"[A-Z]+", c.get("r", "")).group():
                column = column * 26 + ord(letter) - 64
            value = c.find(ns + "v")
            text = None if value is None else value.text
            cells[column - 1] = shared[int(text)] if c.get("t") == "s" and text is not None else text
        rows.append(cells)
    width = max(rows[0]) + 1
    return [[cells.get(i) for i in range(width)] for cells in rows]
