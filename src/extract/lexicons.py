"""Word lists and gazetteers, read from data files (``src/extract/data/`` by default).

Pass a different directory, or a Lexicons built by hand, to adapt the extractors to other
articles without touching code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import InputError

DATA_DIR = Path(__file__).parent / "data"


def read_list(path: Path) -> frozenset[str]:
    """One entry a line, lower-cased; ``#`` starts a comment."""
    entries = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            entries.add(line)
    return frozenset(entries)


def _read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Lexicons:
    """All the data the extractors read. Immutable, so one instance can be shared."""

    roles: frozenset[str] = frozenset()
    demonyms: dict[str, str] = field(default_factory=dict)
    reporting_verbs: frozenset[str] = frozenset()
    topics: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def __hash__(self) -> int:  # identity is enough: lexicons are built once per run
        return id(self)


@lru_cache(maxsize=8)
def load_lexicons(directory: str | None = None) -> Lexicons:
    """Every data file in ``directory``: ``*.txt`` as word lists, ``*.json`` as data."""
    base = Path(directory) if directory else DATA_DIR
    if not base.is_dir():
        raise InputError(f"{base}: lexicon directory not found")
    files: dict[str, Any] = {}
    for path in sorted(base.iterdir()):
        if path.suffix == ".txt":
            files[path.stem] = read_list(path)
        elif path.suffix == ".json":
            files[path.stem] = _read_json(path)
    known = {"roles", "demonyms", "reporting_verbs", "topics"}
    return Lexicons(
        roles=files.get("roles", frozenset()),
        demonyms=files.get("demonyms", {}),
        reporting_verbs=files.get("reporting_verbs", frozenset()),
        topics=files.get("topics", {}),
        extra={k: v for k, v in files.items() if k not in known},
    )
