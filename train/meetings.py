"""Train the meeting gate (``extract.meetings.gate``) and compare it with the rules alone.

    python train/meetings.py data     # paragraphs of every annotated article -> train/data/paragraphs.jsonl
    python train/meetings.py train    # train on all of them -> src/extract/data/meeting_gate/
    python train/meetings.py cv       # leave-writer-out folds: rules alone vs rules + gate

Every annotated set is used. A paragraph's label is START when a gold meeting's section starts in
it. The features are what the segmenter's rules find in it (``gate.features``), computed by the
same code the extraction runs. Folds leave out one writer's articles at a time: the team's own
(``corpus/`` and ``eval/dev/``), the writer of ``eval/final/``, of ``eval/final2/``, and each writer
of ``eval/forms/`` and ``eval/final3/`` to ``eval/final19/``. The rules were tuned on
every set once its first score was taken; ``eval/README.md`` says which rules came from which.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import shutil
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from extract.evaluate.metrics import metrics, total
from extract.evaluate.scoring import score
from extract.meetings.gate import LABEL, MeetingGate, Thresholds, model_input
from extract.meetings.records import extract_meetings
from extract.models import Document
from extract.pipeline import Config, extract_from_doc
from extract.lexicons import load_lexicons
from extract.people.parties import principals
from extract.text.article import read_source
from extract.text.nlp import load_pipeline
from extract.text.parse import parse_many

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "train"
DATA = HERE / "data" / "paragraphs.jsonl"
CONFIG = HERE / "config.cfg"
MODEL = ROOT / "src" / "extract" / "data" / "meeting_gate"
# A set's writer, or None when its articles.json names each article's writer.
SETS = {"corpus": "team", "eval/dev": "team", "eval/final": "final", "eval/final2": "final2",
        "eval/forms": None, "eval/final3": None, "eval/final4": None, "eval/final5": None, "eval/final6": None,
        "eval/final7": None, "eval/final8": None, "eval/final9": None, "eval/final10": None,
        "eval/final11": None, "eval/final12": None, "eval/final13": None, "eval/final14": None,
        "eval/final15": None, "eval/final16": None, "eval/final17": None, "eval/final18": None,
        "eval/final19": None}
# Sets whose articles.json reuses another set's writer names ("p1"): their own prefix, one fold a writer.
PREFIX = {"eval/final11": "q", "eval/final12": "r", "eval/final13": "s", "eval/final14": "x", "eval/final15": "y",
          "eval/final16": "a", "eval/final17": "b", "eval/final18": "c", "eval/final19": "d"}


def articles() -> list[tuple[str, Path]]:
    """(writer, text path) of every annotated article used for training and folds."""
    out = []
    for folder, writer in SETS.items():
        forms = {}
        if writer is None:
            forms = {m["id"]: m["writer"] for m in json.loads((ROOT / folder / "articles.json").read_text())}
        for path in sorted((ROOT / folder).glob("*.txt")):
            if (path.with_name(f"{path.stem}.gold.json")).exists():
                name = writer or forms[path.stem]
                out.append((PREFIX[folder] + name.lstrip("p") if folder in PREFIX else name, path))
    return out


def _gold(path: Path) -> Document:
    return Document.model_validate_json(path.with_name(f"{path.stem}.gold.json").read_text(encoding="utf-8"))


def paragraphs(doc, gold: Document, lex) -> list[dict]:
    """The paragraphs the segmenter sees, with their feature words and gold label."""
    starts = [m.section.start for m in gold.meetings]
    rows: list[dict] = []

    def observe(para, words):
        label = any(para.start <= s < para.end for s in starts)
        rows.append({"start": para.start, "end": para.end, "words": words, "text": para.text, "label": label})

    extract_meetings(doc, parties=principals(doc, lex), lex=lex, observe=observe)
    return rows


def cmd_data() -> None:
    nlp, lex = load_pipeline(), load_lexicons()
    found = articles()
    sources = [read_source(p) for _, p in found]
    DATA.parent.mkdir(parents=True, exist_ok=True)
    n = pos = 0
    with DATA.open("w", encoding="utf-8") as out:
        for (writer, path), source, doc in zip(found, sources, parse_many(nlp, [s.text for s in sources]), strict=True):
            for row in paragraphs(doc, _gold(path), lex):
                out.write(json.dumps({"writer": writer, "article": path.stem, **row}, ensure_ascii=False) + "\n")
                n += 1
                pos += row["label"]
    print(f"{DATA.relative_to(ROOT)}: {n} paragraphs ({pos} start a meeting) from {len(found)} articles")


def _rows() -> list[dict]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]


def _docbin(rows: list[dict], path: Path) -> None:
    blank = spacy.blank("en")
    db = DocBin()
    for r in rows:
        doc = blank.make_doc(model_input(r["words"], r["text"]))
        doc.cats = {LABEL: float(r["label"]), "OTHER": float(not r["label"])}
        db.add(doc)
    db.to_disk(path)


def fit(rows: list[dict], out: Path, seed: int = 0) -> Path:
    """Train on ``rows`` with ``config.cfg`` (a fifth of the articles held for spaCy's dev score)."""
    from spacy.cli.train import train

    names = sorted({r["article"] for r in rows})
    random.Random(seed).shuffle(names)
    dev_names = set(names[: max(1, len(names) // 5)])
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        _docbin([r for r in rows if r["article"] not in dev_names], tmp / "train.spacy")
        _docbin([r for r in rows if r["article"] in dev_names], tmp / "dev.spacy")
        with contextlib.redirect_stdout(sys.stderr):  # spaCy's progress table; the results go to stdout
            train(CONFIG, out, overrides={"paths.train": str(tmp / "train.spacy"), "paths.dev": str(tmp / "dev.spacy"),
                                           "system.seed": seed})
    return out / "model-last"


def cmd_train() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        best = fit(_rows(), Path(tmp))
        if MODEL.exists():
            shutil.rmtree(MODEL)
        shutil.copytree(best, MODEL)
    print(f"wrote {MODEL.relative_to(ROOT)}")


def cmd_cv(thresholds: Thresholds) -> None:
    rows = _rows()
    nlp = load_pipeline()
    found = articles()
    by_writer: dict[str, list[Path]] = defaultdict(list)
    for writer, path in found:
        by_writer[writer].append(path)
    sources = {p: read_source(p) for _, p in found}
    docs = dict(zip([p for _, p in found], parse_many(nlp, [sources[p].text for _, p in found]), strict=True))
    table = []
    totals: dict[str, list] = {"rules": [], "gate": []}
    for writer in sorted(by_writer):
        with tempfile.TemporaryDirectory() as tmp:
            model = fit([r for r in rows if r["writer"] != writer], Path(tmp))
            gate = MeetingGate.load(model, thresholds)
            scores: dict[str, list] = {"rules": [], "gate": []}
            for path in by_writer[writer]:
                gold = _gold(path)
                for name, config in (("rules", Config()), ("gate", Config(meeting_gate=gate))):
                    scores[name].append(score(extract_from_doc(sources[path], docs[path], config), gold))
        row = [writer, len(by_writer[writer])]
        for name in ("rules", "gate"):
            m = metrics(total(scores[name]))
            row += [m["meetings.f1"], m["fields.start_date.accuracy"], m["fields.city.accuracy"]]
            totals[name] += scores[name]
        table.append(row)
        print(_line(row), flush=True)
    for label, keep in (("all folds", None), ("forms/ folds", "w"), ("final4/ folds", "g"), ("final5/ folds", "h"),
                        ("final6/ folds", "i"), ("final7/ folds", "j"),
                        ("final8/ folds", "k"), ("final9/ folds", "m"), ("final10/ folds", "n"),
                        ("final11/ folds", "q"), ("final12/ folds", "r"), ("final13/ folds", "s"),
                        ("final14/ folds", "x"), ("final15/ folds", "y"), ("final16/ folds", "a"),
                        ("final17/ folds", "b"), ("final18/ folds", "c"), ("final19/ folds", "d")):
        picked = {name: [s for (w, p), s in zip(_order(by_writer), totals[name]) if keep is None or w.startswith(keep)]
                  for name in totals}
        row = [label, sum(1 for w, _ in _order(by_writer) if keep is None or w.startswith(keep))]
        for name in ("rules", "gate"):
            m = metrics(total(picked[name]))
            row += [m["meetings.f1"], m["fields.start_date.accuracy"], m["fields.city.accuracy"]]
        print(_line(row))


def _order(by_writer: dict[str, list[Path]]) -> list[tuple[str, Path]]:
    return [(w, p) for w in sorted(by_writer) for p in by_writer[w]]


def _line(row: list) -> str:
    cells = [f"{v:.2f}" if isinstance(v, float) else ("–" if v is None else str(v)) for v in row]
    return "| " + " | ".join(cells) + " |"


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["data", "train", "cv"])
    parser.add_argument("--drop", type=float, default=Thresholds.drop, help="cv: drop a rule proposal below this probability")
    parser.add_argument("--add", type=float, default=Thresholds.add, help="cv: add a meeting at or above this probability")
    args = parser.parse_args()
    if args.command == "cv":
        print(f"| writer left out | articles | rules: meetings F1 | start date | city | gate (drop < {args.drop}, add >= {args.add}): meetings F1 | start date | city |")
        print("|---|---|---|---|---|---|---|---|")
        cmd_cv(Thresholds(args.drop, args.add))
    else:
        {"data": cmd_data, "train": cmd_train}[args.command]()
