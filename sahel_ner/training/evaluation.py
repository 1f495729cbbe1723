"""Relation scoring against gold in the format of the dev set (``gold/<id>.json``).

Our own scorer, with the semantics analysts expect from the project's dev tool:
a system actor matches a gold actor when one of its names (id, label, mentions,
normalised) is in the gold ``accept`` list, or a gold alias stands as whole
words inside a short system name; MET is symmetric; gold relations marked
``optional`` or ``negated`` are neither rewarded nor penalised; system relations
flagged ``negated`` are not counted; one gold relation is matched at most once.
"""
from __future__ import annotations

import json
import re
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..components.relation_classifier import RELATION_TYPES, SYMMETRIC


def normalise(name: str) -> str:
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c)).lower().replace("\u2019", "'")
    name = re.sub(r"'s$", "", name.strip())
    name = re.sub(r"^the\s+", "", name)
    name = re.sub(r"[^\w' -]", " ", name)
    return re.sub(r"\s+", " ", name).strip()


def actor_names(actor: dict) -> set[str]:
    names = {actor.get("id", ""), actor.get("label", ""), *actor.get("mentions", [])}
    names |= {actor.get("id", "").replace("_", " ")}
    return {n for n in map(normalise, names) if n}


def names_match(system: set[str], accept: set[str]) -> bool:
    if system & accept:
        return True
    return any(len(name.split()) <= 6 and any(len(a) >= 3 and f" {a} " in f" {name} " for a in accept)
               for name in system)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Report:
    per_type: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in RELATION_TYPES})
    words: int = 0
    seconds: float = 0.0

    @property
    def total(self) -> Counts:
        return Counts(*(sum(getattr(c, k) for c in self.per_type.values()) for k in ("tp", "fp", "fn")))

    def table(self) -> str:
        lines = [f"{'type':11s} {'P':>6s} {'R':>6s} {'F1':>6s}   tp  fp  fn"]
        for name, counts in [*self.per_type.items(), ("ALL", self.total)]:
            p, r, f = counts.prf()
            lines.append(f"{name:11s} {p:6.3f} {r:6.3f} {f:6.3f} {counts.tp:4d} {counts.fp:3d} {counts.fn:3d}")
        if self.seconds:
            lines.append(f"words/second: {self.words / self.seconds:,.0f}")
        return "\n".join(lines)

    def as_dict(self) -> dict:
        out = {t: dict(zip("prf", c.prf()), tp=c.tp, fp=c.fp, fn=c.fn) for t, c in self.per_type.items()}
        out["ALL"] = dict(zip("prf", self.total.prf()), tp=self.total.tp, fp=self.total.fp, fn=self.total.fn)
        out["words_per_second"] = self.words / self.seconds if self.seconds else None
        return out


def score_article(gold: dict, actors: list[dict], relations: list[dict], report: Report) -> None:
    accept = {e["id"]: {normalise(a) for a in e.get("accept", [])} | {normalise(e["id"].replace("_", " "))}
              for e in gold["entities"]}
    names = {a["id"]: actor_names(a) for a in actors}
    for rtype in RELATION_TYPES:
        golds = [g for g in gold["relations"] if g["type"] == rtype]
        scored = [g for g in golds if not g.get("optional") and not g.get("negated")]
        ignorable = [g for g in golds if g.get("optional") or g.get("negated")]

        def hit(rel: dict, g: dict) -> bool:
            s = names.get(rel["source"], {normalise(rel["source"])})
            t = names.get(rel["target"], {normalise(rel["target"])})
            gs, gt = accept[g["source"]], accept[g["target"]]
            return (names_match(s, gs) and names_match(t, gt)) or (
                rtype in SYMMETRIC and names_match(s, gt) and names_match(t, gs))

        used: set[int] = set()
        counts = report.per_type[rtype]
        for rel in relations:
            if rel["type"] != rtype or rel.get("negated"):
                continue
            match = next((i for i, g in enumerate(scored) if i not in used and hit(rel, g)), None)
            if match is not None:
                used.add(match)
                counts.tp += 1
            elif not any(hit(rel, g) for g in scored + ignorable):
                counts.fp += 1
        counts.fn += len(scored) - len(used)


def published_date(gold: dict) -> str | None:
    return gold.get("published")


def run_pipeline(nlp, data_dir: str | Path, output: str | Path | None = None) -> tuple[Report, list[dict]]:
    """Run ``nlp`` over DATA_DIR/articles/*.txt and score against DATA_DIR/gold/*.json."""
    data_dir = Path(data_dir)
    report, rows = Report(), []
    for gold_path in sorted((data_dir / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (data_dir / "articles" / f"{gold_path.stem}.txt").read_text(encoding="utf-8")
        start = time.perf_counter()
        doc = nlp.make_doc(text)
        doc._.article_id = gold_path.stem
        doc._.published = published_date(gold)
        doc = nlp(doc)
        report.seconds += time.perf_counter() - start
        report.words += sum(1 for t in doc if not t.is_space)
        score_article(gold, doc._.actors or [], doc._.relations or [], report)
        rows.append({"id": gold_path.stem, "entities": doc._.actors, "relations": doc._.relations})
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return report, rows


def score_jsonl_split(nlp, jsonl: str | Path) -> Report:
    """End-to-end score on a training-data split: each record is a one-sentence
    article whose gold actors are its annotated entities (accepting their surfaces)."""
    from .corpus import read_jsonl

    report = Report()
    for record in read_jsonl(jsonl):
        gold = split_record_as_gold(record)
        start = time.perf_counter()
        doc = nlp(record["text"])
        report.seconds += time.perf_counter() - start
        report.words += len(doc)
        score_article(gold, doc._.actors or [], doc._.relations or [], report)
    return report


def split_record_as_gold(record: dict) -> dict:
    entities: dict[str, set[str]] = {}
    for ent in record["entities"]:
        entities.setdefault(ent["id"], set()).add(record["text"][ent["start"]:ent["end"]].lower())
    relations = []
    for rel in record["relations"]:
        if rel["type"] == "NONE":
            continue
        head, child = record["entities"][rel["head"]], record["entities"][rel["child"]]
        relations.append({"source": head["id"], "target": child["id"], "type": rel["type"],
                          "negated": rel.get("negated", False), "optional": False})
    return {"entities": [{"id": i, "accept": sorted(a)} for i, a in entities.items()], "relations": relations}


def attach_model(nlp, model_path: str | Path, **config):
    """Add the trained components of ``model_path`` (e.g. sahel_ner/trained/sm) after the rule extractor."""
    import spacy

    import sahel_ner.components.relation_classifier  # noqa: F401  (registers the factory)

    trained = spacy.load(model_path)
    for name in trained.pipe_names:
        nlp.add_pipe(name, source=trained, last=True)
    classifier = nlp.get_pipe("sahel_relation_classifier")
    classifier.nlp = nlp  # it reads the rule extractor and the gazetteer of *this* pipeline
    for key, value in config.items():
        setattr(classifier, key, value)
    return nlp
