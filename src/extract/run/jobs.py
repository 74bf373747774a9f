"""The unit of work: extract a list of files in this process, writing ``<id>.json`` for each.

Every engine (in-process, a local process pool, a Dask cluster) runs ``process_files`` on lists of
files; it takes file names and a :class:`Job`, and gives one :class:`FileResult` per file.
"""

from __future__ import annotations

import traceback
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from .. import errors
from ..errors import ExtractError, OutputError
from ..evaluate.scorecard import gold_beside
from ..lexicons import load_lexicons
from ..meetings.gate import load_gate
from ..models import Document
from ..output import write_atomic
from ..pipeline import Config, extract_from_doc
from ..text.article import Source, read_source
from ..text.nlp import load_pipeline
from ..text.parse import parse, parse_many


@dataclass(frozen=True)
class Job:
    """Everything a worker needs besides the file names; plain data, so it pickles."""

    out_dir: str
    model: str | None = None
    parties: tuple[str, ...] | None = None
    lexicons: str | None = None
    report: bool = False  # also write <id>.html, the visual report
    join_interrupted: bool = False  # one quote for “A,” she said, “B.” (PolNeAR's convention)
    meeting_gate: str | None = None  # a trained meeting gate's folder (make train)


@dataclass(frozen=True)
class FileResult:
    """What became of one input file."""

    path: str
    output: str | None = None
    meetings: int = 0
    quotes: int = 0
    error: str | None = None
    exit_code: int = errors.OK
    warning: str | None = None
    traceback: str | None = None  # for an unexpected exception: shown only under --debug


def emptiness(document: Document) -> str | None:
    """What to warn about in a written document: an article with no meetings (news with quotes
    only, or a story of calls and cancelled summits) is still a result, but worth a word."""
    if document.meetings:
        return None
    if document.quotes:
        return "no meetings found (quotes written)"
    return "no meetings and no quotes found (an empty document written); is this an article about meetings between leaders?"


def crashed(path: str, stage: str, e: Exception) -> FileResult:
    """An unexpected exception in one article: a one-line error for that file, never the batch's end."""
    detail = " ".join(str(e).split())[:200] or "no message"
    return FileResult(
        path=path,
        error=f"{path}: {stage} failed ({type(e).__name__}: {detail}); this is a bug, rerun with --debug for the traceback",
        exit_code=errors.INTERNAL,
        traceback="".join(traceback.format_exception(e)),
    )


def parsed(nlp, sources: Sequence[Source]) -> Iterator[tuple[Source, Doc | Exception]]:
    """Each source with its Doc, or with the exception that parsing it raised. A failure inside a
    batch ends ``nlp.pipe``, so the rest are parsed one at a time and fail one at a time."""
    docs = parse_many(nlp, (s.text for s in sources))
    for i, source in enumerate(sources):
        try:
            yield source, next(docs)
        except Exception:  # noqa: BLE001 - whatever spaCy raised, it concerns this batch only
            for rest in sources[i:]:
                try:
                    yield rest, parse(nlp, rest.text)
                except Exception as e:  # noqa: BLE001
                    yield rest, e
            return


def iter_process(paths: Sequence[str], job: Job) -> Iterator[FileResult]:
    """Extract each file and write ``<out_dir>/<id>.json``; failures become results, not exceptions."""
    config = Config(
        parties=job.parties, lexicons=load_lexicons(job.lexicons), join_interrupted=job.join_interrupted,
        meeting_gate=load_gate(job.meeting_gate),
    )
    sources: list[Source] = []
    for path in paths:
        try:
            sources.append(read_source(path))
        except ExtractError as e:
            yield FileResult(path=str(path), error=str(e), exit_code=e.exit_code)
    if not sources:
        return
    nlp = load_pipeline(job.model)  # cached: once per process, however many tasks it runs
    for source, doc in parsed(nlp, sources):
        path = str(source.path)
        if isinstance(doc, Exception):
            yield crashed(path, "parsing", doc)
            continue
        try:
            document = extract_from_doc(source, doc, config)
        except Exception as e:  # noqa: BLE001 - one article's bug must not stop the batch
            yield crashed(path, "extraction", e)
            continue
        target = Path(job.out_dir) / f"{source.id}.json"
        try:
            write_atomic(target, document.model_dump_json(indent=2) + "\n")
        except OutputError as e:
            yield FileResult(path=path, error=str(e), exit_code=e.exit_code)
            continue
        if job.report:
            from .report import write_report

            try:
                write_report(target.with_suffix(".html"), source.text, document, gold_beside(source.path))
            except ExtractError as e:  # an unwritable page, or a gold file that cannot be read
                yield FileResult(path=path, error=f"report not written: {e}", exit_code=e.exit_code)
                continue
        yield FileResult(
            path=path,
            output=str(target),
            meetings=len(document.meetings),
            quotes=len(document.quotes),
            warning=(problem := emptiness(document)) and f"{path}: {problem}",
        )


def process_files(paths: Sequence[str], job: Job) -> list[FileResult]:
    """``iter_process`` as a list: the unit of work an engine ships to a worker."""
    return list(iter_process(paths, job))


def partition(paths: Sequence[Path], parts: int) -> list[list[str]]:
    """Split files into ``parts`` lists of about equal total size (largest first, greedy)."""
    bins: list[list[str]] = [[] for _ in range(max(1, parts))]
    loads = [0] * len(bins)
    for path in sorted(paths, key=lambda p: -_size(p)):
        i = loads.index(min(loads))
        bins[i].append(str(path))
        loads[i] += _size(path)
    return [b for b in bins if b]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
