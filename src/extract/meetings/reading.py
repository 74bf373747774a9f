"""How the segmenter reads one sentence: what it reports (``verdict.classify``, remembered on the
cast), whether it denies a meeting, and whether a date in it is its event's."""

from __future__ import annotations

from spacy.tokens import Span

from .events import Event, mere_gathering, sentence_events
from .locatives import country_of, place_names
from .modality import occurs
from .verdict import MEETING, NONE, classify, travels_to
from ..lexicons import Lexicons
from ..text.sentences import governing_verb
from ..people.mentions import Cast
from ..wordlists import hits


class Reader:
    """Sentence classification for one article (``classify`` remembers it on the cast)."""

    def __init__(self, cast: Cast, lex: Lexicons):
        self.cast, self.lex = cast, lex
        self._denies: dict[int, bool] = {}  # by sentence start: asked again for each event near it

    def full(self, sent: Span, *, strict: bool = True) -> tuple[str, list[Event]]:
        return classify(sent, self.cast, self.lex, strict=strict)

    def __call__(self, sent: Span, *, strict: bool = True) -> str:
        return self.full(sent, strict=strict)[0]

    def tells_event(self, sent: Span) -> bool:
        """Whether the sentence has a meeting or travel word at all (whoever it involves)."""
        return bool(sentence_events(sent, self.cast, self.lex))

    def tells_held(self, sent: Span) -> bool:
        """Whether the sentence names a visit or meeting, whoever it involves, that is neither planned,
        denied nor a gathering of many ("addresses the UN Climate Action Summit")."""
        return any(not (ev.planned or ev.negated or mere_gathering(ev, self.lex))
                   for ev in sentence_events(sent, self.cast, self.lex))

    def names_held(self, sents: list[Span]) -> bool:
        """Whether ``sents`` name a visit or meeting, whoever's, held and no gathering of many, and deny
        none ("Bainimarama addresses the UN Climate Action Summit ... No meeting between the two is reported")."""
        return any(map(self.tells_held, sents)) and not any(map(self.denies, sents))

    def held_event(self, sents: list[Span]) -> tuple[Span, list[Event]] | None:
        """The last of ``sents`` naming a visit or meeting that took place, whoever it involves,
        with those events: "That first visit, on June 6, 2023, set the tone" before "He greeted her"."""
        for sent in reversed(sents):
            held = [ev for ev in sentence_events(sent, self.cast, self.lex)
                    if ev.kind in {"travel", "noun"} and ev.token.pos_ == "NOUN" and not (ev.planned or ev.negated)]
            if held:
                return sent, held
        return None

    def place_entry_meets(self, label: Span, sents: list[Span]) -> bool:
        """Whether a timeline entry labelled with a place ("17.06.2022 – Kyiv") reports a meeting
        there through ``sents``, which name no meeting of the principals outright."""
        places = place_names(label, self.lex)
        country = country_of(places[-1].text, self.lex) if places else None
        homes = set(self.cast.countries.values())
        if not places or any(self.denies(s) for s in sents):
            return False  # "Not a meeting with Modi. Hasina flies to the air base ..."
        if country not in homes and None not in homes and len({n for s in sents for n in self.cast.mentioned(s)}) < 2:
            return False  # "Sept. 6 — On to Singapore": one principal's journey on to a third country
        # "Johnson returns for a second visit"; "• Sept. 13–14, 2017, Ahmedabad." over "... visits to the
        # Sabarmati Ashram ...": an entry named for a place, telling of a visit, and of no call or plan.
        return any(travels_to(s, country, self.cast, self.lex) for s in sents[:3]) or any(
            self.tells_event(s) for s in sents) and not any(self(s, strict=False) not in {NONE, MEETING} for s in sents)

    def absent(self, span: Span) -> bool:
        """Whether a label says the principals were not together: "Lima, without Park", "28 July
        2005 - statements, no meeting"."""
        return any(t.lower_ == "without" and self.cast.mentioned(span.doc[t.i + 1 : span.end]) for t in span) or any(
            ev.negated and ev.kind == "noun" for ev in sentence_events(span, self.cast, self.lex))

    def denies(self, sent: Span) -> bool:
        """Whether the sentence denies the principals met ("Modi has not been reported meeting her";
        "Vučić did attend, although no bilateral meeting with his host was reported": a meeting
        denied in a sentence naming a principal and no one else)."""
        if sent.start not in self._denies:
            self._denies[sent.start] = any(ev.negated and ev.kind in {"verb", "noun"} and (
                ev.principals or ev.pair or ev.pronoun or ev.kind == "noun" and not ev.others and self.cast.named(sent))
                for ev in sentence_events(sent, self.cast, self.lex))
        return self._denies[sent.start]

    def journey_denied(self, told: list[Event], around: list[Span]) -> bool:
        """Whether a meeting told only by a journey or an occasion ("flew to an air base near
        Delhi", "travelled to Addis Ababa for the summit") is denied by a sentence around it
        ("Modi has not been reported meeting her", "The two leaders did not meet")."""
        return (bool(told) and all(ev.kind == "travel" or (ev.kind == "noun" and not ev.principals and not ev.pair)
                                   for ev in told)
                and any(self.denies(s) for s in around))


