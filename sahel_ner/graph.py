"""Kept for imports written before 0.2: the graph lives in :mod:`sahel_ner.outputs.graph`."""
from .outputs.graph import GraphBuilder, build_graph, edge_id  # noqa: F401
from .schema import symmetric_types  # noqa: F401
