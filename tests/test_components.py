"""The extractors as spaCy components, on a pipeline the user builds."""

from __future__ import annotations

from pathlib import Path

import spacy

from extract import extract, read_source
from extract.text.nlp import load_pipeline

SEED = Path(__file__).resolve().parent.parent / "corpus" / "putin-netanyahu.txt"


def test_factories_on_a_blank_pipeline_give_what_extract_gives():
    model = load_pipeline()
    nlp = spacy.blank("en")
    for name in model.pipe_names:
        nlp.add_pipe(name, source=model)
    nlp.add_pipe("extract_meetings")
    nlp.add_pipe("extract_quotes")
    source = read_source(SEED)
    doc = nlp(source.text)
    expected = extract(source, model)
    assert [m.model_dump() for m in doc._.meetings] == [m.model_dump() for m in expected.meetings]
    assert [q.model_dump() for q in doc._.quotes] == [q.model_dump() for q in expected.quotes]
    assert expected.meetings and expected.quotes


def test_parties_through_spacy_config():
    nlp = load_pipeline()
    quotes = spacy.blank("en").add_pipe("extract_quotes", config={"parties": ["Angela Merkel", "Emmanuel Macron"]})
    assert quotes.parties == ("Angela Merkel", "Emmanuel Macron")
    doc = quotes(nlp('"We agreed on everything," Merkel said after meeting Macron in Paris.'))
    assert [p.name for p in doc._.extract_principals[1]] == ["Angela Merkel", "Emmanuel Macron"]
    assert [q.text for q in doc._.quotes] == ["We agreed on everything,"]


def test_extract_takes_a_plain_string():
    text = SEED.read_text(encoding="utf-8")
    doc = extract(text)
    assert doc.article.id.startswith("text-") and extract(text).article.id == doc.article.id
    assert doc.model_dump()["quotes"] == extract(read_source(SEED)).model_dump()["quotes"]
