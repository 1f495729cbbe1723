"""``sahel_actor_linker``: gives every actor mention its canonical id.

Runs after ``sahel_actor_ruler`` and decides what the ruler cannot:
- a capital is the place ("a school in Bamako") or its government ("Bamako
  expelled the envoy"), by its syntactic role;
- generic phrases ("the junta", "the army") resolve to the article's focus state
  (the state it names most) or that state's forces;
- titles are stripped ("Gen. Abass Dembélé" -> "Abass Dembélé") and a surname
  alone resolves to the person named in full elsewhere in the same article,
  whether or not that person is in the knowledge base;
- persons and organisations only the statistical NER found become new actors
  with a slug id, so actors missing from the gazetteer still appear.
It fills ``Doc._.actors`` and ``Doc._.focus_state``.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .. import extensions  # noqa: F401
from ..knowledge_base import GENERIC_MILITARY, GENERIC_STATE, KnowledgeBase
from ..places import default_geocoder
from ..places.geocoder import COUNTRY_ACTORS
from ..resources import read_json
from ..text import fold, opening_bracket, slugify
from .facilities import FacilityFinder
from .role_holders import RoleIndex, role_holder_spans, title_phrase_spans, title_phrases


# ISO country code -> the state's actor id (the state, not its forces).
_STATE_OF_CODE = {code: actor for actor, code in COUNTRY_ACTORS.items() if not actor.endswith("_armed_forces")}


@Language.factory(
    "sahel_actor_linker",
    requires=["doc.ents", "token.dep"],
    assigns=["doc.ents", "doc._.actors", "doc._.focus_state"],
    default_config={"lang": "en", "ruler": "sahel_actor_ruler"},
)
def make_actor_linker(nlp: Language, name: str, lang: str, ruler: str) -> "ActorLinker":
    return ActorLinker(nlp, name, lang=lang, ruler=ruler)


class ActorLinker:
    def __init__(self, nlp: Language, name: str = "sahel_actor_linker", *, lang: str = "en",
                 ruler: str = "sahel_actor_ruler"):
        self.nlp = nlp
        self.name = name
        self.ruler = ruler
        words = read_json(lang, "linking.json")
        self.titles = {fold(t) for t in words["titles"]}
        self.place_preps = set(words["place_preps"])
        self.ner_types: dict[str, str] = words["ner_types"]
        self.actor_verbs = set(words["actor_verbs"])
        self.given_names = {fold(n) for n in words["given_names"]}
        self.place_nouns = set(words["place_nouns"])
        self.scene_preps = set(words["scene_preps"])
        self.materiel_nouns = set(words["materiel_nouns"])
        self.title_heads = frozenset(words["title_heads"])
        # Function words the rules below test, per language ("of" / "de", "between" / "entre").
        self.articles = {fold(w) for w in [*words["articles"], *words["elisions"]]}
        self.elisions = {fold(w) for w in words["elisions"]}
        # A new actor's name has a capital letter (French NER tags lower-case words: "officiel")
        self.capitalised_names = bool(words.get("capitalised_names"))
        # Parts of speech of common words the statistical NER takes for one-word names ("Tension" in a headline)
        self.common_pos = set(words.get("common_pos", ()))
        self.common_words = {fold(w) for w in words.get("common_words", ())}  # months, weekdays
        # "la commune de Sebba" names the place "Sebba" (French puts the place noun first)
        self.place_noun_first = bool(words.get("place_noun_first"))
        # "la junte au pouvoir à Ouagadougou": a generic phrase whose state follows it
        self.generic_preps = {fold(w) for w in words.get("generic_preps", ())}
        self.possessive_endings = tuple(words["possessive_endings"])
        self.of_words = {fold(w) for w in words["of"]}
        self.between_words = {fold(w) for w in words["between"]}
        self.and_words = {fold(w) for w in words["and"]}
        self.bracket_preps = {fold(w) for w in words["bracket_preps"]}
        self.actor_preps = {fold(w) for w in words["actor_preps"]}
        self.verb_endings = tuple(words["verb_endings"])
        # "la décision de Bamako": a capital after "of" and one of these nouns is its government
        self.possessor_nouns = {fold(w) for w in words.get("possessor_nouns", ())}
        self.facilities = FacilityFinder(words, self.articles)
        self.title_phrases = title_phrases(nlp, words.get("title_phrases", {}), words.get("title_phrases_of_state", {}))

    @property
    def kb(self) -> KnowledgeBase:
        # The gazetteer belongs to the ruler (it is saved with it); share, never copy.
        return self.nlp.get_pipe(self.ruler).kb

    @property
    def roles(self) -> RoleIndex:
        """Office titles of the knowledge base, indexed once per gazetteer."""
        kb = self.kb
        if getattr(self, "_roles_for", None) is not kb:
            self._roles, self._roles_for = RoleIndex(kb, self.title_heads), kb
        return self._roles

    def __call__(self, doc: Doc) -> Doc:
        kb = self.kb
        focus = self._focus_state(doc, kb)
        doc._.focus_state = focus
        persons = self._full_person_names(doc, kb)
        linked: list[Span] = []
        taken: set[int] = set()
        ents = list(doc.ents)  # once: every doc.ents call builds new spans (linear time per article)
        starts = [e.start for e in ents]
        for ent in ents:
            span = self._link(doc, ent, kb, focus, persons, (ents, starts))
            if span is not None:
                linked.append(span)
                taken.update(range(span.start, span.end))
        # Surnames the statistical NER missed ("Atallah said ...").
        for token in doc:
            if token.i not in taken and token.pos_ == "PROPN" and fold(token.text) in persons:
                linked.append(Span(doc, token.i, token.i + 1, label="PERSON", kb_id=persons[fold(token.text)]))
                taken.add(token.i)
        linked += self._unnamed_places(doc, taken)
        # "l’école de gendarmerie de Bamako": longer than the force and the town inside it, so it wins
        linked += self.facilities.spans(doc)
        linked += role_holder_spans(doc, kb, self.roles, focus, taken, self.of_words)  # "Mali's defence minister"
        # "le Premier ministre malien": first, so it wins over an equal statistical span (MISC)
        linked = title_phrase_spans(doc, kb, self.roles, focus, self.title_phrases,
                                    self.of_words | self.articles, self.articles | self.titles) + linked
        doc.set_ents(filter_spans(linked))
        doc._.actors = self._actor_table(doc, kb)
        return doc

    # -- per-entity decisions -------------------------------------------------
    def _link(self, doc: Doc, ent: Span, kb: KnowledgeBase, focus: str | None,
              persons: dict[str, str], ents: tuple[list[Span], list[int]]) -> Span | None:
        actor_id = ent.kb_id_
        if actor_id in (GENERIC_STATE, GENERIC_MILITARY) and ent.start > 0 and doc[ent.start - 1].ent_kb_id_ \
                and doc[ent.start - 1].ent_kb_id_ not in (GENERIC_STATE, GENERIC_MILITARY):
            return None  # "Africa Corps troops": the troops are the named group's, not the focus state's
        if actor_id in (GENERIC_STATE, GENERIC_MILITARY):
            owner = self._owner_after(doc, ent, kb)
            if owner is not None and kb.actors[owner].type != "STATE":
                # "les soldats de l'opération Barkhane": that force's; "les soldats d'Africa Corps": the group's
                if actor_id == GENERIC_MILITARY and kb.actors[owner].type == "MILITARY":
                    return Span(doc, ent.start, ent.end, label="MILITARY", kb_id=owner)
                return None
            state = owner or self._recent_state(doc, ent, kb, ents) or focus
            if actor_id == GENERIC_STATE:
                return Span(doc, ent.start, ent.end, label="STATE", kb_id=state) if state else None
            military = kb.military_of(state)
            return Span(doc, ent.start, ent.end, label="MILITARY", kb_id=military) if military else None
        seated = kb.seat_of.get(actor_id) or kb.body_seat_of.get(actor_id)
        if seated and not self._is_place(ent):  # "Bamako expelled the envoy", "Brussels imposed sanctions"
            return Span(doc, ent.start, ent.end, label=kb.actors[seated].type, kb_id=seated)
        if actor_id:
            return ent
        if ent.label_ not in self.ner_types:
            return ent  # DATE, MONEY, NORP...: kept as the statistical NER left them
        core = self._strip_titles(ent)
        if core is None:
            return None
        key = fold(core.text)
        if key in persons:
            return Span(doc, core.start, core.end, label="PERSON", kb_id=persons[key])
        if key in self.titles:
            return None  # "Defense" out of "Defense Minister": a title, not an actor
        if self._not_a_name(core):
            return None
        if self.capitalised_names and not any(t.text[:1].isupper() for t in core):
            return None
        if len(core) == 1 and (core[0].pos_ in self.common_pos and not core[0].is_upper
                               or fold(core.text) in self.common_words):
            return None  # "[Tension entre Bamako et Paris", "fin Mars": a common word, not a name
        if core.start > 0 and fold(doc[core.start - 1].text) in self.between_words \
                and any(fold(t.text) in self.and_words for t in core):
            return None  # "between Anagadia and Beme" fused into one name: read again as two places
        for token in core:  # "Atallah's July": a known surname inside a mis-cut entity
            if fold(token.text) in persons and token.text[:1].isupper():
                return Span(doc, token.i, token.i + 1, label="PERSON", kb_id=persons[fold(token.text)])
        known = kb.lookup(core.text)
        if known and known in kb.actors:
            return Span(doc, core.start, core.end, label=kb.actors[known].type, kb_id=known)
        label = self.ner_types[ent.label_]
        if len(core) > 1 and fold(core[0].text) in self.given_names:
            label = "PERSON"  # "Fatoumata Sangaré" tagged as a place by the statistical NER
        elif self._names_a_place(core, ent.label_) or label == "ORGANIZATION" and self.facilities.names_one(core):
            label = "LOCATION"  # "the village of Tonsere", "the State House Conference Centre": places
        if label == "LOCATION" and self.place_noun_first:
            core = self._after_place_noun(core)
        if label == "LOCATION" and len(core.text) < 3:
            return None
        return Span(doc, core.start, core.end, label=label, kb_id=slugify(core.text))

    def _not_a_name(self, core: Span) -> bool:
        """What the statistical NER takes for a name but is not one: a model
        number ("Bayraktar TB2", "Mi-24"), or a sentence's first word that is a
        verb form before a lower-case word ("Coordinated jihadist attacks ...")."""
        if any(ch.isdigit() for ch in core.text):
            return True
        if len(core) == 1 and fold(core.text) in self.kb.demonyms:
            return True  # "Nigerien" before a title, tagged a person by the statistical NER
        if core.root.dep_ in ("compound", "amod", "nmod") and core.root.head.lower_ in self.materiel_nouns:
            return True  # "Akinci drones": a model, not an actor
        first = core[0]
        doc = core.doc
        # the line's first word, after any opening quote or bracket ("[Coordinated ...", "“Coordinated ...")
        opens_line = first.is_sent_start or first.i > 0 and doc[first.i - 1].is_sent_start and (
            doc[first.i - 1].is_left_punct or doc[first.i - 1].is_quote)
        return len(core) == 1 and opens_line and first.lower_.endswith(self.verb_endings) \
            and first.i + 1 < len(doc) and doc[first.i + 1].is_lower

    def _names_a_place(self, core: Span, ner_label: str) -> bool:
        """An unknown name in a place's slot: "the village of X", "X village",
        "(Commune, Province)" after a place, or a one-word name after "near"/"in"
        that the statistical NER did not call a person. Village names are rarely
        in any gazetteer, and the small model tags them at random."""
        doc, root = core.doc, core.root
        prep = self._preposition(root)
        if prep is not None and fold(prep.text) in self.of_words and self._attached_to(root).lower_ in self.place_nouns:
            return True
        if core.end < len(doc) and doc[core.end].lower_ in self.place_nouns and doc[core.end].pos_ == "NOUN":
            return True
        if self._in_brackets_after_name(core) or (core.start > 0 and self._bracket_follows(doc, core.start)):
            return True  # "Oursi (Oursi, Oudalan)", "east of Bani Bangou (Banibangou, Tillaberi)"
        if self.ner_types.get(ner_label, ner_label) != "PERSON" and len(core) == 1 and prep is not None \
                and prep.lower_ in self.scene_preps:
            return not any(t.lower_ in self.place_nouns for t in self._attached_to(root).subtree
                           if t.i < prep.i and t.dep_ == "pobj")
        return False

    def _after_place_noun(self, core: Span) -> Span:
        """"district de Thiou" -> "Thiou": the name after a leading place noun and "de"."""
        doc, i = core.doc, core.start
        if core[0].lower_ in self.place_nouns and len(core) > 2 and fold(doc[i + 1].text) in self.of_words:
            i += 2
            while i < core.end - 1 and fold(doc[i].text) in self.articles:
                i += 1
            if doc[i].text[:1].isupper():
                return Span(doc, i, core.end, label=core.label_)
        return core

    @staticmethod
    def _preposition(token: Token) -> Token | None:
        """The preposition a noun hangs from ("of" in "the village of X"; French parses
        arrive in this scheme through the dependency adapter)."""
        return token.head if token.dep_ == "pobj" else None

    @staticmethod
    def _attached_to(token: Token) -> Token:
        """What a prepositional phrase modifies ("village" in "the village of X")."""
        return token.head.head if token.dep_ == "pobj" else token.head

    def _unnamed_places(self, doc: Doc, taken: set[int]) -> list[Span]:
        """Place names the statistical NER missed: a capitalised run after "the
        village of" ("the village of Habanga"), or before the admin areas in
        brackets ("Seno-Tiondi (Seytenga, Seno)")."""
        found = []
        i = 0
        while i < len(doc):
            token = doc[i]
            starts_name = token.i not in taken and token.text[:1].isupper() and token.is_alpha and i > 0 and (
                (fold(doc[i - 1].text) in self.of_words and i > 1 and doc[i - 2].lower_ in self.place_nouns) or
                self._bracket_follows(doc, i) or self._between_places(doc, i))
            if not starts_name:
                i += 1
                continue
            end = i + 1
            while end < len(doc) and end not in taken and (doc[end].text[:1].isupper() or doc[end].text == "-") \
                    and doc[end].text != "(":
                end += 1
            while end > i + 1 and doc[end - 1].text == "-":
                end -= 1
            found.append(Span(doc, i, end, label="LOCATION", kb_id=slugify(doc[i:end].text)))
            i = end
        return found

    def _between_places(self, doc: Doc, i: int) -> bool:
        """"between Anagadia and Beme" after an act: two villages, which the
        statistical NER tends to fuse into one organisation."""
        if fold(doc[i - 1].text) in self.between_words:
            return doc[i - 1].head.pos_ == "VERB" or doc[i - 1].head.dep_ in ("dobj", "nsubjpass", "pobj")
        return fold(doc[i - 1].text) in self.and_words and i > 2 and any(
            fold(doc[j].text) in self.between_words for j in range(max(0, i - 5), i - 1))

    def _bracket_follows(self, doc: Doc, i: int) -> bool:
        """A name run starting at i and ending right before "(Name, Name)"."""
        end = i
        while end < len(doc) and (doc[end].text[:1].isupper() or doc[end].text == "-") and doc[end].text != "(":
            end += 1
        return end < len(doc) - 1 and end > i and doc[end].text == "(" and doc[end + 1].text[:1].isupper() \
            and fold(doc[i - 1].text) in self.bracket_preps

    @staticmethod
    def _in_brackets_after_name(core: Span) -> bool:
        """"Oursi (Oursi, Oudalan)": the admin areas that conflict notes put in
        brackets after a place name."""
        opening = opening_bracket(core.doc, core.start)
        return opening is not None and opening > 0 and core.doc[opening - 1].pos_ == "PROPN"

    def _strip_titles(self, ent: Span) -> Span | None:
        start, end = ent.start, ent.end
        doc = ent.doc
        while start < end and (fold(doc[start].text) in self.titles or doc[start].is_punct
                               or fold(doc[start].text) in self.articles):
            start += 1
        while end > start and (doc[end - 1].text in self.possessive_endings or doc[end - 1].is_punct
                               or fold(doc[end - 1].text) in self.elisions):
            end -= 1
        return Span(doc, start, end, label=ent.label_) if end > start else None

    def _is_place(self, ent: Span) -> bool:
        """A capital as scene ("in Bamako") rather than as its government
        ("Bamako expelled the envoy", "Washington's support", "talks with Bamako")."""
        root = ent.root
        while root.dep_ in ("conj", "appos") and root.head is not root:
            root = root.head  # "Bamako and Niamey agreed": the first conjunct's role
        if root.dep_ in ("nsubj", "nsubjpass", "poss", "agent"):
            return False
        prep = self._preposition(root)
        if prep is not None and fold(prep.text) in self.actor_preps:
            return False
        if prep is not None and fold(prep.text) in self.of_words and \
                fold(self._attached_to(root).text) in self.possessor_nouns:
            return False
        if root.dep_ in ("dobj", "dative") and root.head.lemma_.lower() in self.actor_verbs:
            return False  # "Bamako accused Algiers of arming rebels"
        return True

    def _owner_after(self, doc: Doc, ent: Span, kb: KnowledgeBase) -> str | None:
        """The actor named right after a generic phrase through one of ``generic_preps``:
        a state or its capital ("la junte au pouvoir à Ouagadougou" -> burkina_faso), a
        force or group ("les soldats de l'opération Barkhane" -> barkhane)."""
        i = ent.end
        if not self.generic_preps or i >= len(doc) or fold(doc[i].text) not in self.generic_preps:
            return None
        i += 1
        if i < len(doc) and fold(doc[i].text) in self.articles:
            i += 1
        kb_id = doc[i].ent_kb_id_ if i < len(doc) else ""
        owner = kb.seat_of.get(kb_id, kb_id)
        return owner if owner in kb.actors and kb.actors[owner].type in ("STATE", "MILITARY", "ARMED_GROUP") else None

    @staticmethod
    def _recent_state(doc: Doc, ent: Span, kb: KnowledgeBase, ents: tuple[list[Span], list[int]]) -> str | None:
        """The state named last before a generic phrase in its sentence ("urged
        Mali's generals ... and sanctioned several top officers"), or for "the
        country" in the sentence before too; the focus state otherwise.
        ``ents`` are the doc's entities in order, with their starts (searched from this one back)."""
        sent = ent.sent
        # "the country" points back to the sentence before too; "soldiers" only to their own sentence,
        # else they are the forces of the state the article is about
        window_start = doc[sent.start - 1].sent.start if sent.start > 0 and ent.kb_id_ == GENERIC_STATE \
            else sent.start
        spans, starts = ents
        for index in range(bisect_left(starts, ent.start) - 1, -1, -1):
            previous = spans[index]
            if previous.start < window_start:
                break
            if previous.end > ent.start:
                continue
            kb_id = previous.kb_id_
            state = kb_id if kb_id in kb.actors and kb.actors[kb_id].type == "STATE" else kb.seat_of.get(kb_id)
            if state is None and kb_id in kb.actors and kb.actors[kb_id].type == "MILITARY":
                state = kb.actors[kb_id].affiliation
            if state in kb.actors:
                return state
        return None

    # -- per-document context -------------------------------------------------
    def _focus_state(self, doc: Doc, kb: KnowledgeBase) -> str | None:
        counts: Counter = Counter()
        first: dict[str, int] = {}
        for ent in doc.ents:
            state = ent.kb_id_ if ent.label_ == "STATE" and ent.kb_id_ in kb.actors else None
            if state is None and ent.kb_id_ in kb.seat_of:
                state = kb.seat_of[ent.kb_id_]
            if state is None:
                affiliation = kb.actors.get(ent.kb_id_)
                state = affiliation.affiliation if affiliation and affiliation.type == "MILITARY" else None
            if state and state in kb.actors:
                counts[state] += 1
                first.setdefault(state, ent.start)
        if not counts:
            return self._country_of_places(doc, kb)
        return max(counts, key=lambda s: (counts[s], -first[s]))

    @staticmethod
    def _country_of_places(doc: Doc, kb: KnowledgeBase) -> str | None:
        """An article that names no state ("presumed JNIM militants killed two
        gendarmes in Oursi (Oursi, Oudalan)") is about the country its places
        lie in, when the gazetteer puts them all in one of the Sahel states."""
        geocoder = default_geocoder()
        votes: Counter = Counter()
        for ent in doc.ents:
            if ent.label_ in ("LOCATION", "GPE", "LOC", "FAC", "ORG", "ORGANIZATION", "PERSON", "PER") \
                    and ent.text[:1].isupper():
                for name in ent.text.split(","):  # "(Solle, Loroum)": a commune and its province
                    countries = {p.country for p in geocoder.candidates(name.strip())}
                    if len(countries) == 1:
                        votes[countries.pop()] += 1
        if not votes:
            return None
        code, n = votes.most_common(1)[0]
        state = _STATE_OF_CODE.get(code)
        return state if state in kb.actors and n > sum(votes.values()) - n else None

    def _full_person_names(self, doc: Doc, kb: KnowledgeBase) -> dict[str, str]:
        """Folded surname (and partial name) -> person id, for persons named in full."""
        surnames: dict[str, str] = {}
        for ent in doc.ents:
            if ent.label_ != "PERSON" and self.ner_types.get(ent.label_) != "PERSON" \
                    and not (ent.label_ in self.ner_types and fold(ent[0].text) in self.given_names):
                continue
            core = self._strip_titles(ent)
            if core is None or len(core) < 2 or ent.kb_id_ not in kb.actors and any(c.isdigit() for c in core.text):
                continue  # "Bayraktar TB2": a model the NER took for a person
            if ent.kb_id_ not in kb.actors and fold(core[0].text) not in self.given_names \
                    and self._names_a_place(core, ent.label_):
                continue  # "east of Bani Bangou (Banibangou, Tillaberi)": a village, whatever the NER said
            person_id = ent.kb_id_ if ent.kb_id_ in kb.actors else slugify(core.text)
            tokens = [t for t in core if not t.is_punct]
            for token in tokens[1:]:
                if token.is_title or token.text[:1].isupper():
                    surnames.setdefault(fold(token.text), person_id)
            surnames.setdefault(fold(core.text), person_id)
        return surnames

    def _actor_table(self, doc: Doc, kb: KnowledgeBase) -> list[dict]:
        table: dict[str, dict] = {}
        for ent in doc.ents:
            if not ent.kb_id_:
                continue
            row = table.get(ent.kb_id_)
            if row is None:
                known = kb.actors.get(ent.kb_id_)
                label = known.label if known else self._strip_titles(ent).text
                row = table[ent.kb_id_] = {"id": ent.kb_id_, "label": label,
                                           "type": known.type if known else ent.label_, "mentions": []}
            if ent.text not in row["mentions"]:
                row["mentions"].append(ent.text)
        return list(table.values())
