"""Training and evaluation of sahel_ner's trained relation classifier.

- :mod:`.corpus`: the ``training_data/`` JSONL format and its DocBin conversion;
- :mod:`.evaluation`: P/R/F1 per relation type against dev-style gold, and
  :func:`attach_model` to add a trained model (``sahel_ner/trained/sm``) to a pipeline;
- :mod:`.commands`: the ``sahel-ner train`` and ``sahel-ner evaluate`` commands.
"""
from .evaluation import attach_model

__all__ = ["attach_model"]
