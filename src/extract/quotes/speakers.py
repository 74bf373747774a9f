"""Who is speaking: a per-article table of the people the text names, what it calls them, and the
resolution of a speaker mention (a name, a description, a pronoun, an organisation, a group).

Names come from ``names.find_names``; countries and titles from "Chilean President <name>",
appositions and possessives; descriptions ("the Peruvian leader", "the foreign secretary") are
matched through the demonym, role and title lexicons. When the text never states a leader's
country, a description with a country is matched by elimination and the country is learnt.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..people.descriptions import ARTICLES, RoleLexicon, before_name, describe, titled
from ..people.genders import pronoun_genders
from ..people.house import house_holder
from ..lexicons import Lexicons
from ..people.names import find_names
from ..people.institutions import earlier_body, institution_name, organisation_name, persons_body, proper_run
from ..people.nicknames import glossed_nicknames
from ..people.parties import Person
from ..people.sources import unnamed_source
from ..text.sentences import apposed, doc_text
from .cues import clause_verb, main_subject
from .hosts import meeting_role

_ORG_LABELS = {"ORG", "GPE", "FAC", "NORP", "LOC"}
_NOT_SOURCES = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
_RELATIVE = {"who", "which", "that"}


@dataclass(frozen=True)
class Mention:
    """A resolved speaker: canonical name (None when unknown) and the words that name it."""

    name: str | None
    start: int | None = None
    end: int | None = None

    @property
    def span(self) -> tuple[int, int] | None:
        return (self.start, self.end) if self.start is not None and self.end is not None else None


NOBODY = Mention(None)


def _unnamed(first: Token, last: Token) -> Mention:
    """A source the text gives no name for ("a friend", "officials", "I"): no canonical name, but
    the words that refer to it are the attribution's mention (ANNOTATION.md's ``speaker_mention``)."""
    return Mention(None, first.idx, last.idx + len(last))


@dataclass
class EntityTable:
    """The people of one article and where the text names them."""

    doc: Doc
    roles: RoleLexicon
    people: list[Person]
    leads: list[Person]  # the two most named people: the ones descriptions usually mean
    country: dict[str, str | None] = field(default_factory=dict)
    titles: dict[str, set[str]] = field(default_factory=dict)
    gender: dict[str, str] = field(default_factory=dict)
    named: dict[int, tuple[Person, int, int]] = field(default_factory=dict)  # token -> (person, start, end)
    # every mention of a person in text order: (token index, person, subject of a main clause)
    focus: list[tuple[int, Person, bool]] = field(default_factory=list)
    speech: frozenset[str] = frozenset()  # lemmas of verbs of saying
    speech_nouns: frozenset[str] = frozenset()  # statement, remarks: documents, not sources
    # tokens in quotation marks: no antecedent for the pronoun that attributes them ("“Obama ...,” he said")
    quoted: frozenset[int] = frozenset()
    lex: Lexicons | None = None  # for the institutions that speak ("China's foreign ministry")
    houses: dict[tuple[str, ...], Person | None] = field(default_factory=dict)  # ``_house``, by role and pool

    @classmethod
    def build(cls, doc: Doc, lex: Lexicons, *, parties: list[Person] = (), speech: frozenset[str] = frozenset(),
              speech_nouns: frozenset[str] = frozenset(), quoted: list[tuple[int, int]] = (),
              countries: dict[str, str | None] | None = None) -> EntityTable:
        names = find_names(doc, lex, given=list(parties))
        inside = set()
        for start, end in quoted:
            span = doc.char_span(start, end, alignment_mode="contract")
            inside.update(range(span.start, span.end) if span is not None else ())
        # Descriptions mean the principals first, whoever else the piece names more often.
        principal = [p for p in names.people if p.name in {g.name for g in parties}]
        leads = (principal + [p for p in names.people if p not in principal])[:2]
        table = cls(doc=doc, roles=RoleLexicon.from_lexicons(lex), people=names.people,
                    leads=leads, named=names.at, speech=speech, speech_nouns=speech_nouns, lex=lex,
                    quoted=frozenset(inside))
        for p in table.people:
            given = next((g for g in parties if g.name == p.name), None)
            # The principals' countries as the meeting stage read them (the whole article), before
            # the guesses below from one description at a time.
            table.country[p.name] = (given.country or (countries or {}).get(p.name)) if given else None
            table.titles[p.name] = {table.roles.norm(t) for t in getattr(given, "titles", ())} - table.roles.relational
        table._read_titles()
        for name, gender in pronoun_genders(doc, table.named, table.roles.pronouns).items():
            table.gender.setdefault(name, gender)
        # Countries the text never states are learnt from descriptions (one choice first, then habits).
        table._index_focus(names_only=True)
        heads = [tok for tok in doc if tok.pos_ in {"NOUN", "PROPN"} and tok.lower_ in table.roles.heads
                 and tok.i not in table.named]  # each pass reads the same words (what it learns differs)
        for guess in (False, False, True, False):
            for tok in heads:
                table._match_description(tok, learn=True, guess=guess)
        table._learn_nicknames()
        table._index_focus()
        return table

    def _learn_nicknames(self) -> None:
        """"The Indonesian leader, universally known as Jokowi": the nickname names that person."""
        for nick, glossed in glossed_nicknames(self.doc):
            if nick.i in self.named and self.named[nick.i][0].name != nick.text:
                continue
            who = self.resolve(glossed).name or self._latest_fitting(glossed)
            person = next((p for p in self.people if p.name == who and p.name != nick.text), None)
            if person is None:
                continue
            person.aliases.add(nick.text)
            for t in self.doc:
                if t.text == nick.text:
                    self.named[t.i] = (person, t.idx, t.idx + len(t))

    # --- what the text says about each person ---------------------------------------------
    def _read_titles(self) -> None:
        for i, (person, start, _) in self.named.items():
            tok = self.doc[i]
            if tok.idx != start:
                continue  # read from the first word of each name only
            self._learn(person, *before_name(tok, self.roles))
            head = tok
            while head.head.i in self.named and self.named[head.head.i][0] is person and head.head.i != head.i:
                head = head.head
            # "Maria Lopez, the Chilean president," / "Chile's leader, Maria Lopez"; but a title right before
            # another name is that one's ("Starmer, Germany's new chancellor Friedrich Merz and ...").
            linked = [c for c in head.children if c.dep_ == "appos"] + ([head.head] if head.dep_ == "appos" else [])
            for other in (o for o in linked if self.named.get(o.i + 1, (person,))[0] is person):
                country, role, plural = describe(other, self.roles)
                if role and not plural:
                    self._learn(person, country, role)
            if (prev := self.doc[i - 1].lower_ if i > 0 else "") in self.roles.honorifics:
                self.gender.setdefault(person.name, self.roles.honorifics[prev])

    def _learn(self, person: Person, country: str | None, role: str | None) -> None:
        if country and not self.country.get(person.name):
            self.country[person.name] = country
        if role and role not in self.roles.relational:  # "his counterpart, X" gives X no title
            self.titles[person.name].add(self.roles.norm(role))

    # --- descriptions ---------------------------------------------------------------------
    def _named_in_sentence(self, tok: Token) -> set[str]:
        return {self.named[t.i][0].name for t in tok.sent if t.i in self.named}

    def _house(self, role: str, pool: list[Person]) -> Person | None:
        key = (role, *(p.name for p in pool))
        if key not in self.houses:
            who = house_holder(self.doc, role, list(key[1:]), lambda sent: self._named_in_sentence(sent[0]))
            self.houses[key] = next((p for p in pool if p.name == who), None)
        return self.houses[key]

    def _match_description(self, tok: Token, *, learn: bool = False, guess: bool = False) -> Person | None:
        country, role, plural = describe(tok, self.roles)
        if role is None or plural:
            return None
        if (who := meeting_role(tok, role, self.leads, self.country)) is not None:
            return who  # "the host said", "the visiting president": the meeting's
        if role in self.roles.relational:
            # "his host", "his counterpart": the other lead than the one in focus.
            current = self.antecedent(tok.i)
            others = [p for p in self.leads if p is not current]
            return others[0] if current is not None and len(others) == 1 else None
        pool = [p for p in self.people if country is None or self.country.get(p.name) == country]
        if role in self.roles.generic:
            pool = [p for p in pool if self.titles[p.name] & self.roles.leader or p in self.leads]
            if country is None:
                return None  # "the leader" alone names nobody in particular
        else:
            pool = [p for p in pool if titled(self.titles[p.name], role, self.roles)]
            if role in self.roles.leader:
                # "the president", "the Ukrainian president": also leads (from there) untitled by the text; the
                # one his country's description picks takes the title ("the prime minister" is then the other).
                untitled = [p for p in self.leads if not self.titles[p.name] and p not in pool
                            and (country is None or self.country.get(p.name) == country)]
                if learn and country is not None and not pool and len(untitled) == 1:
                    self._learn(untitled[0], None, role)
                pool += untitled
                if country is None and tok.text[:1].isupper() and pool == self.leads and (house := self._house(role, pool)):
                    return house  # a readout's "the President": its own house's (``people.house``)
        if pool:
            recent = [p for i, p, subj in reversed(self.focus) if i < tok.i and p in pool and (subj or country)]
            if recent:
                return recent[0]
            return sorted(pool, key=lambda p: (p not in self.leads, -p.mentions))[0]
        if country is None:
            return None
        # Nobody is known to come from there: the lead whose country is unknown, when the text
        # leaves only one (the others are named beside the description, or have a country).
        unknown = [p for p in self.leads if not self.country.get(p.name)]
        here = self._named_in_sentence(tok)
        pick = [p for p in unknown if p.name not in here]
        pick = pick if len(pick) == 1 else unknown if len(unknown) == 1 else []
        if not pick and guess and len(unknown) == 2 and not here:
            pick = self._by_habit(tok, unknown)
        if not pick:
            return None
        if learn:
            self._learn(pick[0], country, role)
        return pick[0]

    def _by_habit(self, tok: Token, unknown: list[Person]) -> list[Person]:
        """Which of two leads a description means when nothing in the text decides, from the
        last lead that was a main subject in the same paragraph: after "added" the same speaker
        goes on; after that lead spoke, a description brings in the one who answers; otherwise
        it is the writer's other name for the same person."""
        last = next(((i, p) for i, p, subj in reversed(self.focus) if i < tok.i and subj and p in unknown), None)
        if last is None or "\n\n" in doc_text(self.doc)[self.doc[last[0]].idx : tok.idx]:
            return []
        verb = tok.head if tok.dep_ in {"nsubj", "nsubjpass"} else None
        if verb is not None and verb.lemma_.lower() in self.roles.continuing:
            return [last[1]]
        said = clause_verb(self.doc[last[0]])
        if said is not None and said.lemma_.lower() in self.speech:
            return [p for p in unknown if p is not last[1]]
        return [last[1]]

    # --- pronouns -------------------------------------------------------------------------
    def _index_focus(self, *, names_only: bool = False) -> None:
        self.focus = []
        for tok in self.doc:
            hit = self.named.get(tok.i)
            if hit is not None:
                if tok.i + 1 in self.named and self.named[tok.i + 1][1] == hit[1]:
                    continue  # one entry per name: its last word
                person = hit[0]
            elif not names_only and tok.pos_ in {"NOUN", "PROPN"} and tok.lower_ in self.roles.heads:
                person = self._match_description(tok)
            else:
                continue
            if person is not None:
                self.focus.append((tok.i, person, main_subject(tok) or self._owns_subject(tok)))

    def _owns_subject(self, tok: Token) -> bool:
        """"Varga's reply was cautious", "Varga's office said": the possessor of a subject that is
        no person is the one in view, as if he were the subject himself."""
        owned = tok.head
        return tok.dep_ == "poss" and owned.lower_ not in self.roles.heads and owned.ent_type_ != "PERSON" \
            and main_subject(owned)

    def _latest_fitting(self, tok: Token) -> str | None:
        """The person last named before a description the table could not settle, if its country
        does not rule them out ("President Joko Widodo's visit. The Indonesian leader, ...")."""
        country, role, plural = describe(tok, self.roles)
        if role is None or plural:
            return None
        for j, person, _ in reversed(self.focus):
            if j < tok.i and j not in self.quoted:
                known = self.country.get(person.name)
                return person.name if country is None or known in (None, country) else None
        return None

    def antecedent(self, i: int, gender: str | None = None, skip: frozenset[int] = frozenset()) -> Person | None:
        """The person a pronoun at token ``i`` means: the latest main-clause subject, else the latest mention."""
        fallback = None
        start = self.doc[i].sent.start
        for j, person, subject in reversed(self.focus):
            g = self.gender.get(person.name)
            if j >= i or (gender and g and g != gender) or j in self.quoted or j in skip:
                continue
            # In the pronoun's own sentence, whoever a verb of saying has as subject counts as one
            # the parse may have sunk into a clause ("X remarked that ...; “...,” he said").
            if subject or (j >= start and self.doc[j].dep_ == "nsubj" and self.doc[j].head.lemma_.lower() in self.speech):
                return person
            fallback = fallback or person
        return fallback

    # --- resolution -----------------------------------------------------------------------
    def resolve(self, tok: Token) -> Mention:
        """The speaker a subject token refers to, with the words that name it."""
        hit = self.named.get(tok.i)
        if hit is not None:
            # The title words written before the name are part of the mention
            # ("palace spokesman Ana Ruiz", "Foreign Secretary Ana Ruiz").
            first = k = next(t.i for t in self.doc[tok.left_edge.i : tok.i + 1] if t.idx + len(t) > hit[1])
            if k > tok.left_edge.i and self.doc[k - 1].lower_ in self.roles.words:
                while k > tok.left_edge.i and self.doc[k - 1].dep_ in {"compound", "amod"} and not self.doc[k - 1].is_punct:
                    k -= 1
            start = self.doc[k].idx if k < first else hit[1]
            return Mention(hit[0].name, start, hit[2])
        low = tok.lower_
        if tok.pos_ == "PRON":
            if low in self.roles.pronouns:
                person = self.antecedent(tok.i, self.roles.pronouns[low])
                return Mention(person.name if person else None, tok.idx, tok.idx + len(tok))
            if low in _RELATIVE and tok.head.dep_ == "relcl":
                return self.resolve(tok.head.head)
            if tok.tag_ == "PRP":
                return _unnamed(tok, tok)  # "I said", "they wrote": no name, but the words are the mention
            return NOBODY
        # "Peru's chief negotiator, Ana Ruiz," : the name in apposition.
        for c in apposed(tok):
            if c.i in self.named:
                return self.resolve(c)
            if c.pos_ == "PROPN" and c.ent_type_ in {"ORG", ""} and describe(tok, self.roles)[1] is not None:
                # "the government spokesperson, Yolande Makolo,": a person NER took for a body.
                first = min([c.i] + [w.i for w in c.lefts if w.dep_ == "compound" and w.pos_ == "PROPN"])
                text = doc_text(self.doc)
                return Mention(text[self.doc[first].idx : c.idx + len(c)], self.doc[first].idx, c.idx + len(c))
        if describe(tok, self.roles)[1] is not None:
            person = self._match_description(tok)
            if person is not None:
                return Mention(person.name, tok.left_edge.idx, tok.idx + len(tok))
            # "a Downing Street spokesperson" speaks for Downing Street; an unresolved
            # "the U.S. president" is not the United States.
            if describe(tok, self.roles)[1] in self.roles.leader:
                return _unnamed(tok.left_edge, tok)
            # ... and "a spokeswoman for the ministry" for the ministry.
            owners = [c for c in tok.children if c.dep_ in {"compound", "poss"}]
            owners += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in {"for", "of", "at"}
                       for g in c.children if g.dep_ == "pobj"]
            body = next((c for c in owners if c.ent_type_ in _ORG_LABELS or c.pos_ == "PROPN"), None)
            if body is not None:
                return Mention(*run) if (run := proper_run(body, tok)) else self.organisation(body)
            return self._unnamed_source(tok) or NOBODY
        if (lead := self._demonym_person(tok)) is not None:
            return lead
        if tok.pos_ in {"NOUN", "PROPN"} and self.lex is not None and (body := earlier_body(tok, self.lex)):
            return Mention(body, tok.left_edge.idx, tok.idx + len(tok))  # "the ministry said", named before
        if tok.ent_type_ in _ORG_LABELS:
            return self.organisation(tok)
        if tok.pos_ in {"NOUN", "PROPN"}:
            if self.lex is not None and (office := persons_body(tok, self.lex, self.named)) is not None:
                return Mention(*office)  # "Yoon's office said"
            if (inst := institution_name(tok, self.lex, self.roles.words)) is not None:
                return Mention(inst[0], inst[1], tok.idx + len(tok))  # "China's foreign ministry"
            # "the ministry's statement", "a palace spokesman": the body named in the phrase.
            for c in tok.children:
                target = c
                if "\n" in doc_text(self.doc)[min(c.idx, tok.idx) : max(c.idx, tok.idx)]:
                    continue  # a live blog's "13:30 GMT" line parsed into the phrase
                if c.dep_ == "prep" and c.lower_ in {"from", "of", "for"} or c.dep_ == "relcl":  # "a statement X read"
                    target = next((g for g in c.children if g.dep_ in {"pobj", "nsubj"}), c)
                elif c.dep_ not in {"poss", "compound", "nmod"}:
                    continue
                body = institution_name(target, self.lex, self.roles.words)  # "a readout from the Chilean presidency"
                if target.ent_type_ in _ORG_LABELS or target.i in self.named or body:
                    return self.resolve(target)
            # NER reads some outlets and bodies as works or products ("Zero Hedge said"): a proper
            # noun that says something is a source whatever its label, unless it is a number or date.
            if tok.pos_ == "PROPN" and tok.ent_type_ not in _NOT_SOURCES and tok.text[:1].isupper():
                return self.organisation(tok)  # a name NER missed: as written ("Ana Ruiz")
            if low not in self.roles.heads:
                return self._group(tok)
        return NOBODY

    def _demonym_person(self, tok: Token) -> Mention | None:
        """"the Uruguayan explained": a people's name in the singular, as a subject, is the one lead
        from there."""
        country = self.roles.demonyms.get(tok.text)
        det = next((c for c in tok.children if c.dep_ == "det"), None)
        if country is None or det is None or det.lower_ != "the" or tok.dep_ != "nsubj" or tok.tag_ in {"NNS", "NNPS"}:
            return None
        pool = [p for p in self.leads if self.country.get(p.name) == country]
        return Mention(pool[0].name, det.idx, tok.idx + len(tok)) if len(pool) == 1 else None

    def _group(self, tok: Token) -> Mention:
        """A source named by a common noun: a group ("Critics noted") or an institution the text
        has in view ("The ministry said"); not the two parties together, nor a document."""
        if (source := self._unnamed_source(tok)) is not None:
            return source
        np = list(self.doc[tok.left_edge.i : tok.i + 1])
        phrase = f" {' '.join(t.lower_ for t in np)} "
        if any(f" {g} " in phrase for g in self.roles.groups) or tok.lemma_.lower() in self.speech_nouns:
            return NOBODY
        if tok.tag_ not in {"NNS", "NNPS"} and np[0].lower_ != "the":
            return _unnamed(np[0], tok)  # "a source said" names nobody, in those words
        words = np[1:] if np[0].lower_ in ARTICLES else np
        if not words:
            return NOBODY
        text = doc_text(self.doc)
        return Mention(text[words[0].idx : tok.idx + len(tok)], np[0].idx, tok.idx + len(tok))

    def _unnamed_source(self, tok: Token) -> Mention | None:
        """"a Japanese government spokesperson", "one French diplomat"; None for other nouns."""
        found = unnamed_source(tok, self.lex, self.roles.demonyms) if self.lex is not None else None
        return Mention(*found) if found is not None else None

    def organisation(self, tok: Token) -> Mention:
        found = organisation_name(tok, self.roles.words, self.roles.demonyms, self.lex)
        return Mention(*found) if found is not None else NOBODY
