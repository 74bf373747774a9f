"""How the Dask engine scales with local workers: ``extract run --engine dask --workers N``.

    .venv/bin/python bench/dask_scaling.py [--reps 3] [--mb 1.0] [--workers 1 2]

Builds a corpus of at least --mb MB in a temporary folder by copying corpus/*.txt under other
names, then times the whole command (start the LocalCluster, load the model in each worker,
extract, write, shut down) with ``--no-score -q``, for each N, --reps times, alternating the order
of N between repetitions so that drift in the machine's load does not favour one N. Also times a
single small article per N: the fixed cost (cluster start, model load) that any run pays.
Prints every run and the medians; the load average is printed too, since other processes on a
shared machine slow some runs down.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def build_corpus(folder: Path, min_bytes: int) -> tuple[int, int]:
    """Copies of corpus/*.txt as ``<id>-<k>.txt`` until there are ``min_bytes``; (files, bytes)."""
    articles = sorted(CORPUS.glob("*.txt"))
    total = count = 0
    k = 0
    while total < min_bytes:
        for article in articles:
            shutil.copy(article, folder / f"{article.stem}-{k:03d}.txt")
            total += article.stat().st_size
            count += 1
        k += 1
    return count, total


def run(inputs: Path, out: Path, workers: int) -> tuple[float, int]:
    shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, "-m", "extract", "run", str(inputs), "-o", str(out),
           "--engine", "dask", "--workers", str(workers), "--no-score", "-q"]
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    # 3 or 6 are fine here: documents the extractors find nothing in are refused, not written.
    if proc.returncode not in (0, 3, 6):
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.strip()[-500:]}")
    return elapsed, proc.returncode


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = ap.parse_args()

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}")
    with tempfile.TemporaryDirectory(prefix="dask-scaling-") as tmp:
        big, small = Path(tmp, "big"), Path(tmp, "small")
        big.mkdir()
        small.mkdir()
        files, size = build_corpus(big, int(args.mb * 1_000_000))
        seed = min(CORPUS.glob("*.txt"), key=lambda p: p.stat().st_size)
        shutil.copy(seed, small / seed.name)
        print(f"corpus: {files} files, {size / 1e6:.2f} MB; fixed cost measured on {seed.name} ({seed.stat().st_size} bytes)")
        times: dict[tuple[str, int], list[float]] = {}
        for rep in range(args.reps):
            order = args.workers if rep % 2 == 0 else list(reversed(args.workers))
            for n in order:
                for name, folder in (("small", small), ("big", big)):
                    load = os.getloadavg()[0]
                    elapsed, code = run(folder, Path(tmp, "out"), n)
                    times.setdefault((name, n), []).append(elapsed)
                    print(f"rep {rep + 1}  workers {n}  {name:5}  {elapsed:6.1f} s  (exit {code}, load average before {load:.1f})", flush=True)
        print()
        print("workers  fixed cost (1 file)  1 MB+ corpus (median, min-max)   speed-up   MB/s after fixed cost")
        base = statistics.median(times[("big", args.workers[0])])
        for n in args.workers:
            fixed = statistics.median(times[("small", n)])
            t = times[("big", n)]
            med = statistics.median(t)
            rate = size / 1e6 / (med - fixed) if med > fixed else float("nan")
            print(f"{n:7}  {fixed:15.1f} s  {med:9.1f} s ({min(t):.1f}-{max(t):.1f})  {base / med:13.2f}x  {rate:10.3f}")


if __name__ == "__main__":
    main()
