"""``sahel_typography``: typographic apostrophes read as straight ones by the models.

French news writes elisions with the typographic apostrophe ("l’aéroport", "s’est
rendu"); spaCy's French models learned them with the straight one, so "l’" gets
the embedding of an unknown word, is tagged as a noun and drags the parse with it
("l’ aéroport" as two nouns, a list's second member hung on the wrong word).
The component runs first and gives such a word the features the models embed
(norm, prefix, suffix, shape) of its straight spelling; the text, offsets and
evidence sentences stay as written.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

# characters the models saw rarely, and the character they learned instead
DEFAULT_REPLACEMENTS = {"\u2019": "'", "\u2018": "'", "\u02bc": "'"}


@Language.factory("sahel_typography", assigns=["token.norm"],
                  default_config={"replacements": DEFAULT_REPLACEMENTS})
def make_typography(nlp: Language, name: str, replacements: dict[str, str]):
    table = str.maketrans(replacements)
    characters = frozenset(replacements)

    def typography(doc: Doc) -> Doc:
        for token in doc:
            if not characters.isdisjoint(token.text):
                straight = doc.vocab[token.text.translate(table)]
                lexeme = token.lex  # shared by every later doc: rewritten once, idempotently
                lexeme.norm_, lexeme.prefix_ = straight.norm_, straight.prefix_
                lexeme.suffix_, lexeme.shape_ = straight.suffix_, straight.shape_
                token.norm_ = straight.norm_
        return doc
    return typography
