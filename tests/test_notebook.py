"""The quickstart notebook runs headless from top to bottom (outputs are stripped in git)."""
from __future__ import annotations

from pathlib import Path

import nbformat
import networkx as nx
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "quickstart.ipynb"


def test_notebook_is_stored_without_outputs():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


def test_quickstart_notebook_executes(tmp_path):
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    # "python3" is ipykernel's own kernel: jupyter_client runs it with this interpreter.
    client = NotebookClient(notebook, kernel_name="python3", timeout=300,
                            resources={"metadata": {"path": str(tmp_path)}})
    client.execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert "JNIM" in html and "ATTACKED" in html  # displaCy entities and relation arcs
    for view in ("graph", "map", "timeline"):  # the report's pictures, inline
        assert f'data-view=&quot;{view}&quot;' in html
    out = tmp_path / "quickstart_out"
    assert (out / "report.html").stat().st_size > 100_000
    graph = nx.read_graphml(out / "graph.graphml")
    assert graph.nodes["jnim"]["label"] == "JNIM"
    assert any(d["type"] == "MET" for _, _, d in graph.edges(data=True))
