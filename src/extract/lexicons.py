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


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{path}: lexicon file is not UTF-8") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read lexicon file ({exc.strerror})") from None


def read_list(path: Path) -> frozenset[str]:
    """One entry a line, lower-cased; ``#`` starts a comment."""
    entries = set()
    for line in _read_text(path).splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            entries.add(line)
    return frozenset(entries)


def _read_json(path: Path) -> Any:
    try:
        return json.loads(_read_text(path))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: lexicon file is not valid JSON (line {exc.lineno}: {exc.msg})") from None


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
