"""Stage 6, evaluate: takes predicted and gold ``Document`` s and gives scores and mismatches.

``gold`` builds a gold document from a hand-written annotation; ``scoring`` aligns predicted with
gold items and counts, field by field (pure computation); ``scorecard`` reads the files and prints
the tables and every mismatch with its line and column (``extract diff``).
"""

from .gold import build, load_annotation
from .scorecard import diff_command, gold_beside, load_document, print_corpus_scorecard
from .metrics import ArticleScore, Counts, Mismatch, metric_names, total
from .scoring import score

__all__ = [
    "ArticleScore", "Counts", "Mismatch", "build", "diff_command", "gold_beside", "load_annotation",
    "load_document", "metric_names", "print_corpus_scorecard", "score", "total",
]
