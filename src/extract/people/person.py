"""One person as an article names them: the record every stage of ``people`` fills in."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Person:
    """One person as the article names them."""

    name: str  # canonical: the fullest form the article gives
    aliases: set[str] = field(default_factory=set)  # every form seen, surname included
    country: str | None = None  # from "Chilean President ..." via the demonym lexicon
    titles: set[str] = field(default_factory=set)  # role words seen before the name
    mentions: int = 0
    first_offset: int = 0

    @property
    def surname(self) -> str:
        return self.name.split()[-1]
