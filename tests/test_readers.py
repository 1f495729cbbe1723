"""Reading messy inputs: encodings, formats, dates, and files that cannot be read."""
from __future__ import annotations

import codecs
import json

import pytest
from fixtures_articles import CP1252_TEXT, HTML_PAGE, TALKS, UTF16_TEXT, make_messy_folder

from sahel_ner.readers import decode_bytes, iter_inputs, read_file, ReadError


def _one(path, **kwargs):
    items = list(read_file(path, base=path.parent, **kwargs))
    assert len(items) == 1
    return items[0]


def test_cp1252_file_is_decoded(tmp_path):
    path = tmp_path / "cp.txt"
    path.write_bytes(CP1252_TEXT.encode("cp1252"))
    item = _one(path)
    assert item.error is None
    assert "Dembélé" in item.text and "\u201cThe plot was foiled,\u201d" in item.text
    assert item.published == "2025-08-15"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig", "utf-32"])
def test_unicode_files_with_bom(tmp_path, encoding):
    data = UTF16_TEXT.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    path = tmp_path / "u.txt"
    path.write_bytes(data)
    item = _one(path)
    assert item.error is None
    assert item.text.startswith("Published: 2025-07-10")  # no BOM left in the text
    assert "Goïta" in item.text
    assert item.published == "2025-07-10"


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"  \n\t\n", "empty"),
    (bytes(range(256)) * 16, "binary"),
    ("Mali's army said it regained control of Tessalit. Goï".encode("utf-8")[:-1], "truncated"),
])
def test_unreadable_bytes_are_reported(tmp_path, data, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    item = _one(path)
    assert item.text is None
    assert reason in item.error


def test_too_large_file_is_reported_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as big:
        big.truncate(20 * 1024 * 1024)
    item = _one(path)
    assert item.text is None and "too large" in item.error and "20.0 MB" in item.error
    assert _one(path, max_bytes=30 * 1024 * 1024).error is not None  # readable size, but NUL bytes: binary


def test_html_keeps_the_article_and_drops_menus_and_footer(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    item = _one(path)
    assert item.error is None
    assert "Hundreds of JNIM fighters attacked a military camp in Djibo" in item.text
    assert "Subscribe" not in item.text and "Cookie settings" not in item.text and "Politics" not in item.text
    assert item.published == "2025-05-12"


def test_markdown_front_matter_and_markup(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("---\ntitle: Talks\ndate: 2025-07-10\n---\n\n# Talks in Bamako\n\n"
                    "**BAMAKO** - [Abdoulaye Diop](https://example.org) met *Rudolph Atallah* on Wednesday.\n",
                    encoding="utf-8")
    item = _one(path)
    assert item.published == "2025-07-10"
    assert "Talks in Bamako" in item.text and "#" not in item.text and "---" not in item.text
    assert "BAMAKO - Abdoulaye Diop met Rudolph Atallah on Wednesday." in item.text


def test_json_record_list_and_malformed(tmp_path):
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"id": 42, "published": "15 September 2025", "content": TALKS}), encoding="utf-8")
    item = _one(one)
    assert (item.id, item.published, item.error) == ("42", "2025-09-15", None)
    assert item.text == TALKS

    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"text": TALKS}, {"title": "no text here"}, "a string"]), encoding="utf-8")
    items = list(read_file(many, base=tmp_path))
    assert [i.id for i in items] == ["many-1", "many-2", "many-3"]
    assert items[0].error is None
    assert "no text field" in items[1].error and "not an object" in items[2].error

    broken = tmp_path / "broken.json"
    broken.write_text('{"text": "JNIM attacked', encoding="utf-8")
    assert "malformed JSON" in _one(broken).error


def test_jsonl_lines_fail_one_by_one(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "a1", "date": "2025-07-10", "text": TALKS}),
        '{"id": "a2", "text": "broken',
        "",
        json.dumps({"body": TALKS}),
    ]) + "\n", encoding="utf-8")
    items = list(read_file(path, base=tmp_path))
    assert [i.id for i in items] == ["a1", "feed-2", "feed-4"]
    assert [i.error is None for i in items] == [True, False, True]
    assert items[0].published == "2025-07-10"
    assert all(i.path == "feed.jsonl" for i in items)


def test_folder_walk_is_sorted_recursive_and_never_raises(tmp_path):
    expected = make_messy_folder(tmp_path / "in")
    (tmp_path / "in" / ".hidden.txt").write_text(TALKS, encoding="utf-8")
    (tmp_path / "in" / "scan.pdf").write_bytes(b"%PDF-1.4 binary")
    items = list(iter_inputs(tmp_path / "in"))
    paths = [i.path for i in items]
    assert paths == sorted(paths)
    assert ".hidden.txt" not in paths
    assert "unsupported file type" in next(i for i in items if i.path == "scan.pdf").error
    by_path = {i.path: i for i in items}
    for rel, outcome in expected.items():
        assert (by_path[rel].error is None) == (outcome == "ok"), (rel, by_path[rel].error)
    assert by_path["record.json"].id == "talks-record"
    assert list(iter_inputs(tmp_path / "in")) == items  # deterministic


def test_duplicate_stems_get_unique_ids(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "report.txt").write_text(TALKS, encoding="utf-8")
    (tmp_path / "a" / "report.txt").write_text(TALKS, encoding="utf-8")
    (tmp_path / "report.md").write_text(TALKS, encoding="utf-8")
    ids = [i.id for i in iter_inputs(tmp_path)]
    assert sorted(ids) == ["report", "report-2", "report-3"]


def test_decode_bytes_rejects_nul_padded_text():
    with pytest.raises(ReadError):
        decode_bytes(b"JNIM\x00\x00\x00attacked\x00\x00")
