"""``extract diff`` and the scorecard after ``extract run``: loading, pairing, printing with rich.

The numbers come from :mod:`extract.scoring`; this module reads the files, finds where each
mismatch is in the article text, draws the tables and checks ``--fail-under`` thresholds.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from rich import box
from rich.console import Console
from rich.table import Table

from .. import errors
from ..text.article import read_source
from ..errors import ExtractError, InputError
from ..models import Document
from ..output import write_atomic
from .metrics import PRF, Accuracy, ArticleScore, Counts, Mismatch, layout, metric_names, metrics, report_json, total
from .scoring import score

GOLD_SUFFIX = ".gold.json"
SNIPPET_CHARS = 60
VALUE_CHARS = 70
# The per-article table shows these under short headers so that it fits 80 columns; the full
# list is in the total's metric table.
ARTICLE_COLUMNS = (
    ("meetings.f1", "meet"),
    ("topics.f1", "topic"),
    ("quotes.direct.f1", "dir"),
    ("quotes.indirect.f1", "indir"),
    ("quotes.all.e2e_f1", "e2e"),
    ("quotes.all.speaker_accuracy", "spkr"),
    ("quotes.all.meeting_accuracy", "mtg"),
)


@dataclass(frozen=True)
class Scored:
    """One scored article with the files it came from and its text, when that could be read."""

    pred_path: Path
    gold_path: Path
    result: ArticleScore
    text_path: Path | None
    text: str | None


# --- loading --------------------------------------------------------------------------------

def load_document(path: Path) -> Document:
    """A prediction or gold file as a Document; any problem is a one-line InputError naming the field."""
    if not path.is_file():
        raise InputError(f"{path}: {'is a directory, not a JSON file' if path.is_dir() else 'no such file'}")
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror})") from None
    except UnicodeDecodeError as e:
        raise InputError(f"{path}: not UTF-8 (byte 0x{e.object[e.start]:02x} at offset {e.start})") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as e:
        raise InputError(f"{path}: not valid JSON: {e.msg} at line {e.lineno}, column {e.colno}") from None
    try:
        return Document.model_validate(data)
    except ValidationError as e:
        raise InputError(f"{path}: {validation_message(e)}") from None


def validation_message(error: ValidationError) -> str:
    """The first problem as ``meetings[0].start_date: <why> (got <value>)``, counting the rest."""
    problems = error.errors(include_url=False)
    first = problems[0]
    message = f"{field_path(first['loc'])}: {first['msg']}"
    value = first.get("input")
    if isinstance(value, str | int | float | bool) or value is None:
        message += f" (got {_clip(json.dumps(value, ensure_ascii=False), 40)})"
    if len(problems) > 1:
        message += f"; and {len(problems) - 1} more problem{'s' if len(problems) > 2 else ''}"
    return message


def field_path(loc: Sequence[int | str]) -> str:
    """pydantic's ``("meetings", 0, "start_date")`` as ``meetings[0].start_date``."""
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else f".{part}" if path else str(part)
    return path or "document"


def article_text(gold_path: Path, gold: Document, warn: Console) -> tuple[Path | None, str | None]:
    """``<id>.txt`` beside the gold file, if it is there and is the text the gold describes."""
    name = gold_path.name
    article_id = name[: -len(GOLD_SUFFIX)] if name.endswith(GOLD_SUFFIX) else gold.article.id
    path = gold_path.with_name(f"{article_id}.txt")
    if not path.is_file():
        return None, None
    try:
        text = read_source(path).text
    except ExtractError as e:
        _warn(warn, f"{e}; showing offsets only")
        return None, None
    if gold.article.chars != len(text):
        # Offsets into another version of the text would point at the wrong words.
        _warn(warn, f"{path} has {len(text)} characters, {gold_path} describes {gold.article.chars}; showing offsets only")
        return None, None
    return path, text


def score_pair(pred_path: Path, gold_path: Path, warn: Console) -> Scored:
    pred, gold = load_document(pred_path), load_document(gold_path)
    if pred.article.sha256 != gold.article.sha256:
        _warn(warn, f"{pred_path} and {gold_path} describe different texts (sha256 differs); offsets may not line up")
    text_path, text = article_text(gold_path, gold, warn)
    return Scored(pred_path, gold_path, score(pred, gold), text_path, text)


