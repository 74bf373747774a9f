"""Scores of an `extract diff --json` report grouped by the form of each article.

usage: python tools/by_form.py REPORT.json eval/forms/articles.json

The manifest lists each article's form and writer; the table sums the counts of the articles of
each form (micro-averaged) and prints meetings F1, start date, city, country, format, direct
end-to-end F1 and speaker accuracy, the figures issue 15 asks of unseen articles.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict


def _add(total: dict, counts: dict) -> None:
    for key, value in counts.items():
        slot = total.setdefault(key, {})
        for k, v in value.items():
            slot[k] = slot.get(k, 0) + v


def _f1(c: dict) -> float | None:
    tp, fp, fn = c.get("tp", 0), c.get("fp", 0), c.get("fn", 0)
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else None


def _acc(c: dict) -> float | None:
    return c["correct"] / c["total"] if c.get("total") else None


def row(counts: dict) -> list[float | None]:
    return [
        _f1(counts.get("meetings", {})),
        _acc(counts.get("fields.start_date", {})),
        _acc(counts.get("fields.city", {})),
        _acc(counts.get("fields.country", {})),
        _acc(counts.get("fields.format", {})),
        _f1(counts.get("quotes.direct.e2e", {})),
        _acc(counts.get("quotes.all.speaker", {})),
    ]


def main(report_path: str, manifest_path: str) -> None:
    report = json.load(open(report_path, encoding="utf-8"))
    forms = {m["id"]: m["form"] for m in json.load(open(manifest_path, encoding="utf-8"))}
    groups: dict[str, dict] = defaultdict(dict)
    n: dict[str, int] = defaultdict(int)
    for art in report["articles"]:
        form = forms.get(art["article"], "?")
        _add(groups[form], art["counts"])
        _add(groups["all"], art["counts"])
        n[form] += 1
        n["all"] += 1
    print("| form | articles | meetings F1 | start date | city | country | format | direct e2e F1 | speaker acc. |")
    print("|---|---|---|---|---|---|---|---|---|")
    for form in sorted(groups, key=lambda f: (f == "all", f)):
        cells = ["–" if v is None else f"{v:.2f}" for v in row(groups[form])]
        print(f"| {form} | {n[form]} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main(*sys.argv[1:3])
