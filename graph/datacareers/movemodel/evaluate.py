"""The whole evaluation: the model and the baselines on held-out ROME fiches, on the moves
between the fiches matched to the curated roles, and the same recipe on O*NET Related
Occupations and the Career Changers Matrix (held-out occupations); the threshold chosen on
the validation split. :func:`run` computes it once per process (generation and printing share it).

>>> BASELINES["text_cos"]
'TF-IDF of the whole text'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from datacareers.movemodel.fit import SEED, Model, Pairs, importance, learn, matrix_of
from datacareers.movemodel.measure import calibration, ranking, worst_gap
from datacareers.movemodel.releases import Occupations, read_onet, read_rome

#: The simple measures the model is set against (each a single matrix of movemodel.features).
BASELINES = {
    "domain_score": "same ROME domain / sub-domain",
    "skills_all_jaccard": "Jaccard of skill sets",
    "skills_all_cover": "coverage of the target's skills (today's measure, IDF-weighted)",
    "skills_all_cos": "IDF-weighted skill cosine",
    "text_cos": "TF-IDF of the whole text",
}
#: The thresholds tried on the validation split (the kept one maximises F1 there).
THRESHOLDS = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)


@dataclass
class Result:
    occ: Occupations
    features: dict
    split: dict
    model: Model
    figures: dict = field(default_factory=dict)  # ground -> scorer -> metrics
    calibration: list = field(default_factory=list)
    threshold: dict = field(default_factory=dict)
    weights: dict = field(default_factory=dict)


def _subset(pairs: Pairs, keep: np.ndarray) -> Pairs:
    return Pairs(pairs.source[keep], pairs.target[keep], pairs.label[keep])


def _table(features, model: Model, pairs: Pairs) -> dict[str, dict]:
    out = {"model": ranking(pairs, model.score(matrix_of(features, model.names, pairs)))}
    for name in BASELINES:
        if name in features:
            out[name] = ranking(pairs, pairs.take(features[name]))
    return out


def choose_threshold(model: Model, features, validation: Pairs) -> dict:
    """The probability kept from: the one of THRESHOLDS with the best F1 on the validation pairs."""
    p = model.probability(matrix_of(features, model.names, validation))
    best = None
    for t in THRESHOLDS:
        kept = p >= t
        hits = int((kept & (validation.label == 1)).sum())
        precision = hits / kept.sum() if kept.any() else 0.0
        recall = hits / max(int(validation.label.sum()), 1)
        f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
        row = {"threshold": t, "precision": round(float(precision), 3), "recall": round(float(recall), 3),
               "f1": round(float(f1), 3)}
        if best is None or row["f1"] > best["f1"]:
            best = row
    return best


def fit_and_measure(occ: Occupations, forced: set[str] = frozenset()) -> Result:
    """The model fitted on *occ*'s fit split, its held-out figures, calibration, threshold and weights
    (*forced* codes held out, with their own "curated" table)."""
    features, split, parts, model = learn(occ, forced, SEED)
    features["domain_score"] = features["same_domain"] + features["same_subdomain"]
    result = Result(occ, features, split, model)
    result.figures["held-out"] = _table(features, model, parts["test"])
    x = matrix_of(features, model.names, parts["test"])
    result.calibration = calibration(parts["test"].label, model.probability(x))
    result.threshold = choose_threshold(model, features, parts["validation"])
    result.weights = importance(model, features, parts["validation"])
    if forced:
        chosen = np.array(sorted(occ.index[c] for c in forced if c in occ.index))
        test = parts["test"]
        keep = np.isin(test.source, chosen) & np.isin(test.target, chosen)
        result.figures["curated"] = _table(features, model, _subset(test, keep))
    result.figures["calibration-worst-gap"] = {"model": {"gap": worst_gap(result.calibration)}}
    return result


_DONE: dict = {}


def run(datasets: Path, curated: set[str], onet: bool = True) -> dict[str, Result]:
    """{"rome": ..., "onet-related": ..., "onet-changers": ...}, computed once per process."""
    key = (str(datasets), frozenset(curated), onet)
    if key not in _DONE:
        out = {"rome": fit_and_measure(read_rome(datasets), set(curated))}
        if onet:
            out["onet-related"] = fit_and_measure(read_onet(datasets, "related"), set())
            out["onet-changers"] = fit_and_measure(read_onet(datasets, "changers"), set())
        _DONE[key] = out
    return _DONE[key]


def probabilities(result: Result, pairs: list[tuple[str, str]]) -> list[float]:
    """The calibrated probability of each (from code, to code)."""
    occ = result.occ
    p = Pairs(np.array([occ.index[a] for a, _ in pairs]), np.array([occ.index[b] for _, b in pairs]),
              np.zeros(len(pairs), dtype=np.int8))
    return [float(v) for v in result.model.probability(matrix_of(result.features, result.model.names, p))]
