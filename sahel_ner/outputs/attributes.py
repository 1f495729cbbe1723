"""The graph attributes every file format writes, and how they are flattened
(lists joined with `` | ``, text cleaned of control characters)."""
from __future__ import annotations

from .files import LIST_SEPARATOR, clean_text

# (attribute, GraphML/GEXF type) in file order.
NODE_ATTRS = [("label", "string"), ("type", "string"), ("mention_count", "int"), ("article_count", "int"),
              ("aliases", "string"), ("latitude", "double"), ("longitude", "double"), ("country", "string"),
              ("admin1", "string")]
EDGE_ATTRS = [("label", "string"), ("weight", "double"), ("type", "string"), ("symmetric", "boolean"),
              ("first_date", "string"), ("last_date", "string"), ("negated_count", "int"),
              ("hedged_count", "int"), ("implicit_count", "int"), ("confidence_mean", "double"),
              ("confidence_max", "double"), ("article_count", "int"), ("articles", "string"),
              ("sentences", "string"), ("event_count", "int")]


def node_values(data: dict) -> dict:
    values = dict(data)
    values["aliases"] = LIST_SEPARATOR.join(data.get("aliases") or [])
    return values


def edge_values(data: dict) -> dict:
    values = dict(data)
    values["label"] = data["type"]
    values["weight"] = float(data["weight"])
    values["articles"] = LIST_SEPARATOR.join(a for a in data.get("articles") or [] if a)
    values["article_count"] = len(data.get("articles") or [])
    sentences = dict.fromkeys(" ".join(e["sentence"].split()) for e in data.get("evidence") or [])
    values["sentences"] = LIST_SEPARATOR.join(sentences)
    return values


def xml_value(value, kind: str) -> str | None:
    """Attribute value as XML text, typed consistently; None means leave it out."""
    if value is None or value == "":
        return None
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "int":
        return str(int(value))
    if kind == "double":
        return repr(float(value))
    return clean_text(value)
