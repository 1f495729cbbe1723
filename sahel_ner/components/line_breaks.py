"""``sahel_line_breaks``: a line break ends a sentence.

Scraped articles put headlines, datelines, menu items and captions on lines of
their own without final punctuation; the parser would glue them to the next
sentence ("... extremists: WashPo Intelligence shared by ..."). Marking the
token after a line break as a sentence start before the parser runs keeps
them apart (the parser respects preset boundaries).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("sahel_line_breaks", assigns=["token.is_sent_start"])
def line_breaks(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if "\n" in token.text_with_ws and not token.is_space or (token.is_space and "\n" in token.text):
            doc[token.i + 1].is_sent_start = True
    return doc
