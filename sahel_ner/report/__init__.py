"""The HTML report: graph, map, timeline and top actors in one page that opens from disk.

``write_report(out_dir)`` turns the folder ``sahel-ner extract`` wrote into
``out_dir/report.html``; :mod:`sahel_ner.viz` shows the same pictures in a notebook.
"""
from .build import read_out_dir, render_html, write_html, write_report
from .data import build_payload

__all__ = ["build_payload", "read_out_dir", "render_html", "write_html", "write_report"]