_SUBORDINATE = {"advcl", "relcl", "acl", "ccomp", "csubj", "pcomp"}


def clause_verb(tok):
    """The verb whose clause ``tok`` sits in (``tok`` itself when none)."""
    return tok if tok.pos_ in {"VERB", "AUX"} else governing_verb(tok) or tok


def dates_event(span: Span, event: Event, sent: Span, lex: Lexicons) -> bool:
    """Whether a date in the event's sentence belongs to the event's clause, not to a clause
    inside it ("their first meeting since a plane was downed ... on September 17th")."""
    if span.root.dep_ in {"dobj", "npadvmod"} and span.root.head.i != event.token.i and hits(
            span.root.head, lex.reporting_verbs):
        return False  # "announced the following day that he had called on her": the day of the telling
    for anc in span.root.ancestors:
        if anc.i == event.token.i or not (sent.start <= anc.i < sent.end):
            return True
        if anc.dep_ in _SUBORDINATE:
            # "Her last visit ... took place on 20 August": the parser may hang the event's own
            # "took place" under it as a clause.
            # ... and a participle with no subject of its own tells the event's own time: "returned
            # the courtesy, spending July 4 and 5, 2022, in Algiers".
            own = anc.tag_ == "VBG" and anc.dep_ == "advcl" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in anc.children)
            return event.token in anc.subtree or (anc.head.i == event.token.i and (occurs(anc, lex) or own))
    # The date is on the main clause: not the day of an event told in a clause reported under it
    # ("announced the following day that the President-elect had called on him").
    # ("promised on Thursday that ..., as she held talks": an "as" clause keeps the promise's day).
    dated = {span.root, *span.root.ancestors}
    cur = event.token
    while cur not in dated and cur.head.i != cur.i:
        if cur.dep_ in _SUBORDINATE or cur.dep_ == "xcomp":
            return cur.dep_ != "ccomp"
        cur = cur.head
    return True


def told_together(told: list[Event]) -> bool:
    """Whether ``told`` has the two meeting, in a past tense of its own: "The two men shook hands"; not
    "said the leaders had talked" (a report), "the two have sat down together three times"."""
    return any((e.pair or len(e.principals) > 1) and e.token.tag_ == "VBD"
               and not any(a.dep_ == "ccomp" for a in (e.token, *e.token.ancestors)) for e in told)


def dates_held(span: Span, held: list[Event]) -> bool:
    """Whether a date belongs to one of the ``held`` visits or meetings: inside its phrase, or in the
    clause it is the subject of ("That first visit, on June 6, 2023, set the tone")."""
    return any(ev.token in span.root.ancestors or ev.token.dep_ == "nsubj" and ev.token.head in span.root.ancestors
               for ev in held)


def since_clause(span: Span) -> bool:
    """Whether a date tells what something came after, not when it happened: "the first
    face-to-face encounter since the war erupted on Oct. 7", "their first talks since May"; or
    dates the later event of "X follows Y" ("Wednesday's meeting follows Erdogan's visit to Tehran
    on July 19, 2022": the sentence tells the visit, and Wednesday is the meeting already told)."""
    root = span.root.sent.root
    if root.lemma_.lower() == "follow" and any(c.dep_ in {"nsubj", "nsubjpass"} and span.root in c.subtree for c in root.children):
        return True
    for tok in (span.root, *span.root.ancestors):
        if tok.lower_ == "since" or any(c.dep_ == "mark" and c.lower_ == "since" for c in tok.children):
            return True
        if tok.dep_ in {"acl", "amod"} and any(c.dep_ == "prep" and c.lower_ == "since" for c in tok.children):
            return True  # "the students missing since September in Iguala": where they went missing
        if tok.dep_ == "ROOT":
            break
    return False


def nearest_first(sents: list[Span], read: Reader) -> list[Span]:
    """The sentences that may date a meeting, in the order to ask them: those reporting it, then
    the ones before the first of those, nearest first ("sworn in on 14 May. The next day he flew
    to Berlin. Merkel received him ..." is the next day), then the rest."""
    told = [s for s in sents if read(s) == MEETING]
    if not told:
        return sents
    first = min(s.start for s in told)
    before = sorted((s for s in sents if s.end <= first), key=lambda s: -s.start)
    return told + before + [s for s in sents if s not in told and s not in before]
