"""The package's plumbing: corpus integrity, schemas in step with the models, the CLI's contract."""

from __future__ import annotations

import hashlib
import json

import pytest

from extract.run import cli
from extract.models import Document, check_against_text
from extract.run.schema import schemas

from .conftest import CORPUS, ROOT

SEED_SHA256 = "f1d0afeb3ba0a861452bc432acfff33b1950d7035ab253cffabc5d370fe5d9bd"


def test_seed_is_byte_exact():
    data = (CORPUS / "putin-netanyahu.txt").read_bytes()
    assert hashlib.sha256(data).hexdigest() == SEED_SHA256
    shared = ROOT.parent / "shared" / "seeds" / "000_14125fab5aa49e76.txt"
    if shared.exists():
        assert shared.read_bytes() == data


def test_committed_schemas_match_the_models():
    for name, content in schemas().items():
        committed = ROOT / "schemas" / name
        assert committed.exists(), f"schemas/{name} is missing: run `extract schema`"
        assert committed.read_text(encoding="utf-8") == content, f"schemas/{name} is stale: run `extract schema`"


@pytest.mark.parametrize("argv", [["--help"], ["run", "--help"], ["diff", "--help"], ["schema", "--help"], ["gold", "--help"]])
def test_help_explains_arguments(argv, capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(argv)
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "usage: extract" in out
    if argv[0] == "run":
        assert "--out" in out and "PATH" in out


def test_run_writes_a_valid_document(tmp_path, capsys):
    assert cli.main(["run", str(CORPUS / "putin-netanyahu.txt"), "-o", str(tmp_path), "--no-score"]) == 0
    written = tmp_path / "putin-netanyahu.json"
    doc = Document.model_validate_json(written.read_text(encoding="utf-8"))
    text = (CORPUS / "putin-netanyahu.txt").read_text(encoding="utf-8")
    assert check_against_text(doc, text) == []
    assert doc.article.id == "putin-netanyahu"
    assert doc.article.sha256 == SEED_SHA256
    assert doc.article.chars == len(text)
    assert doc.article.title == "Putin and Netanyahu Agenda - 4 Years In The Making"
    assert json.loads(written.read_text())["schema_version"] == "1.0"


def test_document_rejects_unknown_fields_and_bad_order():
    base = {"article": {"id": "a", "sha256": "0" * 64, "chars": 10}}
    with pytest.raises(ValueError, match="extra"):
        Document.model_validate({**base, "surprise": 1})
    quote = {"kind": "direct", "text": "ab"}
    with pytest.raises(ValueError, match="order of start"):
        Document.model_validate({**base, "quotes": [{**quote, "id": "q1", "start": 5, "end": 7}, {**quote, "id": "q2", "start": 1, "end": 3}]})
    with pytest.raises(ValueError, match="q1, q2"):
        Document.model_validate({**base, "quotes": [{**quote, "id": "q2", "start": 1, "end": 3}]})
    meeting = {"id": "m1", "section": {"start": 0, "end": 5}, "start_date": "2020-01-02", "end_date": "2020-01-01"}
    with pytest.raises(ValueError, match="before start_date"):
        Document.model_validate({**base, "meetings": [meeting]})


def test_list_items_are_paragraphs_of_their_own():
    from extract.text.paragraphs import Paragraphs

    text = "Intro line\n\n• A one\n• B two\nmore of B\n- C three\n\nA sentence - with a dash\nLast"
    assert [text[s:e] for s, e in Paragraphs.of(text).spans] == [
        "Intro line", "• A one", "• B two\nmore of B", "- C three", "A sentence - with a dash\nLast",
    ]


def test_reference_markers_come_off_the_words_they_follow(nlp):
    doc = nlp("Talks were held in Paris,[4] then in the Ministry.[23][24] See the talks[edit].")
    words = [t.text for t in doc]
    assert {"Paris", "Ministry", "talks", "[4]", "[23]", "[24]", "[edit]"} <= set(words)


def test_a_marker_ending_a_heading_line_ends_its_sentence(nlp):
    doc = nlp("Illness and the peace process[edit]\nOn 7 March 2012 the president flew to Havana.[3] He stayed a day.")
    assert [s.text.strip() for s in doc.sents] == [
        "Illness and the peace process[edit]", "On 7 March 2012 the president flew to Havana.[3]", "He stayed a day."]
