"""Argument finding: which actor mentions a word of the parse stands for.

A trigger's subject or object is a head word; the actor may be that word
("ECOWAS"), sit below it ("members of Mali's junta"), be the group of its
members ("its fighters"), be spread over a list ("Mali, Burkina Faso and
Niger"), or be named in an earlier clause or sentence ("it", "who").
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ...knowledge_base import KnowledgeBase
from ...text import fold, opening_bracket
from .lexicon import ArgumentWords

# Dependency labels under which an argument's actor may sit below its head word
# ("members of Mali's junta", "a school in Bamako", "Malian army generals").
ARG_DEPS = {"compound", "amod", "poss", "nmod", "appos", "prep", "pobj", "conj", "cc", "det", "nummod", "quantmod",
            "case", "punct"}
SUBJ = {"nsubj", "csubj"}
OBJECTS = {"dobj", "obj", "nsubjpass", "pobj"}  # the roles of what is acted on
PASS_SUBJ = {"nsubjpass", "csubjpass"}


# How many sentences back a chain of "she ... the diplomat ... she" may lead to its person.
ANTECEDENT_REACH = 3


def pobjs(preps: list[Token]) -> list[Token]:
    """The objects of prepositions, less times ("on 4 December", "at dawn"):
    a date is when the act happened, never who suffered it."""
    return [c for p in preps for c in p.children if c.dep_ == "pobj" and c.ent_type_ not in ("DATE", "TIME")]


def agents(word: Token) -> list[Token]:
    """The "by" objects of a passive verb or participle ("arrested *by the guard*"), or of
    the last verb it is coordinated with ("detained and deposed *by his guard*")."""
    own = pobjs([c for c in word.children if c.dep_ == "agent"])
    if own or word.pos_ not in ("VERB", "AUX"):
        return own
    shared = [c for c in word.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.tag_ == "VBN"]
    return pobjs([a for c in shared[-1:] for a in c.children if a.dep_ == "agent"])


def preps_in(words: list[Token], prep_words) -> list[Token]:
    """Prepositions among the children of ``words`` that read as one of ``prep_words``."""
    return [p for w in words for p in w.children if p.dep_ == "prep" and p.lower_ in prep_words]


def in_brackets(span: Span) -> bool:
    """A name inside brackets, such as the admin areas after a place ("Oursi (Oursi, Oudalan)")."""
    return opening_bracket(span.doc, span.start) is not None


def prefer_actors(targets: list[Span]) -> list[Span]:
    """A place next to an actor target is the scene, not a second target
    ("attacked a Malian army camp at Boulkessi")."""
    actors = [t for t in targets if t.label_ != "LOCATION"]
    if not actors:
        return targets
    # a place coordinated with an actor is a target of its own ("attacks on army positions and the town of X")
    joined = {c.i for a in actors for tok in (a.root, a.root.head) for c in tok.conjuncts}
    return actors + [t for t in targets if t.label_ == "LOCATION"
                     and {t.root.i, t.root.head.i, t.root.head.head.i} & joined]  # "... and the town of X"


class ArgumentFinder:
    """Reads arguments in one document.

    mentions: token index -> the linked actor entity covering that token.
    kb: the gazetteer (demonyms, militaries of states).
    words: the language's argument words (``arguments.json``).
    """

    def __init__(self, mentions: dict[int, Span], kb: KnowledgeBase, words: ArgumentWords,
                 leaders: dict[str, str] | None = None):
        self.mentions = mentions
        self.kb = kb
        self.words = words
        self.leaders = leaders or {}  # state -> the person the article names as its leader

    def modifier_heads(self, noun: Token) -> list[Token]:
        """Possessor or compound actor of a nominal trigger: "JNIM's attack",
        "a US drone strike" (compounds of compounds too)."""
        found = []
        for child in noun.children:
            if child.dep_ in ("poss", "compound", "nmod", "amod"):
                if child.i in self.mentions:
                    found.append(child)
                elif child.dep_ == "compound":
                    found += [g for g in child.children if g.dep_ in ("compound", "amod", "poss") and g.i in self.mentions]
        return found

    def mention_or_below(self, word: Token) -> list[Span]:
        """The actor a word names, else the closest one in its noun phrase."""
        if word.i in self.mentions:
            return [self.mentions[word.i]]
        return self.actors_below(word)

    def actors_of(self, heads: list[Token]) -> list[Span]:
        """Actor mentions an argument stands for, one per list member."""
        found: list[Span] = []

        def add(span: Span) -> None:
            if all(span.kb_id_ != f.kb_id_ for f in found):
                found.append(span)

        for head in heads:
            for word in self.list_members(head):
                if word.lower_ in self.words.pronouns and word.i not in self.mentions:
                    for span in self.antecedents(word):
                        add(span)
                    continue
                spans = [s for s in self._member_actors(word) if not self._names_a_place_after(s)]
                if not spans and self._describes_an_earlier_actor(word):
                    spans = self.antecedents(word, self.words.description_anaphors[word.lower_])
                for span in spans:
                    add(span)
                    for extra in self.coordinated_demonyms(span):
                        add(extra)
        return found

    def _describes_an_earlier_actor(self, word: Token) -> bool:
        """"the group", "the militants" as a subject, with nothing but an article."""
        return word.lower_ in self.words.description_anaphors and word.i not in self.mentions \
            and word.dep_ in SUBJ and [c.dep_ for c in word.children if c.i < word.i] == ["det"] \
            and not any(c.i > word.i and c.dep_ in ("prep", "appos", "acl", "relcl") for c in word.children)

    def _member_actors(self, word: Token) -> list[Span]:
        if word.i not in self.mentions and (word.lower_ in self.words.representative_nouns
                                            or word.lower_ in self.words.leader_nouns):
            # "the ECOWAS mediator for Mali, Goodluck Jonathan": the person named in apposition
            # (the parser may hang the apposition on the phrase's last noun: "mediator for Mali, X")
            named = [self.mentions[c.i] for c in word.subtree if c.dep_ == "appos" and c.i > word.i
                     and c.i in self.mentions and self.mentions[c.i].label_ == "PERSON"]
            if named:
                return named[:1]
        spans = self.mention_or_below(word)
        if word.lower_ in self.words.member_nouns and word.i not in self.mentions:
            named = self._names_before(word, brackets=True)
            if len(named) > len(spans):  # "Katiba Serma (JNIM) militants": the unit and its parent
                spans = named
        elif word.i in self.mentions and self.mentions[word.i].start > word.sent.start and \
                word.doc[self.mentions[word.i].start - 1].lower_ in self.words.coordinators:
            spans = self._names_before(word.doc[self.mentions[word.i].end - 1]) or spans  # "Wagner and Malian forces"
        if not spans and word.lower_ in self.words.member_nouns:
            spans = self.group_of_members(word)
        if not spans and (word.lower_ in self.words.representative_nouns or word.lower_ in self.words.leader_nouns):
            spans = self.demonym_states(word)  # "the Russian delegation", "a Turkish envoy", "son homologue russe"
        if word.lower_ in self.words.leader_nouns and word.i not in self.mentions:
            spans = [self.leader_of(span) for span in spans]  # "Niger's coup leader", "his counterparts in Mali"
        elif word.lower_ in self.words.capital_nouns and word.i not in self.mentions:
            spans = [self.capital_of(span) for span in spans]  # "the capital of Mali, Bamako"
        return spans

    def state_of_person(self, span: Span) -> Span:
        """The state a person belongs to (knowledge base), else the person."""
        actor = self.kb.actors.get(span.kb_id_)
        state = actor.affiliation if actor is not None else None
        if state in self.kb.actors and self.kb.actors[state].type == "STATE":
            return Span(span.doc, span.start, span.end, label="STATE", kb_id=state)
        return span

    def possessor_subject(self, noun: Token) -> list[Span]:
        """The actor a possessive pronoun on a noun stands for, when it is the
        subject of the clause the noun sits in ("X briefed ... on his talks")."""
        pronoun = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ in self.words.possessive_pronouns),
                       None)
        if pronoun is None:
            return []
        clause = noun.head
        while clause.pos_ not in ("VERB", "AUX") and clause.head is not clause:
            clause = clause.head
        found = [s for s in self.actors_of(self.subjects(clause)) if s.label_ != "LOCATION"]
        if not found and pronoun.lower_ in self.words.person_pronouns:
            # a subject the parser hung elsewhere ("after the mediator, X, briefed ... on his talks"):
            # the last person named before the verb
            return [s for s in self.mentions_before(clause) if s.label_ == "PERSON"][-1:]
        return found

    def _title_before_name(self, subjects: list[Token]) -> list[Token]:
        """Two subjects where the parser missed an apposition without commas ("The head of
        Niger's junta General A. Tiani spoke ..."): the person, not the title before him."""
        titled = self.words.leader_nouns | self.words.representative_nouns
        people = [s for s in subjects if s.i in self.mentions and self.mentions[s.i].label_ == "PERSON"]
        titles = [s for s in subjects if s.i not in self.mentions and s.lower_ in titled
                  and any(p.i > s.i for p in people)]
        return [s for s in subjects if s not in titles] if people and titles else subjects

    def sufferers(self, verb: Token, suffering_verbs: set[str]) -> list[Token]:
        """Who underwent a verb's act: its passive subject ("soldiers were killed",
        "sont morts"), or the subject of a verb of suffering ("soldiers died")."""
        passive = [c for c in verb.children if c.dep_ in PASS_SUBJ]
        if passive or verb.lemma_.lower() not in suffering_verbs:
            return passive
        return self.subjects(verb)

    def mentions_before(self, word: Token) -> list[Span]:
        """The actor mentions of the word's sentence that end before it, in order."""
        found: list[Span] = []
        for i in range(word.sent.start, word.i):
            span = self.mentions.get(i)
            if span is not None and (not found or found[-1] is not span):
                found.append(span)
        return found

    def maker_states(self, thing: Token) -> list[Span]:
        """"Turkish-made drones", "Russian-built helicopters": the state a
        demonym before "-made"/"-built" names (the object's maker)."""
        found = []
        for child in thing.children:
            if child.dep_ not in ("amod", "compound"):
                continue
            words = [t for t in child.subtree if not t.is_punct]
            if len(words) >= 2 and words[-1].lower_ in ("made", "built", "manufactured", "supplied"):
                state = self.kb.demonyms.get(fold(words[0].text))
                if state:
                    found.append(Span(thing.doc, words[0].i, words[0].i + 1, label="STATE", kb_id=state))
        return found

    def demonym_states(self, word: Token) -> list[Span]:
        """States named by demonym modifiers of a word ("Turkish arms supplies",
        "French strikes", "the Russian delegation"), one level of compounds deep."""
        found = []
        for child in [c for c in word.children if c.dep_ in ("amod", "compound")]:
            for tok in [child, *[g for g in child.children if g.dep_ in ("amod", "compound")]]:
                state = self.kb.demonyms.get(fold(tok.text)) if tok.ent_type_ in ("", "NORP") else None
                if state:
                    found.append(Span(tok.doc, tok.i, tok.i + 1, label="STATE", kb_id=state))
        return found

    def capital_of(self, span: Span) -> Span:
        """The capital city of a state named after "the capital of"."""
        actor = self.kb.actors.get(span.kb_id_) if span.label_ == "STATE" else None
        if actor is None or not actor.capital:
            return span
        return Span(span.doc, span.start, span.end, label="LOCATION", kb_id=actor.capital)

    def _names_a_place_after(self, span: Span) -> bool:
        """A state before the place noun the parser hung on it ("attack on Niger mosque"
        read as "on Niger" + a stray "mosque"): it says where, as in "a Niger mosque"."""
        doc = span.doc
        after = doc[span.end] if span.end < len(doc) else None
        return span.label_ == "STATE" and after is not None and after.lower_ in self.words.place_heads \
            and span.start <= after.head.i < span.end

    def _only_says_where(self, head: Token, actor: Span) -> bool:
        """A state (or a name the knowledge base does not know) modifying a
        place or people noun says where or who, not which actor ("a Tuareg camp")."""
        return (actor.label_ == "STATE" or actor.kb_id_ not in self.kb.actors) and \
            actor.root.dep_ in ("compound", "amod") and head.lower_ in self.words.place_heads

    def leader_of(self, span: Span) -> Span:
        """The leader the article names for a state (as a span at the state's
        place), else the state itself."""
        person = self.leaders.get(span.kb_id_) if span.label_ == "STATE" else None
        if person is None:
            return span
        return Span(span.doc, span.start, span.end, label="PERSON", kb_id=person)

    def subjects(self, verb: Token) -> list[Token]:
        """Subject heads of a verb, inherited through coordination and clauses."""
        seen = set()
        while verb.i not in seen:
            seen.add(verb.i)
            subj = [c for c in verb.children if c.dep_ in SUBJ]
            # parser slip: "Russia has armed...", with the subject hung on the auxiliary
            subj += [g for c in verb.children if c.dep_ == "aux" for g in c.children if g.dep_ in SUBJ]
            if len(subj) > 1:
                subj = self._title_before_name(subj)
            if subj:
                if verb.dep_ == "relcl" and (subj[0].lower_ in self.words.relative_subjects or any(
                        c.lower_ in self.words.relative_possessives for c in subj[0].children)):
                    return [verb.head]  # "ECOWAS, which sanctioned...", "JNIM, whose fighters stormed..."
                return subj
            if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ in ("VBG", "VBD")):
                return [verb.head]  # "the militants who stormed the base"
            if verb.dep_ == "xcomp":  # "China is said to have supplied": the raised subject
                raised = [c for c in verb.head.children if c.dep_ in PASS_SUBJ]
                if raised:
                    return raised
                objects = [c for c in verb.head.children if c.dep_ in ("dobj", "obj")]
                if objects and verb.head.lemma_.lower() in self.words.object_control_verbs:
                    return objects  # "HRW accuse l'armée d'avoir exécuté ...": the object does it
            if verb.dep_ == "conj" and verb.head.lower_ in self.words.identity_hedges:
                # "presumed JNIM militants attacked ...", misread as "[they] presumed militants and attacked"
                objects = [c for c in verb.head.children if c.dep_ in ("dobj", "obj")]
                if objects:
                    return objects
            if verb.dep_ == "conj" and self._misread_descriptor(verb.head):
                # "The al-Qaeda linked group JNIM killed ...": read as "[al-Qaeda] linked JNIM and killed"
                return [c for c in verb.head.children if c.dep_ in ("dobj", "obj")]
            if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
                verb = verb.head
                continue
            if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
                governor = verb.head.head
                objects = [c for c in governor.children if c.dep_ in ("dobj", "obj")]
                if verb.head.lower_ in self.words.object_raising_prepositions and objects:
                    return objects  # "accused Algeria of arming the FLA"
                patients = [c for c in governor.children if c.dep_ in PASS_SUBJ]
                if patients and not any(c.dep_ in SUBJ for c in governor.children):
                    return patients  # "they were surprised despite receiving help": the grammatical subject
                verb = governor  # "humiliated X by attacking Y", "ended his tour without meeting Y"
                continue
            break
        return []

    def _misread_descriptor(self, verb: Token) -> bool:
        """A descriptor participle made a verb: an article before the name right before it,
        and a named actor in its object ("The al-Qaeda linked group JNIM")."""
        if verb.lower_ not in self.words.descriptor_participles:
            return False
        subj = [c for c in verb.children if c.dep_ in SUBJ and c.i < verb.i]
        objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        return len(subj) == 1 and subj[0].right_edge.i == verb.i - 1 and subj[0].pos_ == "PROPN" \
            and any(c.dep_ == "det" for c in subj[0].children) \
            and any(t.pos_ == "PROPN" and t.ent_type_ for o in objects for t in o.subtree)

    def group_of_members(self, word: Token) -> list[Span]:
        """"its fighters", "fighters loyal to ISSP", "ISSP militants" (a compound the parser missed)."""
        mentions = self.mentions
        for child in word.children:
            if child.dep_ == "poss" and child.lower_ in self.words.group_possessives:
                clause = word.head
                if clause.dep_ in ("ccomp", "advcl") and clause.head.lemma_.lower() in self.words.reporting_verbs:
                    return self.actors_of(self.subjects(clause.head))  # "the army said its drones struck"
                while clause.dep_ == "conj" and clause.head is not clause:
                    clause = clause.head  # "JNIM attacked X, and its fighters ambushed Y"
                    subjects = [c for c in clause.children if c.dep_ in SUBJ and c.i in mentions]
                    if subjects:
                        return [mentions[subjects[0].i]]
                return self.antecedents(child)
            if child.dep_ in ("acl", "amod") and child.lemma_.lower() in (
                    self.words.affiliation_words | self.words.holding_participles):
                inside = [mentions[t.i] for t in child.subtree if t.i in mentions]
                if inside:
                    return inside[:1]
        following = word.doc[word.i + 1] if word.i + 1 < word.sent.end else None
        if word.dep_ == "conj" and word.head.i in mentions and following is not None \
                and following.lower_ in self.words.member_prepositions and following.head is not word:
            # "Malian soldiers and fighters from Wagner", "routed by Tuareg rebels and fighters from JNIM":
            # after a named first conjunct, the parser hangs "from X" on it or on the verb; it names
            # the fighters' group ("armoured vehicles and drones from Turkey" are no one's members)
            groups = [mentions[o.i] for o in pobjs([following])
                      if o.i in mentions and mentions[o.i].label_ != "LOCATION"]
            if groups:
                return groups[:1]
        return self._names_before(word)

    def _names_before(self, word: Token, brackets: bool = False) -> list[Span]:
        """"JNIM and ISWAP (Greater Sahara) militants": the names right before a
        members noun, however the parser attached them (what is in brackets is
        skipped, or taken too with ``brackets``: "Katiba Serma (JNIM) militants")."""
        doc, found, i = word.doc, [], word.i - 1
        while i >= word.sent.start:
            tok = doc[i]
            if tok.text == ")":  # a bracket back to its opening
                while i >= word.sent.start and doc[i].text != "(":
                    if brackets and i in self.mentions:
                        found.insert(0, self.mentions[i])
                    i -= 1
            elif i in self.mentions:
                span = self.mentions[i]
                if found and span.end == found[0].start and not doc[span.end - 1].is_punct:
                    break  # "Generals Abass Dembélé": a title word before a name, not a list member
                found.insert(0, span)
                i = span.start
            elif (tok.lower_ not in self.words.coordinators and tok.lower_ != ",") or not found:
                break
            i -= 1
        return list({s.kb_id_: s for s in found}.values())

    def coordinated_demonyms(self, span: Span) -> list[Span]:
        """"Malian and Burkinabe soldiers": every demonym shares the head noun."""
        if span.label_ not in ("MILITARY", "STATE", "ARMED_GROUP"):
            return []
        anchor = span[0]
        while anchor.dep_ == "conj" and anchor.head.i < anchor.i:
            anchor = anchor.head
        extra = []
        for token in [anchor, *anchor.conjuncts]:
            state = None if span.start <= token.i < span.end else self.kb.demonyms.get(fold(token.text))
            actor_id = state if span.label_ == "STATE" else self.kb.military_of(state)  # "Malian and Wagner forces"
            if actor_id:
                extra.append(Span(span.doc, token.i, token.i + 1, label=span.label_, kb_id=actor_id))
        return extra

    def list_members(self, head: Token) -> list[Token]:
        """The members of a coordinated or appositive list: "Mali, Burkina Faso and
        Niger", "Generals Abass Dembélé and Néma Sagara" (the names, not the class word)."""
        mentions = self.mentions
        members = []
        for word in [head, *head.conjuncts]:
            # an "apposition" past the subject's verb is a parse slip ("the junta confirmed the arrests - A and B")
            named = [c for c in word.children if c.dep_ == "appos" and c.i in mentions
                     and not (word.dep_ in SUBJ and c.i > word.head.i)]
            if named and word.i in mentions and mentions[word.i].label_ != "PERSON" and \
                    all(mentions[c.i].label_ == "PERSON" for c in named):
                word_list = []  # the class word ("Generals") gives way to the people it introduces
            else:
                word_list = [word]
            for child in named:
                word_list += [child, *child.conjuncts]
            listed = self._listed_after(word)
            if listed:
                word_list = listed  # "the arrests of two generals - A and B": the names, not the class
            if word.dep_ in OBJECTS:
                # "members of the AJB, including its president X, were arrested": those singled out too
                # (not on subjects: "ECOWAS, including Nigeria, imposed ..." is the bloc acting)
                # ("plusieurs localités, dont Niono et Kayes": the French model reads a relative clause)
                relatives = [c for c in word.children if c.dep_ == "relcl" and c.i in mentions and any(
                    g.lower_ in self.words.including_prepositions for g in c.children)]
                for included in pobjs(preps_in([word], self.words.including_prepositions)) + relatives:
                    word_list += [w for w in (included, *(c for c in included.children if c.dep_ == "appos"),
                                              *included.conjuncts) if self._known_or_person(w)]
            members += [w for w in word_list if w not in members]
        return members

    def _known_or_person(self, word: Token) -> bool:
        """A person, or an actor of the knowledge base (not a name the statistical NER
        found: "eight men, including seven Fulani and one Bellah" names no actors)."""
        span = self.mentions.get(word.i)
        return span is not None and (span.label_ == "PERSON" or span.kb_id_ in self.kb.actors)

    def _listed_after(self, word: Token) -> list[Token]:
        """People named after a dash or colon that closes a counted class noun
        ("two generals - A and B", "three officials: A, B and C")."""
        doc = word.doc
        mark = word.right_edge.i + 1
        if word.i in self.mentions and self.mentions[word.i].label_ == "PERSON":
            return []
        if mark >= word.sent.end or doc[mark].text not in self.words.list_marks or \
                not any(c.dep_ == "nummod" for c in word.children):
            return []
        names, seen = [], set()
        for tok in doc[mark + 1:word.sent.end]:
            if tok.text in (";", "(") or (tok.pos_ == "VERB" and tok.dep_ != "amod"):
                break
            span = self.mentions.get(tok.i)
            if span is not None and span.label_ == "PERSON" and span.start not in seen:
                seen.add(span.start)
                names.append(span.root)
        return names

    def reporting_clause(self, pronoun: Token) -> Token | None:
        """The reporting verb whose clause a pronoun opens ("the army said it...")."""
        clause = pronoun.head
        while clause.dep_ in ("conj", "aux", "auxpass") and clause.head is not clause:
            clause = clause.head
        if clause.dep_ in ("ccomp", "advcl") and clause.head.lemma_.lower() in self.words.reporting_verbs:
            return clause.head
        return None

    def antecedents(self, pronoun: Token, types: frozenset[str] = frozenset()) -> list[Span]:
        """What a subject pronoun (or a bare description: "the group", of one of
        ``types``) stands for: the subject of the reporting verb whose clause it
        opens ("the army said it had struck..."), else the subject actor of the
        previous sentence."""
        reporting = self.reporting_clause(pronoun)
        if reporting is not None:
            subjects = self.subjects(reporting)
            reporters = self.actors_of(subjects) if subjects else [
                # a subject the parser lost in a long name ("Jama'a Nusrat ul-Islam *wa* al-Muslimin
                # (JNIM) has announced that it ..."): the last actor named before the verb
                s for s in self.mentions_before(reporting) if s.label_ != "LOCATION"][-1:]
            if not types:
                return reporters
            if any(r.label_ in types for r in reporters):  # "the group" is a reporter of its type only
                return [r for r in reporters if r.label_ in types]
        sent = pronoun.sent
        earlier = self._earlier_in_sentence(pronoun, types)
        if earlier:
            return earlier
        fitting = [] if types else self._first_clause_subject(pronoun)
        if fitting:
            return fitting
        # near the start, or the subject of the sentence's main verb ("Using motorcycles, they ...")
        if sent.start == 0 or pronoun.i - sent.start > 2 and not (pronoun.head == sent.root and pronoun.dep_ in SUBJ):
            return []
        want_person = pronoun.lower_ in self.words.person_pronouns
        start = sent.start
        for _ in range(ANTECEDENT_REACH):
            if start == 0:
                break
            previous = pronoun.doc[start - 1].sent
            subjects = [t for t in previous if t.dep_ in ("nsubj", "nsubjpass")]
            for tok in subjects:
                spans = self._member_actors(tok)
                if spans and (spans[0].label_ in types if types else (spans[0].label_ == "PERSON") == want_person):
                    return spans[:1]
            if types:  # "the group": the last subject of its type, a few sentences back at most
                start = previous.start
                continue
            # "Nuland met X. The diplomat said ... She then ...": a chain of pronouns or
            # descriptions of a person leads further back; anything else ends the search
            if not want_person or not subjects or not all(
                    t.lower_ in self.words.person_pronouns or t.lemma_.lower() in self.words.representative_nouns
                    for t in subjects[:1]):
                break
            start = previous.start
        return []

    def _earlier_in_sentence(self, description: Token, types: frozenset[str]) -> list[Span]:
        """"The army killed 80 JNIM militants after the group attacked ...": a description
        subject of a subordinate clause stands for the last actor of its type before it in
        its own sentence, if any."""
        if not types or description.dep_ not in SUBJ or description.head == description.sent.root:
            return []
        return [s for s in self.mentions_before(description) if s.label_ in types][-1:]

    def _first_clause_subject(self, pronoun: Token) -> list[Span]:
        """"X visited Bamako, but he did not meet Y": a pronoun subject of a coordinated
        clause stands for the first clause's subject, if it fits (a person for "he")."""
        if pronoun.dep_ not in SUBJ or pronoun.head.dep_ != "conj" or pronoun.lower_ not in self.words.pronouns:
            return []
        want_person = pronoun.lower_ in self.words.person_pronouns
        first = [c for c in pronoun.head.head.children if c.dep_ in SUBJ]
        return [s for s in self.actors_of(first) if (s.label_ == "PERSON") == want_person][:1]

    def is_cross_sentence(self, subject: Token) -> bool:
        """A pronoun or a bare description ("the group") resolved from an earlier sentence
        (lower confidence)."""
        if subject.i in self.mentions or self.reporting_clause(subject):
            return False
        if subject.lower_ in self.words.pronouns:
            return not self._first_clause_subject(subject)
        return self._describes_an_earlier_actor(subject) and not self._earlier_in_sentence(
            subject, self.words.description_anaphors[subject.lower_])

    def relative_antecedent(self, verb: Token, word: Token) -> Token | None:
        """"Moussa Mara, whom the junta detained": the relative pronoun's antecedent."""
        if word.lower_ in self.words.relative_objects and verb.dep_ == "relcl":
            return verb.head
        return None

    def actors_below(self, word: Token) -> list[Span]:
        """Closest actor in an argument's noun phrase ("members of Mali's junta"),
        with its conjuncts ("posts in Kayes and Niono")."""
        mentions = self.mentions
        while word.lower_ in self.words.quantity_nouns and word.i not in mentions:
            # "une vingtaine de terroristes de l'EIGS": the quantity is not a level of its own
            inner = pobjs(preps_in([word], self.words.genitive_prepositions))
            if not inner:
                break
            word = inner[0]
        frontier = [word]
        depth = 0
        while frontier and depth < 4:
            nxt, found = [], []
            for tok in frontier:
                for child in sorted(tok.children, key=lambda c: c.dep_ != "appos"):
                    if child.dep_ == "acl" and child.lemma_.lower() in self.words.holding_participles:
                        nxt.append(child)  # "a base held by Malian troops"
                        continue
                    if child.dep_ == "agent":
                        nxt.append(child)
                        continue
                    if child.dep_ == "acl" and child.i in mentions and (child.is_title or child.is_upper):
                        found.append([mentions[child.i]])  # a name the parser hung as a clause ("... bloc ECOWAS on Saturday")
                        continue
                    if child.dep_ not in ARG_DEPS or child.dep_ == "conj":
                        continue
                    if child.dep_ == "prep" and child.lower_ not in self.words.argument_prepositions:
                        continue
                    if child.i in mentions and (self._only_says_where(tok, mentions[child.i]) or (
                            mentions[child.i].label_ == "LOCATION" and in_brackets(mentions[child.i]))):
                        continue  # "a Niger mosque", "near the Malian border", "Moura (Djenne, Mopti)"
                    if child.i in mentions:
                        span = mentions[child.i]
                        if child.dep_ == "poss" and span.label_ == "PERSON" and tok.lower_ in self.words.regime_nouns:
                            span = self.state_of_person(span)  # "members of Colonel Goïta's government"
                        # "dozens of soldiers and Wagner fighters": every conjunct, named or a members noun
                        found.append([span, *(s for c in child.conjuncts for s in (
                            [mentions[c.i]] if c.i in mentions else self._member_actors(c)))])
                        continue
                    nxt.append(child)
            if found:  # the nearest level that names anyone; an actor before a place ("West Africa's bloc ECOWAS")
                return next((f for f in found if f[0].label_ != "LOCATION"), found[0])
            frontier = nxt
            depth += 1
        return []
