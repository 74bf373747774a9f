"""A faster matcher for spaCy's ``attribute_ruler``, with the same matches.

The English pipelines' attribute ruler maps fine-grained tags to parts of speech and morphology
through about 180 one- and two-token Matcher patterns, and spaCy's Matcher tries every pattern at
every token: about a seventh of the whole parse. Each pattern token only compares a few attributes
of one token (tag, lower form, dependency, whether it is a space), and text repeats the same
combinations over and over, so which pattern tokens a combination satisfies is worked out once and
cached. The ruler itself is kept: it still sorts the matches and sets the attributes, so tokens
come out annotated exactly as before.

Patterns using anything else (operators, other attributes or predicates) leave the ruler as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

# The token attributes the cache is keyed on, read for a whole Doc at once by ``Doc.to_array``.
_ATTRS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
_COLUMNS = tuple(_ATTRS)
# Distinct keys kept before the cache starts afresh: a bound on memory over a long run (a
# million words of news have some tens of thousands).
_MAX_KEYS = 200_000

Check = Callable[[tuple], bool]


def _check(column: int, value) -> Check | None:
    """One pattern-token condition on a key column (strings for tags and words, 0/1 for
    IS_SPACE), as spaCy's Matcher reads it; None when it is not one of the simple forms."""
    if isinstance(value, bool):
        return lambda key: key[column] == int(value)
    if isinstance(value, str):
        return lambda key: key[column] == value
    if not isinstance(value, dict) or not value:
        return None
    checks = []
    for op, arg in value.items():
        if op == "IN" and isinstance(arg, list):
            allowed = frozenset(arg)
            checks.append(lambda key, a=allowed: key[column] in a)
        elif op == "NOT_IN" and isinstance(arg, list):
            banned = frozenset(arg)
            checks.append(lambda key, b=banned: key[column] not in b)
        elif op == "REGEX" and isinstance(arg, str):
            pattern = re.compile(arg)
            checks.append(lambda key, p=pattern: bool(p.search(key[column])))
        else:
            return None
    return lambda key: all(c(key) for c in checks)


def _token_check(spec: dict) -> tuple[tuple[int, str] | None, Check] | None:
    """All the conditions of one pattern token, with the exact tag or word it requires if any
    (to look it up by), or None when a condition is not supported."""
    checks, anchor = [], None
    for name, value in spec.items():
        name = name.upper()
        if name not in _ATTRS or (name == "IS_SPACE") != isinstance(value, bool):
            return None
        column = _COLUMNS.index(name)
        check = _check(column, value)
        if check is None:
            return None
        checks.append(check)
        if isinstance(value, str) and name in {"TAG", "LOWER"} and (anchor is None or name == "LOWER"):
            anchor = (column, value)  # a word is rarer than a tag: the better index
    return anchor, lambda key: all(c(key) for c in checks)


@dataclass(frozen=True)
class _Step:
    """One token of a pattern: which pattern, at which position, and its conditions."""

    pattern: int
    position: int
    check: Check


class CachedMatcher:
    """Stands in for the attribute ruler's Matcher when it is called on a Doc; anything else
    (``get``, ``len``, serialisation) goes to the original."""

    def __init__(self, matcher: Matcher, patterns: list[tuple[int, tuple]]):
        self.matcher = matcher
        self.ids = [match_id for match_id, _ in patterns]
        self.sizes = [len(tokens) for _, tokens in patterns]
        # Steps indexed by the exact tag or word they require; the rest are tried on every key.
        self.anywhere: list[_Step] = []
        self.by_value: dict[tuple[int, str], list[_Step]] = {}
        for n, (_, tokens) in enumerate(patterns):
            for k, (anchor, check) in enumerate(tokens):
                step = _Step(n, k, check)
                if anchor is None:
                    self.anywhere.append(step)
                else:
                    self.by_value.setdefault(anchor, []).append(step)
        self._cache: dict[tuple, tuple[tuple[int, ...], frozenset[tuple[int, int]]]] = {}
        self._shared: dict = {}  # one copy of each distinct result: most keys share a few

    def __getattr__(self, name):
        if name == "matcher":  # not set yet (a copy being built): no delegation loop
            raise AttributeError(name)
        return getattr(self.matcher, name)

    def __len__(self) -> int:
        return len(self.matcher)

    def __contains__(self, key) -> bool:
        return key in self.matcher

    def _satisfied(self, key: tuple) -> tuple[tuple[int, ...], frozenset[tuple[int, int]]]:
        """For a token with attributes ``key``: the match ids of the one-token patterns it
        matches, and the (pattern, position) pairs of longer patterns it fits."""
        singles, fits = [], set()
        steps = self.anywhere + self.by_value.get((0, key[0]), []) + self.by_value.get((1, key[1]), [])
        for step in steps:
            if step.check(key):
                if self.sizes[step.pattern] == 1:
                    singles.append(self.ids[step.pattern])
                else:
                    fits.add((step.pattern, step.position))
        return tuple(singles), frozenset(fits)

    def __call__(self, doc: Doc, *, allow_missing: bool = False, as_spans: bool = False, **kwargs):
        if as_spans or kwargs:
            return self.matcher(doc, allow_missing=allow_missing, as_spans=as_spans, **kwargs)
        strings = doc.vocab.strings
        hits = []
        for tag, lower, dep, space in doc.to_array(list(_ATTRS.values())).tolist():
            key = (tag, lower, dep, space)
            found = self._cache.get(key)
            if found is None:
                if len(self._cache) >= _MAX_KEYS:
                    self._cache.clear()
                found = self._satisfied((strings[tag], strings[lower], strings[dep], space))
                found = self._cache[key] = self._shared.setdefault(found, found)
            hits.append(found)
        out = []
        for i, (singles, fits) in enumerate(hits):
            out.extend((match_id, i, i + 1) for match_id in singles)
            for n, k in fits:
                if k != 0:
                    continue
                size = self.sizes[n]
                if i + size <= len(hits) and all((n, j) in hits[i + j][1] for j in range(1, size)):
                    out.append((self.ids[n], i, i + size))
        return out


def cached_matcher(ruler) -> CachedMatcher | None:
    """The stand-in for ``ruler``'s matcher, or None when a pattern is not of the simple kind."""
    patterns = []
    for i, group in enumerate(ruler.patterns):
        match_id = ruler.vocab.strings.add(str(i))  # the ruler keys its n-th pattern group "n"
        for pattern in group["patterns"]:
            if not pattern or not all(isinstance(spec, dict) and "OP" not in spec for spec in pattern):
                return None
            tokens = tuple(_token_check(spec) for spec in pattern)
            if any(t is None for t in tokens):
                return None
            patterns.append((match_id, tokens))
    return CachedMatcher(ruler.matcher, patterns)


def speed_up(nlp: Language) -> None:
    """Give ``nlp``'s attribute ruler the cached matcher, when its patterns allow it."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    fast = cached_matcher(ruler)
    if fast is not None:
        ruler.matcher = fast
