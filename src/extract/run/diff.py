"""How a document differs from gold, as the scorer finds it, indexed by item for the report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..evaluate.metrics import ArticleScore
from ..evaluate.scoring import score
from ..models import Document
from .markup import plain


@dataclass
class Diff:
    """The scorer's verdicts, indexed for rendering."""

    score: ArticleScore
    gold: Document
    wrong: dict[str, dict[str, Any]] = field(default_factory=dict)  # pred id -> field -> mismatch
    spurious: set[str] = field(default_factory=set)  # pred ids
    missed: list[str] = field(default_factory=list)  # gold ids
    gold_of: dict[str, str] = field(default_factory=dict)  # pred meeting id -> gold meeting id

    @classmethod
    def of(cls, pred: Document, gold: Document) -> Diff:
        result = score(pred, gold)
        diff = cls(score=result, gold=gold, gold_of=dict(result.meeting_pairs))
        for m in result.mismatches:
            if m.kind == "wrong":
                diff.wrong.setdefault(m.pred_id, {})[m.field] = m
            elif m.kind == "spurious":
                diff.spurious.add(m.pred_id)
            else:
                diff.missed.append(m.gold_id)
        return diff

    def status(self, pred_id: str) -> str | None:
        if pred_id in self.spurious:
            return "spurious"
        return "wrong" if pred_id in self.wrong else None

    def note(self, pred_id: str) -> str:
        """One line on how a predicted item differs from gold; empty when it agrees."""
        if pred_id in self.spurious:
            return "spurious: not in gold"
        fields = self.wrong.get(pred_id)
        if not fields:
            return ""
        return "wrong " + "; ".join(f"{name} (gold: {plain(m.gold) or 'none'})" for name, m in fields.items())
