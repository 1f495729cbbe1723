"""``sahel_line_breaks``: line breaks and datelines end a sentence.

Scraped articles put headlines, datelines, menu items and captions on lines of
their own without final punctuation; the parser would glue them to the next
sentence ("... extremists: WashPo Intelligence shared by ..."). A dateline
("BAMAKO, Mali — The United States ...", "ACCRA - ECOWAS imposed ...") would
become the subject of the first sentence. Marking the token after a line break
or a dateline dash as a sentence start before the parser runs keeps them apart
(the parser respects preset boundaries).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_DASHES = ("—", "–", "--", "-")


@Language.component("sahel_line_breaks", assigns=["token.is_sent_start"])
def line_breaks(doc: Doc) -> Doc:
    dateline_end = _dateline_length(doc, 0) - 1  # last token of the line's dateline, once per line
    for token in doc:
        if token.i + 1 < len(doc) and (token.is_space and "\n" in token.text or "\n" in token.whitespace_):
            doc[token.i + 1].is_sent_start = True
            dateline_end = token.i + _dateline_length(doc, token.i + 1)
        elif token.i == dateline_end and token.i + 1 < len(doc) and token.i > 0:
            doc[token.i + 1].is_sent_start = True
    return doc


def _dateline_length(doc: Doc, start: int) -> int:
    """Tokens of a dateline opening the line at ``start`` (up to and including its dash), else 0."""
    first = doc[start] if start < len(doc) else None
    if first is None or not (first.is_upper and first.is_alpha and len(first) > 2):
        return 0
    for token in doc[start + 1:start + 8]:
        if token.text in _DASHES and (token.text != "-" or doc[token.i - 1].whitespace_):
            return token.i - start + 1
        if "\n" in token.text or token.is_sent_end:
            break
    return 0
