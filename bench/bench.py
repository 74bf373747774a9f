"""Benchmark: the extraction against bare spaCy, measured in the same run on the same machine.

    make bench            # or: .venv/bin/python bench/bench.py [--reps 3] [--mb 1.0]

Prints a table and writes bench/results.json. Each measurement runs in a fresh subprocess, so
peak memory (max RSS) belongs to that measurement alone. Figures are medians over --reps runs.

- throughput: characters per second of the installed pipeline's default ``nlp.pipe`` over a
  corpus of at least --mb MB built from corpus/*.txt, and of the full extraction over the same
  texts (parse + meetings + quotes + validation, no file I/O);
- cold start: ``extract run corpus/<seed>.txt`` against ``python -c`` that imports spaCy, loads
  the model and parses the same text;
- workers: ``extract run DIR --workers 2`` against ``--workers 1`` on the corpus written as files.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEED = CORPUS / "putin-netanyahu.txt"
PY = sys.executable
EXTRACT = str(Path(PY).with_name("extract"))


def corpus_texts(min_chars: int) -> list[str]:
    """Corpus articles repeated in turn until their total reaches ``min_chars``."""
    articles = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    texts, total = [], 0
    while total < min_chars:
        for text in articles:
            texts.append(text)
            total += len(text)
    return texts


# --- measurements, each run in its own subprocess -------------------------------------------

def measure_spacy(min_chars: int, model: str | None) -> dict:
    from extract.text.nlp import default_model_name

    import spacy

    nlp = spacy.load(model or default_model_name())
    texts = corpus_texts(min_chars)
    start = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "chars": sum(map(len, texts))}


def measure_extract(min_chars: int, model: str | None) -> dict:
    from extract.text.article import Source
    from extract.text.nlp import load_pipeline
    from extract.pipeline import Config, extract_from_doc
    from extract.text.parse import parse_many

    nlp = load_pipeline(model)
    config = Config()
    texts = corpus_texts(min_chars)
    sources = [Source(id=f"a{i}", text=t) for i, t in enumerate(texts)]
    start = time.perf_counter()
    for source, doc in zip(sources, parse_many(nlp, texts), strict=True):
        extract_from_doc(source, doc, config)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "chars": sum(map(len, texts))}


def _child(kind: str, min_chars: int, model: str | None) -> dict:
    """Run one measurement in a fresh interpreter and read its time and peak memory."""
    code = (
        "import json, resource, sys; sys.path.insert(0, %r); import bench; "
        "r = bench.measure_%s(%d, %r); "
        "r['max_rss_mb'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024; print(json.dumps(r))"
    ) % (str(Path(__file__).parent), kind, min_chars, model)
    out = subprocess.run([PY, "-c", code], check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def _timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reps", type=int, default=3, help="repetitions per measurement (median reported)")
    parser.add_argument("--mb", type=float, default=1.0, help="corpus size in MB of text")
    parser.add_argument("--model", help="spaCy pipeline (default: the package's default)")
    parser.add_argument("--out", default=str(Path(__file__).with_name("results.json")))
    args = parser.parse_args()
    min_chars = int(args.mb * 1_000_000)

    rows: dict[str, dict] = {}
    for kind in ("spacy", "extract"):
        runs = [_child(kind, min_chars, args.model) for _ in range(args.reps)]
        seconds = statistics.median(r["seconds"] for r in runs)
        rows[kind] = {
            "chars": runs[0]["chars"],
            "seconds": seconds,
            "chars_per_second": runs[0]["chars"] / seconds,
            "max_rss_mb": max(r["max_rss_mb"] for r in runs),
        }
    throughput_ratio = rows["extract"]["chars_per_second"] / rows["spacy"]["chars_per_second"]

    model_arg = repr(args.model) if args.model else "extract.text.nlp.default_model_name()"
    bare = [PY, "-c", f"import spacy, extract.text.nlp; nlp = spacy.load({model_arg}); nlp(open({str(SEED)!r}, encoding='utf-8').read())"]
    with tempfile.TemporaryDirectory() as tmp:
        run_one = [EXTRACT, "run", str(SEED), "-o", tmp, "--no-score", "-q"]
        bare_s = statistics.median(_timed(bare) for _ in range(args.reps + 2))
        cold_s = statistics.median(_timed(run_one) for _ in range(args.reps + 2))

        corpus_dir = Path(tmp) / "corpus"
        corpus_dir.mkdir()
        for i, text in enumerate(corpus_texts(min_chars)):
            (corpus_dir / f"article-{i:04d}.txt").write_text(text, encoding="utf-8")
        out_dir = Path(tmp) / "out"
        w1 = statistics.median(_timed([EXTRACT, "run", str(corpus_dir), "-o", str(out_dir), "--no-score", "-q", "--workers", "1"]) for _ in range(args.reps))
        w2 = statistics.median(_timed([EXTRACT, "run", str(corpus_dir), "-o", str(out_dir), "--no-score", "-q", "--workers", "2"]) for _ in range(args.reps))

    results = {
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(), "processor": platform.processor() or platform.machine()},
        "reps": args.reps,
        "throughput": {**rows, "ratio_extract_to_spacy": throughput_ratio, "target": ">= 1.0"},
        "cold_start": {"bare_load_and_parse_s": bare_s, "extract_run_s": cold_s, "ratio": cold_s / bare_s, "target": "<= 1.3"},
        "workers": {"one_s": w1, "two_s": w2, "speedup": w1 / w2, "target": ">= 1.6"},
    }
    Path(args.out).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print_table(results)
    return 0


def print_table(r: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    t = Table(title=f"extract benchmark (median of {r['reps']}; {r['machine']['cpus']} CPUs, {r['machine']['processor']})")
    for col in ("measure", "spaCy / baseline", "extract", "ratio", "target"):
        t.add_column(col)
    tp = r["throughput"]
    t.add_row("throughput (chars/s)", f"{tp['spacy']['chars_per_second']:,.0f}", f"{tp['extract']['chars_per_second']:,.0f}", f"{tp['ratio_extract_to_spacy']:.2f}x", tp["target"])
    t.add_row("peak memory (MB)", f"{tp['spacy']['max_rss_mb']:.0f}", f"{tp['extract']['max_rss_mb']:.0f}", f"{tp['extract']['max_rss_mb'] / tp['spacy']['max_rss_mb']:.2f}x", "")
    cs = r["cold_start"]
    t.add_row("cold start, one article (s)", f"{cs['bare_load_and_parse_s']:.2f}", f"{cs['extract_run_s']:.2f}", f"{cs['ratio']:.2f}x", cs["target"])
    w = r["workers"]
    t.add_row("--workers 2 vs 1 (s)", f"{w['one_s']:.1f}", f"{w['two_s']:.1f}", f"{w['speedup']:.2f}x", w["target"])
    Console().print(t)


if __name__ == "__main__":
    sys.exit(main())
