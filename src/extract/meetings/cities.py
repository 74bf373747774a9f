"""Which GeoNames city a written place name is, and in which country: the text's own spelling,
the country the text names beside it, else the most populous of the name."""

from __future__ import annotations

from dataclasses import replace

from .. import gazetteer
from ..lexicons import Lexicons
from ..wordlists import data
from .locatives import aliases

# A great city is not given up for a town named after it in a country the sentence names
# ("London" beside "the United States" is not London, Kentucky).
_NAMESAKE, _GREAT_CITY = 15_000, 1_000_000


def as_written(found: tuple[gazetteer.City, ...], name: str) -> list[gazetteer.City]:
    """The name as written when GeoNames only adds "City" to it ("New York" for New York City),
    without GeoNames' accents when the writer left them out ("Brasilia", "MONTREAL"), with the
    writer's where GeoNames has none or others ("Chișinău", "Xi'an"): the text's spelling is the
    one its readers search for."""
    plain = gazetteer.unaccented(name)
    out = []
    for c in found:
        if c.name == f"{name} City":
            c = replace(c, name=name)
        elif plain == name and (bare := gazetteer.unaccented(c.name)) != c.name and bare.lower() == name.lower():
            c = replace(c, name=bare)
        elif c.name != name and not name.isupper() and gazetteer.folded(c.name) == gazetteer.folded(name):
            c = replace(c, name=name)  # the writer's accents or apostrophe, where GeoNames has others
        out.append(c)
    return out


def pick_city(name: str, hints: list[str], lex: Lexicons, *, strict: bool) -> tuple[str, str] | None:
    """GeoNames city and its country; ``strict``: refuse when the text names another country
    right beside it ("BALI, Indonesia" is not Bali, Cameroon)."""
    al = aliases(lex)
    if (country := data(lex, "regions").get(name)) is not None:
        return name, country  # "Bali" is the island, not the town in Cameroon
    if not (found := gazetteer.cities(name)):
        return None
    found = as_written(found, name)
    for city in found:
        if city is not found[0] and city.population < _NAMESAKE and found[0].population >= _GREAT_CITY:
            continue
        if gazetteer.country_name(city.country_code, al) in hints:
            return city.name, gazetteer.country_name(city.country_code, al)
    if strict and hints:
        return None
    return found[0].name, gazetteer.country_name(found[0].country_code, al)
