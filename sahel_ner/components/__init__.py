"""spaCy components of sahel_ner; each registers its factory on import."""
