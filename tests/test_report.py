"""The visual report: a pure function from text and documents to one safe, self-contained page,
checked by parsing its HTML and, at the end, by loading it in a real headless Chromium."""

from __future__ import annotations

import re
import struct
from html.parser import HTMLParser

import pytest

from extract.run import cli
from extract.text.article import read_source
from extract.models import Document, sha256_text
from extract.pipeline import extract
from extract.run.markup import Wrap, nest
from extract.run.report import environment, render_report
from extract.evaluate.scoring import score

from . import chromium
from .conftest import CORPUS, SEED_ID

VOID = {"meta", "br", "img", "input", "link", "hr", "circle", "line"}


class Page(HTMLParser):
    """Start tags with their attributes, the article container's text, and nesting errors."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.article_depth: int | None = None
        self.article_text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag in VOID:
            return
        self.stack.append(tag)
        if "article" in (attrs.get("class") or "").split() and tag == "div":
            self.article_depth = len(self.stack)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        if self.article_depth == len(self.stack):
            self.article_depth = -1  # done
        self.stack.pop()

    def handle_data(self, data):
        if self.article_depth and self.article_depth > 0:
            self.article_text.append(data)

    def having(self, attr: str, tag: str | None = None) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if attr in a and (tag is None or t == tag)]


def document(text: str, meetings=(), quotes=()) -> Document:
    """A valid document over ``text`` from (start, end, extra fields) shorthands."""
    return Document.model_validate({
        "article": {"id": "t", "title": "T", "sha256": sha256_text(text), "chars": len(text)},
        "meetings": [{"id": f"m{i}", "section": {"start": s, "end": e}, **extra} for i, (s, e, extra) in enumerate(meetings, 1)],
        "quotes": [{"id": f"q{i}", "start": s, "end": e, "text": text[s:e], "kind": "direct", **extra}
                   for i, (s, e, extra) in enumerate(quotes, 1)],
    })


TEXT = (
    "Leaders met in Paris on 3 May 2020.\n\n"  # 0..35, then "\n\n"
    "He said “first part\n\n“second part” and <script>alert(1)</script> & more.\n\n"
    "They met again in Rome.\n\n"
    "She said “a third” today.\n"
)


def _at(needle: str) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, start + len(needle)


def seed_pair() -> tuple[str, Document]:
    text = read_source(CORPUS / f"{SEED_ID}.txt").text
    gold = Document.model_validate_json((CORPUS / f"{SEED_ID}.gold.json").read_text(encoding="utf-8"))
    return text, gold


@pytest.fixture
def small() -> Document:
    second = TEXT.index("They met again")
    return document(
        TEXT,
        meetings=[
            (0, second, {"start_date": "2020-05-03", "end_date": "2020-05-03", "city": "Paris", "format": "visit"}),
            (second, len(TEXT), {"city": "Rome"}),  # undated: listed, not plotted
        ],
        quotes=[
            # From inside meeting 1 across the paragraph break and across into meeting 2.
            (_at("first part")[0], TEXT.index("They met") + 4, {"speaker": "<script>evil()</script>", "cue": "said", "meeting": "m1"}),
            (*_at("a third"), {"speaker": "Jane Roe", "cue": "said", "meeting": "m2"}),
        ],
    )


# --- the pure function ----------------------------------------------------------------------------

def test_text_and_field_values_are_escaped(small):
    page = render_report(TEXT, small, title="<b>Title</b>")
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # article text
    assert "&lt;script&gt;evil()&lt;/script&gt;" in page  # a speaker name, in the legend, tooltips and tables
    assert "<b>Title</b>" not in page and "&lt;b&gt;Title&lt;/b&gt;" in page
    assert Page(page).errors == []


def test_page_is_self_contained(small):
    page = render_report(TEXT, small)
    assert not re.search(r"<script|<link|@import|url\(|\bsrc=|https?://", page, re.I)


def test_one_mark_per_quote_and_the_text_kept_whole(small):
    page = Page(render_report(TEXT, small))
    assert page.errors == []
    marks = page.having("data-quote", "mark")
    assert [m["data-quote"] for m in marks] == [q.id for q in small.quotes]
    # q1 runs from meeting 1's section into meeting 2's: the mark is cut and reopened there.
    assert [p["data-quote-part"] for p in page.having("data-quote-part", "mark")] == ["q1"]
    assert "".join(page.article_text) == TEXT


def test_one_timeline_point_per_dated_meeting(small):
    page = Page(render_report(TEXT, small))
    points = page.having("data-meeting", "circle")
    assert [p["data-meeting"] for p in points] == ["m1"]
    assert len(points) == sum(1 for m in small.meetings if m.start_date)
    assert "Not on the timeline: no date" in render_report(TEXT, small)


def test_every_quote_and_meeting_field_is_tabled(small):
    page = render_report(TEXT, small)
    for header in ("ordinal", "start date", "end date", "date text", "city", "country", "venues", "format",
                   "visitor", "occasion", "participants", "topics", "section", "evidence", "speaker", "cue", "mention"):
        assert f"<th>{header}</th>" in page


def test_seed_gold_renders_every_quote_and_point():
    text, gold = seed_pair()
    page = Page(render_report(text, gold))
    assert page.errors == []
    assert len(page.having("data-quote", "mark")) == len(gold.quotes)
    assert len(page.having("data-meeting", "circle")) == sum(1 for m in gold.meetings if m.start_date)
    assert "".join(page.article_text) == text


def test_diff_marks_missed_spurious_and_wrong(small):
    gold = small
    pred_data = small.model_dump()
    pred_data["quotes"] = [
        {"id": "q1", "start": 0, "end": 7, "text": TEXT[0:7], "kind": "direct", "meeting": "m1"},  # spurious
        {**pred_data["quotes"][0], "id": "q2", "speaker": "Someone Else"},  # matched, wrong speaker
    ]  # gold q2 ("a third") is missed
    pred = Document.model_validate(pred_data)
    page = Page(render_report(TEXT, pred, gold))
    assert page.errors == []
    assert [a["data-missed"] for a in page.having("data-missed")] == ["q2"]
    diffs = {a["data-quote"]: a["data-diff"] for a in page.having("data-diff", "mark") if "data-quote" in a}
    assert diffs == {"q1": "spurious", "q2": "wrong"}
    rows = [a["class"] for t, a in page.tags if t == "tr" and a.get("class") in ("missed", "spurious", "wrong")]
    assert rows.count("missed") >= 1 and rows.count("spurious") >= 1 and rows.count("wrong") >= 1


def test_nest_keeps_overlapping_wraps_well_formed():
    text = "abcdefghij"
    layers = [
        [Wrap(0, 6, "div", {"id": "s1"}, {"class": "cont"}), Wrap(4, 10, "div", {"id": "s2"}, {"class": "cont"})],
        [Wrap(2, 8, "b", {"id": "b"}, {"class": "bpart"})],
    ]
    html = str(environment().get_template("_article.html").module.nested(nest(text, layers)))
    page = Page(html)
    assert page.errors == []
    assert re.sub(r"<[^>]+>", "", html) == text
    assert len(page.having("id")) == 3  # each wrap's first piece exactly once


# --- the command line -----------------------------------------------------------------------------

def test_report_command_on_a_written_document(tmp_path, capsys, monkeypatch):
    out = tmp_path / "page.html"
    assert cli.main(["report", str(CORPUS / f"{SEED_ID}.gold.json"), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "wrote" in capsys.readouterr().out
    # Without the text anywhere to be found the command says where it looked.
    lone = tmp_path / "elsewhere" / "x.json"
    lone.parent.mkdir()
    lone.write_bytes((CORPUS / f"{SEED_ID}.gold.json").read_bytes())
    monkeypatch.chdir(lone.parent)
    assert cli.main(["report", str(lone)]) == 3
    assert "--text FILE" in capsys.readouterr().err


def test_report_command_on_an_article_compares_with_gold(tmp_path, capsys, nlp):
    assert cli.main(["report", str(CORPUS / f"{SEED_ID}.txt"), "-o", str(tmp_path / "r.html")]) == 0
    assert "compared with gold" in capsys.readouterr().out
    assert 'id="gold"' in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_run_with_report_writes_a_page_beside_each_output(tmp_path, monkeypatch, nlp):
    import extract.run.jobs

    _, gold = seed_pair()
    # The extractors' quality is not at issue here: the batch's plumbing is.
    monkeypatch.setattr(extract.run.jobs, "extract_from_doc", lambda source, doc, config: gold)
    assert cli.main(["run", str(CORPUS / f"{SEED_ID}.txt"), "-o", str(tmp_path), "--report", "--no-score", "-q"]) == 0
    page = (tmp_path / f"{SEED_ID}.html").read_text(encoding="utf-8")
    assert (tmp_path / f"{SEED_ID}.json").exists() and 'id="gold"' in page


# --- in a real browser ----------------------------------------------------------------------------

@pytest.fixture(scope="session")
def chromium_path() -> str:
    path, why = chromium.find_or_install()
    if path is None:
        pytest.skip(f"no headless browser: {why}")
    return path


def _png_size(path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", head[16:24])


def test_report_in_a_real_browser(chromium_path, nlp, tmp_path):
    text, gold = seed_pair()
    pred = extract(read_source(CORPUS / f"{SEED_ID}.txt"), nlp)
    # Two pages: the pipeline's own output against gold, and gold less one quote against gold, so
    # that marks, points and a missed quote are on screen whatever the extractors find today.
    lessened = Document.model_validate({**gold.model_dump(), "quotes": [
        {**q.model_dump(), "id": f"q{i}"} for i, q in enumerate(gold.quotes[1:], 1)]})
    pages = {"pipeline": pred, "gold-less-one": lessened}
    with chromium.Browser(chromium_path, tmp_path / "profile", width=1280, height=2000) as browser:
        for name, doc in pages.items():
            page = tmp_path / f"{name}.html"
            page.write_text(render_report(text, doc, gold), encoding="utf-8")
            browser.events.clear()
            browser.load(page.as_uri())
            missed = sum(1 for m in score(doc, gold).mismatches if m.kind == "missed" and m.field == "quote")
            counts = browser.evaluate("""({
                quotes: document.querySelectorAll('mark[data-quote]').length,
                points: document.querySelectorAll('svg circle[data-meeting]').length,
                missed: document.querySelectorAll('[data-missed]').length,
                scripts: document.scripts.length,
                text: document.querySelector('.article').textContent,
            })""")
            assert browser.problems() == [], f"{name}: console errors"
            assert counts["quotes"] == len(doc.quotes), name
            assert counts["points"] == sum(1 for m in doc.meetings if m.start_date), name
            assert counts["missed"] == missed, name
            assert counts["scripts"] == 0, name
            assert counts["text"] == text, f"{name}: the article's text is not shown exactly"
            shot = browser.screenshot(tmp_path / f"{name}.png")
            assert _png_size(shot) == (1280, 2000)
            assert shot.stat().st_size > 30_000, f"{name}: the screenshot looks blank"
        # Keyboard focus on a quote shows its speaker without any script.
        browser.evaluate("document.querySelector('mark[data-quote]').focus()")
        tip = browser.evaluate("getComputedStyle(document.querySelector('mark[data-quote]'), '::after').content")
        assert lessened.quotes[0].speaker in tip
        browser.screenshot(tmp_path / "full.png", full_page=True)