def pair_directories(pred_dir: Path, gold_dir: Path, warn: Console) -> list[tuple[Path, Path]]:
    """``<id>.json`` in ``pred_dir`` with ``<id>.gold.json`` in ``gold_dir``; the unpaired are warned about.

    A ``pred_dir`` whose ``<id>.json`` pair with none of the gold (none at all, or only a manifest)
    is a second annotator's pass: its ``<id>.gold.json`` are the predictions, so two annotators'
    folders can be compared for agreement."""
    golds = {g.name[: -len(GOLD_SUFFIX)]: g for g in gold_dir.glob(f"*{GOLD_SUFFIX}")}
    preds = {p.name[: -len(".json")]: p for p in pred_dir.glob("*.json") if not p.name.endswith(GOLD_SUFFIX)}
    second = {p.name[: -len(GOLD_SUFFIX)]: p for p in pred_dir.glob(f"*{GOLD_SUFFIX}")}
    if not preds.keys() & golds.keys() and second.keys() & golds.keys():
        preds = second
    for article_id in sorted(preds.keys() - golds.keys()):
        _warn(warn, f"{preds[article_id]}: no {article_id}{GOLD_SUFFIX} in {gold_dir}; not scored")
    for article_id in sorted(golds.keys() - preds.keys()):
        _warn(warn, f"{golds[article_id]}: no {article_id}.json in {pred_dir}; not scored")
    pairs = [(preds[i], golds[i]) for i in sorted(preds.keys() & golds.keys())]
    if not pairs:
        raise InputError(f"no <id>.json in {pred_dir} has an <id>{GOLD_SUFFIX} in {gold_dir}")
    return pairs


def _pairs(pred: Path, gold: Path, warn: Console) -> list[tuple[Path, Path]]:
    for path in (pred, gold):
        if not path.exists():
            raise InputError(f"{path}: no such file or directory")
    if pred.is_dir() and gold.is_dir():
        return pair_directories(pred, gold, warn)
    if pred.is_dir() or gold.is_dir():
        raise InputError(f"give two files or two directories, not {'a directory' if pred.is_dir() else 'a file'} "
                         f"and {'a directory' if gold.is_dir() else 'a file'}")
    return [(pred, gold)]


# --- thresholds -----------------------------------------------------------------------------

def check_metric_names(names: Sequence[str]) -> None:
    valid = metric_names()
    for name in names:
        if name not in valid:
            close = difflib.get_close_matches(name, valid, n=1)
            hint = f"did you mean {close[0]}? " if close else ""
            raise InputError(f"--fail-under: unknown metric {name!r}; {hint}valid names: {', '.join(valid)}")


def failed_thresholds(values: dict[str, float | None], fail_under: dict[str, float]) -> list[str]:
    """A message for each metric below its threshold; a metric with no value is not checked."""
    return [
        f"{name} is {values[name]:.3f}, below {limit:g}"
        for name, limit in fail_under.items()
        if values[name] is not None and values[name] < limit  # type: ignore[operator]
    ]


# --- presentation ---------------------------------------------------------------------------

def _warn(console: Console, message: str) -> None:
    console.print(f"extract: warning: {message}", markup=False, highlight=False, soft_wrap=True)


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _evidence(tally: PRF | Accuracy, stat: str) -> str:
    """The counts a metric was computed from, so every number can be checked by hand."""
    if isinstance(tally, Accuracy):
        return f"{tally.correct}/{tally.total}"
    if stat == "precision":
        return f"{tally.tp}/{tally.tp + tally.fp}"
    if stat == "recall":
        return f"{tally.tp}/{tally.tp + tally.fn}"
    return f"tp {tally.tp} fp {tally.fp} fn {tally.fn}"


def _section(group: str) -> str:
    if group.startswith("fields."):
        return "fields"
    return ".".join(group.split(".")[:2])


def metric_table(counts: Counts, title: str) -> Table:
    """Every metric by its name, with its value and the counts behind it."""
    values = metrics(counts)
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column("metric", no_wrap=True)
    table.add_column("value", justify="right")
    table.add_column("from", justify="right")
    rows = layout()
    for (group, name, stat), following in zip(rows, [*rows[1:], None], strict=True):
        # A rule between meetings, fields, topics and each kind of quote.
        ends = following is None or _section(following[0]) != _section(group)
        table.add_row(name, _fmt(values[name]), _evidence(counts.groups[group], stat), end_section=ends)
    return table


def article_table(scored: Sequence[Scored], title: str) -> Table:
    """One row per article and a micro-averaged total (from the summed counts)."""
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, caption_justify="left",
                  caption="; ".join(f"{header} = {name}" for name, header in ARTICLE_COLUMNS))
    table.add_column("article", no_wrap=True)
    for _, header in ARTICLE_COLUMNS:
        table.add_column(header, justify="right", no_wrap=True)
    for s in scored:
        values = s.result.metrics()
        table.add_row(s.result.article, *(_fmt(values[name]) for name, _ in ARTICLE_COLUMNS))
    summed = metrics(total(s.result for s in scored))
    table.add_section()
    table.add_row("total (micro)", *(_fmt(summed[name]) for name, _ in ARTICLE_COLUMNS), style="bold")
    return table


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset``, counted in characters like the offsets themselves."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def snippet(text: str, offset: int) -> str:
    return _clip(" ".join(text[offset: offset + SNIPPET_CHARS * 2].split()), SNIPPET_CHARS)


