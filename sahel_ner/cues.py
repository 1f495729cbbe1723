"""Cue words around a trigger: is the relation negated, hedged, or not asserted at all?

The words live in ``resources/<lang>/cues.json``; this module reads the parse
around a trigger with them. Kept apart from the extractor so that the trained
classifier (and users) can ask the same questions of any trigger.

The parse is read in the English label scheme (other languages' parses are
rewritten into it by ``sahel_dependency_adapter``). What a language marks with
morphology rather than words (the French conditional "aurait attaqué", the
future "attaquera") is switched on by flags of its cue file; every list and
flag a language does not give is empty or off.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .relation_types import RelationType
from .resources import read_json

# Links along which a cue on a governor reaches the trigger (the clause and what it is the object of).
_NEGATION_LINKS = ("dobj", "obj", "pobj", "prep", "xcomp", "pcomp", "ccomp", "acl", "nsubjpass", "conj", "aux", "relcl")
_CLAUSE_LINKS = ("xcomp", "ccomp", "conj", "dobj", "obj", "pobj", "prep", "pcomp", "relcl", "aux")


def governors(token: Token, limit: int = 4) -> list[Token]:
    """The chain of heads above ``token``, nearest first."""
    chain, tok = [], token
    while tok.head is not tok and len(chain) < limit:
        tok = tok.head
        chain.append(tok)
    return chain


def _is_subject_of(actor: Span, verb: Token) -> bool:
    """Whether an actor is (inside) the subject of a verb, or its "by" agent."""
    return any(c.dep_ in ("nsubj", "agent") and c.left_edge.i <= actor.root.i <= c.right_edge.i
               for c in verb.children)


class Cues:
    """Negation, hedging and modality cues for one language."""

    def __init__(self, lang: str = "en"):
        c = read_json(lang, "cues.json")
        words = lambda key: set(c.get(key, ()))  # noqa: E731
        self.neg_words = words("negation_words")
        self.negating_governors = words("negating_governors")
        self.clause_negating_governors = words("clause_negating_governors")
        self.negating_determiners = words("negating_determiners")
        self.negating_prepositions = words("negating_prepositions")
        self.negating_marks = words("negating_marks")
        self.hedge_adverbs = words("hedge_adverbs")
        self.hedge_verbs = words("hedge_verbs")
        self.hedge_nouns = words("hedge_nouns")
        self.hedge_modals = words("hedge_modals")
        self.hedge_report_verbs = words("hedge_report_verbs")
        self.hedge_sources = words("hedge_sources")
        self.hedge_identity = words("hedge_identity")
        self.hedge_modifiers = words("hedge_modifiers")
        self.hedge_modifier_lemmas = words("hedge_modifier_lemmas")
        self.hedge_modifier_deps = set(c.get("hedge_modifier_deps", ("amod", "advmod")))
        self.attribution_heads = words("attribution_heads")
        self.any_attribution_hedges = not c.get("attribution_needs_hedge_source", True)
        self.own_claims = words("own_claims")
        self.modal_verbs = words("modal_verbs")
        self.modal_nouns = words("modal_nouns")
        self.future_aux = words("future_auxiliaries")
        self.conditional = words("conditional_marks")
        self.disjunctions = words("disjunctions")
        self.copulas = words("copula_lemmas")
        self.perfect_aux = words("perfect_auxiliaries")
        self.lookback = int(c["implicit_lookback_sentences"])
        self.identity_window = int(c.get("hedge_identity_window", 4))  # words before an actor searched for a hedge
        self.agent_adverb_hedges = bool(c.get("agent_adverb_hedges", False))
        self.parenthetical_hedges = bool(c.get("parenthetical_hedges", False))
        self.accompanying_prepositions = words("accompanying_prepositions")
        self.sentence_attributions = bool(c.get("sentence_attributions", False))
        self.own_reporting_nouns = words("own_reporting_nouns")
        # Languages whose negation is two words ("ne ... pas") and whose mood and tense are morphology.
        self.negation_heads = words("negation_heads")
        self.negation_partners = words("negation_partners")
        self.restrictive_words = words("restrictive_words")
        self.double_negation = bool(c.get("double_negation", False))
        self.doubt_words = words("doubt_words")
        self.occurrence_predicates = words("occurrence_predicates")
        self.conditional_mood_hedges = bool(c.get("conditional_mood_hedges", False))
        self.future_tense_is_modal = bool(c.get("future_tense_is_modal", False))
        self.going_to_verbs = words("going_to_verbs")
        self.possibility_verbs = words("possibility_verbs")
        self.future_in_past_governors = words("future_in_past_governors")
        self.future_time_words = words("future_time_words")
        # "Si X attaquait Y, Z riposterait": the "si" clause, up to its comma, and its conditional consequence
        self.clause_conditionals = words("clause_conditionals")
        self.concessive_words = words("concessive_words")
        # conditional verb endings where the tagger gives no mood, and the imperfect ones they resemble
        self.conditional_endings = tuple(c.get("conditional_endings", ()))
        self.imperfect_endings = tuple(c.get("imperfect_endings", ()))

    # -- negation -------------------------------------------------------------
    def _negating_child(self, child: Token, depth: int) -> bool:
        """Whether a dependent of the trigger (``depth`` 0) or of a governor negates it."""
        lower = child.lower_
        if lower in self.negation_heads:
            return self._ne_negates(child)
        if self.negation_heads and child.dep_ in ("aux", "auxpass") and any(
                c.lower_ in self.negation_heads and self._ne_negates(c) for c in child.children):
            return True  # "n'a pas démenti": the parser may hang "ne ... pas" on the auxiliary
        if self.negation_heads and lower in self.negation_partners and child.dep_ in ("neg", "advmod"):
            return self._partner_negates(child)
        if child.dep_ == "neg":
            return True
        if child.dep_ in ("det", "advmod") and lower in self.neg_words - self.negating_determiners:
            return True
        if depth and child.dep_ == "det" and lower in self.negating_determiners:
            return True  # "there is no evidence that Ukraine armed JNIM"
        return child.dep_ == "mark" and lower in self.negating_marks  # "sans rencontrer": without meeting

    def _ne_negates(self, ne: Token) -> bool:
        """French "ne": negation with a partner ("ne ... pas / plus / jamais") or alone
        ("n'a pu"), but "ne ... que" is "only" ("n'a tué que deux soldats")."""
        head = ne.head
        if any(s.lower_ in self.negation_partners for s in head.children if s is not ne):
            return True
        if head.dep_ in ("aux", "auxpass") and any(s.lower_ in self.negation_partners for s in head.head.children):
            return True
        return not any(t.lower_ in self.restrictive_words and t.i > ne.i
                       and t.head.pos_ not in ("VERB", "AUX") for t in head.subtree)

    def _partner_negates(self, partner: Token) -> bool:
        """"pas", "plus", "jamais": negation with a "ne" just before, wherever the
        parser hung that "ne" ("les rencontres n'ont pas été possibles")."""
        before = partner.doc[max(partner.sent.start, partner.i - 4):partner.i]
        return any(t.lower_ in self.negation_heads for t in before)

    def _is_negated_word(self, tok: Token) -> bool:
        return any(self._negating_child(c, 1) for c in tok.children)

    def _occurrence(self, tok: Token) -> bool:
        """A predicate saying that an event took place ("la rencontre n'a pas eu lieu",
        "les rencontres n'ont pas été possibles"): its subject is what it negates."""
        return tok.lemma_.lower() in self.occurrence_predicates or tok.lower_ in self.occurrence_predicates or any(
            c.dep_ in ("dobj", "obj") and c.lemma_.lower() in self.occurrence_predicates for c in tok.children)

    def is_negated(self, trigger: Token, rtype: RelationType) -> bool:
        """"did not meet", "never arrested", "without meeting", "failed to
        capture", "denied attacking", "lifted sanctions", "no evidence that..."."""
        chain = [trigger, *governors(trigger, 3)]
        for depth, tok in enumerate(chain):
            if depth and chain[depth - 1].dep_ not in _NEGATION_LINKS and not (
                    depth == 1 and chain[0].dep_ in ("nsubj", "nsubjpass") and self.occurrence_predicates
                    and self._occurrence(tok)):
                break
            if depth == 1 and trigger.dep_ == "acl" and trigger.pos_ == "VERB":
                break  # "did not meet X, still held by the guard": a participle keeps its own polarity
            if depth > 1 and chain[depth - 1].dep_ == "prep" and tok.pos_ in ("NOUN", "PROPN") \
                    and tok.lemma_.lower() not in rtype.light_verbs:
                break  # "no comment regarding the arrest": the "no" denies the comment, not the arrest
            if depth and self.doubt_words and (tok.lemma_.lower() in self.doubt_words or any(
                    c.dep_ in ("dobj", "obj", "nsubj") and c.lemma_.lower() in self.doubt_words for c in tok.children)):
                return False  # "il ne fait aucun doute que le JNIM a attaqué": certainty, not negation
            negating = depth and (tok.lemma_.lower() in rtype.negating_verbs
                                  or tok.lemma_.lower() in self.negating_governors
                                  or tok.lemma_.lower() in self.clause_negating_governors
                                  and chain[depth - 1].dep_ in ("xcomp", "ccomp"))  # "a refusé de rencontrer"
            if negating and self.double_negation and self._is_negated_word(tok):
                return False  # "n'a pas démenti avoir attaqué", "ne cesse de soutenir"
            for c in tok.children:
                if self._negating_child(c, depth):
                    return True
            if negating:
                return True
            if tok.lower_ in self.negating_prepositions and tok.pos_ == "ADP":
                return True
        return False

    # -- hedging --------------------------------------------------------------
    def _attribution(self, child: Token) -> bool:
        """"according to unconfirmed reports" (English: only with such a word),
        "selon des sources locales", "d'après l'armée"."""
        if child.dep_ != "prep":
            return False
        form = child.lower_ + "".join(f.lower_ for f in child.children if f.dep_ == "fixed")
        if form not in self.attribution_heads:
            return False
        if any(c.dep_ == "pobj" and c.lower_ in self.own_reporting_nouns for c in child.children):
            return False  # "selon les informations de RFI", "d'après nos informations": the outlet's own reporting
        return self.any_attribution_hedges or any(t.lower_ in self.hedge_sources for t in child.subtree)

    def _sentence_attribution(self, trigger: Token) -> bool:
        """An attribution set off at the start of the sentence or after a comma
        covers the whole sentence, wherever the parser hangs it."""
        for tok in trigger.sent:
            if tok.dep_ == "prep" and self._attribution(tok) and (
                    tok.i == trigger.sent.start or tok.nbor(-1).is_punct):
                return True
        return False

    def _conditional_form(self, tok: Token) -> bool:
        """A verb in the conditional mood: by its morphology, or by its ending where the
        tagger missed it ("fournirait", "rencontrerait"; not the imperfect "tirait",
        "déclarait", whose ending follows the infinitive's stem)."""
        if "Cnd" in tok.morph.get("Mood"):
            return True
        if not self.conditional_endings or tok.pos_ not in ("VERB", "AUX") or "Inf" in tok.morph.get("VerbForm") \
                or "Part" in tok.morph.get("VerbForm"):
            return False
        form, lemma = tok.lower_, tok.lemma_.lower()
        ending = next((e for e in self.conditional_endings if form.endswith(e)), None)
        if ending is None:
            return False
        stem = lemma[:-2] if lemma.endswith(("er", "ir", "re")) else lemma
        return not any(form == stem + imperfect for imperfect in self.imperfect_endings)

    def _conditional(self, tok: Token) -> bool:
        """The press conditional: "aurait attaqué", "auraient été arrêtés", "fournirait"."""
        return self._conditional_form(tok) or any(
            c.dep_ in ("aux", "auxpass") and self._conditional_form(c) for c in tok.children)

    def is_hedged(self, trigger: Token, source: Span | None = None) -> bool:
        """"allegedly", "accused of", "suspected", "is said to have",
        "according to unconfirmed reports". An author's own claim of its act
        ("JNIM claimed the killing of ...") is not a hedge."""
        scope = [trigger, *governors(trigger, 4)]
        for subject in [c for c in trigger.children if c.dep_ in ("nsubj", "csubj")]:
            # "Fighters suspected of belonging to ISSP attacked..."
            for c in subject.children:
                if c.dep_ == "acl" and c.lemma_.lower() in self.hedge_verbs and not (
                        c.lemma_.lower() in self.own_claims and source is not None
                        and c.left_edge.i <= source.root.i <= c.right_edge.i):  # "the attack, claimed by JNIM, ..."
                    return True
        if self.conditional_mood_hedges:
            clause = [trigger]
            for tok in governors(trigger, 4):
                if clause[-1].dep_ not in _CLAUSE_LINKS:
                    break
                clause.append(tok)
            if any(self._conditional(tok) for tok in clause):
                return True  # "le JNIM aurait attaqué": reported, not confirmed
        if self.sentence_attributions and self._sentence_attribution(trigger):
            return True  # "Selon des sources locales, l'armée a tué ...", "... à Niono, selon des sources locales"
        if self.parenthetical_hedges and any(
                c.pos_ == "VERB" and c.lemma_.lower() in self.hedge_verbs and c.i > trigger.i
                and c.dep_ in ("parataxis", "advmod", "advcl", "ccomp", "dep") and c.nbor(-1).is_punct
                for c in trigger.children):
            return True  # "« L'armée a exécuté des frappes », affirment les séparatistes"
        for tok in scope:
            lemma = tok.lemma_.lower()
            if tok is not trigger and (lemma in self.hedge_verbs or tok.lower_ in self.hedge_nouns):
                if lemma in self.own_claims and source is not None and _is_subject_of(source, tok):
                    continue
                return True
            if tok is not trigger and lemma in self.hedge_report_verbs and any(c.dep_ == "auxpass" for c in tok.children):
                return True  # "is said to have met", "is believed to have supplied"
            for child in tok.children:
                if child.lower_ in self.hedge_adverbs or (child.dep_ == "aux" and child.lower_ in self.hedge_modals):
                    return True
                if child.dep_ in self.hedge_modifier_deps and (
                        child.lower_ in self.hedge_modifiers or child.lemma_.lower() in self.hedge_modifier_lemmas):
                    return True
                if self._attribution(child):
                    return True
        return False

    def is_uncertain_identity(self, actor: Span) -> bool:
        """"presumed JNIM militants", "an IED likely planted by ISSP fighters":
        who did it (or suffered it) is a guess, though the act happened."""
        root = actor.root
        if any(c.dep_ == "cc" and c.lower_ in self.disjunctions for c in [*root.children, *root.head.children]) \
                and (root.dep_ == "conj" or any(c.dep_ == "conj" for c in root.children)):
            return True  # "Either JNIM or ISSP was behind the attack": one of them, nobody knows which
        if self.agent_adverb_hedges and self._hedged_agent(actor):
            return True
        sent_start = actor.sent.start
        for tok in reversed(actor.doc[max(sent_start, actor.start - self.identity_window):actor.start]):
            if tok.lower_ in self.hedge_identity:
                return True
            if tok.is_punct or tok.pos_ == "VERB" and tok.dep_ not in ("acl", "amod"):
                return False
        return False

    def _hedged_agent(self, actor: Span) -> bool:
        """The actor inside the agent of a hedged participle: "un engin explosif
        probablement posé par des combattants de l'EIGS" (however far the adverb)."""
        tok = actor.root
        for _ in range(6):
            if tok.dep_ == "agent":
                return any(c.dep_ == "advmod" and (c.lower_ in self.hedge_identity or c.lower_ in self.hedge_adverbs)
                           for c in tok.head.children)
            if tok.dep_ not in ("pobj", "prep", "compound", "nmod", "appos", "conj") or tok.head is tok:
                return False
            tok = tok.head
        return False

    # -- modality -------------------------------------------------------------
    def _future(self, tok: Token) -> bool:
        """Future by morphology ("attaquera", "aura rencontré") or by "aller" +
        infinitive ("va attaquer", "allait sanctionner"; not "est allé rencontrer")."""
        if self.future_tense_is_modal and ("Fut" in tok.morph.get("Tense") or any(
                c.dep_ in ("aux", "auxpass") and "Fut" in c.morph.get("Tense") for c in tok.children)):
            return True
        return any(c.dep_ == "aux" and c.lemma_.lower() in self.going_to_verbs and self._unfulfilled(c)
                   for c in tok.children)

    def _unfulfilled(self, verb: Token) -> bool:
        """A present, future or conditional "aller"/"pouvoir"/"devoir" (not "a pu",
        "est allé", "dut"): what it governs has not (yet) happened."""
        if any(c.dep_ in ("aux", "auxpass") and c.lemma_.lower() in self.perfect_aux | self.copulas
               for c in verb.children):
            return False
        return bool({"Pres", "Fut", "Imp"} & set(verb.morph.get("Tense"))) or self._conditional_form(verb)

    def _perfect(self, tok: Token) -> bool:
        return any(c.dep_ == "aux" and c.lemma_ in self.perfect_aux for c in tok.children)

    def _future_time(self, tok: Token) -> bool:
        """"la semaine prochaine", "demain" in the clause: a plan, not an act."""
        return any(c.dep_ in ("npadvmod", "prep", "advmod") and any(
            t.lower_ in self.future_time_words for t in c.subtree) for c in tok.children)

    def _hypothesis(self, trigger: Token) -> bool:
        """Inside a clause-initial condition ("Si l'armée attaquait Kidal, ...") or in
        the conditional consequence of one ("..., le FLA riposterait"), read by word
        order: the parser often hangs the "si" elsewhere. Not "même si" (concessive)."""
        sent = trigger.sent
        for tok in sent:
            if tok.lower_ not in self.clause_conditionals or tok.pos_ != "SCONJ" or (
                    tok.i > sent.start and tok.nbor(-1).lower_ in self.concessive_words):
                continue
            end = next((t.i for t in sent if t.i > tok.i and t.text in (",", ";", ":")), sent.end)
            if tok.i < trigger.i < end:
                return True
            if trigger.i > end and self._conditional(trigger):
                return True
        return False

    def _unrealised(self, verb: Token) -> bool:
        """A verb whose clause has not happened: future ("ouvrira"), "va ouvrir",
        "doit / devrait / pourrait ouvrir"."""
        if self._future(verb) or (verb.lemma_.lower() in self.possibility_verbs | self.going_to_verbs
                                  and self._unfulfilled(verb)):
            return True
        head = verb.head
        return verb.dep_ == "xcomp" and head.lemma_.lower() in self.possibility_verbs | self.going_to_verbs \
            and self._unfulfilled(head) and not self._perfect(verb)

    def is_modal(self, trigger: Token, rtype: RelationType) -> bool:
        """Threatened, planned or conditional: not asserted as having happened.
        Looks at the trigger's own clause and the one predicate governing it
        ("vowed to attack", "threatened an assault", "plans for sanctions")."""
        if trigger.sent.text.rstrip().endswith("?"):
            return True
        if self.clause_conditionals and self._hypothesis(trigger):
            return True
        tok = trigger
        if tok.dep_ in ("dobj", "obj", "nsubjpass") and tok.head.lemma_.lower() in rtype.light_verbs:
            tok = tok.head  # "launched an attack": the light verb's clause counts
        elif tok.dep_ == "pobj" and tok.head.dep_ == "prep":
            tok = tok.head  # "plans for an attack"
        elif tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ in ("NOUN", "PROPN"):
            # "talks between Bamako and the FLA could resume"
            if tok.head.lemma_ not in self.copulas and any(c.dep_ == "aux" and c.lower_ in self.future_aux | self.hedge_modals
                                                           for c in tok.head.children):
                return True
            if self._future(tok.head) or (self.future_time_words and self._future_time(tok.head)):
                return True  # "la rencontre aura lieu mardi prochain"
        if self.possibility_verbs and tok.dep_ == "prep":
            verb = tok.head
            if tok.lower_ in self.accompanying_prepositions and verb.pos_ in ("NOUN", "PROPN") \
                    and verb.dep_ in ("dobj", "obj", "nsubjpass"):
                verb = verb.head  # "ouvrir une enquête avec le soutien de l'UA"
            if verb.pos_ in ("VERB", "AUX") and self._unrealised(verb):
                return True  # "devraient ouvrir une enquête avec le soutien de l'UA": the support comes with the plan
        for _ in range(4):  # "would keep helping Mali (to) train its forces": up through xcomp and conj
            for child in tok.children:
                if child.dep_ == "aux" and child.lower_ in self.future_aux:
                    return True
                if child.dep_ == "aux" and child.lower_ in self.hedge_modals and not any(
                        c.dep_ == "aux" and c.lemma_ in self.perfect_aux for c in tok.children):
                    return True  # "could be passed to Russia": a possibility (but "may have met" is a hedge)
                if child.dep_ == "mark" and child.lower_ in self.conditional:
                    return True
            if self._future(tok) or (self.future_time_words and self._future_time(tok)):
                return True  # "attaquera", "va attaquer", "rencontre Tiani la semaine prochaine"
            head = tok.head
            if head is tok:
                return False
            lemma = head.lemma_.lower()
            if tok.dep_ == "xcomp" and lemma in self.possibility_verbs | self.going_to_verbs and \
                    self._unfulfilled(head) and not self._perfect(tok):
                return True  # "pourrait attaquer", "doit rencontrer", "va sanctionner" (but "a pu rencontrer")
            if tok.dep_ == "ccomp" and lemma in self.future_in_past_governors and self._conditional_form(tok) \
                    and not self._perfect(tok):
                return True  # "a annoncé qu'il rencontrerait Tiani": the future of a past statement
            if tok.dep_ == "conj" and tok.tag_ in ("VBD", "VBZ") and head.tag_ == "VB":
                return False  # "urged X to reform and sanctioned Y": a finite verb is not inside "to ..."
            if tok.dep_ in ("xcomp", "ccomp", "dobj", "obj", "prep", "acl", "compound", "nsubj", "pcomp") and (
                    lemma in self.modal_verbs or head.lower_ in self.modal_nouns) and (
                    lemma not in rtype.light_verbs or tok.dep_ in ("xcomp", "ccomp")):
                return True  # "promised to supply arms" is a plan ("pledged its support" is support given)
            if tok.dep_ not in ("xcomp", "conj"):
                return False  # "demanded an investigation into killings": the killings are not demanded
            tok = head
        return False
