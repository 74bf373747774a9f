"""A visual report of one extraction: a pure function from text plus documents to one HTML page.

:func:`render_report` returns a self-contained page (inline CSS, no script, no external
resource) with

* the article text, quotes highlighted and coloured by speaker (hover or keyboard focus shows
  speaker, cue and kind), each meeting's section marked in the margin;
* a timeline of the dated meetings as inline SVG, undated meetings listed beside it;
* tables of the meeting and quote records, every field;
* with a gold document, the differences the scorer finds (:func:`extract.evaluate.scoring.score`):
  missed, spurious and wrong items, marked in the text, the timeline and the tables, and listed.

The page is ``templates/report.html`` (Jinja2, autoescaped) with ``templates/report.css`` inlined;
its parts are the partial templates ``templates/_*.html`` (macros), which write the plain data
:mod:`extract.run.sections` and :mod:`extract.run.timeline` compute. Every piece of text that comes from the article
or the documents is HTML-escaped. Stable hooks for tools and tests: ``mark[data-quote="q3"]`` is
the first (usually only) piece of quote q3 in the text (later pieces, where a section boundary cuts
a quote, carry ``data-quote-part``); ``svg circle[data-meeting="m1"]`` is meeting m1's point on the
timeline; ``[data-section="m1"]`` its section; ``[data-missed="q5"]`` gold quote q5 where it was
missed; ``[data-diff]`` says how a predicted item differs from gold.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from ..errors import InputError
from ..evaluate.scorecard import gold_beside, load_document
from ..models import Document, check_against_text, sha256_text
from ..output import write_atomic
from ..pipeline import Config, extract
from ..text.article import Source, read_source
from ..text.nlp import load_pipeline
from .markup import esc, speaker_colours
from .diff import Diff
from .sections import article_view, legend, meetings_table, mismatch_table, quotes_table, score_cards
from .timeline import timeline


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The templates under ``templates/``, autoescaped; ``|text`` escapes as ``html.escape`` does."""
    env = Environment(
        loader=PackageLoader("extract.run", "templates"),
        autoescape=select_autoescape(["html"]),
        keep_trailing_newline=True,
    )
    # Text is escaped with html.escape (&quot;, &#x27;) rather than markupsafe's (&#34;, &#39;),
    # so the page reads byte for byte as it did when Python wrote its markup.
    env.filters["text"] = lambda value: Markup(esc(value))
    return env


def _page():
    return environment().get_template("report.html")


@lru_cache(maxsize=1)
def _css() -> str:
    return files("extract.run").joinpath("templates/report.css").read_text(encoding="utf-8")


def render_report(text: str, doc: Document, gold: Document | None = None, *, title: str | None = None) -> str:
    """One self-contained HTML page showing ``doc`` (and how it differs from ``gold``) over ``text``."""
    diff = Diff.of(doc, gold) if gold is not None else None
    colours = speaker_colours([doc])
    problems = [f"document: {p}" for p in check_against_text(doc, text)]
    if gold is not None:
        problems += [f"gold: {p}" for p in check_against_text(gold, text)]
    kinds = Counter(q.kind.value for q in doc.quotes)
    return _page().render(
        heading=title or doc.article.title or doc.article.id,
        css=Markup(_css()),
        colours=list(colours.values()),  # (strong, tint, faint tint) of speaker i: CSS class spk-i
        article_id=doc.article.id,
        chars=len(text),
        meetings=len(doc.meetings),
        dated=sum(1 for m in doc.meetings if m.start_date),
        quotes=len(doc.quotes),
        direct=kinds["direct"],
        indirect=kinds["indirect"],
        gold=gold,
        problems=problems[:20],
        score_cards=score_cards(diff) if diff else None,
        timeline_view=timeline(doc, diff),
        pieces=article_view(text, doc, colours, diff),
        speakers=legend(doc, colours),
        meetings_table=meetings_table(text, doc, diff),
        quotes_table=quotes_table(text, doc, colours, diff),
        mismatch_table=mismatch_table(text, diff) if diff else None,
    )


# --- from files (the only part that reads or writes) --------------------------------------------

def find_text(doc_path: Path, doc: Document, *, text: Path | None = None, gold: Path | None = None) -> Source:
    """The article a written document describes: ``text`` if given, else ``<id>.txt`` beside the
    document, beside ``gold``, or in ``corpus/``; the first whose SHA-256 matches the document's."""
    if text is not None:
        candidates = [text]
    else:
        name = f"{doc.article.id}.txt"
        candidates = list(dict.fromkeys([doc_path.with_name(name), *([gold.with_name(name)] if gold else []), Path("corpus") / name]))
    tried = []
    for path in candidates:
        if not path.is_file():
            tried.append(f"{path} (absent)")
            continue
        source = read_source(path)
        if sha256_text(source.text) == doc.article.sha256:
            return Source(id=doc.article.id, text=source.text, path=path)
        tried.append(f"{path} (another text: its SHA-256 differs from the document's)")
    hint = "" if text is not None else "; give it with --text FILE"
    raise InputError(f"{doc_path}: no article text for {doc.article.id!r}: tried {'; '.join(tried)}{hint}")


def build_report(
    path: Path,
    *,
    text: Path | None = None,
    gold: Path | None = None,
    use_gold: bool = True,
    title: str | None = None,
    model: str | None = None,
    config: Config | None = None,
) -> tuple[str, Document, Document | None, str]:
    """(article id, document, gold or None, HTML) for an article ``.txt`` (extracted now) or a
    written ``<id>.json``; gold is ``gold``, else ``<id>.gold.json`` beside the article."""
    if path.suffix == ".json":
        doc = load_document(path)
        source = find_text(path, doc, text=text, gold=gold)
    else:
        source = read_source(path)
        doc = extract(source, load_pipeline(model), config)
    gold_path = gold if gold is not None else gold_beside(source.path) if source.path else None
    same = gold_path is not None and gold_path.resolve() == path.resolve()  # a gold file shown on its own
    gold_doc = load_document(gold_path) if use_gold and gold_path and not same else None
    return source.id, doc, gold_doc, render_report(source.text, doc, gold_doc, title=title)


def write_report(path: Path, text: str, doc: Document, gold: Path | None = None) -> Path:
    """Render and write atomically: the batch's one call per article."""
    write_atomic(path, render_report(text, doc, load_document(gold) if gold else None))
    return path

