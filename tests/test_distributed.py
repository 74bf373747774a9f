"""The Dask engine: same bytes as the local engine, failures per file, the pipeline once per worker.

Outputs change while the extractors are being written, so the engines are compared with each other
within the run, never with stored files.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import astuple, replace
from pathlib import Path

import pytest

from extract import errors
from extract.run.batch import run_local
from extract.run.jobs import FileResult, Job, process_files
from extract.errors import ExtractError

from .conftest import CORPUS, ROOT

distributed = pytest.importorskip("distributed")  # a safety net: `make test` installs the dask extra

from extract.run.distributed import _run_on, local_cluster, run_dask, worker_stats  # noqa: E402


@pytest.fixture(scope="module")
def cluster():
    """A LocalCluster of two worker processes with one thread each, shared by the tests of this module."""
    with local_cluster(2) as c:
        yield c


@pytest.fixture()
def client(cluster):
    with distributed.Client(cluster, set_as_default=False) as c:
        yield c


def corpus_files() -> list[Path]:
    files = sorted(CORPUS.glob("*.txt"))
    assert files, "corpus/*.txt is empty"
    return files


def smallest(n: int) -> list[Path]:
    """The ``n`` shortest corpus articles: enough to test with, quick to parse."""
    return sorted(sorted(corpus_files(), key=lambda p: p.stat().st_size)[:n])


def summary(results: list[FileResult]) -> list[tuple]:
    """Everything in the results but the output directory, which differs between the two runs."""
    return sorted(astuple(replace(r, output=r.output and Path(r.output).name)) for r in results)


def tree(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())} if folder.exists() else {}


class Counter:
    def __init__(self) -> None:
        self.n = 0

    def __call__(self, n: int) -> None:
        self.n += n


def test_same_bytes_as_the_local_engine(cluster, tmp_path, monkeypatch):
    # Relative names, as the CLI passes them: shipped to the workers as absolute ones, reported back as given.
    monkeypatch.chdir(ROOT)
    files = [Path(os.path.relpath(f, ROOT)) for f in corpus_files()]
    advanced = Counter()
    dask_results = run_dask(files, Job(out_dir=str(tmp_path / "dask")), scheduler=cluster.scheduler_address, advance=advanced)
    local_results = run_local(files, Job(out_dir=str(tmp_path / "local")), 1, lambda n: None)

    assert [r.path for r in dask_results] == [str(f) for f in files]  # one result per file, in input order
    assert advanced.n == len(files)
    assert summary(dask_results) == summary(local_results)
    for r in dask_results:
        if r.output:
            assert r.output == str(tmp_path / "dask" / Path(r.output).name)
    dask_out, local_out = tree(tmp_path / "dask"), tree(tmp_path / "local")
    assert dask_out.keys() == local_out.keys()
    for name in dask_out:
        assert dask_out[name] == local_out[name], f"{name} differs between the engines"


def test_a_bad_file_is_an_error_and_the_others_are_written(cluster, tmp_path):
    inbox = tmp_path / "in"
    inbox.mkdir()
    good = smallest(3)
    for f in good:
        shutil.copy(f, inbox / f.name)
    (inbox / "empty.txt").write_bytes(b"")
    files = sorted(inbox.glob("*.txt"))
    advanced = Counter()

    results = run_dask(files, Job(out_dir=str(tmp_path / "dask")), scheduler=cluster.scheduler_address, advance=advanced)

    assert advanced.n == len(files)
    by_name = {Path(r.path).name: r for r in results}
    assert sorted(by_name) == sorted(f.name for f in files)
    bad = by_name.pop("empty.txt")
    assert bad.error and "empty" in bad.error and bad.exit_code == errors.BAD_INPUT and bad.output is None
    # The others come out as the local engine makes them: written (or refused as empty documents
    # while the extractors find nothing yet) in the same bytes.
    local = process_files([str(inbox / name) for name in sorted(by_name)], Job(out_dir=str(tmp_path / "local")))
    assert summary(list(by_name.values())) == summary(local)
    assert tree(tmp_path / "dask") == tree(tmp_path / "local")


def test_a_task_that_raises_reports_only_the_files_that_fail(client, tmp_path):
    files = [str(f) for f in smallest(3)] + [str(tmp_path / "poison.txt")]

    def task(paths: list[str], job: Job) -> list[FileResult]:  # pickled by value onto the workers
        if any(p.endswith("poison.txt") for p in paths):
            raise RuntimeError("boom")
        return process_files(paths, job)

    advanced = Counter()
    results = _run_on(client, files, Job(out_dir=str(tmp_path / "dask")), advanced, task=task)

    assert sorted(r.path for r in results) == sorted(files)
    assert advanced.n == len(files)
    failed = [r for r in results if r.error and "boom" in r.error]
    assert [r.path for r in failed] == [files[-1]]
    assert failed[0].error == f"{files[-1]}: failed on a Dask worker (RuntimeError: boom)"
    assert failed[0].exit_code == errors.BAD_INPUT


def test_a_task_error_on_every_file_does_not_stop_the_run(cluster, tmp_path):
    files = smallest(3)
    results = run_dask(files, Job(out_dir=str(tmp_path / "o"), lexicons=str(tmp_path / "missing")), scheduler=cluster.scheduler_address)
    assert [r.path for r in results] == [str(f) for f in files]
    assert all(r.error and "lexicon directory not found" in r.error and r.output is None for r in results)


def test_the_pipeline_is_loaded_once_per_worker_not_per_task(tmp_path):
    # Fresh worker processes, so that every load is seen; spacy.load is counted in each of them by a
    # wrapper installed from here, independently of the engine's own count (worker_stats).
    def count_spacy_loads() -> None:  # defined in here: pickled by value onto the workers
        import spacy

        real = spacy.load

        def counting(*args, **kwargs):
            counting.calls += 1
            return real(*args, **kwargs)

        counting.calls = 0
        spacy.load = counting

    def spacy_loads() -> int:
        import spacy

        return spacy.load.calls

    # More files than workers, so that each worker runs several tasks (4 partitions per worker thread).
    inbox = tmp_path / "in"
    inbox.mkdir()
    for i in range(8):
        for f in smallest(1):
            shutil.copy(f, inbox / f"{f.stem}-{i}.txt")
    files = sorted(inbox.glob("*.txt"))
    with local_cluster(2) as cluster, distributed.Client(cluster, set_as_default=False) as client:
        client.run(count_spacy_loads)
        run_dask(files, Job(out_dir=str(tmp_path / "o")), scheduler=cluster.scheduler_address)
        loads = client.run(spacy_loads)
        stats = client.run(worker_stats)

    assert len(stats) == 2 and len({s["pid"] for s in stats.values()}) == 2  # two processes
    tasks = [s["tasks"] for s in stats.values()]
    assert sum(tasks) == min(len(files), 2 * 4) and max(tasks) >= 2, stats
    assert list(loads.values()) == [1, 1], loads
    assert all(s["pipeline_loads"] == 1 for s in stats.values()), stats


def test_without_dask_one_line_error_with_the_install_hint(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "distributed", None)  # `import distributed` now raises ImportError
    with pytest.raises(ExtractError) as e:
        run_dask(corpus_files(), Job(out_dir=str(tmp_path)))
    assert "\n" not in str(e.value) and "pip install 'extract[dask]'" in str(e.value)


def test_the_core_does_not_import_dask():
    code = (
        "import sys, extract, extract.run.batch, extract.run.cli, extract.run.distributed; "
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')); "
        "assert not loaded, loaded"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def _poison_extraction() -> None:
    """Installed on each worker: extraction raises for any article that mentions POISON."""
    import extract.run.jobs

    real = extract.run.jobs.extract_from_doc

    def poisoned(source, doc, config):
        if "POISON" in source.text:
            raise ZeroDivisionError("injected")
        return real(source, doc, config)

    poisoned.real = real
    extract.run.jobs.extract_from_doc = poisoned


def _cure_extraction() -> None:
    import extract.run.jobs

    extract.run.jobs.extract_from_doc = getattr(extract.run.jobs.extract_from_doc, "real", extract.run.jobs.extract_from_doc)


def test_an_article_that_raises_on_a_worker_is_one_error_the_rest_are_written(cluster, client, tmp_path):
    inbox = tmp_path / "in"
    inbox.mkdir()
    good = smallest(2)
    for f in good:
        shutil.copy(f, inbox / f.name)
    (inbox / "poison.txt").write_text(good[0].read_text(encoding="utf-8") + "\nPOISON\n", encoding="utf-8")
    files = sorted(inbox.glob("*.txt"))
    client.run(_poison_extraction)
    try:
        results = run_dask(files, Job(out_dir=str(tmp_path / "o")), scheduler=cluster.scheduler_address)
    finally:
        client.run(_cure_extraction)

    by_name = {Path(r.path).name: r for r in results}
    bad = by_name.pop("poison.txt")
    assert bad.exit_code == errors.INTERNAL and bad.output is None
    assert "extraction failed (ZeroDivisionError: injected)" in bad.error and "--debug" in bad.error
    assert "Traceback" in bad.traceback and "ZeroDivisionError" in bad.traceback
    assert all(r.error is None and r.output for r in by_name.values())
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == sorted(f"{f.stem}.json" for f in good)
