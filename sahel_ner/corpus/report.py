"""The run report: what a batch did, for the CLI summary and for callers."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class RunReport:
    articles: int = 0
    ok: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (path or id, error)
    resumed: int = 0
    relations: int = 0
    nodes: int = 0
    edges: int = 0
    files: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    note: str | None = None

    def count(self, record: dict, resumed: bool = False) -> None:
        """Take one final ``articles.jsonl`` record into account."""
        self.articles += 1
        self.resumed += resumed
        if record.get("error"):
            self.errors.append((record.get("path") or record.get("id") or "?", record["error"]))
        else:
            self.ok += 1
        self.relations += len(record.get("relations") or ())

    def summary(self) -> str:
        return (f"{self.ok} of {self.articles} article(s) processed, {len(self.errors)} with errors; "
                f"{self.relations} relation(s) -> graph of {self.nodes} actor(s) and {self.edges} edge(s) "
                f"in {self.seconds:.1f}s")


BatchReport = RunReport  # the name before 0.2
