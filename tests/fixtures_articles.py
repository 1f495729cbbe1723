"""Short news texts and messy input folders for the batch, export and reader tests.

The texts are written for these tests (facts from Sahel news, fresh wording).
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"

TALKS = (
    "BAMAKO - Mali's Foreign Minister Abdoulaye Diop held talks with Rudolph Atallah, the White House "
    "counterterrorism adviser, in Bamako on July 9. The two officials discussed intelligence sharing "
    "against JNIM, the ministry said."
)
TALKS_REVERSED = (
    "WASHINGTON - Rudolph Atallah met Abdoulaye Diop again on August 20 to follow up on the security talks, "
    "a State Department official said."
)
SANCTIONS = (
    "ACCRA - ECOWAS imposed tough sanctions on Mali on Sunday after the junta delayed elections. The bloc "
    "closed its borders with the country and froze Malian state assets. Col. Assimi Goïta called the "
    "measures illegal."
)
LIFTED = (
    "ACCRA - ECOWAS lifted the sanctions on Mali on Sunday after the junta published an election timetable."
)
ATTACK = (
    "BAMAKO - JNIM fighters attacked a gendarmerie school in Bamako at dawn on September 17, then stormed the "
    "military airport. The Malian army said it had regained control of both sites."
)
ARREST = (
    "BAMAKO - The Malian junta said on Thursday it had arrested Gen. Abass Dembélé, a former governor of "
    "Mopti. Gen. Néma Sagara was also detained."
)

# cp1252-only characters: curly quotes (0x92-0x94), an en dash (0x96) and accents.
CP1252_TEXT = (
    "Published: 2025-08-15\n\n"
    "BAMAKO \u2013 Mali\u2019s military government said on Thursday that it had arrested Gen. Abass Dembélé, "
    "a former governor of the Mopti region. \u201cThe plot was foiled,\u201d the security minister said on "
    "state television. Ségou and Mopti were calm on Friday, residents said.\n"
)
UTF16_TEXT = (
    "Published: 2025-07-10\n\n"
    "BAMAKO - Mali's Foreign Minister Abdoulaye Diop met Rudolph Atallah in Bamako on Wednesday. "
    "Atallah also met interim President Assimi Goïta, the presidency said.\n"
)
HTML_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Jihadists attack army camp in Djibo</title>
<meta property="article:published_time" content="2025-05-12T08:00:00Z"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li><li>Subscribe to our newsletter</li></ul></nav>
<article><h1>Jihadists attack army camp in Djibo</h1>
<p>OUAGADOUGOU - Hundreds of JNIM fighters attacked a military camp in Djibo, in northern Burkina Faso, early on Sunday, according to security sources.</p>
<p>The militants held parts of the town for several hours before they withdrew. Dozens of soldiers were killed, a security source said, and the group later claimed the attack.</p>
<p>Capt. Ibrahim Traoré, who took power in 2022, has turned to Russia for military support since expelling French forces.</p>
</article>
<footer>Copyright Example News. Cookie settings. Privacy policy.</footer></body></html>
"""


def make_messy_folder(root: Path) -> dict[str, str]:
    """A folder mixing good articles with files that cannot be read.

    Returns {relative path: "ok" or "error"} for what each file should give.
    """
    root.mkdir(parents=True, exist_ok=True)
    expected: dict[str, str] = {}
    for name in ("2024-09-18-bamako-attack.txt", "2025-07-10-us-mali-talks.txt", "2025-06-24-goita-moscow.md"):
        shutil.copy(EXAMPLES / name, root / name)
        expected[name] = "ok"
    (root / "cp1252.txt").write_bytes(CP1252_TEXT.encode("cp1252"))
    expected["cp1252.txt"] = "ok"
    (root / "nested").mkdir()
    (root / "nested" / "utf16.txt").write_bytes(UTF16_TEXT.encode("utf-16"))  # with BOM
    expected["nested/utf16.txt"] = "ok"
    (root / "page.html").write_text(HTML_PAGE, encoding="utf-8")
    expected["page.html"] = "ok"
    (root / "record.json").write_text(json.dumps({"id": "talks-record", "date": "2025-07-10", "body": TALKS}),
                                      encoding="utf-8")
    expected["record.json"] = "ok"
    (root / "empty.txt").write_bytes(b"")
    expected["empty.txt"] = "error"
    (root / "image.txt").write_bytes(bytes(range(256)) * 64)  # binary data behind a .txt name
    expected["image.txt"] = "error"
    (root / "broken.json").write_text('{"id": "x", "text": "JNIM attacked', encoding="utf-8")  # truncated JSON
    expected["broken.json"] = "error"
    with open(root / "huge.txt", "wb") as big:  # 20 MB: over the 5 MB default limit
        big.truncate(20 * 1024 * 1024)
    expected["huge.txt"] = "error"
    return expected


def make_corpus(root: Path, copies: int) -> Path:
    """``copies`` renamed copies of every example .txt article (a bigger corpus for batch tests)."""
    root.mkdir(parents=True, exist_ok=True)
    for n in range(copies):
        for path in sorted(EXAMPLES.glob("*.txt")):
            shutil.copy(path, root / f"{path.stem}-{n:02d}.txt")
    return root


def read_outputs(out_dir: Path) -> dict[str, bytes]:
    """Every output file's bytes, by name (hidden files excluded)."""
    return {name: (out_dir / name).read_bytes() for name in sorted(os.listdir(out_dir)) if not name.startswith(".")}
