"""Which sentences read as prose: menus, link lists, tickers and tag clouds
scraped with an article hold names but no relations."""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Span

# A line ending in one of these is a sentence, not a list item.
_FINAL_PUNCT = ".!?\"”'»)"
# Separators of menus and breadcrumbs ("Home | World | Africa").
_MENU_MARKS = "|•»›"


class LinkLists:
    """Character ranges of link lists and menus in a text: runs of at least
    three consecutive short lines without final punctuation ("Most read"
    blocks, teaser lists, tag clouds). A lone headline or "Read more:" line is
    kept."""

    def __init__(self, text: str, min_block: int = 3):
        lines, offset = [], 0
        for line in text.split("\n"):
            stripped = line.strip()
            if stripped:
                listy = len(stripped.split()) <= 16 and stripped[-1] not in _FINAL_PUNCT
                lines.append((offset, offset + len(line), listy))
            offset += len(line) + 1
        self.ranges: list[tuple[int, int]] = []
        run: list[tuple[int, int]] = []
        for start, end, listy in lines + [(0, 0, False)]:
            if listy:
                run.append((start, end))
                continue
            if len(run) >= min_block:
                self.ranges += run
            run = []
        self._starts = [start for start, _ in self.ranges]

    def __contains__(self, char: int) -> bool:
        # The ranges are sorted and disjoint: only the last one starting at or before ``char`` can hold it.
        i = bisect_right(self._starts, char) - 1
        return i >= 0 and char < self.ranges[i][1]


def is_prose(sent: Span) -> bool:
    """A real sentence, not a menu line, link list or ticker fragment."""
    text = sent.text
    if len(sent) < 4 or sum(text.count(c) for c in _MENU_MARKS) >= 2:
        return False
    words = [t for t in sent if t.is_alpha]
    if len(words) < 3:
        return False
    # headlines often have their verb tagged as a plural noun ("US sanctions Mali's defence chief")
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in sent) or sent.root.tag_ in ("NNS", "VBZ")
    title_case = sum(1 for t in words if t.is_title or t.is_upper) / len(words)
    return has_verb and not (title_case > 0.8 and len(words) > 6)
