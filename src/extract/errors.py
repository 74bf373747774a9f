"""Errors a user can fix, each with the exit code the CLI returns for it.

Every message is one line that says what is wrong and, where it can, what to do.
"""

from __future__ import annotations

# Exit codes, documented in the README.
OK = 0
FAILED = 1  # a check did not pass (``diff --fail-under``)
USAGE = 2  # bad arguments (argparse's own code)
BAD_INPUT = 3  # an input text or gold file cannot be used
NO_MODEL = 4  # the spaCy pipeline is not installed
CANNOT_WRITE = 5  # an output cannot be written
PARTIAL = 6  # a batch where some files failed and the others were written
INTERNAL = 7  # an article raised an unexpected exception (a bug; --debug shows the traceback)


class ExtractError(Exception):
    """A problem with the user's input or environment, reported as one line."""

    exit_code = BAD_INPUT

    def __init__(self, message: str, *, exit_code: int | None = None) -> None:
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code


class InputError(ExtractError):
    exit_code = BAD_INPUT


class ModelNotFound(ExtractError):
    exit_code = NO_MODEL


class OutputError(ExtractError):
    exit_code = CANNOT_WRITE
