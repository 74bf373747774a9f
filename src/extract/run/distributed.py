"""Running the extraction on a Dask cluster, for corpora beyond one machine.

Install the extra first: ``pip install 'extract[dask]'``. The core never depends on Dask: the rest
of the package imports this module only when the dask engine is chosen (inside ``run_batch``), and
this module imports Dask only inside its functions, so importing it without Dask installed works
and :func:`run_dask` then says how to install it.

The work is the same as the local engine's: :func:`extract.run.jobs.process_files` runs on each worker
over a list of files and writes ``<out_dir>/<id>.json`` exactly as it does in-process. Dask only
decides where each list runs.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from .. import errors
from .jobs import FileResult, Job, partition, process_files
from ..errors import ExtractError
from ..text.nlp import load_pipeline

INSTALL_HINT = "pip install 'extract[dask]'"

# Partitions per worker thread: enough that a worker finishing early takes another one instead of
# idling while the last big partition runs elsewhere, few enough that per-task overhead stays small.
PARTS_PER_THREAD = 4

# How long to wait for an existing cluster to have at least one worker.
WORKER_WAIT_SECONDS = 60

# Counted in each worker process (module state lives per process): how many tasks it ran.
_tasks_run = 0


def run_dask(
    files: Sequence[str | Path],
    job: Job,
    *,
    scheduler: str | None = None,
    workers: int = 1,
    advance: Callable[[int], None] = lambda n: None,
) -> list[FileResult]:
    """Extract every file in ``files`` on a Dask cluster; one :class:`FileResult` per file, in input order.

    ``scheduler``: the address of a running scheduler (``tcp://host:8786``) to connect to. Without
    it a ``LocalCluster`` of ``workers`` processes with one thread each is started on this machine
    and closed afterwards. Every worker needs the package and the spaCy model installed, and must
    see the input files and ``job.out_dir`` at the same absolute paths (a shared filesystem):
    relative paths are made absolute here before they are shipped, and mapped back in the results.

    Work: the files are split with :func:`extract.run.jobs.partition` into about equal-sized lists,
    ``PARTS_PER_THREAD`` per worker thread, and each list is one task running
    :func:`extract.run.jobs.process_files` — the local engine's unit of work, so the outputs are the
    same bytes. ``advance(n)`` is called as tasks complete, with the number of files they finished.

    The spaCy pipeline is loaded once per worker process, not per task: ``load_pipeline`` is an
    ``lru_cache`` and a worker process keeps its imported modules, so every task after the first
    one in a process reuses the loaded pipeline. Before any task is submitted, the pipeline is
    loaded on every worker (``Client.run``), which also makes a missing model one clear error
    before any work, and keeps two threads of a multi-threaded worker from both loading it on their
    first task. Workers joining later load it in their first task. :func:`worker_stats` reports
    per process how many tasks ran and how many pipeline loads happened (``client.run(worker_stats)``);
    ``tests/test_distributed.py`` checks it, and independently counts ``spacy.load`` calls in each
    worker process: one per worker after a run of several tasks each.

    Failures never stop the run: a file that cannot be read or written is an error result (as in
    the local engine), and a task that raises unexpectedly is retried one file per task so that only
    the files that fail are reported, each as an error result; a task whose worker died is
    reported for its files without retry (a file that kills workers would kill more).
    """
    try:
        import distributed
    except ImportError:
        raise ExtractError(f"the dask engine needs Dask, which is not installed; install it with: {INSTALL_HINT}") from None

    files = [str(f) for f in files]
    if not files:
        return []
    shipped, shipped_job, back = _absolute(files, job)
    cluster = None
    try:
        if scheduler:
            try:
                client = distributed.Client(scheduler, timeout="10s", set_as_default=False)
            except (OSError, TimeoutError) as e:
                raise ExtractError(f"cannot connect to the Dask scheduler at {scheduler}: {_one_line(e)}") from None
        else:
            try:
                cluster = local_cluster(workers)
            except Exception as e:  # noqa: BLE001 - whatever stops it, say so in one line
                raise ExtractError(f"cannot start a local Dask cluster: {_one_line(e)}") from None
            client = distributed.Client(cluster, set_as_default=False)
        try:
            results = _run_on(client, shipped, shipped_job, advance)
        finally:
            client.close()
    finally:
        if cluster is not None:
            cluster.close()
    order = {path: i for i, path in enumerate(files)}
    results = [back(r) for r in results]
    results.sort(key=lambda r: order.get(r.path, len(order)))
    return results


def local_cluster(workers: int) -> Any:
    """A ``LocalCluster`` of ``workers`` processes with one thread each (spaCy is safest one
    thread per process), no dashboard, and quiet logs: task failures come back as results."""
    import distributed

    return distributed.LocalCluster(
        n_workers=max(1, workers), threads_per_worker=1, processes=True,
        dashboard_address=None,  # no dashboard; and its HTTP server on a free port, not 8787:
        scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
        silence_logs=logging.CRITICAL,
    )


def worker_stats() -> dict[str, int]:
    """This process's id, the extraction tasks it ran, and how many times it loaded a pipeline.

    Run it on every worker with ``client.run(worker_stats)``: after a run, ``pipeline_loads`` is 1
    per worker (per model) however many ``tasks`` it ran. The count is the ``lru_cache`` misses of
    :func:`extract.text.nlp.load_pipeline`, i.e. how many times its body (``spacy.load``) ran.
    """
    return {"pid": os.getpid(), "tasks": _tasks_run, "pipeline_loads": load_pipeline.cache_info().misses}


def extract_part(paths: list[str], job: Job) -> list[FileResult]:
    """One task: :func:`extract.run.jobs.process_files` on ``paths``, counted in :func:`worker_stats`."""
    global _tasks_run
    _tasks_run += 1
    return process_files(paths, job)


def _warm(model: str | None) -> int:
    load_pipeline(model)  # cached for every later task in this process
    return os.getpid()


def _run_on(
    client: Any,
    files: list[str],
    job: Job,
    advance: Callable[[int], None],
    task: Callable[[list[str], Job], list[FileResult]] = extract_part,
) -> list[FileResult]:
    """The run on a connected client; ``task`` is the unit of work (replaceable in tests)."""
    import distributed

    try:
        client.wait_for_workers(1, timeout=WORKER_WAIT_SECONDS)
    except (TimeoutError, OSError):
        raise ExtractError(f"the Dask cluster has no workers (waited {WORKER_WAIT_SECONDS}s); start some with: dask worker --nthreads 1 ADDRESS") from None
    try:
        client.run(_warm, job.model)
    except ExtractError:
        raise  # ModelNotFound, one line, when a worker lacks the model
    except Exception as e:  # noqa: BLE001 - e.g. the package is not installed on a worker
        raise ExtractError(
            f"cannot load the spaCy pipeline on the Dask workers ({type(e).__name__}: {_one_line(e)}); "
            "every worker needs this package and the model installed"
        ) from None
    threads = sum(client.nthreads().values()) or 1
    parts = partition([Path(f) for f in files], threads * PARTS_PER_THREAD)
    pending = {client.submit(task, part, job, pure=False): part for part in parts}
    results: list[FileResult] = []
    queue = distributed.as_completed(list(pending), loop=client.loop)
    for future in queue:
        part = pending.pop(future)
        try:
            done = future.result()
        except Exception as e:  # noqa: BLE001 - any failure of a task becomes results for its files
            if len(part) > 1 and not isinstance(e, distributed.KilledWorker):
                for path in part:  # find which files fail: one task each
                    single = client.submit(task, [path], job, pure=False)
                    pending[single] = [path]
                    queue.add(single)
                continue
            done = [_failed(path, e, distributed.KilledWorker) for path in part]
        finally:
            future.release()
        results.extend(done)
        advance(len(done))
    return results


def _failed(path: str, e: BaseException, killed: type[BaseException]) -> FileResult:
    if isinstance(e, killed):
        message = "the Dask worker running it died (out of memory, or a crash)"
    else:
        message = f"failed on a Dask worker ({type(e).__name__}: {_one_line(e)})"
    code = e.exit_code if isinstance(e, ExtractError) else errors.BAD_INPUT
    return FileResult(path=path, error=f"{path}: {message}", exit_code=code)


def _one_line(e: BaseException) -> str:
    return " ".join(str(e).split()) or type(e).__name__


def _absolute(files: list[str], job: Job) -> tuple[list[str], Job, Callable[[FileResult], FileResult]]:
    """What to ship to workers, whose working directory may be anywhere: absolute file names and a
    job with absolute directories; and the function that maps results back to the caller's names,
    so that messages and ``output`` read as with the local engine."""
    absolute = [os.path.abspath(f) for f in files]
    mine_of = dict(zip(reversed(absolute), reversed(files)))  # the first name given, for a repeated file
    shipped = replace(
        job, out_dir=os.path.abspath(job.out_dir), lexicons=os.path.abspath(job.lexicons) if job.lexicons else None
    )
    out_dir = str(Path(job.out_dir))

    def back(r: FileResult) -> FileResult:
        mine = mine_of.get(r.path, r.path)

        def local(text: str | None) -> str | None:
            return None if text is None else text.replace(r.path, mine).replace(shipped.out_dir, out_dir)

        output = r.output and str(Path(job.out_dir) / Path(r.output).name)  # as batch.iter_process names it
        return replace(r, path=mine, output=output, error=local(r.error), warning=local(r.warning))

    return absolute, shipped, back
