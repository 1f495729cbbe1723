"""The README's pictures: docs/report-graph.png, docs/report-map.png, docs/report-timeline.png.

    sahel-ner extract examples/articles -o out      # (make install does this)
    python scripts/report_screenshots.py out

The graph is shot with one edge clicked, so its evidence shows beside it.
"""
from __future__ import annotations

import sys
from pathlib import Path

from sahel_ner.report import write_report
from sahel_ner.report.headless import Chromium

DOCS = Path(__file__).resolve().parent.parent / "docs"


def main(out_dir: str = "out") -> None:
    page = write_report(out_dir)
    with Chromium(width=1300, height=1000) as browser:
        browser.open(page)
        browser.evaluate("document.getElementById('graph').scrollIntoView({block: 'center'})")
        browser.frames(3)
        point = browser.evaluate("window.sahelReport.graph.edgePoint(window.sahelReport.graph.clearEdge())")
        browser.click(point["x"], point["y"])
        browser.wait_until("document.getElementById('evidence-list') !== null")
        browser.frames(3)
        for part in ("graph", "map", "timeline"):
            (DOCS / f"report-{part}.png").write_bytes(browser.screenshot(clip=browser.rect(f"#{part}-section")))
            print(DOCS / f"report-{part}.png")
        assert not browser.errors, browser.errors


if __name__ == "__main__":
    main(*sys.argv[1:])
