#!/usr/bin/env python3
"""Actor recall of a system output against gold entities.

usage: python scripts/actor_recall.py GOLD_DIR SYSTEM_JSONL [--verbose] [--json]

A gold entity (``entities`` in ``GOLD_DIR/*.json``: ``id`` and ``accept`` names)
is found when the article's system entities (``entities`` in ``articles.jsonl``)
hold its id, or a system entity whose names (label, id, mentions) match one of its
accept names the way ``tools/score.py`` matches relation arguments: the same
normalisation, an exact name or an accept name standing as whole words inside a
short system name. Recall = found / gold entities, over every article.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path


def norm(s: str) -> str:
    """score.py's normalisation: accents, case, curly quotes, a leading "the", a trailing "'s"."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.lower().replace("\u2019", "'").replace("\u2018", "'")
    s = re.sub(r"'s$", "", s.strip())
    s = re.sub(r"^(the)\s+", "", s)
    s = re.sub(r"[^\w' -]", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def entity_names(ent: dict) -> set[str]:
    names = set()
    for key in ("label", "name", "text", "id"):
        value = ent.get(key)
        if isinstance(value, str):
            names.add(norm(value))
    for key in ("mentions", "aliases"):
        for mention in ent.get(key) or []:
            if isinstance(mention, dict):
                mention = mention.get("text", "")
            names.add(norm(str(mention)))
    names.discard("")
    return names


def names_match(sysnames: set[str], accept: set[str]) -> bool:
    """score.py's rule: an exact normalised name, or a gold alias as whole words in a short system name."""
    if sysnames & accept:
        return True
    for name in sysnames:
        if len(name.split()) > 6:
            continue
        padded = f" {name} "
        if any(len(a) >= 3 and f" {a} " in padded for a in accept):
            return True
    return False


def load_system(path: Path) -> dict[str, list[dict]]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        article = Path(str(rec.get("id") or rec.get("article") or rec.get("path"))).stem
        out[article] = rec.get("entities") or []
    return out


def recall(gold_dir: Path, system_path: Path) -> dict:
    system = load_system(system_path)
    found, missed, per_article = 0, [], {}
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        entities = system.get(gold["id"], [])
        ids = {str(e.get("id")) for e in entities}
        names = [entity_names(e) for e in entities]
        hits = 0
        for ent in gold.get("entities", []):
            accept = {norm(a) for a in ent.get("accept", [])} | {norm(ent["id"].replace("_", " "))}
            if ent["id"] in ids or any(names_match(n, accept) for n in names):
                hits += 1
            else:
                missed.append((gold["id"], ent["id"], sorted(accept)[:4]))
        found += hits
        per_article[gold["id"]] = (hits, len(gold.get("entities", [])))
    total = sum(n for _, n in per_article.values())
    return {"recall": round(found / total, 3) if total else 0.0, "found": found, "gold": total,
            "missed": missed, "per_article": per_article}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("system", type=Path)
    ap.add_argument("--verbose", action="store_true", help="list the gold entities not found")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    result = recall(a.gold_dir, a.system)
    if a.json:
        print(json.dumps(result))
        return 0
    if a.verbose:
        for article, entity_id, accept in result["missed"]:
            print(f"  MISSED {article}: {entity_id} {accept}")
    print(f"actor recall: {result['recall']:.3f} ({result['found']}/{result['gold']} gold entities)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
