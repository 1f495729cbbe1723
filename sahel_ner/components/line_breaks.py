"""``sahel_line_breaks``: line breaks and datelines end a sentence.

Scraped articles put headlines, datelines, menu items and captions on lines of
their own without final punctuation; the parser would glue them to the next
sentence ("... extremists: WashPo Intelligence shared by ..."). A dateline
("BAMAKO, Mali — The United States ...", "ACCRA - ECOWAS imposed ...") would
become the subject of the first sentence. Marking the token after a line break
or a dateline dash as a sentence start before the parser runs keeps them apart
(the parser respects preset boundaries).

``inside_sentences`` (on for French): the French models' parser also starts
sentences inside prose ("... son homologue russe Vladimir | Poutine lors du
sommet"); a token on the same line as a word that cannot end a sentence (not
final punctuation, a closing quote or bracket) is marked as no sentence start.
"""
from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

_DASHES = ("—", "–", "--", "-")


_SENTENCE_ENDS = frozenset(".!?…;\"»”’')]")  # not ':' ("trois responsables : A, B et C")


@Language.factory("sahel_line_breaks", assigns=["token.is_sent_start"], default_config={"inside_sentences": False})
def make_line_breaks(nlp: Language, name: str, inside_sentences: bool):
    def line_breaks(doc: Doc) -> Doc:
        return mark_sentence_starts(doc, inside_sentences)
    return line_breaks


def mark_sentence_starts(doc: Doc, inside_sentences: bool = False) -> Doc:
    # 1: starts a sentence, -1: does not, 0: the parser decides; written in one go at the end
    starts = numpy.zeros((len(doc), 1), dtype="int64")
    dateline_end = _dateline_length(doc, 0) - 1  # last token of the line's dateline, once per line
    line_start = 0
    last = len(doc) - 1
    for token in doc:
        i = token.i
        if i == last:
            break
        text = token.text
        if token.is_space and "\n" in text or "\n" in token.whitespace_:
            starts[i + 1] = 1
            dateline_end = i + _dateline_length(doc, i + 1)
            line_start = i + 1
        elif i == dateline_end and i > 0:
            starts[i + 1] = 1
        elif inside_sentences and _headline_label(doc, line_start, token):
            starts[i + 1] = 1
        elif inside_sentences and text[-1] not in _SENTENCE_ENDS and not token.is_space:
            starts[i + 1] = -1
    if len(doc):  # (the first token is never set: a document starts a sentence anyway)
        doc.from_array([SENT_START], starts.astype("uint64"))  # -1 as Doc.to_array writes it
    return doc


def _headline_label(doc: Doc, line_start: int, token) -> bool:
    """A colon after a verbless label that opens its line ("Mali : Le JNIM frappe ...",
    "Tension entre Bamako et Paris : Bruxelles sanctionne ..."): the headline starts after it.
    After a clause ("a sanctionné trois responsables : A, B et C") the colon opens a list."""
    return token.text == ":" and not any(t.pos_ in ("VERB", "AUX") for t in doc[line_start:token.i])


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
