"""Stage 7, run: takes files and options and gives written ``<id>.json`` (and ``<id>.html``) files.

``jobs`` is the unit of work (``process_files``: extract a list of files in one process);
``batch`` finds the files and runs them in this process or a local pool, ``distributed`` on a Dask
cluster; ``report`` renders the HTML page; ``schema`` writes the JSON Schemas; ``cli`` is the
``extract`` command. The report and Dask engine are imported on first use (their dependencies are
not needed by an ordinary run).
"""

from .batch import run_batch, run_local
from .jobs import FileResult, Job, process_files

_LAZY = {"build_report": "report", "render_report": "report", "write_report": "report", "run_dask": "distributed"}

__all__ = ["FileResult", "Job", "process_files", "run_batch", "run_local", *_LAZY]


def __getattr__(name: str):
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
