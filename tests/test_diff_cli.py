"""``extract diff`` end to end through ``extract.run.cli.main``, on small files written in tmp_path."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest
from rich.console import Console

from extract import errors
from extract.run.cli import main
from extract.models import Article, Document, Meeting, Quote, Section, sha256_text
from extract.evaluate.scorecard import print_corpus_scorecard
from extract.evaluate.metrics import metric_names

TEXT = (
    "Putin and Netanyahu\n"
    "\n"
    "The 1st meeting was held in Moscow on June 7th, 2016.\n"
    'Putin said that trade is growing. "We are friends," Netanyahu said.\n'
    "\n"
    "The 2nd meeting was held in Paris.\n"
)
M1, M2 = TEXT.index("The 1st"), TEXT.index("The 2nd")


@pytest.fixture(autouse=True)
def plain_output(monkeypatch):
    # Colour codes in captured output would depend on the environment running the tests.
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")


def span_quote(n: int, words: str, kind: str, speaker: str | None) -> Quote:
    start = TEXT.index(words)
    return Quote(id=f"q{n}", start=start, end=start + len(words), text=words, kind=kind, speaker=speaker, meeting="m1")


def article_doc(*, city: str = "Moscow", q2_speaker: str = "Benjamin Netanyahu", article_id: str = "art") -> Document:
    return Document(
        article=Article(id=article_id, sha256=sha256_text(TEXT), chars=len(TEXT)),
        meetings=[
            Meeting(id="m1", ordinal=1, start_date=dt.date(2016, 6, 7), city=city, section=Section(start=M1, end=M2)),
            Meeting(id="m2", ordinal=2, city="Paris", section=Section(start=M2, end=len(TEXT))),
        ],
        quotes=[
            span_quote(1, "trade is growing", "indirect", "Vladimir Putin"),
            span_quote(2, "We are friends,", "direct", q2_speaker),
        ],
    )


def write(path: Path, doc: Document | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(doc if isinstance(doc, str) else doc.model_dump_json(indent=2), encoding="utf-8")
    return path


@pytest.fixture
def case(tmp_path: Path) -> tuple[Path, Path]:
    """A prediction with a wrong city (m1) and a wrong speaker (q2), its gold, and the text beside the gold."""
    gold = write(tmp_path / "corpus" / "art.gold.json", article_doc())
    (tmp_path / "corpus" / "art.txt").write_text(TEXT, encoding="utf-8")
    pred = write(tmp_path / "out" / "art.json", article_doc(city="Sochi", q2_speaker="Vladimir Putin"))
    return pred, gold


def metric_row(out: str, name: str) -> str:
    (row,) = [line for line in out.splitlines() if re.search(rf"\s{re.escape(name)}\s", line)]
    return " ".join(row.split())


# --- file mode ------------------------------------------------------------------------------

def test_file_mode_prints_every_metric_and_locates_every_mismatch(case, capsys):
    pred, gold = case
    assert main(["diff", str(pred), str(gold)]) == errors.OK
    out = capsys.readouterr().out
    # 2 aligned meetings, Moscow vs Sochi in one: 1/2
    assert metric_row(out, "fields.city.accuracy") == "fields.city.accuracy 0.500 1/2"
    assert metric_row(out, "meetings.f1") == "meetings.f1 1.000 tp 2 fp 0 fn 0"
    # both quotes match; q2's speaker is wrong: speaker 1/2, e2e tp 1 fp 1 fn 1 -> F1 0.5
    assert metric_row(out, "quotes.all.speaker_accuracy") == "quotes.all.speaker_accuracy 0.500 1/2"
    assert metric_row(out, "quotes.all.e2e_f1") == "quotes.all.e2e_f1 0.500 tp 1 fp 1 fn 1"
    text_path = gold.with_name("art.txt")
    # m1's section starts line 3; q2 starts after 'Putin said that trade is growing. "' (35 characters) on line 4.
    assert f'{text_path}:3:1: wrong m1↔m1 city: gold "Moscow" · predicted "Sochi"\n' in out
    # a snippet is the next 60 characters, whitespace collapsed
    assert "    | The 1st meeting was held in Moscow on June 7th, 2016. Putin…\n" in out
    assert f'{text_path}:4:36: wrong q2↔q2 speaker: gold "Benjamin Netanyahu" · predicted "Vladimir Putin"\n' in out
    assert '    | We are friends," Netanyahu said. The 2nd meeting was held i…\n' in out
    assert "art: 2 mismatches" in out


def test_without_the_article_text_mismatches_show_offsets_only(case, capsys):
    pred, gold = case
    gold.with_name("art.txt").unlink()
    assert main(["diff", str(pred), str(gold)]) == errors.OK
    out = capsys.readouterr().out
    assert f'art offset {M1}: wrong m1↔m1 city: gold "Moscow" · predicted "Sochi"' in out
    assert f"(no art.txt beside {gold}: offsets only)" in out
    assert "    | " not in out


def test_no_mismatches_prints_the_scorecard_only(case, capsys):
    pred, gold = case
    assert main(["diff", str(pred), str(gold), "--no-mismatches"]) == errors.OK
    out = capsys.readouterr().out
    assert "fields.city.accuracy" in out
    assert "mismatches (item" not in out and "Sochi" not in out


def test_texts_that_differ_are_warned_about(case, capsys):
    pred, gold = case
    doc = article_doc()
    doc.article.sha256 = "f" * 64
    write(pred, doc)
    assert main(["diff", str(pred), str(gold)]) == errors.OK
    assert "describe different texts" in capsys.readouterr().err


# --- directory mode -------------------------------------------------------------------------

def test_directory_mode_scores_pairs_micro_averages_and_warns_about_the_unpaired(case, tmp_path, capsys):
    pred, gold = case
    # A second article whose only (direct) quote the prediction misses.
    other = article_doc(article_id="other")
    other.meetings, other.quotes = [], [other.quotes[1].model_copy(update={"id": "q1", "meeting": None})]
    write(gold.with_name("other.gold.json"), other)
    write(pred.with_name("other.json"), other.model_copy(update={"quotes": []}))
    write(pred.with_name("lonely.json"), article_doc())
    write(gold.with_name("orphan.gold.json"), article_doc())
    report = tmp_path / "report.json"

    assert main(["diff", str(pred.parent), str(gold.parent), "--json", str(report), "--no-mismatches"]) == errors.OK
    captured = capsys.readouterr()
    assert f"{pred.with_name('lonely.json')}: no lonely.gold.json in {gold.parent}; not scored" in captured.err
    assert f"{gold.with_name('orphan.gold.json')}: no orphan.json in {pred.parent}; not scored" in captured.err
    rows = {line.split()[0]: line.split()[1:] for line in captured.out.splitlines() if line.strip().startswith(("art ", "other ", "total (micro)"))}
    # columns: meet topic dir indir e2e spkr mtg
    assert rows["art"] == ["1.000", "1.000", "1.000", "1.000", "0.500", "0.500", "1.000"]
    # other: no meetings on either side (1.0), no aligned meeting for topics (–), direct quote missed (0.0)
    assert rows["other"] == ["1.000", "–", "0.000", "1.000", "0.000", "–", "–"]
    # all quotes: art tp 2, other fn 1 -> tp 2 fp 0 fn 1: F1 = 2 * 1 * (2/3) / (5/3) = 0.8
    assert metric_row(captured.out, "quotes.all.f1") == "quotes.all.f1 0.800 tp 2 fp 0 fn 1"
    data = json.loads(report.read_text(encoding="utf-8"))
    assert [a["article"] for a in data["articles"]] == ["art", "other"]
    assert data["total"]["metrics"]["quotes.all.f1"] == 0.8
    assert data["total"]["counts"]["quotes.all"] == {"tp": 2, "fp": 0, "fn": 1}


def test_two_gold_folders_compare_as_two_annotators(tmp_path, capsys):
    second, first = tmp_path / "pass2", tmp_path / "pass1"
    write(first / "art.gold.json", article_doc())
    other = article_doc()
    other.quotes = other.quotes[:1]
    write(second / "art.gold.json", other)
    # the annotators' folders hold other JSON too (a manifest of the articles' principals)
    (second / "MANIFEST.json").write_text('{"art": ["A", "B"]}', encoding="utf-8")
    assert main(["diff", str(second), str(first), "--no-mismatches"]) == errors.OK
    assert metric_row(capsys.readouterr().out, "quotes.all.f1") == "quotes.all.f1 0.667 tp 1 fp 0 fn 1"


def test_directories_with_nothing_paired_are_an_input_error(tmp_path, capsys):
    write(tmp_path / "p" / "a.json", article_doc())
    write(tmp_path / "g" / "b.gold.json", article_doc())
    assert main(["diff", str(tmp_path / "p"), str(tmp_path / "g")]) == errors.BAD_INPUT
    assert "has an <id>.gold.json" in capsys.readouterr().err


# --- JSON report ----------------------------------------------------------------------------

def test_json_report_holds_metrics_counts_and_located_mismatches(case, tmp_path, capsys):
    pred, gold = case
    report = tmp_path / "reports" / "diff.json"
    assert main(["diff", str(pred), str(gold), "--json", str(report)]) == errors.OK
    data = json.loads(report.read_text(encoding="utf-8"))
    assert list(data["total"]["metrics"]) == metric_names()
    (article,) = data["articles"]
    assert (article["pred"], article["gold"]) == (str(pred), str(gold))
    assert article["counts"]["fields.city"] == {"correct": 1, "total": 2}
    city = article["mismatches"][0]
    assert (city["field"], city["gold"], city["predicted"], city["offset"], city["line"], city["column"]) == (
        "city", "Moscow", "Sochi", M1, 3, 1,
    )


# --- thresholds -----------------------------------------------------------------------------

def test_fail_under_passes_when_every_metric_is_high_enough(case, capsys):
    pred, gold = case
    code = main(["diff", str(pred), str(gold), "--fail-under", "quotes.all.f1=1.0", "--fail-under", "fields.city.accuracy=0.5"])
    assert code == errors.OK
    captured = capsys.readouterr()
    assert "--fail-under: all 2 met" in captured.out
    assert "check failed" not in captured.err


def test_fail_under_fails_and_names_the_metric(case, tmp_path, capsys):
    pred, gold = case
    report = tmp_path / "r.json"
    code = main(["diff", str(pred), str(gold), "--json", str(report), "--fail-under", "fields.city.accuracy=0.75"])
    assert code == errors.FAILED
    assert "extract: check failed: fields.city.accuracy is 0.500, below 0.75" in capsys.readouterr().err
    assert report.exists()  # the report is still written, to see why


def test_fail_under_an_unknown_metric_lists_the_valid_names(case, capsys):
    pred, gold = case
    assert main(["diff", str(pred), str(gold), "--fail-under", "quotes.dirct.f1=0.5"]) == errors.BAD_INPUT
    err = capsys.readouterr().err
    assert "unknown metric 'quotes.dirct.f1'; did you mean quotes.direct.f1?" in err
    assert "meetings.precision, meetings.recall" in err and "quotes.all.meeting_accuracy" in err
    assert len(err.strip().splitlines()) == 1


def test_fail_under_skips_a_metric_with_nothing_to_compare(tmp_path, capsys):
    empty = Document(article=Article(id="e", sha256=sha256_text(TEXT), chars=len(TEXT)))
    pred, gold = write(tmp_path / "e.json", empty), write(tmp_path / "e.gold.json", empty)
    assert main(["diff", str(pred), str(gold), "--fail-under", "quotes.all.speaker_accuracy=0.9"]) == errors.OK
    out = capsys.readouterr().out
    assert "--fail-under quotes.all.speaker_accuracy: skipped, no pairs to compare" in out
    assert metric_row(out, "quotes.all.speaker_accuracy") == "quotes.all.speaker_accuracy – 0/0"


# --- bad input ------------------------------------------------------------------------------

def test_gold_that_is_not_json_is_a_one_line_error(case, capsys):
    pred, gold = case
    gold.write_text('{"article": {"id": "art",\n', encoding="utf-8")
    assert main(["diff", str(pred), str(gold)]) == errors.BAD_INPUT
    err = capsys.readouterr().err
    assert err.startswith(f"extract: error: {gold}: not valid JSON: ") and "line 2" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda d: d["meetings"][0].update(start_date="June 6th"), 'meetings[0].start_date: Input should be a valid date'),
        (lambda d: d["quotes"][1].update(kind="paraphrase"), "quotes[1].kind: Input should be 'direct' or 'indirect'"),
        (lambda d: d["meetings"][1]["section"].update(start="early"), "meetings[1].section.start: Input should be a valid integer"),
        (lambda d: d["meetings"][0].update(venue="Kremlin"), "meetings[0].venue: Extra inputs are not permitted"),
    ],
)
def test_gold_with_a_bad_nested_field_names_the_file_and_the_field_path(case, capsys, edit, expected):
    pred, gold = case
    data = json.loads(gold.read_text(encoding="utf-8"))
    edit(data)
    gold.write_text(json.dumps(data), encoding="utf-8")
    assert main(["diff", str(pred), str(gold)]) == errors.BAD_INPUT
    err = capsys.readouterr().err
    assert err.startswith(f"extract: error: {gold}: {expected}")
    assert len(err.strip().splitlines()) == 1


def test_bad_prediction_is_named_too(case, capsys):
    pred, gold = case
    pred.write_text("[]", encoding="utf-8")
    assert main(["diff", str(pred), str(gold)]) == errors.BAD_INPUT
    assert f"extract: error: {pred}: document: Input should be a valid dictionary" in capsys.readouterr().err


def test_missing_file_is_an_input_error(case, capsys):
    pred, gold = case
    missing = gold.with_name("nope.gold.json")
    assert main(["diff", str(pred), str(missing)]) == errors.BAD_INPUT
    assert capsys.readouterr().err == f"extract: error: {missing}: no such file or directory\n"


def test_a_file_against_a_directory_is_an_input_error(case, capsys):
    pred, gold = case
    assert main(["diff", str(pred), str(gold.parent)]) == errors.BAD_INPUT
    assert "give two files or two directories" in capsys.readouterr().err


# --- the scorecard after `extract run` ------------------------------------------------------

def test_corpus_scorecard_shows_rows_and_a_total_and_skips_an_unusable_gold(case, tmp_path, capsys):
    pred, gold = case
    broken = write(tmp_path / "corpus" / "broken.gold.json", "{")
    buffer = io.StringIO()
    print_corpus_scorecard([(pred, gold), (pred, broken)], console=Console(file=buffer, width=100))
    out = buffer.getvalue()
    assert re.search(r"^\s*art\s+1\.000\s+1\.000\s+1\.000\s+1\.000\s+0\.500\s+0\.500\s+1\.000\s*$", out, re.M)
    assert re.search(r"^\s*total \(micro\)\s+1\.000", out, re.M)
    assert f"extract: warning: not scored: {broken}: not valid JSON" in capsys.readouterr().err
