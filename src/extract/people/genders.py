"""Which pronouns the text uses for each person it names, so that "he" cannot mean a woman."""

from __future__ import annotations

from collections import Counter, defaultdict

from spacy.tokens import Doc


def pronoun_genders(doc: Doc, named: dict, pronouns: dict[str, str]) -> dict[str, str]:
    """Each person's pronouns, from sentences that name that person alone, as a subject ("Merkel, who smiled
    through the tribute, said that it was hard for her") and the subject pronoun of a sentence
    naming nobody right after one with that person as its subject. Kept only when one gender
    clearly wins, so that "he" cannot then mean a woman the text has named just before.
    ``named``: token index -> (person, start, end); ``pronouns``: pronoun -> gender."""
    votes: dict[str, Counter] = defaultdict(Counter)
    alone: str | None = None  # the one person the previous sentence named, as its subject
    for sent in doc.sents:
        people = {named[t.i][0].name for t in sent if t.i in named}
        others = any(t.ent_type_ == "PERSON" and t.i not in named for t in sent)
        if not people and not others and alone is not None:
            # "Macron was sworn in on 14 May. The next day he was on a plane to Berlin."
            subj = next((t for t in sent if t.dep_ == "nsubj" and t.lower_ in pronouns), None)
            if subj is not None:
                votes[alone][pronouns[subj.lower_]] += 1
        alone = None
        if len(people) != 1 or others:
            continue
        (name,) = people
        first = min(t.i for t in sent if t.i in named)
        subject = any(t.dep_ == "nsubj" and t.i in named for t in sent)
        if subject:
            alone = name
        # "His spokesman, <name>, said he ...": a pronoun before the name brings in someone
        # else; "with <name> beside him, he proposes": the name is no subject, the pronouns
        # are another's.
        if not subject or any(t.pos_ == "PRON" and t.lower_ in pronouns for t in sent[: first - sent.start]):
            continue
        subjects = {t.i for t in sent if t.dep_ == "nsubj" and t.i in named}
        for t in sent[first - sent.start :]:
            if t.pos_ != "PRON" or t.lower_ not in pronouns:
                continue
            # "Hasina hosts him", "Macron thanked her for her patience": the object of the
            # person's own verb is someone else, and so are the pronouns after it.
            if t.dep_ in {"dobj", "dative"} and any(c.i in subjects for c in t.head.children):
                break
            # ", she said,": an inserted attribution's pronoun is the reporter's.
            if t.head.dep_ != "parataxis":
                votes[name][pronouns[t.lower_]] += 1
    out = {}
    for name, count in votes.items():
        ranked = count.most_common()
        runner_up = ranked[1][1] if len(ranked) > 1 else 0
        if ranked[0][1] > 2 * runner_up:
            out[name] = ranked[0][0]
    return out
