"""Build ``train.jsonl`` and ``dev.jsonl`` from the templates and the hand-written lines.

    python training_data/build.py            # writes training_data/{train,dev}.jsonl

Deterministic: each template is filled with its own ``random.Random`` seeded by
its name, so adding a template never changes the sentences of the others.
Fillers come from the template's role pools (see ``templates.py``): the local
actors of a sentence share one country, nobody meets or supports its own
country, and the template's own ``check`` holds.
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
from templates import DATES, HOSTILE, OLD_DATES, REGIONS, TEMPLATES, Actor, Template  # noqa: E402

FILLS_PER_TEMPLATE = 5
DEV_SHARE = 5  # one in five
# {A} / {A.form} / {A|singular verb|plural verb} / {Y}
_SLOT = re.compile(r"\{([A-Z])(?:\.(\w+)|\|([^|}]*)\|([^}]*))?\}")
MENTION_FORMS = {"text", "mod", "poss", "adj"}  # forms that are an actor mention
PAIRED_FROM_ABROAD = {"MET", "SUPPORTED"}  # nobody meets or supports its own country
# "a" -> "an" before a vowel sound: "an AES unified force convoy", "an FLA meeting", "an MNJTF outpost".
_A_BEFORE_VOWEL = re.compile(r"\b([Aa]) (\[?(?:[AEIO]|Un[^i]|(?:F|L|M|N|S|X)[A-Z]{2,}\b))")
_SENTENCE_START = re.compile(r"(^|[.!?] )(\w)")


def is_dev(name: str) -> bool:
    return zlib.crc32(name.encode()) % DEV_SHARE == 0


def slot_forms(template: Template) -> dict[str, set[str]]:
    """Slots in order of first appearance, with the forms the text asks of each."""
    forms: dict[str, set[str]] = {}
    for slot, form, _sg, _pl in _SLOT.findall(template.text):
        if slot != "Y":
            forms.setdefault(slot, set()).add(form or "text")
    return forms


def relation_pairs(relations: str) -> list[tuple[str, str, str]]:
    out = []
    for part in filter(None, (p.strip() for p in relations.split(";"))):
        pair, rtype, *_ = part.split()
        head, child = pair.split(">")
        out.append((head, child, rtype))
    return out


def plausible(chosen: dict[str, Actor], pairs: list[tuple[str, str, str]]) -> bool:
    """Rules every template obeys: one era, no self-support, no meetings of hostile capitals,
    armed groups only attacking the forces they fight."""
    if len({a.era for a in chosen.values()} - {None}) > 1:
        return False
    foes = [a.foes for a in chosen.values() if a.foes]
    if any(a.kind == "force" and a.id not in f for a in chosen.values() for f in foes):
        return False  # the Azawad rebels only deal with the Malian side
    for head, child, rtype in pairs:
        source, target = chosen[head], chosen[child]
        countries = {source.country, target.country}
        if rtype in PAIRED_FROM_ABROAD and source.country and len(countries) == 1:
            return False
        if rtype == "MET" and countries in HOSTILE:
            return False
        if rtype == "SUPPORTED" and (
                (target.partners is not None and source.id not in target.partners)
                or (source.where and target.country
                    and not REGIONS.get(target.country, {target.country}) & source.where)):
            return False
        if rtype == "ATTACKED" and (
                (source.foes and target.kind not in ("place", "group") and target.id not in source.foes)
                or (target.foes and source.kind != "group" and source.id not in target.foes)):
            return False
    return True


def choose(template: Template, rng: random.Random, tries: int = 2000) -> dict[str, Actor]:
    """Fillers for every slot: role pools, one shared country for the local actors, distinct actors."""
    forms = slot_forms(template)
    pairs = relation_pairs(template.relations)
    for _ in range(tries):
        chosen: dict[str, Actor] = {}
        theatre: frozenset | None = None
        for slot, needed in forms.items():
            candidates = [
                actor for actor in template.roles[slot]
                if actor.id not in {c.id for c in chosen.values()}
                and all(getattr(actor, form) for form in needed & {"mod", "adj"})
                and (theatre is None or actor.where is None or theatre & actor.where)
            ]
            if not candidates:
                break
            actor = chosen[slot] = rng.choice(candidates)
            if actor.where is not None:
                theatre = actor.where if theatre is None else theatre & actor.where
        else:
            if plausible(chosen, pairs) and (template.check is None or template.check(chosen)):
                return chosen
    raise ValueError(f"template {template.name}: no filler combination satisfies its roles")


def fill(template: Template, rng: random.Random) -> tuple[str, str]:
    """One filled, marked-up sentence and its relation spec in mention indices."""
    chosen = choose(template, rng)
    order: list[str] = []  # slot of each mention, in text order

    def substitute(match: re.Match) -> str:
        slot, form, singular, plural = match.groups()
        if slot == "Y":  # French and US forces left the Sahel: their events get past dates
            return rng.choice(OLD_DATES if any(a.era == "barkhane" for a in chosen.values()) else DATES)
        actor = chosen[slot]
        if singular is not None:
            return plural if actor.plural else singular
        form = form or "text"
        if form in MENTION_FORMS:
            order.append(slot)
            return actor.marked(form)
        return actor.pronouns[form]

    marked = _SLOT.sub(substitute, template.text)
    marked = _A_BEFORE_VOWEL.sub(r"\1n \2", marked)
    marked = _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), marked)
    first_index: dict[str, int] = {}
    for index, slot in enumerate(order):
        first_index.setdefault(slot, index)
    spec = []
    for part in filter(None, (p.strip() for p in template.relations.split(";"))):
        pair, *rest = part.split()
        head, child = pair.split(">")
        spec.append(" ".join([f"{first_index[head]}>{first_index[child]}", *rest]))
    return marked, "; ".join(spec)


def generated() -> list[tuple[str, dict]]:
    out = []
    for template in TEMPLATES:
        rng = random.Random(f"sahel-ner:{template.name}")
        seen: set[str] = set()
        for _ in range(FILLS_PER_TEMPLATE * 4):
            if len(seen) == FILLS_PER_TEMPLATE:
                break
            marked, spec = fill(template, rng)
            if marked in seen:
                continue
            seen.add(marked)
            split = "dev" if is_dev(template.name) else "train"
            out.append((split, record(f"{template.name}-{len(seen)}", marked, spec, f"template:{template.name}")))
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
