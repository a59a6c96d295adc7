"""The split by occupation, the fitted and calibrated model, and the held-out figures.

Occupations are split once, with a fixed seed: a fifth **held out** (the fiches matched to
the curated roles always among them, so the moves shipped between curated roles are
predictions for fiches the model never saw), a fifth for **validation** (calibration and
the threshold) and the rest to **fit**. A pair is fitted on when both ends are fitted
occupations, validated when its source is a validation occupation (its target fitted or
validation), tested when its source is held out (any target): the moves of a held-out
occupation are never seen before the test.

The model is scikit-learn's histogram gradient boosting over the features (a logistic
regression reached ROC AUC 0.933 where boosting reaches 0.95), its score turned into a
probability by isotonic regression fitted on the validation pairs.

>>> split = split_codes([f"c{i}" for i in range(10)], forced={"c3"}, seed=1)
>>> "c3" in split["test"], sorted(len(v) for v in split.values())
(True, [2, 2, 6])
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.isotonic import IsotonicRegression
from sklearn.metrics import roc_auc_score

from datacareers.movemodel.features import feature_names, ranks, similarities
from datacareers.movemodel.releases import Occupations

SEED = 19
HELD_OUT = 0.2
VALIDATION = 0.2


def split_codes(codes: list[str], forced: set[str] = frozenset(), seed: int = SEED) -> dict[str, set[str]]:
    """{"fit", "validation", "test"} sets of codes: *forced* codes are tested, the rest shuffled."""
    rest = sorted(set(codes) - set(forced))
    random.Random(seed).shuffle(rest)
    n_test = max(round(HELD_OUT * len(codes)) - len(set(forced) & set(codes)), 0)
    n_val = round(VALIDATION * len(codes))
    test = (set(forced) & set(codes)) | set(rest[:n_test])
    return {"test": test, "validation": set(rest[n_test:n_test + n_val]), "fit": set(rest[n_test + n_val:])}


@dataclass
class Pairs:
    """Ordered pairs (sources, targets as index arrays) with their labels (1 = the release states it)."""

    source: np.ndarray
    target: np.ndarray
    label: np.ndarray

    def take(self, matrix: np.ndarray) -> np.ndarray:
        return matrix[self.source, self.target]


def pairs_of(occ: Occupations, sources: set[str], targets: set[str], positives: set[tuple[int, int]]) -> Pairs:
    src = np.array(sorted(occ.index[c] for c in sources), dtype=np.int64)
    tgt = np.array(sorted(occ.index[c] for c in targets), dtype=np.int64)
    s, t = np.repeat(src, len(tgt)), np.tile(tgt, len(src))
    keep = s != t
    s, t = s[keep], t[keep]
    n = len(occ.codes)
    stated = np.zeros(n * n, dtype=bool)
    stated[[a * n + b for a, b in positives]] = True
    return Pairs(s, t, stated[s * n + t].astype(np.int8))


def matrix_of(features: dict[str, np.ndarray], names: list[str], pairs: Pairs) -> np.ndarray:
    return np.column_stack([pairs.take(features[name]) for name in names]).astype(np.float32)


def neighbour_vote(features: dict[str, np.ndarray], known: set[int], positives: set[tuple[int, int]],
                   k: int = 10) -> np.ndarray:
    """How far the *k* fitted occupations nearest to A in text state a move to B (a text-similarity
    weighted vote), counting only moves between fitted occupations: a held-out occupation's
    moves, in or out, never count."""
    n = features["text_cos"].shape[0]
    stated = np.zeros((n, n), dtype=np.float32)
    for a, b in positives:
        if a in known and b in known:
            stated[a, b] = 1
    near = features["text_cos"].copy()
    np.fill_diagonal(near, 0)
    near[:, sorted(set(range(n)) - known)] = 0
    kth = -np.sort(-near, axis=1)[:, k - 1:k]
    return (np.where(near >= kth, near, 0) @ stated).astype(np.float32)


@dataclass
class Model:
    """A fitted gradient-boosting classifier and its isotonic calibration (scikit-learn)."""

    names: list[str]
    booster: object
    calibration_x: np.ndarray
    calibration_y: np.ndarray

    def score(self, x: np.ndarray) -> np.ndarray:
        return self.booster.predict_proba(x)[:, 1]

    def probability(self, x: np.ndarray) -> np.ndarray:
        return np.interp(self.score(x), self.calibration_x, self.calibration_y)


#: Gradient boosting's settings (fixed, no search: chosen once on the validation split).
BOOSTING = {"max_iter": 300, "learning_rate": 0.05, "max_leaf_nodes": 31, "early_stopping": False,
            "random_state": SEED}
#: Share of the fitted non-moves kept (all moves are kept): speed; isotonic calibration
#: on the validation pairs, which keeps them all, undoes the shift it brings.
NEGATIVES_KEPT = 0.25


def fit_model(x_fit, y_fit, x_val, y_val, names: list[str]) -> Model:

    keep = (y_fit == 1) | (np.random.default_rng(SEED).random(len(y_fit)) < NEGATIVES_KEPT)
    booster = HistGradientBoostingClassifier(**BOOSTING).fit(x_fit[keep], y_fit[keep])
    raw = booster.predict_proba(x_val)[:, 1]
    iso = IsotonicRegression(out_of_bounds="clip", y_min=0, y_max=1).fit(raw, y_val)
    return Model(names, booster, np.asarray(iso.X_thresholds_, dtype=np.float64),
                 np.asarray(iso.y_thresholds_, dtype=np.float64))


def learn(occ: Occupations, forced: set[str] = frozenset(), seed: int = SEED):
    """(features, split, pairs by part, fitted model) for *occ*'s stated moves."""
    features = similarities(occ)
    split = split_codes(occ.codes, forced, seed)
    positives = occ.pairs()
    fitted = {occ.index[c] for c in split["fit"]}
    features["vote"] = neighbour_vote(features, fitted, positives)
    features["vote_rank_out"], _ = ranks(features["vote"] + 1e-6 * features["text_cos"])
    names = feature_names(occ) + ["vote", "vote_rank_out"]
    known = split["fit"] | split["validation"]
    parts = {"fit": pairs_of(occ, split["fit"], split["fit"], positives),
             "validation": pairs_of(occ, split["validation"], known, positives),
             "test": pairs_of(occ, split["test"], set(occ.codes), positives)}
    model = fit_model(matrix_of(features, names, parts["fit"]), parts["fit"].label,
                      matrix_of(features, names, parts["validation"]), parts["validation"].label, names)
    return features, split, parts, model


def importance(model: Model, features: dict[str, np.ndarray], pairs: Pairs, sample: int = 50_000) -> dict[str, float]:
    """Each feature's weight in the model: how much the validation ROC AUC drops when its
    column is shuffled (on a fixed sample of the validation pairs)."""
    rng = np.random.default_rng(SEED)
    rows = np.sort(rng.choice(len(pairs.label), size=min(sample, len(pairs.label)), replace=False))
    x = matrix_of(features, model.names, Pairs(pairs.source[rows], pairs.target[rows], pairs.label[rows]))
    y = pairs.label[rows]
    base = roc_auc_score(y, model.score(x))
    out = {}
    for j, name in enumerate(model.names):
        shuffled = x.copy()
        shuffled[:, j] = rng.permutation(shuffled[:, j])
        out[name] = round(float(base - roc_auc_score(y, model.score(shuffled))), 4)
    return out
