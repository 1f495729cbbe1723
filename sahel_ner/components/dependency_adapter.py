"""Universal Dependencies parses read as the English label scheme.

The actor linker and the relation extractor read a parse the way spaCy's English
models write it (ClearNLP labels): a preposition heads its noun (``prep`` ->
``pobj``), a passive has ``nsubjpass``/``auxpass`` and its agent hangs from
``agent``, participles are tagged ``VBN``. Other languages' models (French
``fr_core_news_*``) write Universal Dependencies: the preposition is a ``case``
child of its noun, ``obj``, ``nsubj:pass``, ``obl:agent``, and ``tag_`` equals
``pos_``. Rather than a second copy of every rule, this component rewrites such
a parse into the English scheme once, right after the parser: same tokens,
same sentences, the heads of prepositions and their nouns swapped, labels and
fine tags renamed. Which labels map to which is data
(``resources/<lang>/dependencies.json``), so another UD language needs only
that file and its word lists.
"""
from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import DEP, HEAD
from spacy.language import Language
from spacy.tokens import Doc

from ..resources import read_json


@Language.factory(
    "sahel_dependency_adapter",
    requires=["token.dep", "token.head", "token.pos", "token.morph", "token.lemma"],
    assigns=["token.dep", "token.head", "token.tag", "token.lemma"],
    default_config={"lang": "fr"},
)
def make_dependency_adapter(nlp: Language, name: str, lang: str) -> "DependencyAdapter":
    return DependencyAdapter(nlp, name, lang=lang)


