"""A faster loop for spaCy's rule lemmatizer, with the same lemmas.

spaCy's lemmatizer already caches each lemma by (word, part of speech, morphology), but it still
builds a ``Token`` for every word and sets its lemma through Python one at a time, which is most
of its time on words it has seen before. Here a Doc's words are read as one array, each distinct
(word, part of speech, morphology) is lemmatized once by the stock method, and the lemmas go
back as one array. Lemmas already set (the attribute ruler gives some) are kept, as spaCy keeps
them.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

# The modes whose lemma depends on nothing but the cache key.
_MODES = ("rule", "lookup")
# Distinct keys kept before the cache starts afresh: a bound on memory over a long run.
_MAX_KEYS = 200_000


def lemmatize(lemmatizer: Lemmatizer, doc: Doc, cache: dict[tuple[int, int, int], int]) -> Doc:
    """Set the lemma of each word of ``doc`` that has none, as ``lemmatizer`` would."""
    columns = doc.to_array([ORTH, POS, MORPH, LEMMA])
    lemmas = columns[:, 3].copy()
    strings = doc.vocab.strings
    for i, (orth, pos, morph, lemma) in enumerate(columns.tolist()):
        if lemma and not lemmatizer.overwrite:
            continue
        key = (orth, pos, morph)
        found = cache.get(key)
        if found is None:
            if len(cache) >= _MAX_KEYS:
                cache.clear()
            found = cache[key] = strings.add(lemmatizer.lemmatize(doc[i])[0])
        lemmas[i] = found
    doc.from_array([LEMMA], lemmas.reshape(-1, 1))
    return doc


class ArrayLemmatizer(Lemmatizer):
    """The stock lemmatizer, run over arrays (see the module's docstring)."""

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:
            self._validate_tables()
        # The cache holds string ids of one vocabulary: a component sourced into another pipeline
        # (``add_pipe(source=...)``) lemmatizes Docs whose StringStore lacks them.
        strings, cache = self.__dict__.get("_lemmas", (None, None))
        if strings is not doc.vocab.strings or cache is None:
            cache = {}
            self.__dict__["_lemmas"] = (doc.vocab.strings, cache)
        return lemmatize(self, doc, cache)


class ArrayEnglishLemmatizer(ArrayLemmatizer, EnglishLemmatizer):
    """English's rules (``is_base_form``), run over arrays."""


_FASTER = {Lemmatizer: ArrayLemmatizer, EnglishLemmatizer: ArrayEnglishLemmatizer}


def speed_up(nlp: Language) -> None:
    """Run ``nlp``'s lemmatizer over arrays, when its kind and mode allow it."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    stock = nlp.get_pipe("lemmatizer")
    if type(stock) in _FASTER and stock.mode in _MODES:
        # The component keeps its name, settings, tables and cache; only the loop over words changes.
        stock.__class__ = _FASTER[type(stock)]
