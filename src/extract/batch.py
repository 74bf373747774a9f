"""Running the extraction over many files: read, parse in batches, write, report."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from . import errors
from .article import Source, read_source
from .errors import ExtractError, InputError, OutputError
from .lexicons import load_lexicons
from .models import Document
from .nlp import load_pipeline
from .output import write_atomic
from .pipeline import Config, extract_from_doc, parse_many


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


def run_batch(
    paths: Sequence[Path],
    out_dir: Path,
    *,
    model: str | None = None,
    parties: tuple[str, ...] | None = None,
    lexicons: str | None = None,
    score: bool = True,
    quiet: bool = False,
) -> int:
    """Extract every article into ``out_dir``; bad files are reported and skipped."""
    console = Console(stderr=False, quiet=quiet)
    err = Console(stderr=True)
    files = collect(paths)
    prepare_out_dir(out_dir)
    config = Config(parties=parties, lexicons=load_lexicons(lexicons))
    sources: list[Source] = []
    failures: list[tuple[Path, ExtractError]] = []
    for path in files:
        try:
            sources.append(read_source(path))
        except ExtractError as e:
            failures.append((path, e))
            print(f"{errors_prefix()}{e}", file=sys.stderr)
    if sources:
        nlp = load_pipeline(model)
        written: list[tuple[Source, Path, Document]] = []
        with Progress(
            TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=err, disable=quiet or not sys.stderr.isatty(), transient=True,
        ) as progress:
            task = progress.add_task("extracting", total=len(sources))
            for source, doc in zip(sources, parse_many(nlp, (s.text for s in sources)), strict=True):
                progress.advance(task)
                document = extract_from_doc(source, doc, config)
                problem = emptiness(document)
                if problem:
                    failures.append((source.path or Path(source.id), InputError(f"{source.path}: {problem}")))
                    print(f"{errors_prefix()}{source.path}: {problem}", file=sys.stderr)
                    continue
                if not document.meetings:
                    print(f"extract: warning: {source.path}: no meetings found (quotes written)", file=sys.stderr)
                target = out_dir / f"{source.id}.json"
                write_atomic(target, document.model_dump_json(indent=2) + "\n")
                written.append((source, target, document))
        for _, target, document in written:
            console.print(f"wrote {target}  ({len(document.meetings)} meetings, {len(document.quotes)} quotes)", highlight=False)
        pairs = [(target, gold) for (source, target, _) in written if source.path and (gold := gold_beside(source.path))]
        if score and pairs:
            from .scoring import print_corpus_scorecard

            print_corpus_scorecard(pairs, console=console)
    if not failures:
        return errors.OK
    if len(failures) < len(files):
        print(f"{errors_prefix()}{len(failures)} of {len(files)} files failed; the others were written", file=sys.stderr)
        return errors.PARTIAL
    return failures[0][1].exit_code


def prepare_out_dir(out_dir: Path) -> None:
    """Fail before any work when the outputs could not be written anyway."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OutputError(f"{out_dir}: cannot write there ({e.strerror})") from None
    if not os.access(out_dir, os.W_OK):
        raise OutputError(f"{out_dir}: cannot write there (permission denied)")


def emptiness(document: Document) -> str | None:
    """Why a document is not worth writing: a text with neither meetings nor quotes is not an
    article about meetings between leaders, and an empty output would hide that."""
    if document.meetings or document.quotes:
        return None
    return "no meetings and no quotes found; is this an article about meetings between leaders?"


def errors_prefix() -> str:
    return "extract: error: "