class DependencyAdapter:
    """Stateless: its mapping is package data, so a saved pipeline stores nothing for it
    (spaCy skips components without ``to_disk``) and rebuilds it from the config."""
    def __init__(self, nlp: Language, name: str = "sahel_dependency_adapter", *, lang: str = "fr"):
        self.name = name
        self.nlp = nlp
        self.lang = lang
        data: dict[str, Any] = read_json(lang, "dependencies.json")
        self.labels: dict[str, str] = data["labels"]
        # UD relations whose ``case`` child becomes the head: "attaque *contre* la base"
        self.lifted: dict[str, str] = data["lifted"]
        self.negation_heads = set(data["negation_heads"])        # "ne", "n'"
        self.negation_partners = set(data["negation_partners"])  # "pas", "plus", "jamais" next to a "ne"
        self.pos_tags: dict[str, str] = data["pos_tags"]
        self.flat = set(data["flat"])
        self.agent_cases = set(data["agent_cases"])
        self.complex_prepositions = set(data["complex_prepositions"])
        self.verb_endings = tuple(data["verb_endings"])
        self.verb_lemma_rules = [tuple(rule) for rule in data.get("verb_lemma_rules", [])]
        self._infinitives: frozenset[str] | None = None  # the model's verb index, read on first use
        self.time_nouns = set(data["time_nouns"])
        self.clitics = set(data["reflexive_clitics"])
        self.adjectives = set(data["adjectival_participles"])  # "par" on a past participle  # multiword names: "flat:name"

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            return doc
        # The parser's tree as plain lists, read once: every doc[i] or .children builds new Token objects
        tokens = list(doc)
        old_heads = [t.head.i for t in tokens]
        old_deps = [t.dep_ for t in tokens]
        lowers = [t.lower_ for t in tokens]
        children: list[list[int]] = [[] for _ in tokens]
        for i, head in enumerate(old_heads):
            if head != i:
                children[head].append(i)
        heads = list(old_heads)
        deps = [self.labels.get(dep, dep) for dep in old_deps]
        for i, dep in enumerate(old_deps):
            lifted = self.lifted.get(dep)
            if lifted is None or dep == "ROOT":
                continue
            case = next((c for c in children[i] if old_deps[c] == "case" and c < i), None)
            if case is None:
                continue
            # "*près* de Djibo", "*lors* de la visite": the adverb is the preposition
            case = next((c for c in children[i] if c == case - 1 and lowers[c] in self.complex_prepositions), case)
            # the preposition takes the noun's place under the noun's head; the noun hangs from it
            head = tokens[old_heads[i]]
            if lowers[case] in self.agent_cases and head.pos_ in ("VERB", "AUX") \
                    and "Part" in head.morph.get("VerbForm"):
                lifted = "agent"  # "une embuscade tendue *par* des jihadistes"
            heads[case], deps[case] = heads[i], lifted
            heads[i], deps[i] = case, "pobj"
        for i, lower in enumerate(lowers):
            # "s'est entretenu jeudi avec X": a bare time noun the parser made the head of
            # the next phrase; the phrase belongs to the verb
            if lower in self.time_nouns and not any(old_deps[c] == "case" for c in children[i]):
                for j in range(i + 1, tokens[i].sent.end):
                    if heads[j] == i and deps[j] in ("prep", "agent"):
                        heads[j] = heads[i]
        for i, kids in enumerate(children):
            # UD heads a name on its first word ("Assimi <-flat- Goïta"), English on its
            # last ("Assimi -compound-> Goïta"): the last word takes the name's place.
            names = [c for c in kids if old_deps[c] in self.flat and c > i]
            if names and deps[i] != "compound":
                last = names[-1]
                heads[last], deps[last] = heads[i], deps[i]
                for word in (i, *names[:-1]):
                    heads[word], deps[word] = last, "compound"
                for child in kids:  # the name's determiners, titles and clauses follow it
                    if old_deps[child] not in self.flat and heads[child] == i:
                        heads[child] = last
                if heads[last] == i:  # the name was the sentence's root
                    heads[last], deps[last] = last, "ROOT"
        for i, lower in enumerate(lowers):
            if lower in self.clitics:
                self._attach_clitic(tokens[i], heads, deps)
        for i, lower in enumerate(lowers):
            if lower in self.negation_heads:
                deps[i] = "neg"
            elif lower in self.negation_partners and any(lowers[s] in self.negation_heads
                                                         for s in children[old_heads[i]]):
                deps[i] = "neg"
        self._set_tree(doc, heads, deps)
        with_subject = {heads[i] for i, dep in enumerate(deps) if dep == "nsubj"}
        with_object = {heads[i] for i, dep in enumerate(deps) if dep == "dobj"}
        for i, token in enumerate(tokens):
            verbal = i in with_subject and i in with_object
            if verbal and token.pos_ in ("NOUN", "PROPN") and token.is_lower:
                token.pos_ = "VERB"  # "Le JNIM *frappe* le camp": a subject and an object make it a verb
            if token.pos_ == "ADJ" and any(deps[c] == "aux" for c in children[i]):
                token.pos_ = "VERB"  # "ont *péri*": a participle after its auxiliary, read as an adjective
            if token.pos_ == "VERB" and not token.lemma_.endswith(self.verb_endings):
                token.lemma_ = self._infinitive(token)
            if deps[i] == "acl" and self._participle(token):
                token.pos_ = "VERB"  # "le responsable *sanctionné*": a participle the tagger read as an adjective
            token.tag_ = self._tag(token, verbal)
        return doc

    def _infinitive(self, token) -> str:
        """The infinitive of a verb the model's lemmatizer left as written ("frappe" -> "frapper"),
        when a rule gives one its verb index knows; else the lemma unchanged."""
        if self._infinitives is None:
            # read lazily: a pipeline loaded from disk fills the lemmatizer's tables after building us
            lemmatizer = self.nlp.get_pipe("lemmatizer") if "lemmatizer" in self.nlp.pipe_names else None
            index = lemmatizer.lookups.get_table("lemma_index", {}) if lemmatizer is not None else {}
            self._infinitives = frozenset(index.get("verb", ()))
        lower = token.lower_
        for ending, infinitive_ending in self.verb_lemma_rules:
            if lower.endswith(ending):
                candidate = lower[:len(lower) - len(ending)] + infinitive_ending
                if candidate in self._infinitives:
                    return candidate
        return token.lemma_

    def _participle(self, token) -> bool:
        lemma = token.lemma_.lower()
        return token.pos_ == "ADJ" and token.dep_ == "acl" and lemma != token.lower_ \
            and lemma.endswith(self.verb_endings) and token.lower_ not in self.adjectives

    @staticmethod
    def _attach_clitic(clitic, heads: list[int], deps: list[str]) -> None:
        """A reflexive clitic belongs to the verb after it ("s’est rendu", "il s’agit"),
        whatever the parser did with it (typographic apostrophes often make it the root
        or a modifier of the subject)."""
        doc, end = clitic.doc, clitic.sent.end
        verb = next((t for t in doc[clitic.i + 1:min(clitic.i + 4, end)] if t.pos_ == "VERB"), None)
        if verb is None or heads[clitic.i] == verb.i:
            return
        if heads[clitic.i] == clitic.i:  # the clitic was the root: the verb takes its place
            for i in range(clitic.sent.start, end):
                if heads[i] == clitic.i and i != clitic.i:
                    heads[i] = verb.i
            heads[verb.i], deps[verb.i] = verb.i, "ROOT"
        heads[clitic.i], deps[clitic.i] = verb.i, "expl"

    @staticmethod
    def _set_tree(doc: Doc, heads: list[int], deps: list[str]) -> None:
        array = numpy.zeros((len(doc), 2), dtype="uint64")
        for i, (head, dep) in enumerate(zip(heads, deps)):
            array[i, 0] = numpy.int64(head - i).astype("uint64")  # relative head, as Doc.to_array writes it
            array[i, 1] = doc.vocab.strings.add(dep)
        # Every token keeps a head inside its sentence, so the sentences the tree
        # gives back are those the parser (and the line-break component) made.
        doc.from_array([HEAD, DEP], array)

    def _tag(self, token, verbal: bool = False) -> str:
        """A Penn Treebank tag from the UD part of speech and morphology."""
        pos, morph = token.pos_, token.morph
        if pos in ("VERB", "AUX"):
            form = morph.get("VerbForm")
            if not form and pos == "VERB":  # a word the tagger had read as an adjective or a noun:
                return "VBZ" if verbal else "VBN"  # "frappe" (with a subject and an object) / "sanctionné"
            if "Part" in form:
                return "VBN" if "Past" in morph.get("Tense") else "VBG"
            if "Inf" in form:
                return "VB"
            if set(morph.get("Tense")) & {"Past", "Imp"}:
                return "VBD"
            return "VBZ" if "3" in morph.get("Person") and "Sing" in morph.get("Number") else "VBP"
        if pos in ("NOUN", "PROPN"):
            tag = "NN" if pos == "NOUN" else "NNP"
            return tag + "S" if "Plur" in morph.get("Number") else tag
        return self.pos_tags.get(pos, token.tag_)
