"""``sahel_relation_extractor``: typed, evidenced relations between actors.

Rules over the dependency parse, driven by the per-type data files of
:mod:`sahel_ner.relation_types`. For every sentence that reads as prose, each
trigger word (a verb such as "stormed", or a noun such as "sanctions") has its
arguments read off the parse:

- verbs: subject -> source, object or prepositional object -> target; passive
  subjects are targets and "by" agents are sources; subjects are inherited
  through coordination, relative clauses and participles;
- nouns: possessor, compound or "by" -> source ("JNIM's attack", "US sanctions",
  "the arrest of X by Y"), prepositions -> target ("sanctions on", "talks
  between A and B"); a noun that is the object of a light verb ("imposed
  sanctions", "held talks") takes the light verb's subject as its source;
- coordinated arguments give one relation each;
- an agentless passive or nominal takes its source from the preceding sentences
  when the type allows it (``implicit``: true, lower confidence).
Negation, hedging, modality (threats and plans are dropped), dates and places
come from cue words around the trigger (``cues.json``); the words that find
arguments are in ``arguments.json``.

Modules, in reading order:

- :mod:`.component`: the spaCy factory, configuration, the sentence loop, serialization;
- :mod:`.article`: per-document state built once (sentences, dates, mentions, relations so far);
- :mod:`.prose`: which sentences read as prose (not menus, link lists, tickers);
- :mod:`.verbal` and :mod:`.nominal`: the arguments of verb and noun triggers;
- :mod:`.arguments`: which actors an argument word stands for;
- :mod:`.implicit`: sources from context, inclusion lists;
- :mod:`.scene`: the date and place of a relation;
- :mod:`.records`: candidates and the one output record shape;
- :mod:`.lexicon`: the language's argument words.
"""
from .article import ACTOR_LABELS
from .component import RelationExtractor, make_relation_extractor
from .records import CONFIDENCE

__all__ = ["ACTOR_LABELS", "CONFIDENCE", "RelationExtractor", "make_relation_extractor"]