def _show(value: Any) -> str:
    if isinstance(value, str):
        return json.dumps(_clip(value, VALUE_CHARS), ensure_ascii=False)
    return _clip(json.dumps(value, ensure_ascii=False), VALUE_CHARS)


def _item(m: Mismatch) -> str:
    return f"{m.gold_id}↔{m.pred_id}" if m.kind == "wrong" else m.item


def where(s: Scored, offset: int) -> str:
    if s.text is None:
        return f"{s.result.article} offset {offset}"
    line, column = line_column(s.text, offset)
    return f"{s.text_path}:{line}:{column}"


def print_mismatches(s: Scored, console: Console) -> None:
    mismatches = s.result.mismatches
    console.print(f"\n{s.result.article}: {len(mismatches)} mismatch{'es' if len(mismatches) != 1 else ''} "
                  f"(item: gold↔predicted id)", markup=False, highlight=False, soft_wrap=True)
    if s.text is None and mismatches:
        console.print(f"  (no {s.result.article}.txt beside {s.gold_path}: offsets only)", markup=False, highlight=False, soft_wrap=True)
    for m in mismatches:
        note = f"  ({m.note})" if m.note else ""
        console.print(
            f"{where(s, m.offset)}: {m.kind} {_item(m)} {m.field}: gold {_show(m.gold)} · predicted {_show(m.predicted)}{note}",
            markup=False, highlight=False, soft_wrap=True,
        )
        if s.text is not None:
            console.print(f"    | {snippet(s.text, m.offset)}", markup=False, highlight=False, soft_wrap=True)


def _located(s: Scored) -> dict[str, Any]:
    """The article's report with paths and, where the text is known, line and column per mismatch."""
    data = s.result.to_json()
    data["pred"], data["gold"] = str(s.pred_path), str(s.gold_path)
    if s.text is not None:
        for m in data["mismatches"]:
            m["line"], m["column"] = line_column(s.text, m["offset"])
    return data


def full_report(scored: Sequence[Scored]) -> dict[str, Any]:
    report = report_json([s.result for s in scored])
    report["articles"] = [_located(s) for s in scored]
    return report


# --- commands -------------------------------------------------------------------------------

def diff_command(
    pred: Path, gold: Path, *, json_out: str | None, fail_under: dict[str, float], show_mismatches: bool
) -> int:
    """Score PRED against GOLD (two files, or two directories), print it, check the thresholds."""
    out, err = Console(), Console(stderr=True)
    check_metric_names(list(fail_under))
    scored = [score_pair(p, g, err) for p, g in _pairs(pred, gold, err)]
    summed = total(s.result for s in scored)
    if pred.is_dir():
        out.print(article_table(scored, f"{len(scored)} article{'s' if len(scored) != 1 else ''}: {pred} vs {gold}"))
        title = "total, micro-averaged over articles"
    else:
        title = f"{scored[0].result.article}: {pred} vs {gold}"
    out.print(metric_table(summed, title))
    if show_mismatches:
        for s in scored:
            print_mismatches(s, out)
    if json_out:
        write_atomic(json_out, json.dumps(full_report(scored), indent=2, ensure_ascii=False) + "\n")
    return _check(metrics(summed), fail_under, out, err)


def _check(values: dict[str, float | None], fail_under: dict[str, float], out: Console, err: Console) -> int:
    for name, limit in fail_under.items():
        if values[name] is None:
            out.print(f"--fail-under {name}: skipped, no pairs to compare", markup=False, highlight=False)
    failures = failed_thresholds(values, fail_under)
    for message in failures:
        err.print(f"extract: check failed: {message}", markup=False, highlight=False, soft_wrap=True)
    if fail_under and not failures:
        out.print(f"--fail-under: all {len(fail_under)} met", markup=False, highlight=False)
    return errors.FAILED if failures else errors.OK


def print_corpus_scorecard(pairs: list[tuple[Path, Path]], *, console: Console) -> None:
    """After ``extract run``: a row per (prediction, gold) pair and the micro-averaged total.

    A gold file that cannot be used is warned about and left out: the predictions are
    already written, and one bad gold file should not hide the others' scores.
    """
    err = Console(stderr=True)
    scored = []
    for pred_path, gold_path in pairs:
        try:
            scored.append(score_pair(pred_path, gold_path, err))
        except InputError as e:
            _warn(err, f"not scored: {e}")
    if scored:
        console.print(article_table(scored, "scorecard against gold (extract diff for the mismatches)"))


def gold_beside(path: Path) -> Path | None:
    """The ``<id>.gold.json`` beside an article ``<id>.txt``, when there is one."""
    gold = path.with_name(f"{path.name.removesuffix('.txt')}.gold.json")
    return gold if gold.exists() else None
