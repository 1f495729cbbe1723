"""Build ``train.jsonl`` and ``dev.jsonl`` from the templates and the hand-written lines.

    python training_data/build.py            # writes training_data/{train,dev}.jsonl

Deterministic: each template is filled with its own ``random.Random`` seeded by
its name, so adding a template never changes the sentences of the others.
Held-out phrasings: a template goes to dev when the CRC32 of its name falls in
the dev fifth, so dev sentences are built from templates the model never saw;
every fifth hand-written line goes to dev.
"""
from __future__ import annotations

import json
import random
import re
import sys
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from markup import record  # noqa: E402
from templates import DATES, POOLS, TEMPLATES  # noqa: E402

FILLS_PER_TEMPLATE = 5
DEV_SHARE = 5  # one in five
_SLOT = re.compile(r"\{([A-Z])(?::([A-Z]))?\}")
_DOUBLE_DET = re.compile(r"\b([Aa]n?|[Tt]he) the\b")
_ACTOR_ID = re.compile(r"\]\(([a-z0-9_]+)")


def is_dev(name: str) -> bool:
    return zlib.crc32(name.encode()) % DEV_SHARE == 0


def fill(name: str, text: str, relations: str, rng: random.Random) -> tuple[str, str]:
    """One filled, marked-up sentence and its relation spec in mention indices."""
    chosen: dict[str, str] = {}
    used_ids: set[str] = set()
    order: list[str] = []  # slot of each mention, in text order

    def substitute(match: re.Match) -> str:
        slot, pool = match.group(1), match.group(2)
        if slot == "Y":
            return rng.choice(DATES)
        if slot not in chosen:
            candidates = [m for m in POOLS[pool] if _ACTOR_ID.search(m).group(1) not in used_ids]
            chosen[slot] = rng.choice(candidates)
            used_ids.add(_ACTOR_ID.search(chosen[slot]).group(1))
        order.append(slot)
        return chosen[slot]

    marked = _SLOT.sub(substitute, text)
    marked = _DOUBLE_DET.sub(r"\1", marked)  # "a {B:M} convoy" with "the Malian army" -> "a Malian army convoy"
    marked = marked[0].upper() + marked[1:]
    first_index = {}
    for index, slot in enumerate(order):
        first_index.setdefault(slot, index)
    spec = []
    for part in filter(None, (p.strip() for p in relations.split(";"))):
        pair, *rest = part.split()
        head, child = pair.split(">")
        spec.append(" ".join([f"{first_index[head]}>{first_index[child]}", *rest]))
    return marked, "; ".join(spec)


def generated() -> list[tuple[str, dict]]:
    out = []
    for name, text, relations in TEMPLATES:
        rng = random.Random(f"sahel-ner:{name}")
        seen = set()
        for n in range(FILLS_PER_TEMPLATE * 3):
            if len(seen) == FILLS_PER_TEMPLATE:
                break
            marked, spec = fill(name, text, relations, rng)
            if marked in seen:
                continue
            seen.add(marked)
            split = "dev" if is_dev(name) else "train"
            out.append((split, record(f"{name}-{len(seen)}", marked, spec, f"template:{name}")))
    return out


def handwritten() -> list[tuple[str, dict]]:
    out = []
    lines = [line for line in (HERE / "handwritten.txt").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    for n, line in enumerate(lines, 1):
        marked, _, spec = line.partition("|||")
        split = "dev" if n % DEV_SHARE == 0 else "train"
        out.append((split, record(f"hw-{n:03d}", marked.strip(), spec.strip(), "handwritten")))
    return out


def main() -> None:
    examples = generated() + handwritten()
    for split in ("train", "dev"):
        rows = [rec for s, rec in examples if s == split]
        with open(HERE / f"{split}.jsonl", "w", encoding="utf-8") as fh:
            for rec in rows:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n_rel = sum(len(r["relations"]) for r in rows)
        n_pos = sum(1 for r in rows for rel in r["relations"] if rel["type"] != "NONE")
        print(f"{split}: {len(rows)} sentences, {n_rel} relation instances ({n_pos} positive)")


if __name__ == "__main__":
    main()
