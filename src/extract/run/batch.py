"""Running the extraction over many files: read, parse in batches, write, report.

One function, ``process_files``, does the work for a list of files in one process; the engines
(in-process, a local process pool, a Dask cluster) only decide where it runs and on which files.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from spacy.tokens import Doc
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .. import errors
from ..text.article import Source, read_source
from ..errors import ExtractError, InputError, OutputError
from ..lexicons import load_lexicons
from ..models import Document
from ..text.nlp import load_pipeline
from ..output import write_atomic
from ..pipeline import Config, extract_from_doc, parse, parse_many


@dataclass(frozen=True)
class Job:
    """Everything a worker needs besides the file names; plain data, so it pickles."""

    out_dir: str
    model: str | None = None
    parties: tuple[str, ...] | None = None
    lexicons: str | None = None
    report: bool = False  # also write <id>.html, the visual report


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


def collect(paths: Sequence[Path]) -> list[Path]:
    """The article files named, directories expanded to their ``*.txt`` files, in order."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.glob("*.txt") if p.is_file())
            if not found:
                raise InputError(f"{path}: directory holds no .txt articles")
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            raise InputError(f"{path}: no such file or directory")
    return files


def gold_beside(path: Path) -> Path | None:
    gold = path.with_name(f"{path.name.removesuffix('.txt')}.gold.json")
    return gold if gold.exists() else None


def prepare_out_dir(out_dir: Path) -> None:
    """Fail before any work when the outputs could not be written anyway."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OutputError(f"{out_dir}: cannot write there ({e.strerror})") from None
    if not os.access(out_dir, os.W_OK):
        raise OutputError(f"{out_dir}: cannot write there (permission denied)")


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
    config = Config(parties=job.parties, lexicons=load_lexicons(job.lexicons))
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


def run_local(files: Sequence[Path], job: Job, workers: int, advance: Callable[[int], None]) -> list[FileResult]:
    """In this process (workers=1), or on a pool of worker processes that each load the model once."""
    if workers <= 1 or len(files) <= 1:
        results = []
        for result in iter_process([str(f) for f in files], job):
            results.append(result)
            advance(1)
        return results
    results = []
    # Several partitions per worker keep both busy when files differ in size.
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for part in pool.map(process_files, partition(files, workers * 4), [job] * (workers * 4)):
            results.extend(part)
            advance(len(part))
    return results


def run_batch(
    paths: Sequence[Path],
    out_dir: Path,
    *,
    model: str | None = None,
    parties: tuple[str, ...] | None = None,
    lexicons: str | None = None,
    score: bool = True,
    quiet: bool = False,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    report: bool = False,
    debug: bool = False,
) -> int:
    """Extract every article into ``out_dir``; bad files are reported and skipped."""
    console = Console(quiet=quiet)
    files = collect(paths)
    prepare_out_dir(out_dir)
    job = Job(out_dir=str(out_dir), model=model, parties=parties, lexicons=lexicons, report=report)
    if engine == "local":
        load_pipeline(model)  # a missing model is one clear error before any work starts
    with Progress(
        TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=Console(stderr=True), disable=quiet or not sys.stderr.isatty(), transient=True,
    ) as progress:
        task = progress.add_task("extracting", total=len(files))

        def advance(n: int) -> None:
            progress.advance(task, n)

        if engine == "dask":
            from .distributed import run_dask

            results = run_dask(files, job, scheduler=scheduler, workers=workers, advance=advance)
        else:
            results = run_local(files, job, workers, advance)
    order = {str(f): i for i, f in enumerate(files)}
    results.sort(key=lambda r: order.get(r.path, len(order)))
    return report_results(results, files, console=console, score=score, debug=debug)


def report_results(
    results: list[FileResult], files: Sequence[Path], *, console: Console, score: bool, debug: bool = False
) -> int:
    failures = [r for r in results if r.error]
    for r in results:
        if r.error:
            print(f"extract: error: {r.error}", file=sys.stderr)
            if debug and r.traceback:
                print(r.traceback, file=sys.stderr, end="")
        elif r.warning:
            print(f"extract: warning: {r.warning}", file=sys.stderr)
    for r in results:
        if r.output:
            console.print(f"wrote {r.output}  ({r.meetings} meetings, {r.quotes} quotes)", highlight=False)
    pairs = [(Path(r.output), gold) for r in results if r.output and (gold := gold_beside(Path(r.path)))]
    if score and pairs:
        from ..evaluate.scorecard import print_corpus_scorecard

        print_corpus_scorecard(pairs, console=console)
    if not failures:
        return errors.OK
    if len(failures) < len(files):
        print(f"extract: error: {len(failures)} of {len(files)} files failed; the others were written", file=sys.stderr)
        return errors.PARTIAL
    return failures[0].exit_code
