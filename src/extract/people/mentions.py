"""Who a phrase refers to: one of the principals, another person, or the principals together.

The principals come in as ``Person`` records (canonical name, aliases, country); everything else is
read from the text: PERSON entities, descriptions made of a demonym and a role ("the Russian
president"), and phrases that refer to the pair ("the two leaders", "they").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from spacy.tokens import Doc, Span, Token

from ..lexicons import Lexicons
from .descriptions import RoleLexicon
from .mislabels import CALENDAR_WORDS
from .parties import Person, clean_name, people
from .house import house_holder
from .spelling import hyphen_end, names_follow
from ..wordlists import find_phrases, words
from ..text.sentences import ents_in, ents_overlapping

# What a noun phrase refers to.
PRINCIPAL, OTHER, PAIR = "principal", "other", "pair"


@dataclass(frozen=True)
class Ref:
    kind: str  # PRINCIPAL, OTHER or PAIR
    name: str | None = None  # canonical name of a principal, or the other person's words


@dataclass
class Cast:
    """The principals of one article and how to recognise them in it."""

    parties: list[Person]
    lex: Lexicons
    countries: dict[str, str | None] = field(default_factory=dict)
    # What ``verdict.classify`` and ``mentioned`` made of each sentence: several extractors read
    # the same ones. Keyed with the countries, which may still be learnt.
    memo: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def of(cls, parties: list[Person], lex: Lexicons) -> Cast:
        return cls(parties, lex, {p.name: p.country for p in parties})

    # -- names ---------------------------------------------------------------------------
    def principal_named(self, name: str) -> str | None:
        """The principal a written name refers to ("Merkel", "Angela Merkel", "Shri Narendra Modi")."""
        first, _, rest = name.partition(" ")
        if rest and first.lower() in words(self.lex, "courtesy_titles"):
            return self.principal_named(rest)
        for p in self.parties:
            if name in p.aliases or name == p.name:
                return p.name
        if " " not in name:
            for p in self.parties:
                if name in {p.surname, p.name.split()[0]}:
                    return p.name
        return None

    def description(self, tokens: Span) -> tuple[str, int, int] | None:
        """Country and token range of a "<demonym> <role>" description inside ``tokens``."""
        demonyms, roles = self.lex.demonyms, self.lex.roles
        toks = list(tokens)
        for i in range(len(toks)):
            for dn in (2, 1):
                dem = " ".join(t.text for t in toks[i : i + dn])
                if i + dn > len(toks) or dem not in demonyms:
                    continue
                for rn in (2, 1):
                    role = " ".join(t.lower_ for t in toks[i + dn : i + dn + rn])
                    if i + dn + rn <= len(toks) and role in roles:
                        return demonyms[dem], toks[i].i, toks[i + dn + rn - 1].i + 1
        return None

    def _may_hold(self, who: str, description: Span) -> bool:
        """Whether the principal ``who`` answers to the role of a description: a leader's role, a
        generic one, or one the text gives them ("Foreign Minister X" makes "the minister" theirs)."""
        toks = [t.lower_ for t in description]
        role = next((r for k in range(len(toks)) if (r := " ".join(toks[k:])) in self.lex.roles), None)
        if role is None or role in _leader_roles(self.lex):
            return True
        return any(self._holds(p, role) for p in self.parties if p.name == who)

    def by_title(self, phrase: Span) -> str | None:
        """"the chancellor", a readout's "Prime Minister": the one principal the text gives that title
        (none when both share it)."""
        toks = list(phrase)
        # A readout's bare capitalised title stands for its holder too: "Prime Minister thanked the Amir".
        bare = 0 < len(toks) <= 2 and toks[0].lower_ != "the" and all(t.text[:1].isupper() and t.is_alpha for t in toks)
        if not bare and (len(toks) < 2 or toks[0].lower_ != "the" or len(toks) > 3):
            return None
        role = " ".join(t.lower_ for t in toks[0 if bare else 1 :])
        if role not in self.lex.roles:
            return None
        holders = [p.name for p in self.parties if self._holds(p, role)]
        if len(holders) == 2 and toks[-1].text[:1].isupper():
            return self._house_holder(phrase.doc, role)
        return holders[0] if len(holders) == 1 else None

    def _house_holder(self, doc: Doc, role: str) -> str | None:
        key = ("house", doc, role)
        if key not in self.memo:
            self.memo[key] = house_holder(doc, role, [p.name for p in self.parties], self.named)
        return self.memo[key]

    def _holds(self, person: Person, role: str) -> bool:
        """Whether ``person`` has the title ``role``, a synonym counting ("PM Modi" is "the prime minister")."""
        same = self.lex.extra.get("speaker_roles", {}).get("synonyms", {})
        return same.get(role, role) in {same.get(t, t) for t in person.titles}

    def by_country(self, country: str | None) -> str | None:
        hits = [name for name, c in self.countries.items() if c and c == country]
        return hits[0] if len(hits) == 1 else None

    def resolve(self, phrase: Span) -> Ref | None:
        """What the noun phrase ``phrase`` refers to, or None when it is not a person."""
        for ent in ents_overlapping(phrase):
            if ent.label_ == "PERSON":
                name = clean_name(ent)
                if name and self.is_person(phrase.doc, name):
                    who = self.principal_named(name)
                    return Ref(PRINCIPAL, who) if who else Ref(OTHER, name)
        if named := self.named(phrase):
            return Ref(PRINCIPAL, named[0])
        desc = self.description(phrase)
        if desc:
            who = self.by_country(desc[0])
            if who and not self._may_hold(who, phrase.doc[desc[1] : desc[2]]):
                who = None  # "a Japanese foreign minister" is not the Japanese prime minister
            return Ref(PRINCIPAL, who) if who else Ref(OTHER, phrase.text)
        if who := self.by_title(phrase):
            return Ref(PRINCIPAL, who)
        if find_phrases(phrase, words(self.lex, "pair_refs")) and not self.not_leaders(phrase.root):
            return Ref(PAIR)
        return None

    @cached_property
    def titles(self) -> frozenset[str]:
        """Words of a title before a person's name: leaders' roles, aides' and officials'."""
        return words(self.lex, "title_words") | words(self.lex, "aide_roles") | self.lex.roles

    @cached_property
    def _leader_roles(self) -> frozenset[str]:
        return frozenset(self.lex.extra.get("speaker_roles", {}).get("leader_roles", ()))

    def aides(self, head: Token) -> bool:
        """Whether ``head`` names people with a title no leader holds ("the two foreign ministers",
        "both envoys"): a pair phrase over it is not the principals."""
        lemma = head.lemma_.lower()
        # "the two prime ministers" are leaders: the title is read with the word before it.
        before = head.doc[head.i - 1].lower_ if head.i > 0 else ""
        return lemma in self.titles - self._leader_roles and f"{before} {lemma}" not in self._leader_roles

    def not_leaders(self, head: Token) -> bool:
        """Whether a pair phrase over ``head`` means others than the principals: aides ("the two
        foreign ministers") or bodies ("the two governments sat down together"; not "the two countries' leaders")."""
        if head.dep_ == "poss":
            head = head.head
        return self.aides(head) or head.lemma_.lower() in words(self.lex, "collective_nouns")

    def is_person(self, doc: Doc, name: str) -> bool:
        """Whether the article's name table keeps ``name`` as someone: not a village NER tagged
        as a person that the text only ever writes as a place ("the village of Krün")."""
        return " " in name or name in self._names_of(doc) and name.rstrip(".").lower() not in CALENDAR_WORDS

    def _names_of(self, doc: Doc) -> frozenset[str]:
        key = ("names", doc)
        if key not in self.memo:
            self.memo[key] = frozenset(a for p in people(doc, self.lex) for a in p.aliases | {p.name})
        return self.memo[key]

    def named(self, span: Span) -> list[str]:
        """Principals named in ``span`` (PERSON entities first, then bare name words), in order."""
        seen: list[tuple[int, str]] = []
        covered: set[int] = set()
        for ent in ents_in(span):
            if ent.label_ == "PERSON" and (name := clean_name(ent)):
                covered.update(range(ent.start, ent.end))
                if (who := self.principal_named(name)) and not self._aide_owner(ent.root):
                    seen.append((ent.start, who))
        for tok in span:
            # NER misses or mislabels short names ("Xi" as an organisation): a bare name word counts,
            # a hyphenated one whole ("Díaz-Canel", three tokens).
            if tok.i in covered or tok.pos_ != "PROPN" or self._aide_owner(tok):
                continue
            hyphened = tok.i + 1 < span.end and span.doc[tok.i + 1].text == "-"
            end = hyphen_end(span.doc, tok.i + 1, span.end) if hyphened else tok.i + 1
            if end > tok.i + 1 and (who := self.principal_named(span[tok.i - span.start : end - span.start].text)):
                seen.append((tok.i, who))
                covered.update(range(tok.i, end))
            elif (who := self.principal_named(tok.text)) and not self._namesake(tok, who):
                seen.append((tok.i, who))
        out: list[str] = []
        for _, who in sorted(seen):
            if who not in out:
                out.append(who)
        return out

    def _namesake(self, tok: Token, who: str) -> bool:
        """"Karamoko Jean Marie Traoré" when the principal is Ibrahim Traoré: first names written before
        the surname that are none of the principal's make someone else of the same family name."""
        person = next(p for p in self.parties if p.name == who)
        own = {w for n in person.aliases | {person.name} for w in n.split()}
        not_names = self._not_given_names
        doc, k = tok.doc, tok.i - 1
        while k > tok.sent.start and doc[k].pos_ == "PROPN" and doc[k].dep_ == "compound" and doc[k].head.i == tok.i \
                and not doc[k + 1].is_space and not doc[k].whitespace_.count("\n"):
            word = doc[k]
            if word.text[:1].isupper() and word.text not in own and word.lower_ not in not_names \
                    and word.ent_type_ not in {"GPE", "NORP", "DATE"}:
                return True
            k -= 1
        return False

    @cached_property
    def _not_given_names(self) -> frozenset[str]:
        """Capitalised words before a family name that are no first name: titles, honorifics, adverbs, dates."""
        honorifics = self.lex.extra.get("speaker_roles", {}).get("name_honorifics", ())
        return self.titles | words(self.lex, "courtesy_titles") | words(self.lex, "opening_adverbs") \
            | frozenset(honorifics) | CALENDAR_WORDS

    def _aide_owner(self, tok: Token) -> bool:
        """"Tsai's envoy ran into Xi": a principal named as the owner of an aide is not there himself."""
        return tok.dep_ == "poss" and tok.head.lemma_.lower() in self._aide_roles

    @cached_property
    def _aide_roles(self) -> frozenset[str]:
        """Roles of people who act for a leader: not a leader's own, nor "his host" or "counterpart"."""
        relational = self.lex.extra.get("speaker_roles", {}).get("relational", ())
        return (words(self.lex, "aide_roles") | self.lex.roles) - self._leader_roles - frozenset(relational)

    def descriptions(self, span: Span) -> list[tuple[str, int, int]]:
        """Stand-alone descriptions in ``span`` (not titles before a name): country, token range."""
        out = []
        firsts = _demonym_firsts(self.lex)
        i = span.start
        while i < span.end:
            if span.doc[i].text not in firsts:
                i += 1
                continue
            desc = self.description(span.doc[i : min(i + 4, span.end)])
            if desc and desc[1] == i:
                if not names_follow(span.doc, desc[2]):
                    out.append(desc)
                i = desc[2]
            else:
                i += 1
        return out

    def mentioned(self, span: Span) -> list[str]:
        """Principals named or described anywhere in ``span``, in order of first mention."""
        # Asked twice of each sentence a meeting word is read in: remembered like ``classify``.
        key = ("mentioned", span.doc, span.start, span.end, tuple(self.countries.items()))
        if key not in self.memo:
            self.memo[key] = self._mentioned(span)
        return list(self.memo[key])

    def _mentioned(self, span: Span) -> list[str]:
        seen = self.named(span)
        for country, _, _ in self.descriptions(span):
            who = self.by_country(country)
            if who and who not in seen:
                seen.append(who)
        for tok in span:
            # "the chancellor", not the title before a name ("the chancellor, Angela Merkel" aside).
            if tok.lower_ == "the" and tok.i + 1 < span.end:
                for n in (2, 1):
                    phrase = span.doc[tok.i : min(tok.i + 1 + n, span.end)]
                    if (who := self.by_title(phrase)) and not names_follow(span.doc, phrase.end):
                        if who not in seen:
                            seen.append(who)
                        break
        return seen

    def other(self, name: str) -> str | None:
        rest = [p.name for p in self.parties if p.name != name]
        return rest[0] if len(rest) == 1 else None


@lru_cache(maxsize=8)
def _demonym_firsts(lex: Lexicons) -> frozenset[str]:
    """First words of the demonyms ("South" of "South Korean"): where a description may start."""
    return frozenset(d.split()[0] for d in lex.demonyms)


@lru_cache(maxsize=4)
def _leader_roles(lex: Lexicons) -> frozenset[str]:
    """Roles any principal answers to: a head of state's or government's, or a generic one."""
    roles = RoleLexicon.from_lexicons(lex)
    return roles.leader | roles.generic
