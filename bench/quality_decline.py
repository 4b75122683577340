"""Declining, measured where the truth is known: SQuAD 2.0's unanswerable questions and corpus/'s off-topic ones."""

from __future__ import annotations

from typing import Any

GRID = tuple(round(0.30 + 0.025 * i, 3) for i in range(17))  # 0.30 .. 0.70


def _of(items: list, declined: list[bool], idx: list[int]) -> dict[str, float]:
    unans = [i for i in idx if not items[i].answers]
    ans = [i for i in idx if items[i].answers]
    dec = [i for i in idx if declined[i]]
    return {
        "declined_unanswerable": sum(1 for i in unans if declined[i]) / max(len(unans), 1),
        "answered_answerable": sum(1 for i in ans if not declined[i]) / max(len(ans), 1),
        "decline_precision": sum(1 for i in dec if not items[i].answers) / max(len(dec), 1),
        "unanswerable": len(unans),
        "answerable": len(ans),
    }


def decline_report(items: list, answers: list[dict[str, Any]], min_score: float) -> dict[str, Any]:
    declined = [not a["answered"] for a in answers]
    out: dict[str, Any] = {"min_score": min_score, **_of(items, declined, list(range(len(items))))}
    out["halves"] = [_of(items, declined, [i for i in range(len(items)) if items[i].half == h]) for h in (0, 1)]
    return out


def sweep(items: list, answers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The trade-off curve: declining below each threshold of the decline score, per half (answers that the sentence
    choice declines, extractive.CHOICE_FLOOR, are declined at every threshold)."""
    rows = []
    for th in GRID:
        declined = [a["confidence"] < th or a.get("choice_declined", False) for a in answers]
        rows.append({
            "min_score": th,
            "halves": [_of(items, declined, [i for i in range(len(items)) if items[i].half == h]) for h in (0, 1)],
        })
    return rows
