"""Running the extraction over many files: find them, run an engine, report.

The work for a list of files is ``jobs.process_files``; the engines here (in-process, a local
process pool) and in ``distributed`` (a Dask cluster) only decide where it runs and on which files.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .. import errors
from ..errors import InputError, OutputError
from ..evaluate.scorecard import gold_beside
from ..text.nlp import load_pipeline
from .jobs import FileResult, Job, iter_process, partition, process_files


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


def prepare_out_dir(out_dir: Path) -> None:
    """Fail before any work when the outputs could not be written anyway."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OutputError(f"{out_dir}: cannot write there ({e.strerror})") from None
    if not os.access(out_dir, os.W_OK):
        raise OutputError(f"{out_dir}: cannot write there (permission denied)")


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
    join_interrupted: bool = False,
    meeting_gate: str | None = None,
) -> int:
    """Extract every article into ``out_dir``; bad files are reported and skipped."""
    console = Console(quiet=quiet)
    files = collect(paths)
    prepare_out_dir(out_dir)
    job = Job(
        out_dir=str(out_dir), model=model, parties=parties, lexicons=lexicons, report=report, join_interrupted=join_interrupted,
        meeting_gate=meeting_gate,
    )
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
