"""How well a score ranks the stated moves of held-out sources.

- ``auc``, ``ap``: ROC AUC and average precision over every tested pair (scikit-learn);
- ``p5``, ``r10``: precision among each source's 5 best-scored targets and the share of its
  stated moves among its 10 best, averaged over the sources that state a move;
- :func:`calibration`: per tenth of predicted probability, how many pairs, the mean
  probability and the share stated.

>>> import numpy as np
>>> from datacareers.movemodel.fit import Pairs
>>> p = Pairs(np.array([0, 0, 0, 1, 1, 1]), np.array([1, 2, 3, 0, 2, 3]), np.array([1, 0, 0, 0, 1, 0]))
>>> m = ranking(p, np.array([0.9, 0.2, 0.1, 0.3, 0.8, 0.5]))
>>> m["auc"], m["p5"], m["r10"]
(1.0, 0.333, 1.0)
"""

from __future__ import annotations

import numpy as np
from sklearn.metrics import average_precision_score, roc_auc_score


def ranking(pairs, scores: np.ndarray) -> dict[str, float]:
    y = pairs.label
    order = np.lexsort((-scores, pairs.source))
    src, lab = pairs.source[order], y[order]
    starts = np.flatnonzero(np.r_[True, src[1:] != src[:-1]])
    ends = np.r_[starts[1:], len(src)]
    p5, r10 = [], []
    for a, b in zip(starts, ends, strict=True):
        stated = lab[a:b].sum()
        if stated:
            p5.append(lab[a:min(a + 5, b)].sum() / min(5, b - a))
            r10.append(lab[a:min(a + 10, b)].sum() / stated)
    return {"auc": round(float(roc_auc_score(y, scores)), 3), "ap": round(float(average_precision_score(y, scores)), 3),
            "p5": round(float(np.mean(p5)), 3), "r10": round(float(np.mean(r10)), 3), "sources": len(p5),
            "pairs": int(len(y)), "stated": int(y.sum())}


def calibration(labels: np.ndarray, probability: np.ndarray, bins: int = 10) -> list[dict]:
    """Per tenth of probability with pairs in it: pairs, mean probability, share stated."""
    which = np.minimum((probability * bins).astype(int), bins - 1)
    table = []
    for b in range(bins):
        inside = which == b
        if inside.any():
            table.append({"bin": f"{b / bins:.1f}-{(b + 1) / bins:.1f}", "pairs": int(inside.sum()),
                          "predicted": round(float(probability[inside].mean()), 3),
                          "observed": round(float(labels[inside].mean()), 3)})
    return table


def worst_gap(table: list[dict], least: int = 50) -> float:
    """The largest |predicted - observed| over the tenths of the table holding at least
    *least* pairs (a tenth of 3 pairs measures nothing)."""
    return round(max(abs(row["predicted"] - row["observed"]) for row in table if row["pairs"] >= least), 3)
